/** P2: the generic 财政支出项目绩效目标申报表 of 2011–2016 (templates.md §1.3). */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const generic2011Project: TemplateProfile = {
  id: "generic-2011-project",
  family: "P2",
  name: { zh: "财政支出项目绩效目标申报表（2011–2016）", en: "Generic project form (2011–2016)" },
  kind: "project",
  title: [{ pattern: /财政支出项目绩效目标申报表|项目绩效目标表$/, weight: 1 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("项目起止时间", /^项目起止时间/, 2),
    anchor("主管部门及其编码", /^主管部门(及其编码|编码)$/, 1),
    anchor("项目实施单位", /^项目实施单位$/, 1),
    anchor("项目负责人", /^项目负责人$/, 1),
    anchor("项目资金申请", /^项目资金申请/, 2),
    anchor("项目实施进度计划", /^项目实施进度计划$/, 2),
    anchor("长期目标", /^长期目标$/, 2),
    anchor("年度绩效指标", /^(年度|长期)绩效指标$/, 1),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName(),
    FIELD.period([/^项目起止时间/], "项目起止时间", true),
    FIELD.department([/^主管部门(及其编码)?$/]),
    FIELD.implementingUnit([/^项目实施单位$/]),
    FIELD.text("contactPerson", "项目负责人", [/^项目负责人$/]),
    FIELD.amount("budgetTotal", "资金总额", [/^资金总额$/], true),
    // 项目资金申请: 资金总额:… over 一、预算资金:… / 二、自有资金:… / 三、其他:…
    FIELD.amount("fiscal", "预算资金", [/^([一二三四五]、)?预算资金$/]),
    FIELD.amount("ownFunds", "自有资金", [/^([一二三四五]、)?自有资金$/]),
    FIELD.amount("other", "其他", [/^([一二三四五]、)?其他(资金)?$/]),
    FIELD.text("overview", "项目概况", [/^项目概况$/]),
    FIELD.text("longTermGoal", "长期目标", [/^长期目标$/], false, "below"),
    FIELD.text("annualGoal", "年度目标", [/^年度目标$/], true, "below"),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [{ total: "budgetTotal", parts: ["fiscal", "ownFunds", "other"] }],
  layout: {
    title: "财政支出项目绩效目标申报表",
    subtitle: "（{year}年度）",
    block: "年度绩效指标",
    columns: ["一级指标", "二级指标", "指标内容", "指标值", "备注"],
    period: { place: "stacked", block: "长期绩效指标" },
  },
};
