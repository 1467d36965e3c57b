import rule from "../../src/rules/development-split";
import { amount, departmentRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/** Cells: 项目支出 C7, 财政专项资金 C9, 市本级使用资金 E9, 其他事业发展性支出 C10, 拟用于对下转移支付资金 E10. */
const dept = (spec: Parameters<typeof departmentRows>[0]) => workbook(sheet("D", departmentRows(spec)));

ruleTester(rule, {
  valid: [
    { name: "the default form: all zero", workbook: dept({}) },
    {
      name: "the seed: 0.00 + 0.00 = (blank) + 0.00, so only the 项目支出 check runs: 0.00 ≤ 699.34",
      workbook: dept({
        project: amount(699.34),
        special: amount(0),
        otherDevelopment: amount(0),
        cityLevel: null,
        transfer: amount(0),
      }),
    },
    {
      name: "both splits agree and stay within 项目支出",
      workbook: dept({
        project: amount(10),
        special: amount(5),
        otherDevelopment: amount(3),
        cityLevel: amount(6.5),
        transfer: amount(1.5),
      }),
    },
    {
      name: "development spending equal to 项目支出",
      workbook: dept({
        project: amount(10),
        special: amount(8),
        otherDevelopment: amount(2),
        cityLevel: amount(10),
        transfer: amount(0),
      }),
    },
    {
      name: "above 项目支出 only within rounding: 10 typed (±0.5) against 9.60",
      workbook: dept({
        project: amount(9.6),
        special: "10",
        otherDevelopment: "0",
        cityLevel: "10",
        transfer: "0",
      }),
    },
    {
      name: "a split one cent off within the allowance (4 × 0.005)",
      workbook: dept({
        project: amount(10),
        special: amount(5),
        otherDevelopment: amount(3),
        cityLevel: amount(8.02),
        transfer: amount(0),
      }),
    },
    {
      name: "an unreadable term silences both checks it is part of",
      workbook: dept({
        project: amount(10),
        special: "待定",
        otherDevelopment: amount(30),
        cityLevel: amount(1),
        transfer: amount(0),
      }),
    },
  ],
  invalid: [
    {
      name: "the two splits disagree",
      workbook: dept({
        project: amount(10),
        special: amount(5),
        otherDevelopment: amount(3),
        cityLevel: amount(6),
        transfer: amount(0),
      }),
      errors: [
        {
          messageId: "split",
          cell: "E9",
          severity: "error",
          related: ["C9", "C10", "E10"],
          args: { development: "8.00", levels: "6.00", diff: "2.00", allowance: "0.02" },
          zhIncludes: ["8.00", "6.00", "2.00", "0.02"],
        },
      ],
    },
    {
      name: "one cent beyond the allowance",
      workbook: dept({
        project: amount(10),
        special: amount(5),
        otherDevelopment: amount(3),
        cityLevel: amount(8.03),
        transfer: amount(0),
      }),
      errors: [{ messageId: "split", cell: "E9", args: { diff: "0.03" } }],
    },
    {
      name: "development spending above 项目支出",
      workbook: dept({
        project: amount(10),
        special: amount(8),
        otherDevelopment: amount(5),
        cityLevel: amount(13),
        transfer: amount(0),
      }),
      errors: [
        {
          messageId: "aboveProject",
          cell: "C9",
          related: ["C10", "C7"],
          args: { development: "13.00", project: "10.00", diff: "3.00", allowance: "0.015" },
          zhIncludes: ["项目支出", "13.00", "10.00"],
        },
      ],
    },
    {
      name: "both findings at once",
      workbook: dept({
        project: amount(10),
        special: amount(8),
        otherDevelopment: amount(5),
        cityLevel: amount(10),
        transfer: amount(0),
      }),
      errors: [
        { messageId: "split", cell: "E9" },
        { messageId: "aboveProject", cell: "C9" },
      ],
    },
    {
      name: "市本级使用资金 blank (as in the seed) but development spending above 项目支出",
      workbook: dept({
        project: amount(699.34),
        special: amount(800),
        otherDevelopment: amount(0),
        cityLevel: null,
        transfer: amount(0),
      }),
      errors: [{ messageId: "aboveProject", cell: "C9", args: { diff: "100.66" } }],
    },
  ],
});
