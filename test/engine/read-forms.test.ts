import { toA1 } from "../../src/engine/address";
import type { DepartmentForm, ProjectForm } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read-forms";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { amount, departmentRows, projectRows, sheet, stack, workbook, type Cell } from "../support/forms";

const a1 = (r: { row: number; col: number }) => toA1(r.row, r.col);

/** Shift a grid right by `cols` columns and down by `rows` rows by padding. */
function offset(rows: Cell[][], down: number, right: number): Cell[][] {
  return [
    ...Array.from({ length: down }, () => [] as Cell[]),
    ...rows.map((r) => [...Array(right).fill(null), ...r]),
  ];
}

function only<T>(xs: T[]): T {
  expect(xs).toHaveLength(1);
  return xs[0];
}

describe("form detection", () => {
  it("finds one project form per sheet and maps its fields to cells", () => {
    const model = readWorkbook(workbook(sheet("P", projectRows())));
    const p = only(model.forms) as ProjectForm;
    expect(p.kind).toBe("project");
    expect(p.name!.text).toBe("测试项目");
    expect(a1(p.name!.ref)).toBe("B2");
    expect(a1(p.budget!.ref)).toBe("B8");
    expect(p.budget!.value!.toString()).toBe("100000");
    expect(p.budget!.decimals).toBe(2);
    expect(a1(p.startYear!.ref)).toBe("C7");
    expect(a1(p.endYear!.ref)).toBe("E7");
    expect(p.budgetLabel!.year).toBe(2026);
    expect(a1(p.annualGoal!.ref)).toBe("B12");
    expect(p.annualGoalLabel!.year).toBe(2026);
    expect(p.indicators).toHaveLength(6);
    expect(p.slots.map((s) => s.level2)).toEqual([
      "经济成本指标",
      "社会成本指标",
      "生态环境成本指标",
      "数量指标",
      "质量指标",
      "时效指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "服务对象满意度指标",
    ]);
    const sat = p.indicators[p.indicators.length - 1];
    expect(sat.level1).toBe("满意度指标");
    expect(a1(sat.annual.ref)).toBe("F23");
    expect(p.layoutNotes).toEqual([]);
    expect(p.structureIssues).toEqual([]);
    expect(p.range).toMatchObject({ top: 0, left: 0, bottom: 22 });
  });

  it("finds a department form and its budget block, tasks and indicators", () => {
    const d = only(readWorkbook(workbook(sheet("D", departmentRows()))).forms) as DepartmentForm;
    expect(d.kind).toBe("department");
    expect(d.year).toBe(2026);
    expect(d.name!.text).toBe("测试部门");
    expect(a1(d.budget.basic!.ref)).toBe("C6");
    expect(a1(d.budget.fiscal!.ref)).toBe("E6");
    expect(a1(d.budget.cityLevel!.ref)).toBe("E9");
    expect(a1(d.budget.transfer!.ref)).toBe("E10");
    expect(d.tasks).toHaveLength(1);
    expect(a1(d.tasks[0].amount.ref)).toBe("D13");
    expect(d.tasks[0].amount.value!.toNumber()).toBe(100000);
    expect(d.indicators).toHaveLength(6);
    expect(d.structureIssues).toEqual([]);
  });

  it.each([
    [0, 0],
    [4, 2],
    [10, 7],
  ])("finds forms at any offset (%i rows down, %i columns right)", (down, right) => {
    const rows = offset(
      stack(departmentRows(), projectRows(), projectRows({ name: "第二个项目" })),
      down,
      right,
    );
    const model = readWorkbook(workbook(sheet("S", rows)));
    expect(model.forms.map((f) => f.kind)).toEqual(["department", "project", "project"]);
    const p2 = model.forms[2] as ProjectForm;
    expect(p2.name!.text).toBe("第二个项目");
    expect(p2.origin.col).toBe(right);
    expect(p2.indicators).toHaveLength(6);
    for (const f of model.forms) expect(f.structureIssues).toEqual([]);
    // Each stacked form ends before the next one's title.
    expect(model.forms[0].range.bottom).toBeLessThan(model.forms[1].range.top);
  });

  it("also reads a snapshot whose used range does not start at A1", () => {
    const s: SheetSnapshot = { ...sheet("P", projectRows()), top: 5, left: 3 };
    const p = only(readWorkbook(workbook(s)).forms) as ProjectForm;
    expect(a1(p.budget!.ref)).toBe("E13");
  });

  it("reports sheets without forms", () => {
    const model = readWorkbook(
      workbook(sheet("Notes", [["备注"], ["随便写的内容"]]), sheet("P", projectRows())),
    );
    expect(model.sheetsWithoutForms).toEqual(["Notes"]);
    expect(model.forms).toHaveLength(1);
  });

  it("tolerates a form without a title row", () => {
    const p = only(readWorkbook(workbook(sheet("P", projectRows({ noTitle: true })))).forms) as ProjectForm;
    expect(a1(p.budget!.ref)).toBe("B7");
    expect(p.title).toBeNull();
  });
});

describe("cell values", () => {
  it("reads numbers stored as text, full-width digits and formula results", () => {
    const rows = projectRows({
      budget: "４,８３２,０３９.００",
      start: "２０２２",
      end: { v: 2099, f: "=2000+99" },
    });
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.budget!.status).toBe("ok");
    expect(p.budget!.value!.toString()).toBe("4832039");
    expect(p.budget!.decimals).toBe(2);
    expect(p.budget!.storedAsText).toBe(true);
    expect(p.startYear!.value!.toNumber()).toBe(2022);
    expect(p.endYear!.value!.toNumber()).toBe(2099);
    expect(p.endYear!.formula).toBe("=2000+99");
    expect(p.layoutNotes.map((n) => n.kind)).toEqual(["number-as-text", "number-as-text"]);
  });

  it("takes the precision an amount shows, not the float it stores", () => {
    const rows = departmentRows({
      basic: { v: 973.2, t: "973.20" },
      project: { v: 699.3400000001, t: "699.34" },
    });
    const d = only(readWorkbook(workbook(sheet("D", rows))).forms) as DepartmentForm;
    expect(d.budget.basic!.decimals).toBe(2);
    expect(d.budget.project!.value!.toString()).toBe("699.34");
  });

  it("keeps unreadable amounts and error values as such", () => {
    const rows = projectRows({ budget: "一万四千元" });
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.budget!.status).toBe("not-number");
    const q = only(
      readWorkbook(workbook(sheet("P", projectRows({ budget: { v: { error: "#N/A" } } })))).forms,
    ) as ProjectForm;
    expect(q.budget!.status).toBe("error-value");
  });

  it("keeps unparseable indicator values instead of dropping them", () => {
    const inds = projectRows().slice(12);
    expect(inds.length).toBeGreaterThan(0);
    const rows = projectRows({
      indicators: [
        ["成本指标", "经济成本指标", "支出", "组长400元/人/月，副组长200元/人/月", "？？"],
        ["产出指标", "数量指标", "人数", "≥9.5万", "每月≤32人"],
      ],
    });
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.indicators.map((i) => i.period.parsed.kind)).toEqual(["compound", "quantity"]);
    expect(p.indicators[0].annual.raw).toBe("？？");
    expect(p.indicators[0].annual.parsed.kind).toBe("qualitative");
  });
});

describe("layout variations (template.md)", () => {
  it("reads satisfaction rows typed one column left", () => {
    const rows = projectRows();
    const sat = rows[rows.length - 1];
    rows[rows.length - 1] = [...sat.slice(1), null];
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    const ind = p.indicators[p.indicators.length - 1];
    expect(ind.level1).toBe("满意度指标");
    expect(ind.level2).toBe("服务对象满意度指标");
    expect(ind.name).toBe("服务对象满意度");
    expect(a1(ind.period.ref)).toBe("D23");
    expect(a1(ind.annual.ref)).toBe("E23");
    expect(p.layoutNotes).toEqual([{ kind: "row-shifted-left", ref: { sheet: "P", row: 22, col: 0 } }]);
  });

  it("reads rows with an extra empty column before the values", () => {
    const rows = projectRows();
    rows[13] = [null, "成本指标", "经济成本指标", "预算控制数", null, "≤100000元", "≤100000元"];
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.indicators[0].period.raw).toBe("≤100000元");
    expect(a1(p.indicators[0].annual.ref)).toBe("G14");
    expect(p.layoutNotes.map((n) => n.kind)).toEqual(["extra-column"]);
  });

  it("reads goal text typed in the label column", () => {
    const rows = projectRows();
    rows[11] = ["完成年度测试工作。"];
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.annualGoal!.text).toBe("完成年度测试工作。");
    expect(a1(p.annualGoal!.ref)).toBe("A12");
    expect(p.layoutNotes.map((n) => n.kind)).toEqual(["text-in-label-column"]);
  });

  it("reads the seed's garbled 效益 block (labels one column right, names in the 一级 column)", () => {
    const inds = departmentRows().length;
    const rows = departmentRows({
      indicators: [
        ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤100000元"],
        ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
        [null, "质量指标", "验收合格率", "100%", "100%"],
        [null, "时效指标", "按时完成率", "100%", "100%"],
        [null, "效益指标", "经济效益", null, null],
        [null, null, "社会效益", "信息化服务水平", "有效提升"],
        ["业务和服务水平", null, null, "达到省、市工作要求", "达到省、市工作要求"],
        ["生态效益", null, null, null, null],
        ["满意度指标", "服务对象满意度", "群众满意度", "≥90%", "≥90%"],
      ],
    });
    expect(inds).toBeGreaterThan(0);
    const d = only(readWorkbook(workbook(sheet("D", rows))).forms) as DepartmentForm;
    expect(d.structureIssues).toEqual([]);
    const byName = new Map(d.indicators.map((i) => [i.name, i]));
    expect(byName.get("信息化服务水平")).toMatchObject({ level1: "效益指标", level2: "社会效益指标" });
    expect(byName.get("信息化服务水平")!.period.raw).toBe("有效提升");
    expect(byName.get("信息化服务水平")!.annual.parsed.kind).toBe("blank");
    expect(byName.get("业务和服务水平")).toMatchObject({ level1: "效益指标", level2: "社会效益指标" });
    expect(d.slots.map((s) => s.level2)).toContain("生态效益指标");
    // 生态效益 alone in the 一级 column reads as a row shifted left (its 二级 column is next).
    expect(d.layoutNotes.map((n) => n.kind).sort()).toEqual([
      "level3-in-level1-column",
      "row-shifted-left",
      "row-shifted-right",
      "row-shifted-right",
    ]);
  });

  it("reports labels it cannot interpret as structure issues", () => {
    const rows = projectRows({
      indicators: [
        ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤100000元"],
        ["成果指标", "数量指标", "人数", "≥1人", "≥1人"],
        ["效益指标", "质量指标", "合格率", "100%", "100%"],
        [null, "影响力指标", "知名度", "提高", "提高"],
      ],
    });
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.structureIssues.map((i) => [i.kind, a1(i.ref)])).toEqual([
      ["unknown-level1", "B15"],
      ["level2-wrong-parent", "C16"],
      ["unknown-level2", "C17"],
    ]);
  });

  it("accepts the older tree (成本指标 under 产出指标) and label variants", () => {
    const rows = projectRows({
      indicators: [
        ["产出指标", "数量指标", "人数", "≥1人", "≥1人"],
        [null, "质量指标", "合格率", "100%", "100%"],
        [null, "进度指标", "完成率", "100%", "100%"],
        [null, "成本指标", "预算控制数", "控制在合理范围", "控制在合理范围"],
        ["效益指标", "社会效益指标", "服务水平", "有效提升", "有效提升"],
        [null, "可持续影响指标", "长效机制", "建立", "建立"],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "≥90%"],
      ],
    });
    const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
    expect(p.structureIssues).toEqual([]);
    expect(p.olderTree).toBe(true);
    expect(p.indicators.map((i) => i.level2)).toEqual([
      "数量指标",
      "质量指标",
      "时效指标",
      "成本指标",
      "社会效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
    ]);
  });

  it("reports a missing label row and a missing indicator table", () => {
    const rows = projectRows().filter((r) => r[0] !== "项目类型" && r[1] !== "一级指标");
    const p = only(readWorkbook(workbook(sheet("P", rows.slice(0, 11)))).forms);
    const issues = (p as ProjectForm).structureIssues.map((i) => [i.kind, i.args.section ?? ""]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["missing-section", "项目类型"],
        ["no-indicator-table", ""],
      ]),
    );
  });

  it("reads amounts with a unit typed in the cell", () => {
    const p = only(
      readWorkbook(workbook(sheet("P", projectRows({ budget: "1,000.00元" })))).forms,
    ) as ProjectForm;
    expect(p.budget!.value!.toNumber()).toBe(1000);
    expect(amount(1)).toBeDefined();
  });
});

describe("labels that are names of JavaScript object members", () => {
  it.each(["toString", "constructor", "__proto__", "valueOf指标"])(
    "reads %s as an unknown label, not a crash",
    (label) => {
      const rows = projectRows({
        indicators: [
          ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤100000元"],
          [null, label, "x", "1人", "1人"],
          [label, "数量指标", "y", "1人", "1人"],
        ],
      });
      const p = only(readWorkbook(workbook(sheet("P", rows))).forms) as ProjectForm;
      expect(p.structureIssues.map((i) => i.kind)).toEqual(["unknown-level2", "unknown-level1"]);
    },
  );
});

describe("forms side by side", () => {
  it("reads two project forms standing in the same rows, each with its own fields", () => {
    const left = projectRows({ name: "左边的项目" });
    const right = projectRows({ name: "右边的项目", budget: amount(200000) });
    const rows = left.map((r, i) => [...r, ...Array(8 - r.length).fill(null), ...(right[i] ?? [])]);
    const model = readWorkbook(workbook(sheet("S", rows)));
    expect(model.forms.map((f) => f.displayName)).toEqual(["左边的项目", "右边的项目"]);
    const [a, b] = model.forms as ProjectForm[];
    expect(a.budget!.value!.toNumber()).toBe(100000);
    expect(b.budget!.value!.toNumber()).toBe(200000);
    expect(a.indicators).toHaveLength(6);
    expect(b.indicators).toHaveLength(6);
    expect(a.structureIssues).toEqual([]);
    expect(b.structureIssues).toEqual([]);
  });
});
