import rule from "../../src/rules/required-indicators";
import {
  departmentRows,
  projectRows,
  sheet,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const S = standardIndicators();

/** The standard project table (first row 14) with row i (0-based) replaced. */
function replaceRow(i: number, row: IndicatorRow): IndicatorRow[] {
  return S.map((r, k) => (k === i ? row : r));
}

/** The older tree (before 2021): 成本指标 is a 二级 under 产出指标; `quantity` fills 数量指标. */
function olderTree(quantity: IndicatorRow): IndicatorRow[] {
  return [
    quantity,
    [null, "质量指标", "验收合格率", "100%", "100%"],
    [null, "时效指标", "按时完成率", "100%", "100%"],
    [null, "成本指标", "预算控制数", "≤100000元", "≤100000元"],
    ["效益指标", "社会效益指标", "服务水平", "有效提升", "有效提升"],
    [null, "可持续影响指标", null, null, null],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%"],
  ];
}

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the older tree: 成本指标 under 产出指标 replaces 经济成本指标",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: olderTree(["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"]) }),
        ),
      ),
    },
    {
      name: "an indicator with blank values counts (indicator-value reports the blanks)",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(5, [null, "时效指标", "按时完成率", null, null]) })),
      ),
    },
    {
      name: "satisfaction rows with no 二级 label",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(9, ["满意度指标", null, "服务对象满意度", "≥90%", "≥90%"]) }),
        ),
      ),
    },
    {
      name: "效益 filled under 经济效益 only",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 6
                ? ["效益指标", "经济效益", "节约成本", "≥1万元", "≥1万元"]
                : k === 7
                  ? [null, "社会效益", null, null, null]
                  : r,
            ),
          }),
        ),
      ),
    },
    {
      name: "a typo in the 数量指标 label hides the group: level2-parent reports it",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: replaceRow(3, ["产出指标", "数里指标", "服务人数", "≥100人", "≥100人"]),
          }),
        ),
      ),
    },
    {
      name: "a form without an indicator table is missing-section's business",
      workbook: workbook(sheet("P", projectRows().slice(0, 12))),
    },
  ],
  invalid: [
    {
      name: "an empty 数量指标 row",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(3, ["产出指标", "数量指标", null, null, null]) })),
      ),
      errors: [{ messageId: "empty-level2", cell: "C17", severity: "error", args: { group: "数量指标" } }],
    },
    {
      name: "a placeholder row (无 | 无 | 无) in 质量指标 is no indicator",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(4, [null, "质量指标", "无", "无", "无"]) })),
      ),
      errors: [{ messageId: "empty-level2", cell: "C18", args: { group: "质量指标" } }],
    },
    {
      name: "nothing under 效益指标",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(7, [null, "社会效益", null, null, null]) })),
      ),
      errors: [
        {
          messageId: "empty-level1",
          cell: "C20",
          related: ["C21", "C22"],
          args: { group: "效益指标" },
          zhIncludes: ["「经济效益」、「社会效益」、「生态效益」"],
        },
      ],
    },
    {
      name: "no 时效指标 row and no 满意度 rows: one finding at the table header",
      workbook: workbook(sheet("P", projectRows({ indicators: S.filter((_, k) => k !== 5 && k !== 9) }))),
      errors: [
        {
          messageId: "missing-groups",
          cell: "B13",
          severity: "error",
          zhIncludes: ["「时效指标」、「满意度指标」"],
        },
      ],
    },
    {
      name: "the older tree with an empty 数量指标 row (and no 经济成本指标 asked for)",
      workbook: workbook(
        sheet("P", projectRows({ indicators: olderTree(["产出指标", "数量指标", null, null, null]) })),
      ),
      errors: [{ messageId: "empty-level2", cell: "C14", args: { group: "数量指标" } }],
    },
    {
      name: "产出 indicators with no 二级 labels: only a warning",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: [
              ...S.slice(0, 3),
              ["产出指标", null, "服务人数", "≥100人", "≥100人"],
              [null, null, "验收合格率", "100%", "100%"],
              ...S.slice(6),
            ],
          }),
        ),
      ),
      errors: [
        {
          messageId: "missing-groups",
          cell: "B13",
          severity: "warning",
          zhIncludes: ["「数量指标」、「质量指标」、「时效指标」"],
        },
      ],
    },
    {
      name: "a department form with empty 经济成本指标 and 服务对象满意度 rows",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 0
                ? ["成本指标", "经济成本指标", null, null, null]
                : k === 9
                  ? ["满意度指标", "服务对象满意度", null, null, null]
                  : r,
            ),
          }),
        ),
      ),
      errors: [
        { messageId: "empty-level2", cell: "C16", args: { group: "经济成本指标" } },
        { messageId: "empty-level1", cell: "C25", args: { group: "满意度指标" } },
      ],
    },
  ],
});
