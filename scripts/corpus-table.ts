/**
 * The table over the corpus of real forms (../shared/corpus) for the closing note of issue 10:
 * per form its file, sheet, the profile chosen, the fields read (of the profile's), the indicator
 * rows read, the listed problems found (of those truth.json lists whose rule we have) and the false
 * findings (errors, then warnings and infos, that truth.json does not list; on a cut-off form a
 * finding about its missing tail is neither right nor wrong, as in test/corpus/corpus.test.ts).
 *
 *   npx tsx scripts/corpus-table.ts [corpus-dir]
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../src/checker";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { RULES_BY_ID } from "../src/rules";
import type { Diagnostic } from "../src/rules/types";
import { PROFILES_BY_ID } from "../src/templates";

interface TruthFinding {
  cell: string;
  rule?: string;
}
interface TruthForm {
  id: string;
  file: string;
  sheet?: string;
  complete: boolean;
  isTargetForm: boolean;
  findings?: TruthFinding[];
}

const CORPUS = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "..", "shared", "corpus"));
const TAIL_RULES = new Set(["missing-section", "required-indicators"]);

function lastRowShown(form: TruthForm): number {
  const txt = path.join(CORPUS, form.file.replace(/\.xlsx$/, ".txt"));
  return readFileSync(txt, "utf8").replace(/\n+$/, "").split("\n").length;
}

const listed = (form: TruthForm, d: Diagnostic) =>
  (form.findings ?? []).some((f) => f.cell === d.cell && (f.rule === undefined || f.rule === d.rule));

const aboutTail = (form: TruthForm, d: Diagnostic) =>
  !form.complete && (TAIL_RULES.has(d.rule) || d.row + 1 >= lastRowShown(form));

async function main(): Promise<void> {
  if (!existsSync(path.join(CORPUS, "truth.json"))) throw new Error(`no truth.json in ${CORPUS}`);
  const truth = JSON.parse(readFileSync(path.join(CORPUS, "truth.json"), "utf8")) as { forms: TruthForm[] };
  const rows: string[] = [
    "| form | sheet | profile chosen (score) | fields read | indicator rows | listed problems found | false errors | false warnings/infos |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const total = { found: 0, listed: 0, errors: 0, warnings: 0 };
  for (const form of truth.forms) {
    const r = checkWorkbook(await readXlsxFile(path.join(CORPUS, form.file)));
    const f = r.model.forms[0];
    const nt = r.model.notTargets?.[0];
    const choice = f?.template ?? nt?.template;
    const profile = choice ? PROFILES_BY_ID.get(choice.id) : undefined;
    const sheet = f?.sheet ?? nt?.sheet ?? form.sheet ?? "";
    const fields = f && profile ? `${(f.fields ?? []).length} of ${profile.fields.length}` : "—";
    const indicators = f ? String(f.indicators.length) : "—";
    const coverable = (form.findings ?? []).filter((x) => x.rule && RULES_BY_ID.has(x.rule));
    const found = coverable.filter((x) => r.diagnostics.some((d) => d.cell === x.cell && d.rule === x.rule));
    if (process.argv.includes("--misses"))
      for (const x of coverable.filter((y) => !found.includes(y)))
        console.error(`miss: ${form.id} ${x.cell} ${x.rule}: ${JSON.stringify(x).slice(0, 300)}`);
    const unlisted = r.diagnostics.filter((d) => !listed(form, d) && !aboutTail(form, d));
    const falseErrors = unlisted.filter((d) => d.severity === "error");
    // A non-target form's one info (not-target-form) is what it must give, not a false finding.
    const falseOthers = unlisted.filter(
      (d) => d.severity !== "error" && !(nt && d.rule === "not-target-form"),
    );
    total.found += found.length;
    total.listed += coverable.length;
    total.errors += falseErrors.length;
    total.warnings += falseOthers.length;
    const rulesOf = (ds: Diagnostic[]) =>
      ds.length === 0 ? "0" : `${ds.length} (${[...new Set(ds.map((d) => d.rule))].join(", ")})`;
    rows.push(
      `| ${path.basename(form.file)} | ${sheet} | ${choice ? `${choice.id} (${choice.score})` : "none"} | ${fields} | ${indicators} | ${found.length}/${coverable.length} | ${rulesOf(falseErrors)} | ${rulesOf(falseOthers)} |`,
    );
  }
  rows.push(
    `| **all ${truth.forms.length}** | | | | | **${total.found}/${total.listed}** | **${total.errors}** | **${total.warnings}** |`,
  );
  console.log(rows.join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
