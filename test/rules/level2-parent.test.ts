import rule from "../../src/rules/level2-parent";
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

/** The standard table with row i (0-based: 0 = 经济成本 row 14, 3 = 数量 row 17 …) replaced. */
function replaceRow(i: number, row: IndicatorRow): IndicatorRow[] {
  return S.map((r, k) => (k === i ? row : r));
}

/** The older tree (before 2021): 成本指标 is a 二级 under 产出指标, 可持续影响 under 效益指标. */
const olderTree: IndicatorRow[] = [
  ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
  [null, "质量指标", "验收合格率", "100%", "100%"],
  [null, "时效指标", "按时完成率", "100%", "100%"],
  [null, "成本指标", "预算控制数", "≤100000元", "≤100000元"],
  ["效益指标", "经济效益指标", null, null, null],
  [null, "社会效益指标", "服务水平", "有效提升", "有效提升"],
  [null, "生态效益指标", null, null, null],
  [null, "可持续影响指标", "长效机制", "逐步建立", "逐步建立"],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "≥90%"],
];

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the older tree (成本指标 under 产出指标, 可持续影响)",
      workbook: workbook(sheet("P", projectRows({ indicators: olderTree }))),
    },
    {
      name: "进度指标 accepted for 时效指标",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(5, [null, "进度指标", "按时完成率", "100%", "100%"]) }),
        ),
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
  ],
  invalid: [
    {
      name: "质量指标 under 效益指标",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: [
              ...S.slice(0, 6),
              ["效益指标", "质量指标", "服务水平", "有效提升", "有效提升"],
              S[9],
            ],
          }),
        ),
      ),
      errors: [
        {
          messageId: "level2-wrong-parent",
          cell: "C20",
          severity: "error",
          related: ["B20"],
          args: { label: "质量指标", level1: "效益指标", expected: "产出指标" },
          zhIncludes: ["「产出指标」", "「效益指标」"],
          // The label is right, its place is not: no edit of the cell fixes that.
          fixes: [],
        },
      ],
    },
    {
      name: "a typo in a 二级 label lists what the 一级 accepts",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: replaceRow(3, ["产出指标", "数里指标", "服务人数", "≥100人", "≥100人"]),
          }),
        ),
      ),
      errors: [
        {
          messageId: "unknown-level2",
          cell: "C17",
          severity: "error",
          related: ["B17"],
          args: { label: "数里指标" },
          zhIncludes: ["「数里指标」", "「产出指标」下可填", "数量指标、质量指标、时效指标"],
          // The 二级 one edit away under 产出指标, offered for the clerk to choose.
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixLabel",
              edits: [{ cell: "C17", before: "数里指标", after: "数量指标" }],
            },
          ],
        },
      ],
    },
    {
      name: "经济成本指标 under 产出指标 in a department form",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: [["产出指标", "经济成本指标", "预算控制数", "≤100000元", "≤100000元"], ...S.slice(3)],
          }),
        ),
      ),
      errors: [
        { messageId: "level2-wrong-parent", cell: "C16", related: ["B16"], args: { expected: "成本指标" } },
      ],
    },
    {
      name: "a satisfaction 二级 worded differently is only a warning",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: replaceRow(9, ["满意度指标", "群众满意度", "服务对象满意度", "≥90%", "≥90%"]),
          }),
        ),
      ),
      errors: [
        {
          messageId: "unknown-level2",
          cell: "C23",
          severity: "warning",
          args: { label: "群众满意度" },
          // 满意度指标 has one 二级: the suggestion is its label as the template prints it.
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixLabel",
              edits: [{ cell: "C23", before: "群众满意度", after: "服务对象满意度" }],
            },
          ],
        },
      ],
    },
    {
      name: "two bad labels in one form",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 1
                ? [null, "人力成本", "人员经费", "≤1万元", "≤1万元"]
                : k === 8
                  ? [null, "环境效益", "绿化面积", "≥100平方米", "≥100平方米"]
                  : r,
            ),
          }),
        ),
      ),
      errors: [
        {
          messageId: "unknown-level2",
          cell: "C15",
          args: { label: "人力成本" },
          zhIncludes: ["经济成本指标、社会成本指标、生态环境成本指标"],
        },
        {
          messageId: "unknown-level2",
          cell: "C22",
          args: { label: "环境效益" },
          zhIncludes: ["经济效益、社会效益、生态效益、可持续影响"],
        },
      ],
    },
  ],
});
