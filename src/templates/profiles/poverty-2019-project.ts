/** P4: the 扶贫 / 衔接资金 reference template (财办农〔2019〕68号; templates.md §1.5). */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const poverty2019Project: TemplateProfile = {
  id: "poverty-2019-project",
  family: "P4",
  name: {
    zh: "扶贫·衔接资金 绩效目标申报表（参考模板）",
    en: "Poverty-relief / rural-revitalisation fund form",
  },
  kind: "project",
  title: [{ pattern: /^(附表\d*)?绩效目标申报表/, weight: 2 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("项目负责人及电话", /^项目负责人及(联系)?电话$/, 2),
    anchor("主管部门", /^主管部门$/, 1),
    anchor("实施单位", /^实施单位$/, 1),
    anchor("资金情况(万元)", /^资金情况(\(万元\))?$/, 2),
    anchor("年度资金总额", /^年度资金总额/, 1),
    anchor("其中:财政拨款", /^其中:财政拨款$/, 0.5),
    anchor("总体目标", /^总(体目标)?$/, 0.5),
    anchor("年度目标", /^年度目标$/, 1),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName(),
    FIELD.text("contact", "项目负责人及电话", [/^项目负责人及(联系)?电话$/]),
    FIELD.department([/^主管部门$/]),
    FIELD.implementingUnit([/^实施单位$/]),
    FIELD.amount("budgetAnnual", "年度资金总额", [/^年度资金总额$/], true),
    FIELD.amount("fiscal", "其中:财政拨款", [/^其中:财政拨款$/]),
    FIELD.amount("other", "其他资金", [/^其他资金$/]),
    FIELD.text("annualGoal", "年度目标", [/^年度目标$/], true, "below"),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [{ total: "budgetAnnual", parts: ["fiscal", "other"] }],
  layout: {
    title: "绩效目标申报表",
    subtitle: "（{year}年度）",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
  },
};
