import rule from "../../src/rules/percent-range";
import { departmentRows, sheet, workbook, projectWithRows } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const project = projectWithRows;

ruleTester(rule, {
  valid: [
    { name: "the standard table (100%, ≥90%)", workbook: project({}) },
    {
      name: "the edges: 0%, 100%, ≤100%, ≤10%",
      workbook: project({
        4: [null, "质量指标", "验收合格率", "≤100%", "100%"],
        5: [null, "时效指标", "投诉率", "0%", "≤10%"],
      }),
    },
    {
      name: "ranges inside 0-100%",
      workbook: project({
        4: [null, "质量指标", "合格率", "90%-95%", "90-95%"],
        5: [null, "时效指标", "及时率", "5%～10%", "95%~100%"],
      }),
    },
    {
      name: "a growth rate may exceed 100% or fall below 0",
      workbook: project({
        3: ["产出指标", "数量指标", "业务量同比增长率", "120%", "-5%"],
        4: [null, "质量指标", "办件量变化", "比上年增长150%", "同比增长-5%"],
      }),
    },
    {
      name: "the seed's department form percentages",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: [
              ["成本指标", "经济成本指标", "政务信息化项目运维专项支出金额", "≤60万元", "≤60万元"],
              ["产出指标", "数量指标", "工单量", ">40万件", ">40万件"],
              [null, "质量指标", "运维系统验收合格率", "≥95%", "≥95%"],
              [null, "时效指标", "工单转派及时率", "100%", "100%"],
              ["效益指标", "社会效益", "信息化服务水平", "有效提升", "有效提升"],
              ["满意度指标", "服务对象满意度", "办事群众满意度", "≥95%", "≥95%"],
            ],
          }),
        ),
      ),
    },
    {
      name: "numbers in other units above 100",
      workbook: project({ 3: ["产出指标", "数量指标", "服务人数", "≥1500人", "105台"] }),
    },
  ],
  invalid: [
    {
      name: "≥100% in both cells: one warning on both, a suggestion to write 100% in each",
      workbook: project({ 4: [null, "质量指标", "完成及时率", "≥100%", "≥100%"] }),
      errors: [
        {
          messageId: "full-rate",
          cell: "E18",
          severity: "warning",
          args: { op: "≥" },
          zhIncludes: ["写了「≥100%」", "应写「100%」"],
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixFullRate",
              edits: [
                { cell: "E18", before: "≥100%", after: "100%" },
                { cell: "F18", before: "≥100%", after: "100%" },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "ASCII >=100% in the 年度 cell only (a form typed without the ≥ sign)",
      workbook: project({ 4: [null, "质量指标", "及时发放率", "100%", ">=100%"] }),
      errors: [
        {
          messageId: "full-rate",
          cell: "F18",
          severity: "warning",
          args: { op: ">=" },
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixFullRate",
              edits: [{ cell: "F18", before: ">=100%", after: "100%" }],
            },
          ],
        },
      ],
    },
    {
      name: "≥105% in both cells: one finding on the 实施周期 cell",
      workbook: project({ 4: [null, "质量指标", "验收合格率", "≥105%", "≥105%"] }),
      errors: [
        {
          messageId: "above",
          cell: "E18",
          severity: "error",
          related: ["F18"],
          args: { name: "验收合格率", value: "≥105%" },
          zhIncludes: ["≥105%", "0–100%"],
        },
      ],
    },
    {
      name: "only the 年度 cell is wrong",
      workbook: project({ 9: ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥900%"] }),
      errors: [{ messageId: "above", cell: "F23", related: [] }],
    },
    {
      name: "a negative percentage",
      workbook: project({ 5: [null, "时效指标", "按时完成率", "-5%", "≥-5%"] }),
      errors: [{ messageId: "below", cell: "E19", related: ["F19"], zhIncludes: ["-5%"] }],
    },
    {
      name: "more than 100% (>100%)",
      workbook: project({ 4: [null, "质量指标", "验收合格率", ">100%", "100%"] }),
      errors: [{ messageId: "above", cell: "E18" }],
    },
    {
      name: "a range reaching past 100%, a compound value",
      workbook: project({
        4: [null, "质量指标", "验收合格率", "90%-105%", "90%-100%"],
        5: [null, "时效指标", "及时率", "100%", "一季度98%，全年101%"],
      }),
      errors: [
        { messageId: "above", cell: "E18", related: [] },
        { messageId: "above", cell: "F19", related: [] },
      ],
    },
    {
      name: "different problems in the two cells are reported on each",
      workbook: project({ 4: [null, "质量指标", "验收合格率", "-5%", "105%"] }),
      errors: [
        { messageId: "below", cell: "E18" },
        { messageId: "above", cell: "F18" },
      ],
    },
    {
      name: "the same problem with different figures is still one finding",
      workbook: project({ 9: ["满意度指标", "服务对象满意度", "群众满意度", "110%", "120%"] }),
      errors: [{ messageId: "above", cell: "E23", related: ["F23"], args: { value: "110%" } }],
    },
  ],
});
