import rule from "../../src/rules/unknown-level1";
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

/** The seed's department 效益 block (lines 46-50): labels one column off, 三级 names in the 一级 column. */
const seedBenefitBlock: IndicatorRow[] = [
  [null, "效益指标", "经济效益", null, null],
  [null, null, "社会效益", "信息化服务水平", "有效提升"],
  ["业务和服务水平", null, null, "达到省、市工作要求", "达到省、市工作要求"],
  ["健全网络安全管理制度", null, null, "有效推进网络基础设施建设", "有效推进网络基础设施建设"],
  ["生态效益", null, null, null, null],
];

/** Project indicators with the satisfaction row's 一级 label replaced. */
function withSatisfactionLabel(label: string): IndicatorRow[] {
  return [...S.slice(0, 9), [label, "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"]];
}

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the seed's shifted 效益 block: 三级 names in the 一级 column are layout notes",
      workbook: workbook(
        sheet("D", departmentRows({ indicators: [...S.slice(0, 6), ...seedBenefitBlock, S[9]] })),
      ),
    },
    {
      name: "short 一级 labels (产出, 效益) and a trailing space are accepted",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map(([l1, ...rest]): IndicatorRow => [
              l1 === "产出指标" ? "产出" : l1 === "效益指标" ? "效益 " : l1,
              ...rest,
            ]),
          }),
        ),
      ),
    },
    {
      name: "a 合计 row under the table is not a label",
      workbook: workbook(sheet("P", projectRows({ indicators: [...S, ["合计", null, null, null, null]] }))),
    },
  ],
  invalid: [
    {
      name: "a typo in the 满意度指标 label",
      workbook: workbook(sheet("P", projectRows({ indicators: withSatisfactionLabel("满意指标") }))),
      errors: [
        {
          messageId: "unknown-level1",
          cell: "B23",
          severity: "error",
          args: { label: "满意指标" },
          zhIncludes: ["「满意指标」", "满意度指标"],
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixLabel",
              edits: [{ cell: "B23", before: "满意指标", after: "满意度指标" }],
            },
          ],
        },
      ],
    },
    {
      name: "an invented 一级 above a 二级 row",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: [["其他指标", "数量指标", "服务人数", "≥100人", "≥100人"], ...S] }),
        ),
      ),
      // Two edits from 成本指标: too far to guess.
      errors: [{ messageId: "unknown-level1", cell: "B14", args: { label: "其他指标" }, fixes: [] }],
    },
    {
      name: "in a department form",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: [
              ...S.slice(0, 3),
              ["产品指标", "数量指标", "服务人数", "≥100人", "≥100人"],
              ...S.slice(4),
            ],
          }),
        ),
      ),
      errors: [{ messageId: "unknown-level1", cell: "B19", args: { label: "产品指标" } }],
    },
    {
      name: "two stacked forms, one finding each",
      workbook: workbook(
        sheet(
          "S",
          stack(
            projectRows({ indicators: withSatisfactionLabel("满意指标") }),
            projectRows({ name: "第二个项目", indicators: withSatisfactionLabel("群众评价") }),
          ),
        ),
      ),
      errors: [
        { messageId: "unknown-level1", cell: "B23", args: { label: "满意指标" } },
        { messageId: "unknown-level1", cell: "B47", args: { label: "群众评价" } },
      ],
    },
  ],
});
