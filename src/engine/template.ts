/**
 * The canonical template's labels, as data. The reader finds fields by these; messages name fields
 * by their `display` text. (Writing template sheets will use the same description.)
 */

/** An exact normalised label, or a pattern for labels with variants. */
export type LabelSpec = string | RegExp;

export interface FieldSpec {
  label: LabelSpec;
  /** How the template prints the label; used in messages. */
  display: string;
}

/** Columns of a form (A–F relative to its first column). */
export const FORM_WIDTH = 6;

export const DEPARTMENT_LABELS = {
  staffCount: { label: /^财政供养人员(数|总数)?$/, display: "财政供养人员数" },
  subUnitCount: { label: /^下属(二级)?单位(数|个数)$/, display: "下属二级单位数" },
  budgetSection: { label: /^预算整体情况/, display: "预算整体情况" },
  overallGoal: { label: /^(部门)?(整体|总体)绩效目标$/, display: "总体绩效目标" },
  keyTasks: { label: /^年度重点工作任务/, display: "年度重点工作任务" },
  otherTasks: { label: /^其他需完成的任务/, display: "其他需完成的任务(可选填)" },
  taskName: { label: /^(任务)?名称$/, display: "名称" },
  taskContent: { label: /^主要实施内容/, display: "主要实施内容" },
  taskAmount: { label: /^拟投入的?资金/, display: "拟投入的资金(元)" },
  taskGoal: { label: /^期望达到的目标/, display: "期望达到的目标(概述)" },
  budget: {
    basic: { label: /^基本支出$/, display: "基本支出" },
    project: { label: /^项目支出$/, display: "项目支出" },
    fiscal: { label: /^财政拨款(收入)?$/, display: "财政拨款" },
    other: { label: /^其他资金(收入)?$/, display: "其他资金" },
    special: { label: /^财政专项资金$/, display: "财政专项资金" },
    otherDevelopment: { label: /^其他事业发展性支出$/, display: "其他事业发展性支出" },
    cityLevel: { label: /^(市|省|县|区|镇|街)?本级使用资金$/, display: "市本级使用资金" },
    transfer: { label: /^拟用于对下转移支付资金$/, display: "拟用于对下转移支付资金" },
  },
} satisfies Record<string, FieldSpec | Record<string, FieldSpec>>;

export type DepartmentBudgetKey = keyof typeof DEPARTMENT_LABELS.budget;

export const PROJECT_LABELS = {
  name: { label: "项目名称", display: "项目名称" },
  type: { label: /^项目(类型|类别)$/, display: "项目类型" },
  level: { label: /^项目(等级|级次|层级)$/, display: "项目等级" },
  owner: { label: /^主管部门$/, display: "主管部门" },
  user: { label: /^(用款|实施)单位$/, display: "用款单位" },
  startYear: { label: /^起始年度$|^开始年度$/, display: "起始年度" },
  endYear: { label: /^到期年度$|^结束年度$/, display: "到期年度" },
  budget: { label: /^(\d{4}年)?(年度)?预算金额(\(元\))?$/, display: "预算金额(元)" },
  periodGoal: { label: /^实施周期(总)?目标$/, display: "实施周期总目标" },
  annualGoal: { label: /^(\d{4})?年度目标$/, display: "年度目标" },
} satisfies Record<string, FieldSpec>;

export function labelMatches(spec: LabelSpec, label: string): boolean {
  return typeof spec === "string" ? label === spec : spec.test(label);
}
