/**
 * P5 and the 一体化 system exports in general: one indicator a row, 一级 repeated, the operator,
 * the value and the unit in their own columns (指标性质/指标方向 | 目标值/指标值 | 计量单位/度量单位 |
 * 分值/权重). The value rules see the three composed into one value.
 */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

const FIELDS = [
  FIELD.projectName(),
  FIELD.text("projectCategory", "项目类别", [/^项目类别$/]),
  FIELD.department([/^主管部门$/]),
  FIELD.implementingUnit([/^实施单位$/]),
  FIELD.amount("budgetTotal", "资金总额", [/^资金总额$/], true),
  FIELD.amount("fiscal", "其中:财政拨款数", [/^其中:财政拨款数?$/]),
  FIELD.amount("other", "其他资金", [/^其他资金$/]),
  FIELD.text("annualGoal", "年度目标", [/^年度(绩效)?目标$/], true),
];

export const wuhaiYitihuaProject: TemplateProfile = {
  id: "neimenggu-yitihua-project",
  family: "P5",
  name: { zh: "内蒙古 一体化 项目绩效目标表（导出）", en: "Inner Mongolia integrated-system project export" },
  kind: "project",
  title: [{ pattern: /项目绩效目标表/, weight: 1 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("项目类别", /^项目类别$/, 1),
    anchor("归口科室", /^归口科室$/, 2),
    anchor("投入目标(万元)", /^投入目标/, 2),
    anchor("年初安排金额", /^年初安排金额/, 2),
    anchor("指标性质", /^指标性质$/, 1),
    anchor("指标方向", /^指标方向$/, 1),
    anchor("目标值", /^目标值$/, 1),
    anchor("计量单位", /^计量单位$/, 1),
    ...TREE_HEADER,
  ],
  fields: FIELDS,
  table: {
    columns: COLUMN,
    requiredRoles: ["level1", "unit"],
    header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  sums: [{ total: "budgetTotal", parts: ["fiscal", "other"] }],
  layout: {
    title: "项目绩效目标表",
    subtitle: "（{year}年度）",
    block: "绩效指标",
    columns: [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "指标方向",
      "目标值",
      "计量单位",
      "分值",
      "备注",
    ],
    repeatLevels: true,
  },
};

/** Any 一体化 export with split 指标性质 | 指标值 | 度量单位 columns, when no provincial profile fits better. */
export const yitihuaExportProject: TemplateProfile = {
  id: "yitihua-export-project",
  family: "P5",
  name: {
    zh: "一体化系统导出项目绩效目标表（性质/指标值/单位分列）",
    en: "Integrated-system project export (split columns)",
  },
  kind: "project",
  title: [{ pattern: /绩效目标/, weight: 0.5 }],
  anchors: [
    anchor("项目名称", /^项目名称$/, 1),
    anchor("指标性质/计算符号", /^(指标性质|计算符号|运算符号)$/, 2),
    anchor("指标值/目标值", /^\*?(指标值|目标值)$/, 1),
    anchor("度量单位/计量单位", /^(度量|计量)单位$/, 2),
    anchor("权重/分值", /^(指标)?权重$|^分值$/, 1),
    ...TREE_HEADER,
  ],
  fields: FIELDS,
  table: {
    columns: COLUMN,
    requiredRoles: ["level1", "unit"],
    header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"],
  },
  tree: "T2021",
  moneyUnit: "万元",
  sums: [{ total: "budgetTotal", parts: ["fiscal", "other"] }],
  layout: {
    title: "项目支出绩效目标表",
    subtitle: "（{year}年度）",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"],
    repeatLevels: true,
  },
};
