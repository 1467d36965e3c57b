import rule from "../../src/rules/unquantified";
import { projectRows, projectWithRows, sheet, workbook, type IndicatorRow } from "../support/forms";
import { runRule, ruleTester } from "../support/rule-tester";
import { marksFor } from "../../src/app/findings";
import { formatDiagnostic } from "../../src/rules/format-message";

const project = projectWithRows;

/** The older tree (before 2021): 成本指标 as a 二级 under 产出指标, 可持续影响 under 效益指标. */
const OLDER_TREE: IndicatorRow[] = [
  ["产出指标", "成本指标", "预算控制数", "控制在合理范围", "控制在合理范围"],
  [null, "数量指标", "服务人数", "≥100人", "≥100人"],
  [null, "质量指标", "验收合格率", "100%", "100%"],
  [null, "时效指标", "按时完成率", "100%", "100%"],
  ["效益指标", "社会效益", "服务水平", "有效提升", "有效提升"],
  [null, "可持续影响", "长效机制", "长期有效", "长期有效"],
  ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
];

ruleTester(rule, {
  valid: [
    { name: "the standard table", workbook: project({}) },
    {
      name: "qualitative 效益 values are normal (seed: 有效提升, 有效保障, 达到省、市工作要求)",
      workbook: project({
        6: [null, "经济效益", "经济效益", "有效保障", "有效保障"],
        7: [null, "社会效益", "业务和服务水平", "达到省、市工作要求", "有效提高"],
      }),
    },
    {
      name: "deadlines and durations count as quantified for 时效 (seed line 43, 44, 106)",
      workbook: project({
        5: [null, "时效指标", "设备安装及时性", "1月份完成25台设备的安装和调试", "30分钟内"],
      }),
    },
    {
      name: "numbers written inside text count as quantified (seed: 每月≤32人, 该两人全年经费合计160077.00元。)",
      workbook: project({
        0: [
          "成本指标",
          "经济成本指标",
          "人员经费标准",
          "该两人全年经费合计160077.00元。",
          "该两人全年经费合计160077.00元。",
        ],
        3: ["产出指标", "数量指标", "奖励发放人数", "每月≤32人", "每月正队长5名、副队长5名"],
      }),
    },
    {
      name: "the older tree, quantified",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: OLDER_TREE.map((r, i) =>
              i === 0 ? ["产出指标", "成本指标", "预算控制数", "≤10万元", "≤10万元"] : r,
            ),
          }),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "及时 for a 时效指标 (seed line 210): one finding for both cells",
      workbook: project({ 5: [null, "时效指标", "信息化故障排除响应时效", "及时", "及时"] }),
      errors: [
        {
          messageId: "time",
          cell: "E19",
          severity: "warning",
          related: ["F19"],
          sameFault: ["F19"],
          args: { name: "信息化故障排除响应时效", value: "及时", column: { messageId: "column-both" } },
          zhIncludes: ["时效指标「信息化故障排除响应时效」的实施周期指标值和年度指标值「及时」是定性描述"],
        },
      ],
    },
    {
      name: "良好 for a satisfaction (seed line 139)",
      workbook: project({ 9: ["满意度指标", "服务对象满意度", "群众满意度", "良好", "良好"] }),
      errors: [{ messageId: "satisfaction", cell: "E23", related: ["F23"], zhIncludes: ["良好"] }],
    },
    {
      name: "the seed's 伙食补助费: a description as 质量 and 时效 values (lines 235, 236)",
      workbook: project({
        4: [null, "质量指标", "资金支付合规性", "做好食材验收和报销凭证合规", "做好食材验收和报销凭证合规"],
        5: [null, "时效指标", "支出及时性", "费用每月一结", "费用每月一结"],
      }),
      errors: [
        { messageId: "quality", cell: "E18", related: ["F18"] },
        { messageId: "time", cell: "E19", related: ["F19"] },
      ],
    },
    {
      name: "有效提高 as a quantity, 有效保障 as a cost (economic and social)",
      workbook: project({
        0: ["成本指标", "经济成本指标", "预算控制数", "有效保障", "≤100000元"],
        1: [null, "社会成本指标", "社会成本", "较低", "较低"],
        3: ["产出指标", "数量指标", "服务人数", "≥100人", "有效提高"],
      }),
      errors: [
        {
          messageId: "cost",
          cell: "E14",
          related: [],
          sameFault: [],
          zhIncludes: ["的实施周期指标值「有效保障」"],
        },
        { messageId: "cost", cell: "E15", related: ["F15"], sameFault: ["F15"] },
        { messageId: "quantity", cell: "F17", related: [], zhIncludes: ["的年度指标值「有效提高」"] },
      ],
    },
    {
      name: "the older tree's 成本指标 under 产出指标",
      workbook: workbook(sheet("P", projectRows({ indicators: OLDER_TREE }))),
      errors: [{ messageId: "cost", cell: "E14", related: ["F14"], zhIncludes: ["控制在合理范围"] }],
    },
  ],
});

describe("unquantified: a vague value in both columns", () => {
  it("is one finding that marks both cells, so fixing one reveals no new mark", () => {
    const found = runRule(rule, project({ 5: [null, "时效指标", "信息化故障排除响应时效", "及时", "及时"] }));
    expect(found).toHaveLength(1);
    expect(
      marksFor(found)
        .map((m) => m.cell)
        .sort(),
    ).toEqual(["E19", "F19"]);
    expect(formatDiagnostic(found[0], new Map([[rule.meta.id, rule]]), "en")).toContain(
      "has as its period and annual values the qualitative value '及时'",
    );
  });
});
