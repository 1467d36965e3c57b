import rule from "../../src/rules/period-years";
import { departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/** Project fields: 起始年度 C7, 到期年度 E7, 预算金额 label A8, 年度目标 label B11. */
ruleTester(rule, {
  valid: [
    { name: "a one-year project (2026–2026)", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "the seed's recurrent projects: 2022–2099 (open-ended), budget 2026",
      workbook: workbook(sheet("P", projectRows({ start: 2022, end: 2099 }))),
    },
    {
      name: "the seed's finite project: 2024–2026, budget 2026",
      workbook: workbook(sheet("P", projectRows({ start: 2024, end: 2026 }))),
    },
    {
      name: "years typed as text (2024年) are read",
      workbook: workbook(sheet("P", projectRows({ start: "2024年", end: "2027年" }))),
    },
    {
      name: "blank or unreadable years are other rules' business",
      workbook: workbook(sheet("P", projectRows({ start: null, end: "二〇二五" }))),
    },
    {
      name: "no year in the labels and no department form: nothing to compare",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ start: 2027, end: 2028, budgetLabel: "预算金额(元)", annualGoalLabel: "年度目标" }),
        ),
      ),
    },
    {
      name: "labels disagree with the department, but one of the years is in the period (budget-year warns)",
      workbook: workbook(
        sheet(
          "S",
          stack(departmentRows({ year: 2026 }), projectRows({ year: 2025, start: 2025, end: 2025 })),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "起始年度 after 到期年度",
      workbook: workbook(sheet("P", projectRows({ start: 2027, end: 2026 }))),
      errors: [
        {
          messageId: "start-after-end",
          cell: "C7",
          severity: "error",
          related: ["E7"],
          args: { start: 2027, end: 2026 },
        },
      ],
    },
    {
      name: "a project that starts after its budget year",
      workbook: workbook(sheet("P", projectRows({ start: 2027, end: 2099 }))),
      errors: [
        {
          messageId: "before-start",
          cell: "C7",
          related: ["A8"],
          args: { year: 2026, start: 2027, end: 2099 },
        },
      ],
    },
    {
      name: "a project that ended before its budget year",
      workbook: workbook(sheet("P", projectRows({ start: 2023, end: 2025 }))),
      errors: [
        {
          messageId: "after-end",
          cell: "E7",
          related: ["A8"],
          args: { year: 2026, end: 2025 },
          zhIncludes: ["2023—2025"],
        },
      ],
    },
    {
      name: "no year in the labels: the department form's year is used",
      workbook: workbook(
        sheet(
          "S",
          stack(
            departmentRows({ year: 2026 }),
            projectRows({ start: 2022, end: 2024, budgetLabel: "预算金额(元)", annualGoalLabel: "年度目标" }),
          ),
        ),
      ),
      errors: [{ messageId: "after-end", cell: "E33", related: ["A2"], args: { year: 2026, end: 2024 } }],
    },
    {
      name: "years typed as text with 年",
      workbook: workbook(sheet("P", projectRows({ start: "2027年", end: "2026年" }))),
      errors: [{ messageId: "start-after-end", cell: "C7", args: { start: 2027, end: 2026 } }],
    },
    {
      name: "start after end is reported once, not also against the budget year",
      workbook: workbook(sheet("P", projectRows({ start: 2030, end: 2028 }))),
      errors: [{ messageId: "start-after-end", cell: "C7" }],
    },
  ],
});
