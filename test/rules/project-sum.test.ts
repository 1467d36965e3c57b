import rule from "../../src/rules/project-sum";
import { amount, departmentRows, projectRows, sheet, stack, workbook, type Cell } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/** A department form with 项目支出 699.34 万元 and two project forms with the given budgets (元). */
function declaration(a: Cell, b: Cell, project: Cell = amount(699.34)) {
  return workbook(
    sheet(
      "S",
      stack(
        departmentRows({ project }),
        projectRows({ name: "项目一", budget: a }),
        projectRows({ name: "项目二", budget: b }),
      ),
    ),
  );
}

ruleTester(rule, {
  valid: [
    {
      name: "the seed: 6,993,420.07 元 against 699.34 万元 is 20.07 元 off, within the 50.01 元 allowance",
      workbook: declaration(amount(4000000), amount(2993420.07)),
    },
    {
      name: "exactly at the allowance (50.01 元 over)",
      workbook: declaration(amount(4000000), amount(2993450.01)),
    },
    { name: "amounts stored as text", workbook: declaration("4,000,000.00", "2,993,400.00") },
    {
      name: "a blank budget leaves the sum to required-field",
      workbook: declaration(amount(4000000), null),
    },
    { name: "project forms without a department form", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "a 项目支出 typed without decimals stands for ±0.5 万元",
      workbook: declaration(amount(4000000), amount(3003000), { v: 700, t: "700" }),
    },
  ],
  invalid: [
    {
      name: "one cent beyond the allowance, over: error",
      workbook: declaration(amount(4000000), amount(2993450.02)),
      errors: [
        {
          messageId: "over",
          cell: "C7",
          severity: "error",
          args: { sum: "6,993,450.02", totalYuan: "6,993,400.00", diff: "50.02", allowance: "50.01" },
          related: ["B34", "B58"],
        },
      ],
    },
    {
      name: "one cent beyond the allowance, short: warning (a project form may be missing)",
      workbook: declaration(amount(4000000), amount(2993349.98)),
      errors: [
        { messageId: "short", cell: "C7", severity: "warning", zhIncludes: ["可能缺少项目绩效目标表"] },
      ],
    },
    {
      name: "a project form missing altogether",
      workbook: declaration(amount(4000000), amount(0)),
      errors: [{ messageId: "short", cell: "C7", severity: "warning", args: { diff: "2,993,400.00" } }],
    },
  ],
});
