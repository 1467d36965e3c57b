import { checkWorkbook } from "../../src/checker";
import { LEVEL2_PARENTS, level2Display, type Level2 } from "../../src/engine/vocabulary";
import {
  BUDGET_PLACEHOLDER,
  blankNumbers,
  hasNumberBlank,
  INDICATOR_LIBRARY,
  budgetDigits,
  fillEntry,
  formBudget,
  hasPlaceholder,
  searchLibrary,
  type LibraryEntry,
} from "../../src/template/library";
import { formatDiagnostic } from "../../src/rules/format-message";
import { RULES_BY_ID } from "../../src/rules";
import { readWorkbook } from "../../src/engine/read-forms";
import {
  amount,
  departmentRows,
  projectRows,
  sheet,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";

const BUDGET = 100000;
const ALL_LEVEL2 = Object.keys(LEVEL2_PARENTS) as Level2[];

/** The older tree (成本指标 under 产出指标, 可持续影响 under 效益指标), every required slot filled. */
function olderIndicators(): IndicatorRow[] {
  return [
    ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
    [null, "质量指标", "验收合格率", "100%", "100%"],
    [null, "时效指标", "按时完成率", "100%", "100%"],
    [null, "成本指标", "预算控制数", `≤${BUDGET}元`, `≤${BUDGET}元`],
    ["效益指标", "经济效益", null, null, null],
    [null, "社会效益", "服务水平", "有效提升", "有效提升"],
    [null, "生态效益", null, null, null],
    [null, "可持续影响", null, null, null],
    ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
  ];
}

/** A valid table with the rows of `level2`'s slot replaced by the entries. */
function tableWith(level2: Level2, entries: LibraryEntry[]): IndicatorRow[] {
  const base = level2 === "成本指标" ? olderIndicators() : standardIndicators(BUDGET);
  if (level2 === "可持续影响指标") {
    const i = base.findIndex((r) => r[1] === "生态效益");
    base.splice(i + 1, 0, [null, "可持续影响", null, null, null]);
  }
  const i = base.findIndex((r) => r[1] === level2Display(level2));
  expect(i).toBeGreaterThanOrEqual(0);
  const rows: IndicatorRow[] = entries.map((e, k) => [
    k === 0 ? base[i][0] : null,
    k === 0 ? base[i][1] : null,
    e.name,
    e.period,
    e.annual,
  ]);
  base.splice(i, 1, ...rows);
  return base;
}

describe("INDICATOR_LIBRARY", () => {
  it.each(ALL_LEVEL2)("has at least five entries for %s", (l2) => {
    expect(INDICATOR_LIBRARY[l2].length).toBeGreaterThanOrEqual(5);
    for (const e of INDICATOR_LIBRARY[l2]) {
      expect(e.name.trim()).toBe(e.name);
      expect(e.name).not.toBe("");
      expect(e.period).not.toBe("");
      expect(e.annual).not.toBe("");
    }
    // Names are unique within a 二级.
    const names = INDICATOR_LIBRARY[l2].map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(ALL_LEVEL2)(
    "every %s entry inserted as it is: each blank number is reported as unfilled, nothing else",
    (l2) => {
      const entries = INDICATOR_LIBRARY[l2].map((e) => fillEntry(e, { budget: String(BUDGET) }));
      const wb = workbook(
        sheet("P", projectRows({ budget: amount(BUDGET), indicators: tableWith(l2, entries) })),
      );
      const { model, diagnostics } = checkWorkbook(wb);
      const form = model.forms[0];
      const expected = entries
        .filter(hasNumberBlank)
        .map((e) => form.indicators.find((i) => i.name === e.name)!)
        .flatMap((i) => [i.period.ref, i.annual.ref])
        .map((r) => `indicator-value unfilled-value ${r.row},${r.col}`);
      expect(diagnostics.map((d) => `${d.rule} ${d.messageId} ${d.row},${d.col}`).sort()).toEqual(
        expected.sort(),
      );
    },
  );

  it.each(ALL_LEVEL2)(
    "every %s entry, filled with its hint and placed under its 二级 in a valid form, has no format finding",
    (l2) => {
      const entries = INDICATOR_LIBRARY[l2].map((e) => {
        const filled = fillEntry(e, { budget: String(BUDGET) });
        return e.hint ? { ...filled, period: e.hint, annual: e.hint } : filled;
      });
      for (const e of entries) expect(hasPlaceholder(e)).toBe(false);
      const wb = workbook(
        sheet("P", projectRows({ budget: amount(BUDGET), indicators: tableWith(l2, entries) })),
      );
      const { model, diagnostics } = checkWorkbook(wb);
      const form = model.forms[0];
      // Every entry was read as an indicator of that 二级.
      for (const e of entries) {
        const ind = form.indicators.find((i) => i.name === e.name);
        expect(ind?.level2).toBe(l2);
      }
      expect(form.olderTree).toBe(l2 === "成本指标");
      const format = diagnostics.filter((d) => d.category === "indicators" || d.category === "wording");
      expect(format.map((d) => `${d.cell} ${d.rule}: ${formatDiagnostic(d, RULES_BY_ID, "zh")}`)).toEqual([]);
      // Nor do the entries break the arithmetic (a total cost equal to the budget holds).
      expect(diagnostics.filter((d) => d.category === "amounts")).toEqual([]);
    },
  );

  it("offers ≥__% with a hint of ≥90% (or more) for every satisfaction entry", () => {
    for (const e of INDICATOR_LIBRARY.服务对象满意度指标) {
      expect(e.annual).toBe("≥__%");
      expect(e.hint).toMatch(/^≥9\d%$/);
    }
  });

  it("writes no figure of its own: every number is a blank to fill, the example is the hint", () => {
    for (const entries of Object.values(INDICATOR_LIBRARY)) {
      for (const e of entries) {
        expect(e.period.replace(BUDGET_PLACEHOLDER, "")).not.toMatch(/\d/);
        expect(e.annual.replace(BUDGET_PLACEHOLDER, "")).not.toMatch(/\d/);
        if (e.hint !== undefined) {
          expect(blankNumbers(e.hint)).toBe(e.annual);
          expect(hasNumberBlank(e)).toBe(true);
        }
      }
    }
    expect(INDICATOR_LIBRARY.数量指标.find((e) => e.name === "补助发放人数")).toMatchObject({
      annual: "__人",
      hint: "39人",
    });
    expect(INDICATOR_LIBRARY.数量指标.find((e) => e.name === "设备采购数量")).toMatchObject({
      annual: "__台",
      hint: "25台",
    });
  });

  it("has a total-cost entry with the budget placeholder for the economic cost", () => {
    const total = INDICATOR_LIBRARY.经济成本指标.find((e) => e.name === "预算控制数")!;
    expect(total.period).toBe(`≤${BUDGET_PLACEHOLDER}元`);
  });
});

describe("fillEntry", () => {
  const total = INDICATOR_LIBRARY.经济成本指标[0];

  it.each([
    ["311277", "≤311277元"],
    ["311,277.00", "≤311277元"],
    ["３１１，２７７", "≤311277元"],
    ["1,234.50", "≤1234.5元"],
  ])("writes the budget %s as digits without separators", (budget, want) => {
    const filled = fillEntry(total, { budget });
    expect(filled.period).toBe(want);
    expect(filled.annual).toBe(want);
    expect(hasPlaceholder(filled)).toBe(false);
  });

  it("leaves the placeholder without a readable budget, and does not change the entry", () => {
    expect(fillEntry(total, {}).period).toBe(total.period);
    expect(fillEntry(total, { budget: "待定" }).period).toBe(total.period);
    expect(hasPlaceholder(fillEntry(total, {}))).toBe(true);
    const copy = { ...total };
    fillEntry(total, { budget: "5" });
    expect(total).toEqual(copy);
  });

  it("leaves an entry without the placeholder as it is", () => {
    const e = INDICATOR_LIBRARY.质量指标[0];
    expect(fillEntry(e, { budget: "100" })).toEqual(e);
  });

  it("reads the budget of a project form and of a department form", () => {
    const model = readWorkbook(
      workbook(sheet("D", departmentRows()), sheet("P", projectRows({ budget: amount(311277) }))),
    );
    expect(formBudget(model.forms[0])).toBe("600000"); // (50 + 10) 万元
    expect(formBudget(model.forms[1])).toBe("311277");
    expect(budgetDigits(null)).toBeNull();
    expect(budgetDigits(-5)).toBeNull();
  });
});

describe("searchLibrary", () => {
  it("finds by name, unit and note, normalised", () => {
    expect(searchLibrary("满意度").every((r) => r.level2 === "服务对象满意度指标")).toBe(true);
    expect(searchLibrary("满意度").length).toBe(INDICATOR_LIBRARY.服务对象满意度指标.length);
    expect(searchLibrary("验收 合格").map((r) => r.entry.name)).toEqual(["验收合格率"]);
    expect(searchLibrary("千瓦时").map((r) => r.entry.name)).toEqual(["能源消耗量"]);
    expect(searchLibrary("信息化").length).toBeGreaterThan(1);
    expect(searchLibrary("ｘｙｚ不存在")).toEqual([]);
  });

  it("filters by 二级 and lists everything for an empty query", () => {
    expect(searchLibrary("", "时效指标").map((r) => r.entry)).toEqual(INDICATOR_LIBRARY.时效指标);
    expect(searchLibrary("率", "质量指标").every((r) => r.level2 === "质量指标")).toBe(true);
    const all = ALL_LEVEL2.reduce((n, l2) => n + INDICATOR_LIBRARY[l2].length, 0);
    expect(searchLibrary("")).toHaveLength(all);
  });
});
