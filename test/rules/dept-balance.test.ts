import rule from "../../src/rules/dept-balance";
import { amount, departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { d1Rows, d2Rows } from "../support/profile-forms";

/** The seed's budget block: 973.20 + 699.34 = 1,672.54 + 0.00 (万元). */
const SEED = { basic: amount(973.2), project: amount(699.34), fiscal: "1,672.54", other: amount(0) };

ruleTester(rule, {
  valid: [
    { name: "the default form: 50 + 10 = 60 + 0", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the seed: 973.20 + 699.34 = 1,672.54 + 0.00",
      workbook: workbook(sheet("D", departmentRows(SEED))),
    },
    {
      name: "a difference just inside the allowance: 0.02 万元 against 4 × 0.005",
      workbook: workbook(sheet("D", departmentRows({ ...SEED, fiscal: amount(1672.56) }))),
    },
    {
      name: "whole numbers typed: each stands for ±0.5, so a difference of 2 is within rounding",
      workbook: workbook(
        sheet("D", departmentRows({ basic: "973", project: "699", fiscal: "1,674", other: "0" })),
      ),
    },
    {
      name: "both sides with other funds",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            basic: amount(80.5),
            project: amount(19.5),
            fiscal: amount(90),
            other: amount(10),
          }),
        ),
      ),
    },
    {
      name: "a blank term: silent (required-field reports it)",
      workbook: workbook(sheet("D", departmentRows({ ...SEED, other: null }))),
    },
    {
      name: "an unreadable or negative term: silent (amount reports it)",
      workbook: workbook(
        sheet("D1", departmentRows({ ...SEED, basic: "九百七十三万" })),
        sheet("D2", departmentRows({ ...SEED, other: amount(-5) })),
      ),
    },
    { name: "a project form alone", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "D2 and D1 forms whose income and spending add up (122641.5 = 108292.73 + 14348.77; 704 = 683 + 21)",
      workbook: workbook(sheet("D2", d2Rows([99611.05, 9564.46, 109175.51])), sheet("D1", d1Rows())),
    },
  ],
  invalid: [
    {
      name: "D2 (湖北): 2022 年 基本支出 + 项目支出 = 109175.51 against 合计 109175.04; the other columns add up",
      workbook: workbook(sheet("D2", d2Rows())),
      errors: [
        {
          messageId: "totalColumn",
          cell: "G11",
          related: ["G9", "G10"],
          args: {
            column: "2022年",
            total: "合计",
            partsAmount: "109,175.51",
            diff: "0.47",
            allowance: "0.015",
          },
          zhIncludes: ["「2022年」一栏", "基本支出 + 项目支出 = 109,175.51 万元"],
        },
      ],
    },
    {
      name: "D1 (88号): 资金总额 704 against 基本支出 650 + 项目支出 82; the income side adds up",
      workbook: workbook(sheet("D1", d1Rows("基本支出:650"))),
      errors: [
        {
          messageId: "total",
          cell: "B4",
          related: ["C6", "C7"],
          args: { partsAmount: "732.00", diff: "28.00" },
        },
      ],
    },
    {
      name: "one cent beyond the allowance: 0.03 万元 against 0.02",
      workbook: workbook(sheet("D", departmentRows({ ...SEED, fiscal: amount(1672.57) }))),
      errors: [
        {
          messageId: "unbalanced",
          cell: "E6",
          severity: "error",
          related: ["C6", "C7", "E7"],
          args: { spending: "1,672.54", income: "1,672.57", diff: "0.03", allowance: "0.02" },
          zhIncludes: ["1,672.54", "1,672.57", "0.03", "0.02"],
        },
      ],
    },
    {
      name: "other funds counted twice",
      workbook: workbook(sheet("D", departmentRows({ ...SEED, other: amount(100) }))),
      errors: [
        {
          messageId: "unbalanced",
          cell: "E6",
          args: { spending: "1,672.54", income: "1,772.54", diff: "100.00" },
        },
      ],
    },
    {
      name: "whole numbers typed: a difference of 3 is beyond 4 × 0.5",
      workbook: workbook(
        sheet("D", departmentRows({ basic: "973", project: "699", fiscal: "1,675", other: "0" })),
      ),
      errors: [{ messageId: "unbalanced", cell: "E6", args: { diff: "3.00", allowance: "2" } }],
    },
    {
      name: "spending short of income, in a stacked workbook",
      workbook: workbook(sheet("S", stack(departmentRows({ basic: amount(40) }), projectRows()))),
      errors: [
        { messageId: "unbalanced", cell: "E6", args: { spending: "50.00", income: "60.00", diff: "10.00" } },
      ],
    },
  ],
});
