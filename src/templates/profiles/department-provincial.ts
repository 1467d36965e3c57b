/** D2 (湖北 部门整体), D3 (湖南 岳阳 整体绩效目标表), D4 (江西 一体化 部门整体绩效目标): templates.md §2. */
import { COLUMN, FIELD, TREE_HEADER, anchor } from "../common";
import type { TemplateProfile } from "../types";

export const hubeiDepartment: TemplateProfile = {
  id: "hubei-department",
  family: "D2",
  name: { zh: "湖北 部门整体支出绩效目标申报表", en: "Hubei department form" },
  kind: "department",
  title: [{ pattern: /部门整体支出绩效目标申报表/, weight: 1 }],
  anchors: [
    anchor("部门(单位)名称", /^部门(\(单位\))?名称$/, 1),
    anchor("填报人", /^填报人$/, 1),
    anchor("部门总体资金情况", /^部门总体资金情况/, 2),
    anchor("当年金额", /^当年金额$/, 2),
    anchor("占比", /^占比$/, 2),
    anchor("近两年收支金额", /^近两年收支金额$/, 2),
    anchor("收入构成", /^收入构成$/, 2),
    anchor("支出构成", /^支出构成$/, 2),
    anchor("部门职能概述", /^部门职能概述$/, 1),
  ],
  fields: [
    FIELD.deptName(),
    FIELD.text("contactPerson", "填报人", [/^填报人$/]),
    FIELD.text("duties", "部门职能概述", [/^部门职能概述$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1"],
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
  },
  tree: "T2015",
  moneyUnit: "万元",
  // 收入构成 and 支出构成 each add up to their 合计, for the year and each of the two prior years.
  sums: [
    {
      total: "",
      parts: [],
      rows: { block: /^收入构成$/, parts: [/^财政拨款$/, /^其他资金$/], total: /^合计$/ },
      rule: "dept-balance",
    },
    {
      total: "",
      parts: [],
      rows: { block: /^支出构成$/, parts: [/^基本支出$/, /^项目支出$/], total: /^合计$/ },
      rule: "dept-balance",
    },
  ],
  layout: {
    title: "{year}年部门整体支出绩效目标申报表",
    subtitle: "单位：万元",
    block: "绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "指标值", "备注"],
  },
};

export const hunanDepartment: TemplateProfile = {
  id: "hunan-department",
  family: "D3",
  name: { zh: "湖南 部门（单位）整体绩效目标表", en: "Hunan department form" },
  kind: "department",
  title: [{ pattern: /整体绩效目标表/, weight: 1 }],
  anchors: [
    anchor("部门(单位)名称", /^部门(\(单位\))?名称$/, 1),
    anchor("部门(单位)职责", /^\*?部门(\(单位\))?职责$/, 2),
    anchor("年度总体绩效目标", /^\*?年度总体绩效目标$/, 2),
    anchor("指标值类型", /^指标值类型$/, 2),
    anchor("计量单位", /^计量单位$/, 1),
    anchor("指标解释", /^\*?指标解释$/, 1),
    anchor("评(扣)分标准", /^\*?评\(扣\)分标准$/, 2),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.deptName(),
    FIELD.text("duties", "部门(单位)职责", [/^\*?部门(\(单位\))?职责$/], true),
    FIELD.text("annualGoal", "年度总体绩效目标", [/^\*?年度总体绩效目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1", "unit"],
    header: [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值类型",
      "指标值",
      "计量单位",
      "指标解释",
      "评(扣)分标准",
    ],
  },
  tree: "T2015",
  layout: {
    title: "{year}年部门（单位）整体绩效目标表",
    block: "绩效指标",
    columns: [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值类型",
      "指标值",
      "计量单位",
      "指标解释",
      "评（扣）分标准",
      "备注",
    ],
  },
};

export const jiangxiDepartment: TemplateProfile = {
  id: "jiangxi-yitihua-department",
  family: "D4",
  name: { zh: "江西 一体化 部门整体绩效目标", en: "Jiangxi integrated-system department form" },
  kind: "department",
  title: [{ pattern: /^部门整体绩效目标$/, weight: 1 }],
  anchors: [
    anchor("基本信息", /^基本信息$/, 1),
    anchor("部门编码", /^部门编码$/, 2),
    anchor("部门名称", /^部门名称$/, 1),
    anchor("部门职能职责概述", /^\*?部门职能职责概述$/, 1),
    anchor("年度绩效总目标", /^\*?年度绩效总目标$/, 2),
    anchor("计算符号", /^计算符号$/, 2),
    anchor("度量单位", /^度量单位$/, 2),
    anchor("指标值说明", /^指标值说明$/, 2),
    ...TREE_HEADER,
  ],
  fields: [
    FIELD.text("deptCode", "部门编码", [/^部门编码$/]),
    FIELD.deptName([/^部门名称$/]),
    FIELD.text("contactPerson", "联系人", [/^\*?联系人$/]),
    FIELD.text("duties", "部门职能职责概述", [/^\*?部门职能职责概述$/], true),
    FIELD.text("annualGoal", "年度绩效总目标", [/^\*?年度绩效总目标$/], true),
  ],
  table: {
    columns: COLUMN,
    requiredRoles: ["level1", "unit"],
    header: ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
  },
  tree: "T2021",
  layout: {
    title: "部门整体绩效目标",
    block: "年度绩效指标",
    columns: ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
  },
};
