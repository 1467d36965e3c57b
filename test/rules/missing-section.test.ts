import rule from "../../src/rules/missing-section";
import { departmentRows, projectRows, sheet, stack, workbook, type Cell } from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { d2Rows, p1Rows } from "../support/profile-forms";

/** Rows of a form without the rows whose first or second cell is one of the labels. */
function without(rows: Cell[][], ...labels: string[]): Cell[][] {
  return rows.filter((r) => !labels.includes(String(r[0] ?? "")) && !labels.includes(String(r[1] ?? "")));
}

/** A form cut off just before its indicator table header. */
function noIndicatorTable(rows: Cell[][]): Cell[][] {
  const i = rows.findIndex((r) => r.includes("一级指标"));
  return rows.slice(0, i);
}

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "blank values are required-field's business, not a missing row",
      workbook: workbook(
        sheet("P", projectRows({ type: null, start: null, budget: null, annualGoal: null })),
      ),
    },
    {
      name: "a department form and its projects stacked",
      workbook: workbook(sheet("S", stack(departmentRows(), projectRows(), projectRows({ name: "项目二" })))),
    },
  ],
  invalid: [
    {
      name: "another family names its own header: a P1 form cut before its table",
      workbook: workbook(sheet("P1", p1Rows().slice(0, 10))),
      errors: [
        {
          messageId: "no-indicator-table",
          cell: "A3",
          args: { form: "法治宣传经费" },
          zhIncludes: ["表头应为 「一级指标」、「二级指标」、「三级指标」、「指标值」）"],
        },
      ],
    },
    {
      name: "a D2 (湖北 部门整体) form without its table names the D2 header",
      workbook: workbook(sheet("D2", d2Rows())),
      errors: [
        {
          messageId: "no-indicator-table",
          cell: "A3",
          zhIncludes: ["「一级指标」、「二级指标」、「三级指标」、「指标值」"],
        },
      ],
    },
    {
      name: "a project form without its 项目类型 row",
      workbook: workbook(sheet("P", without(projectRows(), "项目类型"))),
      errors: [
        {
          messageId: "missing-section",
          cell: "A2",
          severity: "error",
          args: { count: 1 },
          zhIncludes: ["「项目类型」", "测试项目"],
        },
      ],
    },
    {
      name: "several missing rows of one form are one finding",
      workbook: workbook(sheet("P", without(projectRows(), "项目等级", "实施周期"))),
      errors: [
        {
          messageId: "missing-section",
          cell: "A2",
          args: { count: 3 },
          zhIncludes: ["「项目等级」、「起始年度」、「到期年度」"],
        },
      ],
    },
    {
      name: "a department form without 财政专项资金 (reported at the 预算整体情况 block)",
      workbook: workbook(sheet("D", without(departmentRows(), "财政专项资金"))),
      errors: [
        {
          messageId: "missing-section",
          cell: "A5",
          args: { count: 2 },
          zhIncludes: ["「财政专项资金」、「市本级使用资金」"],
        },
      ],
    },
    {
      name: "a department form without 预算整体情况 and 基本信息",
      workbook: workbook(
        sheet(
          "D",
          departmentRows().filter((r, i) => i < 3 || i > 9),
        ),
      ),
      errors: [
        {
          messageId: "missing-section",
          cell: "A3",
          args: { count: 3 },
          zhIncludes: ["「财政供养人员数」、「下属二级单位数」、「预算整体情况」"],
        },
      ],
    },
    {
      name: "a project form with no indicator table",
      workbook: workbook(sheet("P", noIndicatorTable(projectRows()))),
      errors: [
        {
          messageId: "no-indicator-table",
          cell: "A2",
          severity: "error",
          zhIncludes: ["测试项目", "绩效指标"],
        },
      ],
    },
    {
      name: "stacked: the first project lacks its table, the second its 用款单位",
      workbook: workbook(
        sheet(
          "S",
          stack(
            noIndicatorTable(projectRows({ name: "项目一" })),
            without(projectRows({ name: "项目二" }), "用款单位"),
          ),
        ),
      ),
      errors: [
        { messageId: "no-indicator-table", cell: "A2", zhIncludes: ["项目一"] },
        {
          messageId: "missing-section",
          cell: "A15",
          args: { count: 1 },
          zhIncludes: ["项目二", "「用款单位」"],
        },
      ],
    },
  ],
});
