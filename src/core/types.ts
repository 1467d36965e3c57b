/**
 * The shared vocabulary (issue 13): what rules report and hosts present, owned by neither. Rules, the
 * checker, the report, the CLI, the pane and the hosts all import these from here; the rule contract
 * (RuleMeta, Report, RuleContext, CheckOptions) stays in src/rules/types.ts. Pure types, no imports.
 */

export type Severity = "error" | "warning" | "info";

/**
 * A reviewer's categories (issue 13): 必填 (required), 金额勾稽 (amounts), 指标设置 (indicators: what an
 * indicator states — quantified, with a unit, the right operator, in the right 二级), 表述规范 (wording),
 * 前后一致 (consistency across fields and forms), 表格结构 (template: the form itself is not found, not the
 * expected one, or shifted). Labels in src/messages/terms.ts (terms.category).
 */
export type Category = "required" | "amounts" | "indicators" | "wording" | "consistency" | "template";

export type Lang = "zh" | "en";

/** A message template with `{placeholder}`s, Chinese first. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * A message argument: text or a number as is; a MessageRef, rendered from the same catalogue in the same
 * language (a message nested in another); or a list of names, quoted and joined as the language does
 * (「a」、「b」 / a, b; with `quote: false`, a、b in zh — row numbers, lists of framework terms).
 */
export type MessageArg = string | number | MessageRef | { list: readonly string[]; quote?: false };
export type MessageArgs = Record<string, MessageArg>;

/**
 * One line of a sum's working: the cell, what the workbook calls it (the item's own label text, e.g.
 * 「伙食补助费」, and the field it sits in, e.g. 项目名称) and its amount, formatted in the sum's unit.
 */
export interface SumItem {
  sheet: string;
  cell: string;
  /** The item's name as written in the workbook (a project name, a task, a budget line label). */
  label: string;
  /** The field or column the label comes from (e.g. 项目名称, 资金来源), workbook text; may be empty. */
  field?: string;
  /** Formatted amount in `SumDetail.unit`. */
  amount: string;
}

/** The two sides of a sum check, for presentation (already formatted, in `unit`). */
export interface SumDetail {
  left: string;
  right: string;
  diff: string;
  allowance: string;
  unit: string;
  /** Every item of the sum with its label and amount (left side), when the rule knows them. */
  items?: SumItem[];
  /** The stated total (right side) with its label. */
  total?: SumItem;
}

/** A message reference: an id into the rule's (or the shared) catalogue and its arguments. */
export interface MessageRef {
  messageId: string;
  args?: MessageArgs;
}

/** One cell edit of a fix: the value before (as read) and after (what is written). */
export interface CellEdit {
  sheet: string;
  /** A1 address, no `$`. */
  cell: string;
  before: string | number | null;
  after: string | number | null;
}

/**
 * A fix as data (ESLint's fix / suggestion split): `safe` fixes change nothing but the fault and may be
 * applied all at once ("全部安全修正", `--fix`); `suggestion`s are offered for the clerk to choose.
 */
export interface Fix {
  kind: "safe" | "suggestion";
  /** What the fix does, a message of the rule's catalogue. */
  messageId: string;
  args?: MessageArgs;
  edits: CellEdit[];
}

/** A cell named by sheet and A1 address, as diagnostics carry it. */
export interface CellAddress {
  sheet: string;
  cell: string;
}

/** Plain data: what a host presents. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  category: Category;
  sheet: string;
  /** Single A1 address, no `$`. */
  cell: string;
  row: number;
  col: number;
  related: CellAddress[];
  /** Cells with the same fault as this one, marked like it (see Report.sameFault). */
  sameFault?: CellAddress[];
  messageId: string;
  args: MessageArgs;
  /** Index into the model's forms of the form the cell lies in, if any. */
  formIndex: number | null;
  /** For sums: both sides, the difference and the allowance. */
  sum?: SumDetail;
  /** The reasoning behind the finding, shown on demand as 详情 (a message of the rule's catalogue). */
  detail?: MessageRef;
  /** Fixes this finding offers (see Fix). */
  fixes?: Fix[];
}
