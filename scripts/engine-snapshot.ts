/**
 * tsx scripts/engine-snapshot.ts [out.json]
 *
 * The engine's output on every workbook the project has (the examples, ../shared/corpus/forms and
 * two bench-style workbooks built from the example, repeated and distinct): the diagnostics in full
 * and a digest of the model. test/engine/same-output.test.ts compares against the stored file, which
 * was generated from the code before the engine's caches and indexes (issue 14) — the output must not
 * change when only speed does.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../src/checker";
import type { WorkbookSnapshot } from "../src/engine/snapshot";
import { readXlsxBuffer } from "../src/hosts/xlsx/read-xlsx";
import { scaleSnapshot } from "../bench/workbooks";

const ROOT = join(__dirname, "..");
/** The corpus is a sibling checkout (../shared); without it only the examples and bench workbooks are inputs. */
export const CORPUS = join(ROOT, "..", "shared", "corpus", "forms");

export interface EngineOutput {
  diagnostics: unknown[];
  modelSha256: string;
  forms: number;
}

export async function engineInputs(): Promise<Array<{ name: string; snapshot: WorkbookSnapshot }>> {
  const out: Array<{ name: string; snapshot: WorkbookSnapshot }> = [];
  const examples = join(ROOT, "examples");
  for (const f of readdirSync(examples)
    .filter((f) => f.endsWith(".xlsx"))
    .sort())
    out.push({ name: `examples/${f}`, snapshot: await readXlsxBuffer(readFileSync(join(examples, f)), f) });
  if (existsSync(CORPUS))
    for (const f of readdirSync(CORPUS)
      .filter((f) => f.endsWith(".xlsx"))
      .sort())
      out.push({ name: `corpus/${f}`, snapshot: await readXlsxBuffer(readFileSync(join(CORPUS, f)), f) });
  const base = out.find((x) => x.name.endsWith("nancheng-2026-per-sheet.xlsx"))!.snapshot;
  out.push({ name: "bench-repeated-20", snapshot: scaleSnapshot(base, 20) });
  out.push({ name: "bench-distinct-30", snapshot: scaleSnapshot(base, 30, "distinct") });
  return out;
}

export function engineOutput(snapshot: WorkbookSnapshot): EngineOutput {
  const { model, diagnostics } = checkWorkbook(snapshot);
  const modelJson = JSON.stringify(model);
  return {
    forms: model.forms.length,
    modelSha256: createHash("sha256").update(modelJson).digest("hex"),
    diagnostics: JSON.parse(JSON.stringify(diagnostics)) as unknown[],
  };
}

async function main() {
  const result: Record<string, EngineOutput> = {};
  for (const { name, snapshot } of await engineInputs()) result[name] = engineOutput(snapshot);
  const file = process.argv[2] ?? join(ROOT, "test", "engine", "engine-output.snapshot.json");
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n"); // then: npx prettier --write FILE
  console.log(`${file}: ${Object.keys(result).length} workbooks`);
}

if (require.main === module) void main();
