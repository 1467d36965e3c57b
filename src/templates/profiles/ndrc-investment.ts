/** N1: 中央预算内投资计划绩效目标表 (a 发展改革 form, its own tree; templates.md §1.6). */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const ndrcInvestment: TemplateProfile = {
  id: "ndrc-investment",
  family: "N1",
  name: { zh: "中央预算内投资计划绩效目标表", en: "NDRC central budget investment form" },
  kind: "project",
  title: [{ pattern: /中央预算内投资计划绩效目标表/, weight: 3 }],
  anchors: [
    anchor("专项名称", /^专项名称$/, 1),
    anchor("下达地方或单位", /^下达地方或单位$/, 3),
    anchor("本次下达中央预算内投资(万元)", /^本次下达中央预算内投资/, 3),
    anchor("总体目标", /^总体目标$/, 1),
    anchor("实施效果指标", /^实施效果指标$/, 2),
    anchor("过程管理指标", /^过程管理指标$/, 2),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName([/^专项名称$/], "专项名称"),
    FIELD.implementingUnit([/^下达地方或单位$/]),
    FIELD.amount("budgetAnnual", "本次下达中央预算内投资(万元)", [/^本次下达中央预算内投资/], true, "right"),
    FIELD.text("overallGoal", "总体目标", [/^总体目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
  tree: "TNDRC",
  moneyUnit: "万元",
  layout: {
    title: "{year}年中央预算内投资计划绩效目标表",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
};
