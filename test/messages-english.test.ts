/**
 * English output reads as English (issue 13): every finding every rule's case table produces
 * (test/rules/*.test.ts), its message, its 详情 and its fixes' messages rendered in English, has no
 * 「」『』 or 、 used as punctuation — a list argument built in code with .join("、") or quoted 「…」,
 * instead of a `{ list }` the renderer joins as the language does. Chinese terms stay allowed: text the
 * message quotes from a cell ('…') is left out of the check, and so are a term's own full-width
 * brackets or colon (其中：财政拨款, 数量（项）), which are not list punctuation.
 *
 * The case tables are loaded with test/support/rule-tester.ts replaced by a collector, so a new rule
 * or a new case is covered without listing it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../src/core";
import { checkModel } from "../src/checker";
import { readWorkbook } from "../src/engine/read-forms";
import type { WorkbookSnapshot } from "../src/engine/snapshot";
import { resolve, sourceOf } from "../src/messages";
import { formatDetail, formatDiagnostic } from "../src/rules/format-message";
import type { Rule } from "../src/rules/types";

interface Table {
  rule: Rule;
  invalid: { name: string; workbook: WorkbookSnapshot }[];
}

const mockTables: Table[] = [];

jest.mock("./support/rule-tester", () => ({
  runRule: (rule: Rule, workbook: WorkbookSnapshot) => checkModel(readWorkbook(workbook), {}, [rule]),
  ruleTester: (rule: Rule, cases: Table) => mockTables.push({ rule, invalid: cases.invalid }),
}));

/** Loads the case tables without registering their own tests here (they run in their own files). */
function loadTables(): void {
  const dir = path.join(__dirname, "rules");
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: g.describe, it: g.it, test: g.test };
  const skip = Object.assign(() => undefined, { each: () => () => undefined });
  Object.assign(g, { describe: skip, it: skip, test: skip });
  try {
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".test.ts"))
      .sort())
      jest.requireActual<object>(path.join(dir, f));
  } finally {
    Object.assign(g, saved);
  }
}

/** Chinese list punctuation left in English text once quoted cell text ('…') is taken out. */
export function listPunctuation(en: string): string[] {
  const unquoted = en.replace(/'[^']*'/g, "''");
  return unquoted.match(/[「」『』、]/g) ?? [];
}

interface Rendered {
  where: string;
  en: string;
}

function englishOf(rule: Rule, caseName: string, d: Diagnostic): Rendered[] {
  const rules = new Map([[rule.meta.id, rule]]);
  const where = `${rule.meta.id} · ${caseName} · ${d.sheet}!${d.cell} · ${d.messageId}`;
  const out: Rendered[] = [{ where, en: formatDiagnostic(d, rules, "en") }];
  const detail = formatDetail(d, rules, "en");
  if (detail) out.push({ where: `${where} (详情)`, en: detail });
  for (const fix of d.fixes ?? []) {
    const text = resolve({ messageId: fix.messageId, args: fix.args }, "en", {
      from: sourceOf(rule.meta.messages),
    });
    out.push({ where: `${where} (fix ${fix.messageId})`, en: text ?? fix.messageId });
  }
  return out;
}

loadTables();

describe("English messages of the rule case tables", () => {
  it("loads every case table", () => {
    const files = fs.readdirSync(path.join(__dirname, "rules")).filter((f) => f.endsWith(".test.ts"));
    expect(mockTables.length).toBeGreaterThanOrEqual(files.length - 2);
    expect(mockTables.reduce((n, t) => n + t.invalid.length, 0)).toBeGreaterThan(100);
  });

  it.each(mockTables.map((t) => [t.rule.meta.id, t] as const))(
    "%s: no 「」『』、 as punctuation in English",
    (_id, table) => {
      const rendered = table.invalid.flatMap((c) =>
        checkModel(readWorkbook(c.workbook), {}, [table.rule]).flatMap((d) =>
          englishOf(table.rule, c.name, d),
        ),
      );
      const bad = rendered.filter((r) => listPunctuation(r.en).length > 0).map((r) => `${r.where}: ${r.en}`);
      expect(bad).toEqual([]);
    },
  );
});

describe("listPunctuation", () => {
  it.each([
    ["allowed under 产出指标: 成本指标、数量指标", ["、"]],
    ["This row has values (「100%」、「100%」)", ["「", "」", "、", "「", "」"]],
    ["In 三级指标『服务』, x", ["『", "』"]],
    ["allowed under 产出指标: 成本指标, 数量指标", []],
    ["The name '支出标准、' has the stray punctuation '、'", []],
    ["The amount of 其中：财政拨款 ('４，８３２') is in full-width digits", []],
  ])("%s", (en, want) => expect(listPunctuation(en)).toEqual(want));
});
