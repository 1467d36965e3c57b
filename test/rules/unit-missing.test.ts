import rule from "../../src/rules/unit-missing";
import { departmentRows, sheet, standardIndicators, workbook, projectWithRows } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const project = projectWithRows;

ruleTester(rule, {
  valid: [
    { name: "the standard table", workbook: project({}) },
    {
      name: "the unit is in the name: （项）, (%), .%",
      workbook: project({
        3: ["产出指标", "数量指标", "网络系统运维数量（项）", "6", "6"],
        4: [null, "质量指标", "故障设备维修及时率(%)", "≥95", "≥95"],
        5: [null, "时效指标", "发放及时率.%", "100", "100"],
      }),
    },
    {
      name: "a unit the grammar does not list is still a unit (倍, 棵), and so is a bracketed one",
      workbook: project({
        3: ["产出指标", "数量指标", "植树数量", "≥300棵", "3(个)"],
        4: [null, "质量指标", "效率提升", "2倍", "2倍"],
      }),
    },
    {
      name: "qualitative values, deadlines and compound values have no unit to miss",
      workbook: project({
        3: ["产出指标", "数量指标", "配比", "1:1", "1:1"],
        5: [null, "时效指标", "完成时间", "12月底前完成", "1月份完成25台设备的安装和调试"],
        7: [null, "社会效益", "服务水平", "有效提升", "提高至良好水平"],
      }),
    },
    {
      name: "unitless by nature: an index or a coefficient",
      workbook: project({
        4: [null, "质量指标", "数据中心PUE值", "≤1.5", "≤1.5"],
        7: [null, "社会效益", "营商环境指数", "≥85", "≥85"],
      }),
    },
    {
      name: "magnitude with a unit: ≥9.5万元, >40万件, ≤60万元",
      workbook: project({
        0: ["成本指标", "经济成本指标", "人均经费", "≤9.5万元/人/年", "≤9.5万元/人/年"],
        3: ["产出指标", "数量指标", "工单量", ">40万件", ">40万件"],
      }),
    },
  ],
  invalid: [
    {
      name: "the seed's ≥9.5万 (department form line 24): magnitude only",
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
          messageId: "magnitude",
          cell: "E16",
          severity: "warning",
          related: ["F16"],
          args: { magnitude: "万", value: "≥9.5万" },
          zhIncludes: ["人均机关事业单位派遣人员经费", "≥9.5万"],
          // 人均…经费: money per head, suggested as 元/人 after the 万.
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixUnit",
              edits: [
                { cell: "E16", before: "≥9.5万", after: "≥9.5万元/人" },
                { cell: "F16", before: "≥9.5万", after: "≥9.5万元/人" },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "≥95 for a 满意度 and a 率: the % is missing",
      workbook: project({
        4: [null, "质量指标", "验收合格率", "≥95", "≥95%"],
        9: ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90", "≥90"],
      }),
      errors: [
        {
          messageId: "percent",
          cell: "E18",
          related: [],
          zhIncludes: ["验收合格率", "≥95", "%"],
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixUnit",
              edits: [{ cell: "E18", before: "≥95", after: "≥95%" }],
            },
          ],
        },
        {
          messageId: "percent",
          cell: "E23",
          related: ["F23"],
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixUnit",
              edits: [
                { cell: "E23", before: "≥90", after: "≥90%" },
                { cell: "F23", before: "≥90", after: "≥90%" },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "a bare number, and one followed by punctuation only",
      workbook: project({ 3: ["产出指标", "数量指标", "服务人数", "100", "≥100。"] }),
      // 服务人数 says 人; the cell ending in 。 is not edited (the unit would not go at the end).
      errors: [
        {
          messageId: "missing",
          cell: "E17",
          related: ["F17"],
          args: { value: "100" },
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixUnit",
              edits: [{ cell: "E17", before: "100", after: "100人" }],
            },
          ],
        },
      ],
    },
    {
      name: "a frequency is not a share: no % hint",
      workbook: project({ 5: [null, "时效指标", "巡检频率", "≥2", "≥2"] }),
      // 巡检频率 says no unit: no suggestion.
      errors: [{ messageId: "missing", cell: "E19", related: ["F19"], fixes: [] }],
    },
    {
      name: "only the 年度 cell lacks the unit",
      workbook: project({ 3: ["产出指标", "数量指标", "服务人数", "≥100人", "≥100"] }),
      errors: [{ messageId: "missing", cell: "F17", related: [] }],
    },
    {
      name: "a range without a unit",
      workbook: project({ 4: [null, "质量指标", "验收合格率", "90-95", "90-95"] }),
      errors: [
        {
          messageId: "percent",
          cell: "E18",
          related: ["F18"],
          fixes: [
            {
              kind: "suggestion",
              messageId: "fixUnit",
              edits: [
                { cell: "E18", before: "90-95", after: "90-95%" },
                { cell: "F18", before: "90-95", after: "90-95%" },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "different problems in the two cells are reported on each",
      workbook: project({ 0: ["成本指标", "经济成本指标", "人均经费", "≤9.5万", "≤95000"] }),
      errors: [
        { messageId: "magnitude", cell: "E14" },
        { messageId: "missing", cell: "F14" },
      ],
    },
  ],
});
