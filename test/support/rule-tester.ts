/**
 * A RuleTester in the spirit of ESLint's: each rule's test file is a table of valid workbooks
 * (the rule reports nothing) and invalid ones (the rule reports exactly the listed findings).
 */
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { formatDetail, formatDiagnostic } from "../../src/rules/format-message";
import type { Diagnostic, Severity } from "../../src/core";
import type { Rule } from "../../src/rules/types";

export interface ValidCase {
  name: string;
  workbook: WorkbookSnapshot;
}

export interface ExpectedFinding {
  messageId: string;
  cell: string;
  sheet?: string;
  severity?: Severity;
  /** Args that must be present with these values. */
  args?: Record<string, unknown>;
  /** The 详情 the finding carries: its message id and (some of) its args. */
  detail?: { messageId: string; args?: Record<string, unknown> };
  /** Related cells (A1, same sheet unless `Sheet!A1`), order-insensitive. */
  related?: string[];
  /** Cells with the same fault, marked like the finding's own (A1, same sheet unless `Sheet!A1`). */
  sameFault?: string[];
  /** Substrings the Chinese message must contain. */
  zhIncludes?: string[];
  /** The fixes offered, exactly (edits' sheet defaults to the finding's); [] asserts there is none. */
  fixes?: ExpectedFix[];
}

export interface ExpectedFix {
  kind: "safe" | "suggestion";
  messageId: string;
  edits: { cell: string; sheet?: string; before: string | number | null; after: string | number | null }[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

export function runRule(rule: Rule, workbook: WorkbookSnapshot): Diagnostic[] {
  return checkModel(readWorkbook(workbook), {}, [rule]);
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rules = new Map([[rule.meta.id, rule]]);
  describe(rule.meta.id, () => {
    it("has complete metadata and bilingual messages", () => {
      expect(rule.meta.id).toMatch(/^[a-z0-9-]+$/);
      expect(rule.meta.description.zh).not.toBe("");
      expect(rule.meta.description.en).not.toBe("");
      for (const m of Object.values(rule.meta.messages)) {
        expect(m.zh).not.toBe("");
        expect(m.en).not.toBe("");
        // Both languages use the same placeholders.
        const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
        expect(ph(m.en)).toEqual(ph(m.zh));
      }
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    if (cases.valid.length) {
      it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_n, c) => {
        const found = runRule(rule, c.workbook);
        expect(
          found.map((d) => `${d.sheet}!${d.cell} ${d.messageId}: ${formatDiagnostic(d, rules, "zh")}`),
        ).toEqual([]);
      });
    }

    if (cases.invalid.length) {
      it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_n, c) => {
        const found = runRule(rule, c.workbook);
        const got = found.map((d) => `${d.cell} ${d.messageId}`).sort();
        const want = c.errors.map((e) => `${e.cell} ${e.messageId}`).sort();
        expect(got).toEqual(want);
        for (const e of c.errors) {
          const d = found.find((x) => x.cell === e.cell && x.messageId === e.messageId)!;
          if (e.sheet) expect(d.sheet).toBe(e.sheet);
          if (e.severity) expect(d.severity).toBe(e.severity);
          if (e.args) expect(d.args).toMatchObject(e.args);
          if (e.sameFault) {
            const same = (d.sameFault ?? []).map((r) =>
              r.sheet === d.sheet ? r.cell : `${r.sheet}!${r.cell}`,
            );
            expect(same.sort()).toEqual([...e.sameFault].sort());
          }
          if (e.related) {
            const rel = d.related.map((r) => (r.sheet === d.sheet ? r.cell : `${r.sheet}!${r.cell}`)).sort();
            expect(rel).toEqual([...e.related].sort());
          }
          const zh = formatDiagnostic(d, rules, "zh");
          const en = formatDiagnostic(d, rules, "en");
          expect(zh).not.toMatch(/\{\w+\}/);
          expect(en).not.toMatch(/\{\w+\}/);
          for (const s of e.zhIncludes ?? []) expect(zh).toContain(s);
          if (e.detail) expect(d.detail).toMatchObject(e.detail);
          for (const lang of ["zh", "en"] as const) {
            const detail = formatDetail(d, rules, lang);
            if (d.detail) expect(detail).not.toBeNull();
            if (detail !== null) expect(detail).not.toMatch(/\{\w+\}/);
          }
          if (e.fixes) {
            const got = (d.fixes ?? []).map((f) => ({
              kind: f.kind,
              messageId: f.messageId,
              edits: f.edits.map((x) => ({ sheet: x.sheet, cell: x.cell, before: x.before, after: x.after })),
            }));
            const want = e.fixes.map((f) => ({
              kind: f.kind,
              messageId: f.messageId,
              edits: f.edits.map((x) => ({
                sheet: x.sheet ?? d.sheet,
                cell: x.cell,
                before: x.before,
                after: x.after,
              })),
            }));
            expect(got).toEqual(want);
          }
          for (const f of d.fixes ?? []) {
            // A fix's message is in the rule's catalogue, in both languages, every placeholder given.
            const m = (rule.meta.messages as Record<string, { zh: string; en: string }>)[f.messageId];
            expect(m).toBeDefined();
            for (const text of [m.zh, m.en])
              for (const [, name] of text.matchAll(/\{(\w+)\}/g)) expect(f.args ?? {}).toHaveProperty(name);
            expect(f.edits.length).toBeGreaterThan(0);
          }
        }
      });
    }
  });
}
