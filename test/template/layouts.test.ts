import { checkWorkbook } from "../../src/checker";
import { rangeToA1, toA1 } from "../../src/engine/address";
import type { CellRef, DepartmentForm, ProjectForm } from "../../src/engine/model";
import { STANDARD_TREE } from "../../src/engine/vocabulary";
import {
  COLUMN_WIDTHS,
  LEVEL2_LIST,
  PROJECT_LEVELS,
  PROJECT_TYPES,
  departmentFormLayout,
  projectFormLayout,
} from "../../src/template/layouts";
import { applyPlanToSnapshot, layoutToSheet } from "../../src/template/plans";
import { TEMPLATE_STYLES } from "../../src/template/styles";
import type { FormLayout } from "../../src/template/types";

const a1 = (r: CellRef | null | undefined) => (r ? toA1(r.row, r.col) : null);
const ALL_SLOTS = STANDARD_TREE.flatMap((g) => g.level2);

function cellAt(layout: FormLayout, row: number, col: number) {
  return layout.cells.find((c) => c.row === row && c.col === col)!;
}

describe("TEMPLATE_STYLES", () => {
  it("defines every style, 11pt by default, with the template's formats and fill", () => {
    expect(TEMPLATE_STYLES.title).toMatchObject({
      bold: true,
      fontSize: 16,
      horizontal: "Center",
      border: false,
    });
    expect(TEMPLATE_STYLES.subtitle).toMatchObject({ fontSize: 12, horizontal: "Center", border: false });
    expect(TEMPLATE_STYLES.amount.numberFormat).toBe("#,##0.00");
    expect(TEMPLATE_STYLES.integer.numberFormat).toBe("0");
    expect(TEMPLATE_STYLES.header).toMatchObject({ bold: true, fill: "#F2F2F2", border: true });
    for (const k of ["label", "text", "amount", "integer", "header", "indicator"] as const) {
      expect(TEMPLATE_STYLES[k].fontSize).toBe(11);
      expect(TEMPLATE_STYLES[k].border).toBe(true);
    }
  });
});

describe("projectFormLayout", () => {
  const layout = projectFormLayout({ year: 2026 });

  it("covers six columns with one cell each, and the example's column widths", () => {
    expect(layout.kind).toBe("project");
    expect(layout.colCount).toBe(6);
    expect(layout.rowCount).toBe(13 + ALL_SLOTS.length);
    expect(layout.cells).toHaveLength(layout.rowCount * 6);
    expect(layout.columnWidths).toEqual([...COLUMN_WIDTHS]);
    expect(COLUMN_WIDTHS).toEqual([16, 18, 22, 28, 22, 22]);
  });

  it("merges as template.md describes", () => {
    const merges = layout.merges.map(rangeToA1).sort();
    const want = [
      "A1:F1", // title
      "B2:F2",
      "B3:F3",
      "B4:F4",
      "B5:F5",
      "B6:F6", // text fields
      "E7:F7", // 到期年度
      "B8:F8", // 预算金额
      "A9:A12", // 总体绩效目标
      "B9:F9",
      "B10:F10",
      "B11:F11",
      "B12:F12",
      "A13:A23", // 绩效指标 over header + indicator rows
      "B14:B16", // 成本指标
      "B17:B19", // 产出指标
      "B20:B22", // 效益指标
    ].sort();
    expect(merges).toEqual(want);
  });

  it("prints every label, the year in the year labels, and all standard 二级 slots", () => {
    const at = (a: string) => {
      const m = /^([A-F])(\d+)$/.exec(a)!;
      return cellAt(layout, Number(m[2]) - 1, m[1].charCodeAt(0) - 65).value;
    };
    expect(at("A1")).toBe("项目绩效目标表");
    expect(["A2", "A3", "A4", "A5", "A6", "A7", "B7", "D7", "A8", "A9", "B9"].map(at)).toEqual([
      "项目名称",
      "项目类型",
      "项目等级",
      "主管部门",
      "用款单位",
      "实施周期",
      "起始年度",
      "到期年度",
      "2026年预算金额(元)",
      "总体绩效目标",
      "实施周期总目标",
    ]);
    expect(at("B11")).toBe("2026年度目标");
    expect(["A13", "B13", "C13", "D13", "E13", "F13"].map(at)).toEqual([
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "实施周期指标值",
      "年度指标值",
    ]);
    expect(Array.from({ length: 10 }, (_, i) => cellAt(layout, 13 + i, 2).value)).toEqual([
      "经济成本指标",
      "社会成本指标",
      "生态环境成本指标",
      "数量指标",
      "质量指标",
      "时效指标",
      "经济效益",
      "社会效益",
      "生态效益",
      "服务对象满意度",
    ]);
    // 三级 names and values are blank.
    for (let r = 13; r < layout.rowCount; r++)
      for (const c of [3, 4, 5]) expect(cellAt(layout, r, c).value).toBeNull();
    expect(cellAt(layout, 7, 1).style).toBe("amount");
    expect(cellAt(layout, 6, 2).style).toBe("integer");
    expect(cellAt(layout, 12, 3).style).toBe("header");
    expect(layout.rowHeights).toEqual(
      expect.arrayContaining([
        { row: 9, height: 60 },
        { row: 11, height: 60 },
      ]),
    );
  });

  it("uses another year in both year labels, and prefills name, owner and user", () => {
    const l = projectFormLayout({ year: 2027, name: "新项目", owner: "甲局", user: "乙中心" });
    expect(cellAt(l, 7, 0).value).toBe("2027年预算金额(元)");
    expect(cellAt(l, 10, 1).value).toBe("2027年度目标");
    expect([1, 4, 5].map((r) => cellAt(l, r, 1).value)).toEqual(["新项目", "甲局", "乙中心"]);
  });

  it("validates 项目类型, 项目等级, years, the amount and the indicator labels", () => {
    const v = (a: string) => layout.validations.find((x) => rangeToA1(x.range) === a);
    expect(v("B3:F3")).toMatchObject({ kind: "list", list: [...PROJECT_TYPES] });
    expect(PROJECT_TYPES).toContain("其他运转类（综合类）");
    expect(v("B4:F4")).toMatchObject({ kind: "list", list: ["一级项目", "二级项目", "三级项目"] });
    expect(PROJECT_LEVELS).toHaveLength(3);
    expect(v("C7")).toMatchObject({ kind: "wholeNumber", min: 2000, max: 2099 });
    expect(v("E7:F7")).toMatchObject({ kind: "wholeNumber", min: 2000, max: 2099 });
    expect(v("B8:F8")).toMatchObject({ kind: "decimal", min: 0, max: 1e12 });
    expect(v("B14:B23")).toMatchObject({
      kind: "list",
      list: ["成本指标", "产出指标", "效益指标", "满意度指标"],
    });
    expect(v("C14:C23")).toMatchObject({ kind: "list", list: [...LEVEL2_LIST] });
    expect(LEVEL2_LIST).toHaveLength(11);
    expect(LEVEL2_LIST).toContain("可持续影响");
  });
});

describe("departmentFormLayout", () => {
  const layout = departmentFormLayout({ year: 2026 });

  it("has three blank task rows by default, and as many as asked", () => {
    expect(layout.rowCount).toBe(17 + ALL_SLOTS.length);
    expect(departmentFormLayout({ year: 2026, tasks: 5 }).rowCount).toBe(19 + ALL_SLOTS.length);
    expect(departmentFormLayout({ year: 2026, tasks: 0 }).rowCount).toBe(14 + ALL_SLOTS.length);
  });

  it("merges as template.md describes", () => {
    const merges = layout.merges.map(rangeToA1).sort();
    const want = [
      "A1:F1", // title
      "A2:F2", // (2026年)
      "B3:F3", // 部门名称
      "E4:F4", // 下属二级单位数
      "A5:A10", // 预算整体情况
      ...[5, 6, 7, 8, 9, 10].map((r) => `E${r}:F${r}`),
      "B11:F11", // 总体绩效目标
      "A12:A15", // 年度重点工作任务 over its header and three task rows
      ...[12, 13, 14, 15].map((r) => `E${r}:F${r}`),
      "B16:F16", // 其他需完成的任务
      "A17:A27", // 绩效指标
      "B18:B20",
      "B21:B23",
      "B24:B26",
    ].sort();
    expect(merges).toEqual(want);
  });

  it("prints the title with the name, the year line and the labels", () => {
    const l = departmentFormLayout({ year: 2026, name: "测试局" });
    expect(cellAt(l, 0, 0).value).toBe("测试局部门整体预算绩效目标申报表");
    expect(cellAt(l, 1, 0).value).toBe("(2026年)");
    expect(cellAt(l, 2, 1).value).toBe("测试局");
    expect(cellAt(layout, 0, 0).value).toBe("部门整体预算绩效目标申报表");
    expect([4, 5, 6, 7, 8, 9].map((r) => cellAt(layout, r, 1).value)).toEqual([
      "部门预算支出",
      "基本支出",
      "项目支出",
      "事业发展性支出",
      "财政专项资金",
      "其他事业发展性支出",
    ]);
    expect(cellAt(layout, 15, 0).value).toBe("其他需完成的任务(可选填)");
    expect(cellAt(layout, 16, 0).value).toBe("绩效指标");
  });

  it("validates counts and amounts", () => {
    const v = (a: string) => layout.validations.find((x) => rangeToA1(x.range) === a);
    expect(v("C4")).toMatchObject({ kind: "wholeNumber", min: 0, max: 1e6 });
    expect(v("E4:F4")).toMatchObject({ kind: "wholeNumber", min: 0, max: 1e6 });
    for (const a of ["C6", "E6:F6", "C7", "E7:F7", "C9", "E9:F9", "C10", "E10:F10", "D13", "D14", "D15"])
      expect(v(a)).toMatchObject({ kind: "decimal", min: 0, max: 1e12 });
  });
});

describe("blank template forms, read by the engine", () => {
  it("give only required findings, and the reader finds every project field where the template puts it", () => {
    const { model, diagnostics } = checkWorkbook({
      sheets: [layoutToSheet(projectFormLayout({ year: 2026 }), "P")],
    });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.category !== "required")).toEqual([]);
    expect(model.forms).toHaveLength(1);
    const p = model.forms[0] as ProjectForm;
    expect(p.structureIssues).toEqual([]);
    expect(p.layoutNotes).toEqual([]);
    expect(a1(p.title?.ref)).toBe("A1");
    expect({
      name: a1(p.name?.ref),
      type: a1(p.type?.ref),
      level: a1(p.level?.ref),
      owner: a1(p.owner?.ref),
      user: a1(p.user?.ref),
      start: a1(p.startYear?.ref),
      end: a1(p.endYear?.ref),
      budget: a1(p.budget?.ref),
      periodGoal: a1(p.periodGoal?.ref),
      annualGoal: a1(p.annualGoal?.ref),
      header: a1(p.indicatorHeader),
    }).toEqual({
      name: "B2",
      type: "B3",
      level: "B4",
      owner: "B5",
      user: "B6",
      start: "C7",
      end: "E7",
      budget: "B8",
      periodGoal: "B10",
      annualGoal: "B12",
      header: "B13",
    });
    expect(p.budgetLabel?.year).toBe(2026);
    expect(p.annualGoalLabel?.year).toBe(2026);
    expect(p.slots.map((s) => s.level2)).toEqual(ALL_SLOTS);
    expect(p.slots.map((s) => a1(s.ref))).toEqual(Array.from({ length: 10 }, (_, i) => `C${14 + i}`));
    expect(p.indicators).toEqual([]);
    expect(p.range).toMatchObject({ top: 0, left: 0, bottom: 22, right: 5 });
  });

  it("give only required findings, and the reader finds every department field where the template puts it", () => {
    const { model, diagnostics } = checkWorkbook({
      sheets: [layoutToSheet(departmentFormLayout({ year: 2026 }), "D")],
    });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.category !== "required")).toEqual([]);
    const d = model.forms[0] as DepartmentForm;
    expect(d.kind).toBe("department");
    expect(d.structureIssues).toEqual([]);
    expect(d.layoutNotes).toEqual([]);
    expect(d.year).toBe(2026);
    expect(a1(d.yearRef)).toBe("A2");
    const b = d.budget;
    expect({
      name: a1(d.name?.ref),
      staff: a1(d.staffCount?.ref),
      sub: a1(d.subUnitCount?.ref),
      basic: a1(b.basic?.ref),
      fiscal: a1(b.fiscal?.ref),
      project: a1(b.project?.ref),
      other: a1(b.other?.ref),
      special: a1(b.special?.ref),
      cityLevel: a1(b.cityLevel?.ref),
      otherDevelopment: a1(b.otherDevelopment?.ref),
      transfer: a1(b.transfer?.ref),
      goal: a1(d.overallGoal?.ref),
      otherTasks: a1(d.otherTasks?.ref),
      header: a1(d.indicatorHeader),
    }).toEqual({
      name: "B3",
      staff: "C4",
      sub: "E4",
      basic: "C6",
      fiscal: "E6",
      project: "C7",
      other: "E7",
      special: "C9",
      cityLevel: "E9",
      otherDevelopment: "C10",
      transfer: "E10",
      goal: "B11",
      otherTasks: "B16",
      header: "B17",
    });
    expect(d.tasks).toEqual([]); // blank task rows are not tasks
    expect(d.slots.map((s) => s.level2)).toEqual(ALL_SLOTS);
    expect(d.slots.map((s) => a1(s.ref))).toEqual(Array.from({ length: 10 }, (_, i) => `C${18 + i}`));
  });

  it("are read at any origin, and several on one sheet", () => {
    const sheet = layoutToSheet(projectFormLayout({ year: 2026 }), "P", { row: 4, col: 2 });
    expect(sheet.top).toBe(4);
    expect(sheet.left).toBe(2);
    const p = checkWorkbook({ sheets: [sheet] }).model.forms[0] as ProjectForm;
    expect(a1(p.name?.ref)).toBe("D6");
    expect(p.slots).toHaveLength(10);

    const dept = departmentFormLayout({ year: 2026, name: "测试局" });
    const proj = projectFormLayout({ year: 2026, owner: "测试局", user: "测试局", name: "项目一" });
    const wb = applyPlanToSnapshot(
      { sheets: [] },
      {
        sheetName: "全部",
        layouts: [
          { origin: { row: 0, col: 0 }, layout: dept },
          { origin: { row: dept.rowCount + 1, col: 0 }, layout: proj },
        ],
      },
    );
    const { model, diagnostics } = checkWorkbook(wb);
    expect(model.forms.map((f) => [f.kind, f.displayName])).toEqual([
      ["department", "测试局"],
      ["project", "项目一"],
    ]);
    expect(diagnostics.filter((d) => d.category !== "required")).toEqual([]);
    const p2 = model.forms[1] as ProjectForm;
    expect(p2.owner?.text).toBe("测试局");
    expect(p2.user?.text).toBe("测试局");
  });
});
