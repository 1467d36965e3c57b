/**
 * Label synonyms shared by many families (../shared/corpus/templates.md §3.2, §3.3). Profiles pick
 * from these and add their own; every pattern is matched against a normalised label (no spaces, no
 * trailing colon, full-width folded).
 */
import type { Anchor, ColumnRole, FieldProfile } from "./types";

/** Header synonyms per indicator-table column role. */
export const COLUMN: Record<ColumnRole, RegExp[]> = {
  level1: [/^一?级指标$/],
  level2: [/^二级指标$/],
  level3: [/^三级指标(内容|名称)?$/, /^指标内容$/, /^指标名称$/, /^指标$/],
  value: [
    /^\*?(年度)?指标值(及单位)?(\(.*\))?$/,
    /^\*?目标值$/,
    /^指标目标值$/,
    /^当年预期实现值$/,
    /^本年度计划水平$/,
    /^年度指标值$/,
  ],
  periodValue: [/^实施周期指标值$/, /^中期指标值$/, /^长期指标值$/],
  operator: [/^计算符号$/, /^运算符号$/, /^指标性质$/, /^指标方向$/],
  direction: [/^指标方向性$/],
  unit: [/^计量单位$/, /^度量单位$/],
  valueType: [/^指标值类型$/],
  weight: [/^指标权重$/, /^分值$/, /^权重$/],
  explanation: [/^\*?指标解释$/, /^指标值说明$/, /^指标说明$/, /^指标内容\/计算公式$/],
  scoring: [/^\*?评\(扣\)分标准$/, /^评分细则$/],
  standard: [/^绩效标准$/],
  note: [/^备注$/],
  prior: [/^上年度实际水平$/],
  actual: [/^实际完成值$/, /^全年实际值$/, /^全年完成值$/, /^得分$/, /^偏差原因/, /^未完成原因/],
};

const f = (
  role: string,
  display: string,
  labels: RegExp[],
  more: Partial<FieldProfile> = {},
): FieldProfile => ({ role, display, labels, type: "text", required: false, ...more });

/** Field definitions reused across families. */
export const FIELD = {
  projectName: (labels: RegExp[] = [/^项目名称$/], display = "项目名称") =>
    f("projectName", display, labels, { required: true }),
  deptName: (labels: RegExp[] = [/^部门(\(单位\))?名称$/], display = "部门名称") =>
    f("deptName", display, labels, { required: true }),
  department: (labels: RegExp[] = [/^(项目|业务|一级)?主管部门(及其?(代码|编码)|名称)?$/], required = true) =>
    f("department", "主管部门", labels, { required }),
  implementingUnit: (labels: RegExp[] = [/^(项目)?(实施|执行)单位$/, /^项目单位$/], required = true) =>
    f("implementingUnit", "实施单位", labels, { required }),
  attribute: (labels: RegExp[] = [/^项目属性$/]) => f("projectAttribute", "项目属性", labels),
  period: (labels: RegExp[], display: string, required = false) =>
    f("period", display, labels, { type: "period", required }),
  amount: (
    role: string,
    display: string,
    labels: RegExp[],
    required = false,
    value: FieldProfile["value"] = "inline",
  ) => f(role, display, labels, { type: "amount", unit: "万元", required, value }),
  text: (role: string, display: string, labels: RegExp[], required = false, value?: FieldProfile["value"]) =>
    f(role, display, labels, { required, ...(value ? { value } : {}) }),
};

export const anchor = (display: string, label: RegExp, weight = 1): Anchor => ({ display, label, weight });

/** The indicator-table header every 一级/二级/三级 family shares. */
export const TREE_HEADER: Anchor[] = [
  anchor("一级指标", /^一?级指标$/, 1),
  anchor("三级指标", /^三级指标(内容)?$|^指标内容$/, 1),
];
