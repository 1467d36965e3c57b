import rule from "../../src/rules/required-field";
import { amount, departmentRows, projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "a zero amount is filled, not blank",
      workbook: workbook(sheet("D", departmentRows({ cityLevel: amount(0), transfer: 0 }))),
    },
  ],
  invalid: [
    {
      name: "blank 预算金额",
      workbook: workbook(sheet("P", projectRows({ budget: null }))),
      errors: [
        {
          messageId: "blank",
          cell: "B8",
          severity: "error",
          related: ["A8"],
          zhIncludes: ["2026年预算金额"],
        },
      ],
    },
    {
      name: "blank 年度目标 (the seed's 综合窗口管理工作经费)",
      workbook: workbook(sheet("P", projectRows({ annualGoal: null }))),
      errors: [{ messageId: "blank", cell: "B12", zhIncludes: ["2026年度目标"] }],
    },
    {
      name: "whitespace-only names count as blank",
      workbook: workbook(sheet("P", projectRows({ name: " \u3000 ", owner: null, start: null }))),
      errors: [
        { messageId: "blank", cell: "B2" },
        { messageId: "blank", cell: "B5" },
        { messageId: "blank", cell: "C7", zhIncludes: ["起始年度"] },
      ],
    },
    {
      name: "blank 市本级使用资金 (the seed's line 13)",
      workbook: workbook(sheet("D", departmentRows({ cityLevel: null }))),
      errors: [{ messageId: "blank", cell: "E9", zhIncludes: ["市本级使用资金"] }],
    },
    {
      name: "blank 部门名称, 财政供养人员数 and 总体绩效目标",
      workbook: workbook(sheet("D", departmentRows({ name: null, staff: null, goal: "" }))),
      errors: [
        { messageId: "blank", cell: "B3" },
        { messageId: "blank", cell: "C4" },
        { messageId: "blank", cell: "B11" },
      ],
    },
  ],
});
