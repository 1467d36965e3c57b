/**
 * The checker on the corpus of real published forms (../shared/corpus): every form recognised with
 * the profile of its family, its fields and indicator table read; no error that truth.json does not
 * list; unlisted warnings printed; recall of the listed findings whose rule we have, measured.
 * On a cut-off form a finding about its missing tail is neither right nor wrong.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../../src/checker";
import { toA1 } from "../../src/engine/address";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import { RULES_BY_ID } from "../../src/rules";
import { formatDiagnostic } from "../../src/rules/format-message";
import type { Diagnostic } from "../../src/core";
import { PROFILES_BY_ID } from "../../src/templates";

const CORPUS = path.resolve(__dirname, "../..", "../shared/corpus");
const present = existsSync(path.join(CORPUS, "truth.json"));
if (!present && process.env.REQUIRE_CORPUS) throw new Error(`corpus not found at ${CORPUS}`);
const run = present ? describe : describe.skip;

interface TruthFinding {
  cell: string;
  severity: "error" | "warning" | "info";
  rule?: string;
  what: string;
}
interface TruthForm {
  id: string;
  file: string;
  kind: string;
  isTargetForm: boolean;
  family: string;
  complete: boolean;
  fields: { role: string; labelCell?: string; valueCell?: string }[];
  indicatorTable?: { headerRow?: number | null; rows?: [number, number] | null };
  findings?: TruthFinding[];
}

const truth: { forms: TruthForm[] } = present
  ? JSON.parse(readFileSync(path.join(CORPUS, "truth.json"), "utf8"))
  : { forms: [] };

/** Rules whose findings on a cut-off form can only be about what the source does not show. */
const TAIL_RULES = new Set(["missing-section", "required-indicators"]);

function lastRowShown(form: TruthForm): number {
  const txt = path.join(CORPUS, form.file.replace(/\.xlsx$/, ".txt"));
  return readFileSync(txt, "utf8").replace(/\n+$/, "").split("\n").length;
}

function listed(form: TruthForm, d: Diagnostic): boolean {
  return (form.findings ?? []).some((f) => f.cell === d.cell && (f.rule === undefined || f.rule === d.rule));
}

function aboutTail(form: TruthForm, d: Diagnostic): boolean {
  if (form.complete) return false;
  return TAIL_RULES.has(d.rule) || d.row + 1 >= lastRowShown(form);
}

const results = new Map<string, CheckResult>();
const recall = { listed: 0, found: 0 };

run("corpus of real forms", () => {
  beforeAll(async () => {
    for (const form of truth.forms) {
      results.set(form.id, checkWorkbook(await readXlsxFile(path.join(CORPUS, form.file))));
    }
  });

  afterAll(() => {
    if (recall.listed > 0)
      console.log(
        `corpus recall of listed findings with a rule we have: ${recall.found}/${recall.listed} = ${(
          (100 * recall.found) /
          recall.listed
        ).toFixed(0)}%`,
      );
  });

  // Without the corpus the block is skipped, but jest still collects it, and describe.each refuses an
  // empty table: an empty corpus has no per-form block.
  const table = truth.forms.map((f) => [f.id, f] as const);
  if (table.length > 0)
    describe.each(table)("%s", (_id, form) => {
      if (!form.isTargetForm) {
        it("is recognised as not a target form and reported once, not checked", () => {
          const r = results.get(form.id)!;
          expect(r.model.forms).toEqual([]);
          expect(r.model.notTargets?.length).toBe(1);
          expect(r.diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual(["not-target-form info"]);
        });
        return;
      }

      it(`is read with a profile of family ${form.family}, its fields and indicator table`, () => {
        const r = results.get(form.id)!;
        expect(r.model.forms).toHaveLength(1);
        const f = r.model.forms[0];
        expect(f.template?.family).toBe(form.family);
        expect(f.kind).toBe(form.kind);
        // Every field of the truth whose role the profile knows is read at its value cell.
        const profile = PROFILES_BY_ID.get(f.template!.id)!;
        const roles = new Set(profile.fields.map((x) => x.role));
        for (const tf of form.fields) {
          if (!roles.has(tf.role) || !tf.valueCell) continue;
          const got = (f.fields ?? []).find((x) => x.role === tf.role);
          const at = got
            ? `${toA1(got.labelRef.row, got.labelRef.col)}>${toA1(got.ref.row, got.ref.col)}`
            : "not read";
          expect(`${tf.role} ${at}`).toBe(`${tf.role} ${tf.labelCell}>${tf.valueCell}`);
        }
        const t = form.indicatorTable;
        if (t?.headerRow) {
          expect(f.indicatorHeader?.row).toBe(t.headerRow - 1);
          if (t.rows) expect(f.indicators.length).toBeGreaterThan(0);
          if (t.rows)
            expect(f.indicators.every((i) => i.row + 1 >= t.rows![0] && i.row + 1 <= t.rows![1])).toBe(true);
        }
      });

      it("reports no error that truth.json does not list; prints unlisted warnings", () => {
        const r = results.get(form.id)!;
        const rules = RULES_BY_ID;
        const show = (d: Diagnostic) => `${d.cell} ${d.rule}: ${formatDiagnostic(d, rules, "zh")}`;
        const unlisted = r.diagnostics.filter((d) => !listed(form, d) && !aboutTail(form, d));
        const warnings = unlisted.filter((d) => d.severity !== "error");
        if (warnings.length)
          console.log(`${form.id}: unlisted findings\n  ${warnings.map(show).join("\n  ")}`);
        for (const f of form.findings ?? []) {
          if (!f.rule || !RULES_BY_ID.has(f.rule)) continue;
          recall.listed++;
          if (r.diagnostics.some((d) => d.cell === f.cell && d.rule === f.rule)) recall.found++;
        }
        expect(unlisted.filter((d) => d.severity === "error").map(show)).toEqual([]);
      });
    });

  it("finds at least 60% of the listed findings whose rule exists (measured: 41 of 60)", () => {
    expect(recall.listed).toBeGreaterThan(0);
    expect(recall.found / recall.listed).toBeGreaterThanOrEqual(0.6);
  });
});
