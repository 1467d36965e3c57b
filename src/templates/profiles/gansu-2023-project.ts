/** P7: 甘肃 省级部门预算项目支出绩效目标表 (2023), 2021 tree, 指标目标值 operator-first. */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const gansu2023Project: TemplateProfile = {
  id: "gansu-2023-project",
  family: "P7",
  name: { zh: "甘肃 省级部门预算项目支出绩效目标表", en: "Gansu provincial project form (2023)" },
  kind: "project",
  title: [{ pattern: /部门预算项目支出绩效目标表/, weight: 1 }],
  anchors: [
    anchor("一级项目名称", /^一\*?级项目名称$/, 2),
    anchor("二级项目名称", /^二级项目名称$/, 2),
    anchor("项目类型", /^项目类型$/, 1),
    anchor("项目分类", /^项目分类$/, 1),
    anchor("资金用途", /^资金用途$/, 2),
    anchor("项目开始日期", /^项目开始日期$/, 2),
    anchor("项目总投资", /^项目总投资$/, 2),
    anchor("中央补助安排", /^中央补助安排$/, 2),
    anchor("省级财政安排", /^省级财政安排$/, 2),
    anchor("预算申报数", /^预算申报数$/, 2),
    anchor("指标目标值", /^指标目标值$/, 2),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.text("level1ProjectName", "一级项目名称", [/^一\*?级项目名称$/]),
    FIELD.projectName([/^二级项目名称$/], "二级项目名称"),
    FIELD.text("projectType", "项目类型", [/^项目类型$/]),
    FIELD.text("projectCategory", "项目分类", [/^项目分类$/]),
    FIELD.department([/^主管部门$/]),
    FIELD.period([/^项目开始日期$/], "项目开始日期", true),
    FIELD.period([/^项目完成.期$/], "项目完成日期", true),
    FIELD.amount("budgetTotal", "项目总投资", [/^项目总投资$/], true),
    FIELD.amount("fiscalCentral", "中央补助安排", [/^中央补助安排$/]),
    FIELD.amount("fiscalProvince", "省级财政安排", [/^省级财政安排$/]),
    FIELD.amount("other", "其他资金", [/^其他资金$/]),
    FIELD.amount("budgetAnnual", "预算申报数", [/^预算申报数$/], true),
    FIELD.implementingUnit([/^项目实施单位$/]),
    FIELD.text("annualGoal", "年度绩效目标", [/^年度绩效目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标目标值"],
  },
  tree: "T2021",
  moneyUnit: "万元",
  sums: [{ total: "budgetTotal", parts: ["fiscalCentral", "fiscalProvince", "other"] }],
};
