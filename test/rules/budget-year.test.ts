import rule from "../../src/rules/budget-year";
import { departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/**
 * Department year line A2; in a stack after the 25-row department form (and a blank row), the
 * project's 预算金额 label is A34 and its 年度目标 label B37.
 */
ruleTester(rule, {
  valid: [
    {
      name: "the seed: all labels say 2026, as the department form",
      workbook: workbook(sheet("S", stack(departmentRows(), projectRows(), projectRows({ name: "项目二" })))),
    },
    {
      name: "forms on separate sheets",
      workbook: workbook(sheet("部门整体", departmentRows()), sheet("项目", projectRows())),
    },
    {
      name: "a project form alone, both labels the same year",
      workbook: workbook(sheet("P", projectRows({ year: 2025 }))),
    },
    {
      name: "labels without a year",
      workbook: workbook(
        sheet(
          "S",
          stack(departmentRows(), projectRows({ budgetLabel: "预算金额(元)", annualGoalLabel: "年度目标" })),
        ),
      ),
    },
    {
      name: "a project alone with one label carrying a year",
      workbook: workbook(
        sheet("P", projectRows({ budgetLabel: "2025年预算金额(元)", annualGoalLabel: "年度目标" })),
      ),
    },
  ],
  invalid: [
    {
      name: "last year's labels kept in a copied project form",
      workbook: workbook(sheet("S", stack(departmentRows({ year: 2026 }), projectRows({ year: 2025 })))),
      errors: [
        {
          messageId: "label-vs-department",
          cell: "A34",
          severity: "warning",
          related: ["A2"],
          args: { labelYear: 2025, year: 2026, label: "2025年预算金额(元)" },
        },
        {
          messageId: "label-vs-department",
          cell: "B37",
          related: ["A2"],
          args: { labelYear: 2025, label: "2025年度目标" },
        },
      ],
    },
    {
      name: "one stale label (on another sheet than the department form)",
      workbook: workbook(
        sheet("部门整体", departmentRows({ year: 2026 })),
        sheet("项目", projectRows({ annualGoalLabel: "2025年度目标" })),
      ),
      errors: [
        {
          messageId: "label-vs-department",
          cell: "B11",
          sheet: "项目",
          related: ["部门整体!A2"],
          zhIncludes: ["测试项目"],
        },
      ],
    },
    {
      name: "no department form: the two labels of a project disagree",
      workbook: workbook(
        sheet("P", projectRows({ budgetLabel: "2026年预算金额(元)", annualGoalLabel: "2025年度目标" })),
      ),
      errors: [
        {
          messageId: "labels-disagree",
          cell: "B11",
          related: ["A8"],
          args: { labelYear: 2025, otherYear: 2026 },
          zhIncludes: ["「2025年度目标」为 2025 年", "「2026年预算金额(元)」为 2026 年"],
        },
      ],
    },
    {
      name: "two department forms with different years: labels are compared with each other only",
      workbook: workbook(
        sheet("D1", departmentRows({ year: 2026 })),
        sheet("D2", departmentRows({ name: "另一部门", year: 2025 })),
        sheet("P", projectRows({ annualGoalLabel: "2025年度目标" })),
      ),
      errors: [{ messageId: "labels-disagree", cell: "B11", sheet: "P", related: ["A8"] }],
    },
  ],
});
