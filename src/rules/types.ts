/**
 * The rule contract, in the spirit of ESLint: each rule has metadata (id, category, default
 * severity, messages in zh-CN and English) and a `check` that reports through its context.
 * Rules know nothing of how diagnostics are shown.
 */
import type { CellRef, Form, WorkbookModel } from "../engine/model";

export type Severity = "error" | "warning" | "info";
/**
 * A reviewer's categories (issue 13): 必填 (required), 金额勾稽 (amounts), 指标设置 (indicators: what an
 * indicator states — quantified, with a unit, the right operator, in the right 二级), 表述规范 (wording),
 * 前后一致 (consistency across fields and forms), 表格结构 (template: the form itself is not found, not the
 * expected one, or shifted). Labels in src/rules/categories.ts.
 */
export type Category = "required" | "amounts" | "indicators" | "wording" | "consistency" | "template";
export type Lang = "zh" | "en";

/** A message template with `{placeholder}`s, Chinese first. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * One option of a rule, declared as data in the rule's meta (as ESLint's `meta.schema` /
 * `defaultOptions`): src/config validates a configuration against these, docs and `--print-config`
 * show them. `default` is the behaviour without configuration.
 * - number: a decimal in [min, max]; `null` (where `nullable`) switches the check it governs off.
 * - integer: a whole number in [min, max] (years).
 * - words: a list of non-empty strings.
 */
export type OptionSpec =
  | {
      type: "number" | "integer";
      default: number | null;
      min?: number;
      max?: number;
      nullable?: boolean;
      description: Message;
    }
  | { type: "words"; default: readonly string[]; description: Message };

export type OptionValue = number | null | readonly string[];

export interface RuleMeta<M extends string = string> {
  id: string;
  category: Category;
  severity: Severity;
  description: Message;
  messages: Record<M, Message>;
  /** The rule's options with their defaults (see OptionSpec). */
  options?: Record<string, OptionSpec>;
}

/**
 * A message argument: text or a number as is; a MessageRef, rendered from the same catalogue in the same
 * language (a message nested in another); or a list of names, quoted and joined as the language does
 * (「a」、「b」 / a, b).
 */
export type MessageArg = string | number | MessageRef | { list: readonly string[] };
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

export interface Report<M extends string = string> {
  messageId: M;
  /** The cell the user must change. */
  ref: CellRef;
  /** Other cells involved (the items of a sum, the other side of a comparison). */
  related?: CellRef[];
  /**
   * Cells with the very same fault as `ref` (the same vague value in both value columns): the finding
   * names them and they are marked like `ref`, so fixing one cell does not reveal a new mark. Also in
   * `related`.
   */
  sameFault?: CellRef[];
  args?: MessageArgs;
  /** Overrides the rule's default severity for this finding (e.g. short vs over a total). */
  severity?: Severity;
  /** For sums: both sides, the difference and the allowance. */
  sum?: SumDetail;
  /**
   * The reasoning behind the finding (pairing, similarity, tolerance), shown on demand as 详情: a message
   * of the rule's catalogue whose id starts with `detail-` (test/messages-plain.test.ts keeps that
   * reasoning out of the main messages).
   */
  detail?: MessageRef;
  /** Fixes this finding offers. */
  fixes?: Fix[];
}

/**
 * How the checker is configured (src/config turns a CheckConfig file into this). Plain JSON data: it
 * crosses to worker threads and is stored in a workbook setting.
 */
export interface CheckOptions {
  /** Per-rule severity override, or "off". */
  rules?: Record<string, Severity | "off">;
  /** Per-rule option values, by rule id then option name (see RuleMeta.options); missing ones take the default. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Template profile ids to use (forced), instead of detecting one per form. Shared with template profiles. */
  templates?: string[];
  /**
   * Tolerance policy of the sum rules: "interval" (default; XBRL Calculations 1.1, half a unit in the
   * last shown place of every figure), "exact" (no allowance) or "absolute:N" (N 元 whatever the precision).
   */
  tolerance?: string;
  /** Word lists the rules share. */
  vocabularies?: {
    /** Place names (e.g. 东莞市) that say nothing about what an indicator measures; ignored when names are compared. */
    placeNames?: string[];
  };
}

export interface RuleContext<M extends string = string> {
  model: WorkbookModel;
  options: CheckOptions;
  /** This rule's options: the configured values over the defaults of RuleMeta.options. */
  settings: Readonly<Record<string, OptionValue>>;
  report(r: Report<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
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

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export type { Form };
