/**
 * The rule contract, in the spirit of ESLint: each rule has metadata (id, category, default
 * severity, messages in zh-CN and English) and a `check` that reports through its context.
 * Rules know nothing of how diagnostics are shown.
 */
import type { CellRef, Form, WorkbookModel } from "../engine/model";
import type { Category, Fix, Message, MessageArgs, MessageRef, Severity, SumDetail } from "../core/types";

/** The shared vocabulary, re-exported so a rule imports everything it needs from one place. */
export type {
  Category,
  CellAddress,
  CellEdit,
  Diagnostic,
  Fix,
  Lang,
  Message,
  MessageArg,
  MessageArgs,
  MessageRef,
  Severity,
  SumDetail,
  SumItem,
} from "../core/types";

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

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export type { Form };
