/** P10: 湖南 专项 绩效目标申报表 (2023): 专项基本情况 and funds by level. */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const hunanSpecial2023: TemplateProfile = {
  id: "hunan-special-2023-project",
  family: "P10",
  name: { zh: "湖南 专项资金绩效目标申报表", en: "Hunan special-fund form (2023)" },
  kind: "project",
  title: [{ pattern: /绩效目标申报表/, weight: 1 }],
  anchors: [
    anchor("专项基本情况", /^专项基本情况$/, 2),
    anchor("专项名称", /^专项名称$/, 1),
    anchor("专项属性", /^专项属性$/, 2),
    anchor("专项起止时间", /^专项起止时间$/, 2),
    anchor("专项负责人", /^专项负责人$/, 2),
    anchor("专项资金情况", /^专项资金情况$/, 2),
    anchor("本年度预计投入(万元)", /^本年度预计投入/, 2),
    anchor("中长期绩效目标", /^中长期绩效目标$/, 2),
    anchor("专项年度绩效指标", /^专项年度绩效指标$/, 2),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName([/^专项名称$/], "专项名称"),
    FIELD.text("projectAttribute", "专项属性", [/^专项属性$/]),
    FIELD.department([/^主管部门$/]),
    FIELD.period([/^专项起止时间$/], "专项起止时间", true),
    FIELD.text("contactPerson", "专项负责人", [/^专项负责人$/]),
    FIELD.text("overview", "专项概况", [/^专项概况$/], true),
    { ...FIELD.text("basis", "专项立项依据", [/^专项立项依据$/]), required: "warning" },
    // 专项资金情况: 本年度预计投入(万元) | 财政资金(万元) {中央 | 省级 | 市级资金 | 本级} | 其他, figures below.
    FIELD.amount("budgetTotal", "本年度预计投入(万元)", [/^本年度预计投入(\(万元\))?$/], false, "below"),
    FIELD.amount("fiscalCentral", "中央", [/^中央$/], false, "below"),
    FIELD.amount("fiscalProvince", "省级", [/^省级$/], false, "below"),
    FIELD.amount("fiscalCity", "市级资金", [/^市级(资金)?$/], false, "below"),
    FIELD.amount("fiscalLocal", "本级", [/^本级$/], false, "below"),
    FIELD.amount("other", "其他", [/^其他(资金)?$/], false, "below"),
    FIELD.text("measures", "单位已有的保证专项实施的制度、措施", [/^单位已有的保证专项实施的制度/]),
    FIELD.text("periodGoal", "中长期绩效目标", [/^中长期绩效目标$/], true),
    FIELD.text("annualGoal", "本年度绩效目标", [/^本年度绩效目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标内容", "指标值及单位"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [
    {
      total: "budgetTotal",
      parts: ["fiscalCentral", "fiscalProvince", "fiscalCity", "fiscalLocal", "other"],
    },
  ],
  layout: {
    title: "{year}年专项资金绩效目标申报表",
    block: "专项年度绩效指标",
    columns: ["一级指标", "二级指标", "三级指标内容", "指标值及单位"],
  },
};
