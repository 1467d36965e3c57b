import rule from "../../src/rules/dept-balance";
import { amount, departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

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
  ],
  invalid: [
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
