/** D1: the department form of the 88号 era (templates.md §1.2): prose indicators, one per 二级. */
import { FIELD, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const mof2015Department: TemplateProfile = {
  id: "mof-2015-department",
  family: "D1",
  name: {
    zh: "财预〔2015〕88号 部门（单位）整体支出绩效目标申报表",
    en: "MoF 2015 (No. 88) department form",
  },
  kind: "department",
  title: [{ pattern: /部门(\(单位\))?整体支出绩效目标申报表/, weight: 1 }],
  anchors: [
    anchor("部门名称", /^部门名称$/, 1),
    anchor("年度预算申请(万元)", /^年度预算申请/, 2),
    anchor("按收入性质分", /^按收入性质分$/, 2),
    anchor("按支出性质分", /^按支出性质分$/, 2),
    anchor("部门职能职责概述", /^部门职能职责概述$/, 1),
    anchor("整体绩效目标", /^整体绩效目标$/, 1),
    anchor("部门整体支出年度绩效指标", /^部门整体支出年度绩效指标$/, 2),
  ],
  fields: [
    FIELD.deptName([/^部门名称$/]),
    FIELD.amount("budgetTotal", "资金总额", [/^资金总额$/], true),
    FIELD.amount("fiscal", "公共财政拨款", [/^公共财政拨款$/]),
    FIELD.amount("fund", "政府性基金拨款", [/^政府性基金拨款$/]),
    FIELD.amount("special", "纳入专户管理的非税收入拨款", [/^纳入专户管理的非税收入拨款$/]),
    FIELD.amount("other", "其他资金", [/^其他资金$/]),
    FIELD.amount("basic", "基本支出", [/^基本支出$/]),
    FIELD.amount("project", "项目支出", [/^项目支出$/]),
    FIELD.text("duties", "部门职能职责概述", [/^部门职能职责概述$/], true),
    FIELD.text("overallGoal", "整体绩效目标", [/^整体绩效目标$/], true),
  ],
  table: {
    columns: {},
    requiredRoles: [],
    layout: "prose",
    header: ["部门整体支出年度绩效指标", "一级指标", "二级指标:指标内容"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [
    // Income items and spending items each add up to 资金总额: the department's balance.
    { total: "budgetTotal", parts: ["fiscal", "fund", "special", "other"], rule: "dept-balance" },
    { total: "budgetTotal", parts: ["basic", "project"], rule: "dept-balance" },
  ],
  layout: {
    title: "部门整体支出绩效目标申报表",
    subtitle: "（{year}年度）",
    block: "部门整体支出年度绩效指标",
    columns: [],
  },
};
