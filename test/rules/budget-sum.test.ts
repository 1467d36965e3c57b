import rule from "../../src/rules/budget-sum";
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { departmentRows, projectRows, sheet, workbook } from "../support/forms";
import { d1Rows, d2Rows, p10Rows, p1Rows } from "../support/profile-forms";
import { ruleTester } from "../support/rule-tester";

ruleTester(rule, {
  valid: [
    {
      name: "P1: both halves add up (150 = 150 + 0, 50 = 50 + 0)",
      workbook: workbook(sheet("P1", p1Rows())),
    },
    {
      name: "P1, 年度 only: 50 = 50 + 0 (no 中期 half read)",
      workbook: workbook(sheet("P1", p1Rows({ annualOnly: true }))),
    },
    {
      name: "a blank part counts as 0 (其他资金 left blank)",
      workbook: workbook(sheet("P1", p1Rows({ other: "", midOther: null }))),
    },
    {
      name: "the interval tolerance: 50.00 against 49.99 + 0.00 is 0.01 within 0.015",
      workbook: workbook(sheet("P1", p1Rows({ fiscal: "49.99" }))),
    },
    {
      name: "a blank total or an unreadable part: silent (required-field's and amount's findings)",
      workbook: workbook(sheet("A", p1Rows({ annual: null })), sheet("B", p1Rows({ fiscal: "五十万" }))),
    },
    {
      name: "P10: 7 = 0 + 7 + 0 + 0 + 0 (figures two rows under their headings)",
      workbook: workbook(sheet("P10", p10Rows())),
    },
    {
      name: "P10, whole 万元: 7 against 9 is within the six half-units (±3 万元)",
      workbook: workbook(sheet("P10", p10Rows([7, 0, 9, 0, 0, 0]))),
    },
    {
      name: "department balances are dept-balance's, not this rule's (D1, D2 with a wrong 2022 total)",
      workbook: workbook(
        sheet("D1", d1Rows("基本支出:650")),
        sheet("D2", d2Rows([99611.05, 9564.46, 109175.04])),
      ),
    },
    {
      name: "the Dongguan forms: their sums are project-sum's and dept-balance's",
      workbook: workbook(sheet("D", departmentRows()), sheet("P", projectRows())),
    },
  ],
  invalid: [
    {
      name: "P1: 年度资金总额 above 中期资金总额 (200.00 > 150.00), each half adding up",
      workbook: workbook(sheet("P1", p1Rows({ annual: "200.00", fiscal: "200.00" }))),
      errors: [
        {
          messageId: "above",
          cell: "C6",
          related: ["E6"],
          args: { parts: "年度资金总额", total: "中期资金总额", diff: "50.00" },
          zhIncludes: ["年度资金总额 = 200.00 万元，超过「中期资金总额」150.00 万元"],
        },
      ],
    },
    {
      name: "P1: 年度资金总额 60.00 but 其中:财政拨款 + 其他资金 = 50.00",
      workbook: workbook(sheet("P1", p1Rows({ annual: "60.00" }))),
      errors: [
        {
          messageId: "mismatch",
          cell: "E6",
          severity: "error",
          related: ["E7", "E8"],
          args: {
            total: "年度资金总额",
            totalAmount: "60.00",
            parts: "其中:财政拨款 + 其他资金",
            partsAmount: "50.00",
            diff: "10.00",
            allowance: "0.015",
          },
          zhIncludes: ["「年度资金总额」为 60.00 万元", "其中:财政拨款 + 其他资金 = 50.00 万元"],
        },
      ],
    },
    {
      name: "P1: the 中期 half is checked too (150.00 against 140.00 + 0.00)",
      workbook: workbook(sheet("P1", p1Rows({ midFiscal: "140.00" }))),
      errors: [{ messageId: "mismatch", cell: "C6", related: ["C7", "C8"], args: { diff: "10.00" } }],
    },
    {
      name: "P10: 本年度预计投入 7 against 0 + 7 + 0 + 0 + 4 = 11",
      workbook: workbook(sheet("P10", p10Rows([7, 0, 7, 0, 0, 4]))),
      errors: [
        {
          messageId: "mismatch",
          cell: "B10",
          related: ["C10", "D10", "E10", "F10", "G10"],
          args: { total: "本年度预计投入(万元)", partsAmount: "11.00", diff: "4.00", allowance: "3" },
        },
      ],
    },
  ],
});

describe("budget-sum working", () => {
  it("lists every item with its label and amount, and the total, for the pane", () => {
    const [d] = checkModel(
      readWorkbook(workbook(sheet("P1", p1Rows({ annual: "60.00", other: "0.50" })))),
      {},
      [rule],
    );
    expect(d.sum).toEqual({
      left: "50.50",
      right: "60.00",
      diff: "9.50",
      allowance: "0.015",
      unit: "万元",
      items: [
        { sheet: "P1", cell: "E7", label: "其中:财政拨款", amount: "50.00" },
        { sheet: "P1", cell: "E8", label: "其他资金", amount: "0.50" },
      ],
      total: { sheet: "P1", cell: "E6", label: "年度资金总额", amount: "60.00" },
    });
  });
});
