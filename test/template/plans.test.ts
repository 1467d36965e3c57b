import { checkWorkbook } from "../../src/checker";
import { rangeToA1, toA1 } from "../../src/engine/address";
import type { Form, ProjectForm, WorkbookModel } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read-forms";
import type { CellRange, WorkbookSnapshot } from "../../src/engine/snapshot";
import { STANDARD_TREE } from "../../src/engine/vocabulary";
import { INDICATOR_LIBRARY, fillEntry } from "../../src/template/library";
import {
  OLDER_TREE,
  applyPlanToSnapshot,
  formAt,
  groupAt,
  layoutToSheet,
  planCompleteStructure,
  planInsertIndicatorRow,
  planNewProjectSheet,
  uniqueSheetName,
} from "../../src/template/plans";
import { projectFormLayout } from "../../src/template/layouts";
import type { RowInsertPlan } from "../../src/template/types";
import {
  departmentRows,
  projectRows,
  sheet,
  stack,
  standardIndicators,
  workbook,
  type Cell,
  type IndicatorRow,
} from "../support/forms";

const ALL_SLOTS = STANDARD_TREE.flatMap((g) => g.level2);
const ENTRY = { name: "宣传资料印发数量", period: "≥2000份", annual: "≥2000份" };

/**
 * The template's label merges for every indicator table of a grid: 绩效指标 (A) down the table from
 * its label, each 一级 (B) down its group, each 二级 (C) down its 三级 rows.
 */
function tableMerges(rows: Cell[][]): string[] {
  const text = (r: number, c: number) => {
    const v = rows[r]?.[c];
    return v === null || v === undefined ? "" : typeof v === "object" ? String(v.v ?? "") : String(v);
  };
  const out: string[] = [];
  const add = (top: number, bottom: number, col: number) => {
    if (bottom > top) out.push(rangeToA1({ top, left: col, bottom, right: col }));
  };
  for (let h = 0; h < rows.length; h++) {
    if (text(h, 1) !== "一级指标") continue;
    let last = h;
    while (last + 1 < rows.length && [1, 2, 3, 4, 5].some((c) => text(last + 1, c) !== "")) last++;
    const label = [h, h + 1].find((r) => text(r, 0) === "绩效指标");
    if (label !== undefined) add(label, last, 0);
    for (let r = h + 1; r <= last; r++) {
      if (text(r, 1) !== "") {
        let end = r;
        while (end + 1 <= last && text(end + 1, 1) === "") end++;
        add(r, end, 1);
      }
      if (text(r, 2) !== "") {
        let end = r;
        while (end + 1 <= last && text(end + 1, 1) === "" && text(end + 1, 2) === "") end++;
        add(r, end, 2);
      }
    }
  }
  return out;
}

/** A valid table whose 数量指标 group has three 三级 rows. */
function threeQuantities(): IndicatorRow[] {
  const rows = standardIndicators(100000);
  const i = rows.findIndex((r) => r[1] === "数量指标");
  rows.splice(
    i + 1,
    0,
    [null, null, "培训场次", "≥10场", "≥10场"],
    [null, null, "补助发放人数", "39人", "39人"],
  );
  return rows;
}

function merged(name: string, rows: Cell[][]) {
  return sheet(name, rows, { merges: tableMerges(rows) });
}

function isPlan(p: RowInsertPlan | { error: string }): p is RowInsertPlan {
  return !("error" in p);
}

function insert(
  wb: WorkbookSnapshot,
  formIndex: number,
  opts: Parameters<typeof planInsertIndicatorRow>[3],
): { plan: RowInsertPlan; after: WorkbookSnapshot; model: WorkbookModel; before: WorkbookModel } {
  const before = readWorkbook(wb);
  const plan = planInsertIndicatorRow(before, wb, formIndex, opts);
  if (!isPlan(plan)) throw new Error(`no plan: ${plan.error}`);
  const after = applyPlanToSnapshot(wb, plan);
  return { plan, after, model: readWorkbook(after), before };
}

/** What a form says, independent of where it sits. */
function content(f: Form) {
  const top = f.range.top;
  return {
    kind: f.kind,
    name: f.displayName,
    height: f.range.bottom - top,
    indicators: f.indicators.map((i) => [
      i.level1,
      i.level2,
      i.name,
      i.period.raw,
      i.annual.raw,
      i.row - top,
    ]),
    slots: f.slots.map((s) => [s.level1, s.level2, s.ref.row - top, s.indicatorCount]),
    notes: f.layoutNotes,
    issues: f.structureIssues,
  };
}

function mergesOf(wb: WorkbookSnapshot, sheetName: string): string[] {
  return wb.sheets
    .find((s) => s.name === sheetName)!
    .merges.map(rangeToA1)
    .sort();
}

function covering(wb: WorkbookSnapshot, sheetName: string, row: number, col: number): CellRange | undefined {
  return wb.sheets
    .find((s) => s.name === sheetName)!
    .merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
}

describe("formAt and groupAt", () => {
  const rows = stack(projectRows({ indicators: threeQuantities() }), projectRows({ name: "第二个项目" }));
  const model = readWorkbook(workbook(sheet("S", rows)));

  it("finds the form whose range holds a row", () => {
    expect(formAt(model, "S", 0)).toBe(0);
    expect(formAt(model, "S", 24)).toBe(0); // last row of the first form (row 25)
    expect(formAt(model, "S", 25)).toBeNull(); // the blank row between
    expect(formAt(model, "S", 26)).toBe(1);
    expect(formAt(model, "Other", 3)).toBeNull();
  });

  it("names the group of an indicator-table row", () => {
    const f = model.forms[0];
    // Rows (0-based): header 12, 成本 13–15, 数量 16–18, 质量 19, 时效 20, 效益 21–23, 满意度 24.
    expect(groupAt(f, 16)).toEqual({ level1: "产出指标", level2: "数量指标" });
    expect(groupAt(f, 18)).toEqual({ level1: "产出指标", level2: "数量指标" });
    expect(groupAt(f, 14)).toEqual({ level1: "成本指标", level2: "社会成本指标" });
    expect(groupAt(f, 24)).toEqual({ level1: "满意度指标", level2: "服务对象满意度指标" });
    expect(groupAt(f, 12)).toEqual({ level1: null, level2: null });
    expect(groupAt(f, 3)).toEqual({ level1: null, level2: null });
  });
});

describe("planInsertIndicatorRow", () => {
  const rows = projectRows({ indicators: threeQuantities() });
  // Rows (0-based): header 12, 数量指标 slot 16, then 17 and 18.
  const cases: [string, number | undefined, number][] = [
    ["at the start of the group (below the 二级 row)", 16, 17],
    ["in the middle of the group", 17, 18],
    ["at the end of the group (the default)", undefined, 19],
  ];

  describe.each([
    ["a one-form sheet", (r: Cell[][]) => workbook(merged("P", r))],
    [
      "a stacked sheet with a form below",
      (r: Cell[][]) => workbook(merged("P", stack(r, projectRows({ name: "下面的项目" })))),
    ],
  ])("in %s", (_n, make) => {
    it.each(cases)("inserts %s", (_c, afterRow, newRow) => {
      const wb = make(rows);
      const { plan, after, model, before } = insert(wb, 0, { level2: "数量指标", afterRow, entry: ENTRY });

      expect(plan.sheet).toBe("P");
      expect(plan.steps).toHaveLength(1);
      expect(plan.steps[0]).toMatchObject({ beforeRow: newRow, count: 1, formatFromRow: newRow - 1 });
      expect(plan.select).toEqual({ row: newRow, col: 3 });
      expect(plan.preview).toEqual(["数量指标 › 宣传资料印发数量 · ≥2000份 · ≥2000份"]);

      // The form reads the new indicator under 数量指标, at the new row, and nothing else changed.
      const f = model.forms[0];
      const added = f.indicators.find((i) => i.name === ENTRY.name)!;
      expect(added).toMatchObject({ level1: "产出指标", level2: "数量指标", row: newRow });
      expect(added.period.raw).toBe("≥2000份");
      expect(added.annual.raw).toBe("≥2000份");
      expect(f.slots.find((s) => s.level2 === "数量指标")!.indicatorCount).toBe(4);
      expect(f.structureIssues).toEqual([]);
      expect(f.layoutNotes).toEqual([]);
      const old = before.forms[0].indicators.map((i) => i.name);
      expect(f.indicators.map((i) => i.name).filter((n) => n !== ENTRY.name)).toEqual(old);
      expect(f.range.bottom).toBe(before.forms[0].range.bottom + 1);
      expect(checkWorkbook(after).diagnostics).toEqual([]);

      // The form below (if any) reads complete and unchanged, one row lower.
      expect(model.forms).toHaveLength(before.forms.length);
      for (let i = 1; i < model.forms.length; i++) {
        expect(content(model.forms[i])).toEqual(content(before.forms[i]));
        expect(model.forms[i].range.top).toBe(before.forms[i].range.top + 1);
      }

      // The merges cover the new row: 绩效指标 (A), 产出指标 (B) and 数量指标 (C).
      expect(rangeToA1(covering(after, "P", newRow, 0)!)).toBe("A13:A26");
      expect(rangeToA1(covering(after, "P", newRow, 1)!)).toBe("B17:B22");
      expect(rangeToA1(covering(after, "P", newRow, 2)!)).toBe("C17:C20");
      // And no merge covers anything but blank cells under its label.
      const s = after.sheets[0];
      for (const m of s.merges)
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++)
            if (r !== m.top || c !== m.left) expect(s.values[r - s.top]?.[c - s.left] ?? null).toBeNull();
    });

    it("inserts at the end of the last group, next to what follows the form", () => {
      const wb = make(rows);
      const entry = fillEntry(INDICATOR_LIBRARY.服务对象满意度指标[1], {});
      const { plan, after, model, before } = insert(wb, 0, { level2: "服务对象满意度指标", entry });
      expect(plan.steps[0]).toMatchObject({ beforeRow: 25, count: 1 });
      const added = model.forms[0].indicators.find((i) => i.name === entry.name)!;
      expect(added).toMatchObject({ level1: "满意度指标", level2: "服务对象满意度指标", row: 25 });
      for (let i = 1; i < model.forms.length; i++)
        expect(content(model.forms[i])).toEqual(content(before.forms[i]));
      expect(rangeToA1(covering(after, "P", 25, 0)!)).toBe("A13:A26");
      expect(rangeToA1(covering(after, "P", 25, 1)!)).toBe("B25:B26"); // a new merge: the group had one row
      expect(rangeToA1(covering(after, "P", 25, 2)!)).toBe("C25:C26");
      // Nothing but the new row's blank numbers (≥__%), which the user still has to type in.
      expect(checkWorkbook(after).diagnostics.map((d) => `${d.messageId} ${d.cell}`)).toEqual([
        "unfilled-value E26",
        "unfilled-value F26",
      ]);
    });
  });

  it("inserts into the form below in a stacked sheet, leaving the form above alone", () => {
    const wb = workbook(merged("S", stack(projectRows(), projectRows({ name: "第二个项目" }))));
    const { plan, after, model, before } = insert(wb, 1, { level2: "质量指标", entry: ENTRY });
    // Second form: title row 24, header 36, 质量指标 at 41.
    expect(plan.steps[0].beforeRow).toBe(42);
    expect(content(model.forms[0])).toEqual(content(before.forms[0]));
    expect(mergesOf(after, "S").filter((m) => /^[ABC]1[3-9]|^[ABC]2[0-3]/.test(m))).toEqual(
      mergesOf(wb, "S").filter((m) => /^[ABC]1[3-9]|^[ABC]2[0-3]/.test(m)),
    );
    const added = model.forms[1].indicators.find((i) => i.name === ENTRY.name)!;
    expect(added).toMatchObject({ level2: "质量指标", row: 42 });
    expect(rangeToA1(covering(after, "S", 42, 2)!)).toBe("C42:C43");
    expect(rangeToA1(covering(after, "S", 42, 1)!)).toBe("B41:B44");
    expect(checkWorkbook(after).diagnostics).toEqual([]);
  });

  it("writes into an unused 二级 row instead of inserting", () => {
    const wb = workbook(merged("P", projectRows()));
    const entry = { name: "施工扰民投诉次数", period: "≤3次", annual: "≤3次" };
    const { plan, after, model } = insert(wb, 0, { level2: "社会成本指标", entry });
    expect(plan.steps).toEqual([
      {
        beforeRow: 14,
        count: 0,
        formatFromRow: 14,
        cells: [
          { row: 14, col: 3, value: "施工扰民投诉次数" },
          { row: 14, col: 4, value: "≤3次" },
          { row: 14, col: 5, value: "≤3次" },
        ],
        merges: [],
      },
    ]);
    expect(plan.select).toEqual({ row: 14, col: 3 });
    expect(mergesOf(after, "P")).toEqual(mergesOf(wb, "P"));
    expect(model.forms[0].indicators.find((i) => i.name === entry.name)).toMatchObject({
      level2: "社会成本指标",
      row: 14,
    });
    expect(checkWorkbook(after).diagnostics).toEqual([]);
  });

  it("fills a 无 placeholder row too", () => {
    const ind = standardIndicators();
    ind[1] = [null, "社会成本指标", "无", "无", "无"];
    const wb = workbook(sheet("P", projectRows({ indicators: ind })));
    const { plan, model } = insert(wb, 0, {
      level2: "社会成本指标",
      entry: { name: "投诉次数", period: "≤3次", annual: "≤3次" },
    });
    expect(plan.steps[0].count).toBe(0);
    expect(model.forms[0].indicators.find((i) => i.row === 14)?.name).toBe("投诉次数");
  });

  it("inserts a blank row when no entry is given", () => {
    const wb = workbook(merged("P", projectRows()));
    const { plan, after, model } = insert(wb, 0, { level2: "质量指标" });
    expect(plan.steps[0]).toMatchObject({ beforeRow: 18, count: 1, cells: [] });
    expect(plan.preview).toEqual(["质量指标 › （空白三级指标行）"]);
    expect(rangeToA1(covering(after, "P", 18, 2)!)).toBe("C18:C19");
    expect(groupAt(model.forms[0], 18)).toEqual({ level1: "产出指标", level2: "质量指标" });
  });

  it("creates no merges in a table without merged labels", () => {
    const wb = workbook(sheet("P", projectRows({ indicators: threeQuantities() })));
    const { plan, after, model } = insert(wb, 0, { level2: "数量指标", entry: ENTRY });
    expect(plan.steps[0].merges).toEqual([]);
    expect(after.sheets[0].merges).toEqual([]);
    expect(model.forms[0].indicators.find((i) => i.name === ENTRY.name)?.level2).toBe("数量指标");
  });

  it("extends the merges of a department form, whose 绩效指标 stands on the first indicator row", () => {
    const wb = workbook(merged("D", departmentRows()));
    // Rows (0-based): header 14; 绩效指标, 成本指标 and 经济成本指标 on row 15.
    const entry = { name: "人均经费标准", period: "≤300元/人/月", annual: "≤300元/人/月" };
    const { plan, after, model } = insert(wb, 0, { level2: "经济成本指标", entry });
    expect(plan.steps[0].beforeRow).toBe(16);
    expect(rangeToA1(covering(after, "D", 16, 0)!)).toBe("A16:A26");
    expect(rangeToA1(covering(after, "D", 16, 1)!)).toBe("B16:B19");
    expect(rangeToA1(covering(after, "D", 16, 2)!)).toBe("C16:C17");
    expect(model.forms[0].indicators.find((i) => i.row === 16)).toMatchObject({ level2: "经济成本指标" });
    expect(checkWorkbook(after).diagnostics).toEqual([]);
  });

  it("works on a blank template written by layoutToSheet", () => {
    const wb = { sheets: [layoutToSheet(projectFormLayout({ year: 2026 }), "T")] };
    const first = insert(wb, 0, {
      level2: "时效指标",
      entry: { name: "按时完成率", period: "100%", annual: "100%" },
    });
    expect(first.plan.steps[0].count).toBe(0);
    const second = insert(first.after, 0, {
      level2: "时效指标",
      entry: { name: "资金支付及时率", period: "100%", annual: "100%" },
    });
    expect(second.plan.steps[0]).toMatchObject({ beforeRow: 19, count: 1, formatFromRow: 18 });
    expect(rangeToA1(covering(second.after, "T", 19, 2)!)).toBe("C19:C20");
    expect(rangeToA1(covering(second.after, "T", 19, 1)!)).toBe("B17:B20");
    expect(rangeToA1(covering(second.after, "T", 19, 0)!)).toBe("A13:A24");
    expect(second.model.forms[0].slots.find((s) => s.level2 === "时效指标")?.indicatorCount).toBe(2);
    // The new row takes the formats of the row above it.
    const s = second.after.sheets[0];
    expect(s.numberFormat![19]).toEqual(s.numberFormat![18]);
  });

  it("refuses a form without a table, a 二级 the form lacks, and a row outside the group", () => {
    const wb = workbook(merged("P", projectRows()));
    const model = readWorkbook(wb);
    expect(planInsertIndicatorRow(model, wb, 0, { level2: "可持续影响指标" })).toEqual({ error: "no-group" });
    expect(planInsertIndicatorRow(model, wb, 0, { level2: "质量指标", afterRow: 16 })).toEqual({
      error: "outside-group",
    });
    expect(planInsertIndicatorRow(model, wb, 0, { level2: "质量指标", afterRow: 12 })).toEqual({
      error: "outside-group",
    });
    expect(planInsertIndicatorRow(model, wb, 5, { level2: "质量指标" })).toEqual({ error: "no-table" });
    const noTable = workbook(sheet("P", projectRows().slice(0, 12)));
    expect(planInsertIndicatorRow(readWorkbook(noTable), noTable, 0, { level2: "质量指标" })).toEqual({
      error: "no-table",
    });
  });
});

describe("planCompleteStructure", () => {
  /** The standard table without 社会成本指标 and without the whole 效益指标 group. */
  function lacking(): IndicatorRow[] {
    return standardIndicators(100000).filter(
      (r) => r[1] !== "社会成本指标" && !["经济效益", "社会效益", "生态效益"].includes(String(r[1])),
    );
  }

  it.each([
    ["with merged labels", true],
    ["without merges", false],
  ])("adds 社会成本指标 and the whole 效益指标 group in standard order (%s)", (_n, withMerges) => {
    const rows = stack(projectRows({ indicators: lacking() }), projectRows({ name: "下面的项目" }));
    const wb = workbook(withMerges ? merged("S", rows) : sheet("S", rows));
    const model = readWorkbook(wb);
    expect(model.forms[0].slots).toHaveLength(6);
    const plan = planCompleteStructure(model, wb, 0)!;
    expect(plan).not.toBeNull();
    expect(plan.preview).toEqual([
      "成本指标 › 社会成本指标（新增二级指标行）",
      "效益指标 › 经济效益（新增二级指标行）",
      "效益指标 › 社会效益（新增二级指标行）",
      "效益指标 › 生态效益（新增二级指标行）",
    ]);
    expect(plan.steps.map((s) => [s.beforeRow, s.count])).toEqual([
      [14, 1],
      [19, 3],
    ]);
    const after = applyPlanToSnapshot(wb, plan);
    const re = readWorkbook(after);
    const f = re.forms[0];
    expect(f.slots.map((s) => s.level2)).toEqual(ALL_SLOTS);
    expect(f.slots.map((s) => s.level1)).toEqual(STANDARD_TREE.flatMap((g) => g.level2.map(() => g.level1)));
    expect(f.slots.map((s) => s.ref.row)).toEqual(Array.from({ length: 10 }, (_, i) => 13 + i));
    expect(f.structureIssues).toEqual([]);
    expect(plan.select).toEqual({ row: 14, col: 3 });
    // The form below is unchanged; the only new findings are the empty 效益指标 group's.
    expect(content(re.forms[1])).toEqual(content(model.forms[1]));
    const found = checkWorkbook(after).diagnostics;
    expect(found.map((d) => `${d.cell} ${d.rule}`)).toEqual(["C20 required-indicators"]);
    if (withMerges) {
      expect(rangeToA1(covering(after, "S", 14, 1)!)).toBe("B14:B16");
      expect(rangeToA1(covering(after, "S", 19, 1)!)).toBe("B20:B22");
      expect(rangeToA1(covering(after, "S", 22, 0)!)).toBe("A13:A23");
      // Nothing else changed in the merges of the form below but the shift.
      const below = (m: string[]) => m.filter((x) => Number(/\d+/.exec(x)![0]) > 30);
      expect(below(mergesOf(after, "S")).length).toBe(below(mergesOf(wb, "S")).length);
    } else {
      expect(after.sheets[0].merges).toEqual([]);
    }
  });

  it("moves the 一级 label up when the group's first 二级 is missing", () => {
    const rows = projectRows({ indicators: standardIndicators().filter((r) => r[1] !== "经济成本指标") });
    rows[13][1] = "成本指标"; // 社会成本指标's row now carries the 一级 label
    const wb = workbook(merged("P", rows));
    const plan = planCompleteStructure(readWorkbook(wb), wb, 0)!;
    const after = applyPlanToSnapshot(wb, plan);
    const f = readWorkbook(after).forms[0];
    expect(f.slots.map((s) => s.level2)).toEqual(ALL_SLOTS);
    expect(f.slots[0]).toMatchObject({ level1: "成本指标", ref: { row: 13, col: 2 } });
    expect(after.sheets[0].values[14][1]).toBeNull();
    expect(rangeToA1(covering(after, "P", 13, 1)!)).toBe("B14:B16");
    expect(f.structureIssues).toEqual([]);
  });

  it("adds a missing first 一级 group to a department form, moving its 绩效指标 label up", () => {
    const ind = standardIndicators().filter(
      (r) => !["经济成本指标", "社会成本指标", "生态环境成本指标"].includes(String(r[1])),
    );
    const wb = workbook(merged("D", departmentRows({ indicators: ind })));
    const plan = planCompleteStructure(readWorkbook(wb), wb, 0)!;
    // Rows (0-based): header 14, 绩效指标 and 产出指标 on row 15.
    expect(plan.steps.map((s) => [s.beforeRow, s.count])).toEqual([[15, 3]]);
    const after = applyPlanToSnapshot(wb, plan);
    const f = readWorkbook(after).forms[0];
    expect(f.slots.map((s) => s.level2)).toEqual(ALL_SLOTS);
    expect(after.sheets[0].values[15][0]).toBe("绩效指标");
    expect(after.sheets[0].values[18][0]).toBeNull();
    expect(rangeToA1(covering(after, "D", 15, 0)!)).toBe("A16:A25");
    expect(rangeToA1(covering(after, "D", 15, 1)!)).toBe("B16:B18");
    expect(rangeToA1(covering(after, "D", 18, 1)!)).toBe("B19:B21");
    expect(f.structureIssues).toEqual([]);
  });

  it("completes an older-tree form against the older tree", () => {
    const ind: IndicatorRow[] = [
      ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
      [null, "质量指标", "验收合格率", "100%", "100%"],
      [null, "时效指标", "按时完成率", "100%", "100%"],
      [null, "成本指标", "预算控制数", "≤100000元", "≤100000元"],
      ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升"],
      ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
    ];
    const wb = workbook(merged("P", projectRows({ indicators: ind })));
    const model = readWorkbook(wb);
    expect(model.forms[0].olderTree).toBe(true);
    const plan = planCompleteStructure(model, wb, 0)!;
    const f = readWorkbook(applyPlanToSnapshot(wb, plan)).forms[0];
    expect(f.slots.map((s) => s.level2)).toEqual(OLDER_TREE.flatMap((g) => g.level2));
    expect(f.structureIssues).toEqual([]);
  });

  it("returns null for a complete form or one without a table", () => {
    const wb = workbook(sheet("P", projectRows()), sheet("Q", projectRows().slice(0, 12)));
    const model = readWorkbook(wb);
    expect(planCompleteStructure(model, wb, 0)).toBeNull();
    expect(planCompleteStructure(model, wb, 1)).toBeNull();
    const blank = { sheets: [layoutToSheet(projectFormLayout({ year: 2026 }), "T")] };
    expect(planCompleteStructure(readWorkbook(blank), blank, 0)).toBeNull();
  });
});

describe("planNewProjectSheet", () => {
  it("names the sheet uniquely", () => {
    const model = readWorkbook(workbook(sheet("P", projectRows())));
    expect(planNewProjectSheet(model, []).sheetName).toBe("项目绩效目标表");
    expect(planNewProjectSheet(model, ["项目绩效目标表"]).sheetName).toBe("项目绩效目标表 (2)");
    expect(planNewProjectSheet(model, ["项目绩效目标表", "项目绩效目标表 (2)"]).sheetName).toBe(
      "项目绩效目标表 (3)",
    );
    expect(uniqueSheetName("Sheet", ["sheet"])).toBe("Sheet (2)");
    const long = "x".repeat(40);
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    expect(uniqueSheetName(long, ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("prefills 主管部门, 用款单位 and the year from the department form", () => {
    const wb = workbook(sheet("D", departmentRows({ name: "南城政务服务中心", year: 2027 })));
    const model = readWorkbook(wb);
    const plan = planNewProjectSheet(model, ["D"]);
    expect(plan.layouts).toHaveLength(1);
    expect(plan.layouts[0].origin).toEqual({ row: 0, col: 0 });
    const after = applyPlanToSnapshot(wb, plan);
    expect(after.sheets.map((s) => s.name)).toEqual(["D", "项目绩效目标表"]);
    const { model: m2, diagnostics } = checkWorkbook(after);
    const p = m2.forms[1] as ProjectForm;
    expect(p.kind).toBe("project");
    expect(p.owner?.text).toBe("南城政务服务中心");
    expect(p.user?.text).toBe("南城政务服务中心");
    expect(p.budgetLabel?.year).toBe(2027);
    expect(p.annualGoalLabel?.year).toBe(2027);
    expect(toA1(p.name!.ref.row, p.name!.ref.col)).toBe("B2");
    expect(diagnostics.filter((d) => d.sheet === "项目绩效目标表" && d.category !== "required")).toEqual([]);
  });

  it("uses next year without a department form, and an explicit year when given", () => {
    const model = readWorkbook(workbook(sheet("P", projectRows())));
    const plan = planNewProjectSheet(model, ["P"]);
    const label = plan.layouts[0].layout.cells.find((c) => c.row === 7 && c.col === 0)!.value;
    expect(label).toBe(`${new Date().getFullYear() + 1}年预算金额(元)`);
    const owner = plan.layouts[0].layout.cells.find((c) => c.row === 4 && c.col === 1)!.value;
    expect(owner).toBeNull();
    const explicit = planNewProjectSheet(model, [], { year: 2030 });
    expect(explicit.layouts[0].layout.cells.find((c) => c.row === 10 && c.col === 1)!.value).toBe(
      "2030年度目标",
    );
  });
});

describe("applyPlanToSnapshot", () => {
  it("does what Excel's whole-row insert does to merges, and leaves the input alone", () => {
    const wb = workbook(
      sheet("S", [["a"], ["b"], ["c"], ["d"], ["e"]], { merges: ["A1:A3", "B2:B4", "C4:C5", "D3:D3"] }),
    );
    const copy = JSON.parse(JSON.stringify(wb));
    const after = applyPlanToSnapshot(wb, {
      sheet: "S",
      steps: [
        { beforeRow: 2, count: 2, formatFromRow: 1, cells: [{ row: 2, col: 0, value: 5 }], merges: [] },
      ],
      select: { row: 2, col: 0 },
      preview: [],
    });
    expect(wb).toEqual(copy);
    // A1:A3 spans row 3 (index 2) strictly below its top: it grows. B2:B4 too. C4:C5 and D3 move down.
    expect(mergesOf(after, "S")).toEqual(["A1:A5", "B2:B6", "C6:C7", "D5"].sort());
    expect(after.sheets[0].values.map((r) => r[0])).toEqual(["a", "b", 5, null, "c", "d", "e"]);
    expect(() =>
      applyPlanToSnapshot(wb, { sheet: "X", steps: [], select: { row: 0, col: 0 }, preview: [] }),
    ).toThrow();
  });

  it("sets merges by unmerging what they touch, and clears cells written as empty", () => {
    const wb = workbook(sheet("S", [["a", "x"], [null], [null]], { merges: ["A1:A2"] }));
    const after = applyPlanToSnapshot(wb, {
      sheet: "S",
      steps: [
        {
          beforeRow: 0,
          count: 0,
          formatFromRow: 0,
          cells: [{ row: 0, col: 1, value: "" }],
          merges: [{ top: 0, left: 0, bottom: 2, right: 0 }],
        },
      ],
      select: { row: 0, col: 0 },
      preview: [],
    });
    expect(mergesOf(after, "S")).toEqual(["A1:A3"]);
    expect(after.sheets[0].values[0]).toEqual(["a", null]);
  });

  it("refuses to add a sheet that exists", () => {
    const wb = workbook(sheet("项目绩效目标表", [["x"]]));
    expect(() => applyPlanToSnapshot(wb, planNewProjectSheet(readWorkbook(wb), []))).toThrow();
  });
});
