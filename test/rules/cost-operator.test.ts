import rule from "../../src/rules/cost-operator";
import {
  departmentRows,
  projectRows,
  sheet,
  standardIndicators,
  workbook,
  projectWithRows,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const project = projectWithRows;

ruleTester(rule, {
  valid: [
    { name: "the standard table (≤100000元)", workbook: project({}) },
    {
      name: "ceilings, fixed amounts and standards without an operator (seed lines 25-28, 97, 98, 230)",
      workbook: project({
        0: ["成本指标", "经济成本指标", "租赁费", "≤18000元/台/年", "=100000元"],
        1: [null, "社会成本指标", "支出标准", "60元/人/天", "不超过300元/人/月"],
        2: [null, "生态环境成本指标", "人员薪酬标准", "81140-165696元/年/人", "<5万元"],
      }),
    },
    {
      name: "a rate in a cost indicator may be a floor",
      workbook: project({ 0: ["成本指标", "经济成本指标", "预算执行率", "≥90%", "≥90%"] }),
    },
    {
      name: "a saving or a reduction may be a floor",
      workbook: project({
        0: ["成本指标", "经济成本指标", "节约资金", "≥10万元", "≥10万元"],
        1: [null, "社会成本指标", "降低能耗成本", "≥5000元", "≥5000元"],
      }),
    },
    {
      name: "≥ outside the cost indicators is normal",
      workbook: project({ 3: ["产出指标", "数量指标", "服务人数", "≥100人", ">100人"] }),
    },
  ],
  invalid: [
    {
      name: "the seed's ≥9.5万 (department form line 24)",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: [
              ["成本指标", "经济成本指标", "人均机关事业单位派遣人员经费", "≥9.5万", "≥9.5万"],
              ...standardIndicators().slice(1),
            ],
          }),
        ),
      ),
      errors: [
        {
          messageId: "floor",
          cell: "E16",
          severity: "warning",
          related: ["F16"],
          args: { name: "人均机关事业单位派遣人员经费", value: "≥9.5万", op: "≥" },
          zhIncludes: ["≥9.5万", "≤"],
          // A suggestion on both value cells: ≥ becomes ≤, nothing else.
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixCeiling",
              edits: [
                { cell: "E16", before: "≥9.5万", after: "≤9.5万" },
                { cell: "F16", before: "≥9.5万", after: "≤9.5万" },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "> in the 年度 cell only",
      workbook: project({ 0: ["成本指标", "经济成本指标", "预算控制数", "≤100000元", ">100000元"] }),
      errors: [
        {
          messageId: "floor",
          cell: "F14",
          related: [],
          args: { op: ">" },
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixCeiling",
              edits: [{ cell: "F14", before: ">100000元", after: "≤100000元" }],
            },
          ],
        },
      ],
    },
    {
      name: "a floor written in words, in a social cost",
      workbook: project({ 1: [null, "社会成本指标", "奖励标准", "不低于300元/人", "不低于300元/人"] }),
      errors: [{ messageId: "floor", cell: "E15", related: ["F15"], args: { op: "不低于" } }],
    },
    {
      name: "ASCII >= (normalised to ≥) in an environmental cost",
      workbook: project({ 2: [null, "生态环境成本指标", "治理费用", ">=2万元", "≤2万元"] }),
      errors: [{ messageId: "floor", cell: "E16", related: [] }],
    },
    {
      name: "the older tree's 成本指标 under 产出指标",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: [
              ["产出指标", "成本指标", "预算控制数", "≥10万元", "≥10万元"],
              [null, "数量指标", "服务人数", "≥100人", "≥100人"],
              [null, "质量指标", "验收合格率", "100%", "100%"],
              [null, "时效指标", "按时完成率", "100%", "100%"],
              ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升"],
              ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
            ],
          }),
        ),
      ),
      errors: [{ messageId: "floor", cell: "E14", related: ["F14"] }],
    },
  ],
});
