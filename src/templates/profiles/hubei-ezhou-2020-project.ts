/** P6: 湖北 鄂州 市直部门预算项目支出绩效目标表 (2020): a cost table with formulas. */
import { COLUMN, FIELD, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const ezhou2020Project: TemplateProfile = {
  id: "hubei-ezhou-2020-project",
  family: "P6",
  name: { zh: "湖北鄂州 部门预算项目支出绩效目标表", en: "Ezhou (Hubei) project form (2020)" },
  kind: "project",
  title: [{ pattern: /预算项目支出绩效目标表/, weight: 1 }],
  anchors: [
    anchor("申报单位", /^申报单位/, 1),
    anchor("项目名称", /^项目名称$/, 1),
    anchor("项目类别", /^项目类别$/, 1),
    anchor("项目性质", /^项目性质$/, 1),
    anchor("立项依据", /^立项依据$/, 1),
    anchor("项目预算", /^项目预算$/, 1),
    anchor("成本构成", /^成本构成$/, 2),
    anchor("测算(公式)依据", /^测算\(公式\)依据$/, 2),
    anchor("实际执行数", /实际执行数$/, 1),
    anchor("当年预期实现值", /^当年预期实现值$/, 2),
  ],
  fields: [
    FIELD.projectName(),
    FIELD.text("projectCategory", "项目类别", [/^项目类别$/]),
    FIELD.text("projectAttribute", "项目性质", [/^项目性质$/]),
    FIELD.text("basis", "立项依据", [/^立项依据$/], true),
    FIELD.text("annualGoal", "绩效目标", [/^绩效目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "绩效标准", "当年预期实现值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  // The 成本构成 lines against their 合计 (in the 金额 column; the 前两年实际执行数 columns likewise).
  sums: [
    {
      total: "",
      parts: [],
      rows: { block: /^项目预算$/, parts: [/^(?!成本构成$|合计$|小计$).+/], total: /^合计$/ },
    },
  ],
  layout: {
    title: "{year}年部门预算项目支出绩效目标表",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "绩效标准", "当年预期实现值"],
  },
};
