/**
 * npx tsx bench/ab-engine.ts OTHER_CHECKOUT [N] [ROUNDS] [repeated|distinct]
 *
 * Same-process A/B of the engine: the bench workbook of N project forms (default 200) is read once with
 * this checkout's reader, then this checkout's `checkWorkbook` and OTHER_CHECKOUT's (an older commit in a
 * git worktree) are run alternately, ROUNDS (default 15) rounds after 5 warm-up rounds each, and the
 * medians printed.
 * Alternating in one process cancels most of the machine's load and JIT differences.
 * With AB_RULES=id,id… only those rules are timed: each round reads a fresh model (untimed, so no
 * per-form cache of a rule carries over) and times checkModel with those rules alone.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/checker";
import { readXlsxBytes } from "../src/hosts/xlsx/lean/browser";
import { benchWorkbookFile } from "./workbooks";

type Check = (s: unknown) => unknown;
interface Engine {
  checkWorkbook: Check;
  checkModel: (model: unknown, options: object, rules: readonly unknown[]) => unknown;
  readWorkbook: (s: unknown) => unknown;
  rules: readonly unknown[];
}

/** A checkout's engine: its checker, reader and (with AB_RULES) the rules named. */
async function engine(root: string): Promise<Engine> {
  const checker = (await import(join(root, "src", "checker.ts"))) as Pick<
    Engine,
    "checkWorkbook" | "checkModel"
  >;
  const reader = (await import(join(root, "src", "engine", "read-forms.ts"))) as Pick<Engine, "readWorkbook">;
  const { ALL_RULES } = (await import(join(root, "src", "rules", "index.ts"))) as {
    ALL_RULES: readonly { meta: { id: string } }[];
  };
  const ids = (process.env.AB_RULES ?? "").split(",").filter(Boolean);
  return { ...checker, ...reader, rules: ALL_RULES.filter((r) => ids.includes(r.meta.id)) };
}

async function main(): Promise<void> {
  const other = resolve(process.argv[2] ?? "");
  const n = Number(process.argv[3] ?? 200);
  const rounds = Number(process.argv[4] ?? 15);
  const kind = process.argv[5] === "distinct" ? "distinct" : "repeated";
  const file = await benchWorkbookFile(n, kind);
  const snapshot = readXlsxBytes(readFileSync(file), file);
  const theirs = await engine(other);
  const ours = {
    ...(await engine(resolve(__dirname, ".."))),
    checkWorkbook: checkWorkbook as unknown as Check,
  };
  const rulesOnly = !!process.env.AB_RULES;
  const times: Record<"ours" | "theirs", number[]> = { ours: [], theirs: [] };
  for (let round = 0; round < rounds + 5; round++) {
    for (const [name, e] of [
      ["theirs", theirs],
      ["ours", ours],
    ] as const) {
      const model = rulesOnly ? e.readWorkbook(snapshot) : null;
      const t = performance.now();
      if (rulesOnly) e.checkModel(model, {}, e.rules);
      else e.checkWorkbook(snapshot);
      if (round >= 5) times[name].push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    JSON.stringify({
      forms: n,
      kind,
      ...(rulesOnly ? { rules: process.env.AB_RULES } : {}),
      other,
      oursMs: +median(times.ours).toFixed(1),
      theirsMs: +median(times.theirs).toFixed(1),
    }),
  );
}

void main();
