/** P1: the project form of 财预〔2015〕88号 as local forms reproduce it (templates.md §1.1). */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const mof2015Project: TemplateProfile = {
  id: "mof-2015-project",
  family: "P1",
  name: { zh: "财预〔2015〕88号 项目支出绩效目标申报表", en: "MoF 2015 (No. 88) project form" },
  kind: "project",
  title: [{ pattern: /项目支出绩效目标申报表|绩效目标申报表$/, weight: 1 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("主管部门及代码", /^主管部门(及代码)?$/, 1),
    anchor("实施单位", /^实施单位$/, 1),
    anchor("项目属性", /^项目属性$/, 1),
    anchor("项目期", /^项目期(限)?$/, 1.5),
    anchor("年度资金总额", /^年度(预算)?资金(申请)?总额/, 1),
    anchor("中期资金总额", /^(中期(预算)?|项目)资金总额/, 1.5),
    anchor("其中:财政拨款", /^其中:(当年|本年)?财政(拨|投)款|^其中:财政资金$/, 0.5),
    anchor("总体目标", /^总体目标$|^项目绩效目标$/, 0.5),
    anchor("中期目标", /^中期目标|^项目总目标$/, 1),
    anchor("年度目标", /^年度(总体)?目标$/, 0.5),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.projectName(),
    FIELD.department([/^主管部门(及代码)?$/]),
    FIELD.implementingUnit([/^实施单位$/]),
    FIELD.attribute(),
    FIELD.period([/^项目期(限)?$/], "项目期"),
    FIELD.amount("budgetMidTerm", "中期资金总额", [/^(中期(预算)?|项目)资金总额$/], true),
    FIELD.amount("budgetAnnual", "年度资金总额", [/^年度(预算)?资金(申请)?总额$/], true),
    // The 年度 half stands right of the 中期 half: its rows are the last match of each label.
    {
      ...FIELD.amount("fiscal", "其中:财政拨款", [/^其中:(当年|本年)?财政(拨|投)款数?$|^其中:财政资金$/]),
      pick: "last",
    },
    { ...FIELD.amount("other", "其他资金", [/^其他资金$/]), pick: "last" },
    // The 中期 half, left of the 年度 half: the first of two matches (a 年度-only form has none).
    {
      ...FIELD.amount("fiscalMidTerm", "其中:财政拨款", [
        /^其中:(当年|本年)?财政(拨|投)款数?$|^其中:财政资金$/,
      ]),
      pick: "firstOfPair",
    },
    { ...FIELD.amount("otherMidTerm", "其他资金", [/^其他资金$/]), pick: "firstOfPair" },
    // 兵团: 上年结转资金 on the 年度 side only.
    { ...FIELD.amount("carryOver", "上年结转资金", [/^上年结转(资金)?$/]), pick: "last" },
    FIELD.text("overallGoal", "总体目标", [/^总体目标$/]),
    FIELD.text("midTermGoal", "中期目标", [/^中期目标/, /^项目总目标$/], false, "below"),
    FIELD.text("annualGoal", "年度目标", [/^年度(总体)?目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [
    { total: "budgetAnnual", parts: ["fiscal", "carryOver", "other"] },
    { total: "budgetMidTerm", parts: ["fiscalMidTerm", "otherMidTerm"] },
    // The year's money is part of the period's: 年度 ≤ 中期.
    { total: "budgetMidTerm", parts: ["budgetAnnual"], atMost: true },
  ],
  layout: {
    title: "项目支出绩效目标申报表",
    subtitle: "（{year}年度）",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标值"],
    period: { place: "side", block: "中期指标", annual: "年度指标" },
  },
};
