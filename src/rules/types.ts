/**
 * The rule contract, in the spirit of ESLint: each rule has metadata (id, category, default
 * severity, messages in zh-CN and English) and a `check` that reports through its context.
 * Rules know nothing of how diagnostics are shown.
 */
import type { CellRef, Form, WorkbookModel } from "../engine/model";

export type Severity = "error" | "warning" | "info";
export type Category = "structure" | "completeness" | "format" | "arithmetic" | "consistency";
export type Lang = "zh" | "en";

/** A message template with `{placeholder}`s, Chinese first. */
export interface Message {
  zh: string;
  en: string;
}

export interface RuleMeta<M extends string = string> {
  id: string;
  category: Category;
  severity: Severity;
  description: Message;
  messages: Record<M, Message>;
}

export type MessageArgs = Record<string, string | number>;

/** The two sides of a sum check, for presentation (already formatted, in `unit`). */
export interface SumDetail {
  left: string;
  right: string;
  diff: string;
  allowance: string;
  unit: string;
}

export interface Report<M extends string = string> {
  messageId: M;
  /** The cell the user must change. */
  ref: CellRef;
  /** Other cells involved (the items of a sum, the other side of a comparison). */
  related?: CellRef[];
  args?: MessageArgs;
  /** Overrides the rule's default severity for this finding (e.g. short vs over a total). */
  severity?: Severity;
  /** For sums: both sides, the difference and the allowance. */
  sum?: SumDetail;
}

export interface CheckOptions {
  /** Per-rule severity override, or "off". */
  rules?: Record<string, Severity | "off">;
  /** Template profile ids to force (src/templates); without it each form's profile is detected. */
  templates?: string[];
}

export interface RuleContext<M extends string = string> {
  model: WorkbookModel;
  options: CheckOptions;
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
  messageId: string;
  args: MessageArgs;
  /** Index into the model's forms of the form the cell lies in, if any. */
  formIndex: number | null;
  /** For sums: both sides, the difference and the allowance. */
  sum?: SumDetail;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export type { Form };
