/** P3: 湖南 项目支出绩效目标申报表 (2023): 指标值及单位 | 绩效标准, 满意度 under 效益. */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const hunan2023Project: TemplateProfile = {
  id: "hunan-2023-project",
  family: "P3",
  name: { zh: "湖南 项目支出绩效目标申报表", en: "Hunan project form (2023)" },
  kind: "project",
  title: [{ pattern: /项目支出绩效目标申报表/, weight: 1 }],
  anchors: [
    anchor("项目支出名称", /^项目支出名称$/, 3),
    anchor("预算部门", /^预算部门$/, 1),
    anchor("年度本级预算金额", /^年度本级预算金额$/, 2),
    anchor("该项目支出上级资金", /^该项目支出上级资金$/, 2),
    anchor("项目支出实施期", /^项目支出实施期$/, 2),
    anchor("实施期绩效目标", /^实施期绩效目标$/, 2),
    anchor("本年度绩效目标", /^本年度绩效目标$/, 1),
    anchor("指标值及单位", /^指标值及单位$/, 1),
    anchor("绩效标准", /^绩效标准$/, 1),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName([/^项目支出名称$/], "项目支出名称"),
    FIELD.implementingUnit([/^预算部门$/]),
    FIELD.amount("budgetAnnual", "年度本级预算金额", [/^年度本级预算金额$/], true),
    FIELD.amount("budgetUpperLevel", "该项目支出上级资金", [/^该项目支出上级资金$/]),
    FIELD.period([/^项目支出实施期$/], "项目支出实施期", true),
    FIELD.text("periodGoal", "实施期绩效目标", [/^实施期绩效目标$/], true),
    FIELD.text("annualGoal", "本年度绩效目标", [/^本年度绩效目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  layout: {
    title: "项目支出绩效目标申报表",
    subtitle: "（{year}年度） 单位：万元",
    block: "本年度绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"],
  },
};
