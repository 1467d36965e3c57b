import rule from "../../src/rules/count-year";
import { amount, departmentRows, projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

ruleTester(rule, {
  valid: [
    {
      name: "the defaults: 10 staff, 0 sub-units, 2026-2026",
      workbook: workbook(sheet("D", departmentRows()), sheet("P", projectRows())),
    },
    {
      name: "the seed: 59 staff, 0 sub-units, 2022-2099 (2099 = open-ended)",
      workbook: workbook(
        sheet("D", departmentRows({ staff: 59, subUnits: 0 })),
        sheet("P", projectRows({ start: 2022, end: 2099 })),
      ),
    },
    {
      name: "numbers stored as text, a year written with 年, a count shown with decimals",
      workbook: workbook(
        sheet("D", departmentRows({ staff: "59", subUnits: amount(0) })),
        sheet("P", projectRows({ start: "2024年", end: "2026" })),
      ),
    },
    {
      name: "the edges of the year range",
      workbook: workbook(sheet("P", projectRows({ start: 1900, end: 2099 }))),
    },
    {
      name: "blank cells are required-field's finding",
      workbook: workbook(
        sheet("D", departmentRows({ staff: null })),
        sheet("P", projectRows({ start: null, end: "" })),
      ),
    },
  ],
  invalid: [
    {
      name: "a fractional head count and a negative sub-unit count",
      workbook: workbook(sheet("D", departmentRows({ staff: 10.5, subUnits: -1 }))),
      errors: [
        {
          messageId: "count",
          cell: "C4",
          severity: "warning",
          related: ["B4"],
          args: { text: "10.5" },
          zhIncludes: ["财政供养人员数"],
        },
        { messageId: "count", cell: "E4", related: ["D4"], zhIncludes: ["下属二级单位数", "-1"] },
      ],
    },
    {
      name: "a head count with a unit or in words is unreadable",
      workbook: workbook(sheet("D", departmentRows({ staff: "59人", subUnits: "无" }))),
      errors: [
        { messageId: "count", cell: "C4", args: { text: "59人" } },
        { messageId: "count", cell: "E4", args: { text: "无" } },
      ],
    },
    {
      name: "a two-digit year and a year past 2099",
      workbook: workbook(sheet("P", projectRows({ start: 26, end: 2100 }))),
      errors: [
        {
          messageId: "year",
          cell: "C7",
          severity: "warning",
          related: ["B7"],
          zhIncludes: ["起始年度", "26"],
        },
        { messageId: "year", cell: "E7", related: ["D7"], zhIncludes: ["到期年度", "2100"] },
      ],
    },
    {
      name: "a year in Chinese numerals, a fractional year",
      workbook: workbook(sheet("P", projectRows({ start: "二〇二六", end: 2026.5 }))),
      errors: [
        { messageId: "year", cell: "C7", args: { text: "二〇二六" } },
        { messageId: "year", cell: "E7" },
      ],
    },
    {
      name: "an error value in a year, 1899",
      workbook: workbook(
        sheet("P", projectRows({ start: 1899, end: { v: { error: "#REF!" }, t: "#REF!" } })),
      ),
      errors: [
        { messageId: "year", cell: "C7", args: { text: "1899" } },
        { messageId: "year", cell: "E7", args: { text: "#REF!" } },
      ],
    },
  ],
});
