import rule from "../../src/rules/duplicate-indicator";
import {
  departmentRows,
  projectRows,
  sheet,
  stack,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const S = standardIndicators();

/** The standard table with extra rows after row i (0-based; 3 = 数量 row 17). */
function insertAfter(i: number, ...rows: IndicatorRow[]): IndicatorRow[] {
  return [...S.slice(0, i + 1), ...rows, ...S.slice(i + 1)];
}

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the same name in two different forms",
      workbook: workbook(sheet("S", stack(departmentRows(), projectRows()))),
    },
    {
      name: "a range split into a ≥ row and a ≤ row under one name",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: insertAfter(
              0,
              [null, null, "人员薪酬标准", "≥81140元/年/人", "≥81140元/年/人"],
              [null, null, "人员薪酬标准", "≤165696元/年/人", "≤165696元/年/人"],
            ),
          }),
        ),
      ),
    },
    {
      name: "similar but different names (服务对象满意度（群众）/（企业）)",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: [
              ...S.slice(0, 9),
              ["满意度指标", "服务对象满意度", "服务对象满意度（群众）", "≥90%", "≥90%"],
              [null, null, "服务对象满意度（企业）", "≥90%", "≥90%"],
            ],
          }),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a copied row",
      workbook: workbook(
        sheet("P", projectRows({ indicators: insertAfter(3, [null, null, "服务人数", "≥100人", "≥100人"]) })),
      ),
      errors: [
        {
          messageId: "duplicate",
          cell: "D18",
          severity: "warning",
          related: ["D17"],
          args: { name: "服务人数", first: "D17" },
        },
      ],
    },
    {
      name: "the same name under two 二级, written with a bracketed unit and spaces",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 4
                ? [null, "质量指标", "验收合格率（%）", "100%", "100%"]
                : k === 5
                  ? [null, "时效指标", "验收 合格率", "100%", "100%"]
                  : r,
            ),
          }),
        ),
      ),
      errors: [
        { messageId: "duplicate", cell: "D19", related: ["D18"], zhIncludes: ["「验收 合格率」", "D18"] },
      ],
    },
    {
      name: "a third copy is related to the first",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: insertAfter(
              3,
              [null, null, "服务人数", "≥100人", "≥100人"],
              [null, null, "服务人数。", "≥120人", "≥120人"],
            ),
          }),
        ),
      ),
      errors: [
        { messageId: "duplicate", cell: "D20", related: ["D19"] },
        { messageId: "duplicate", cell: "D21", related: ["D19"] },
      ],
    },
    {
      name: "two ≥ rows under one name are not a split range",
      workbook: workbook(
        sheet("P", projectRows({ indicators: insertAfter(3, [null, null, "服务人数", "≥120人", "≥120人"]) })),
      ),
      errors: [{ messageId: "duplicate", cell: "D18", related: ["D17"] }],
    },
  ],
});
