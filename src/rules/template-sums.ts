/**
 * The sums a form's template implies (its profile's `sums`, resolved by the reader into
 * `form.sums`), checked with the tolerance policy: total = Σ parts, each figure standing for the
 * interval its shown decimals allow. Shared by budget-sum and dept-balance (each reports the sums
 * the profile assigns to it), so one check keeps one rule id.
 */
import type Decimal from "decimal.js";
import { toA1 } from "../engine/address";
import type { CellRef, FormSum, SumTerm } from "../engine/model";
import { checkSum, formatAmount, type Figure } from "../engine/numbers";
import { allowanceUnder, tolerancePolicy } from "./options";
import type { CheckOptions, MessageArgs, Report, SumDetail, SumItem } from "./types";
import { figure } from "./util";

export interface SumOutcome {
  sum: FormSum;
  /** Σ parts and the total, in the sum's unit. */
  parts: Decimal;
  total: Decimal;
  /** Σ parts − total. */
  diff: Decimal;
  allowance: Decimal;
  /** Decimals the message shows (at least 2). */
  decimals: number;
}

/** A part as a sum term: blank counts as 0; null when not a number (amount's finding). */
function part(t: SumTerm): Figure | null | "blank" {
  if (t.number.status === "blank") return "blank";
  return figure(t.number);
}

/**
 * Evaluate one template sum; null when it holds or cannot be checked (the total blank or unreadable,
 * a part unreadable, every part blank).
 */
export function evaluateSum(sum: FormSum, options: CheckOptions): SumOutcome | null {
  const total = figure(sum.total.number);
  if (!total) return null;
  const figures: Figure[] = [];
  for (const t of sum.parts) {
    const f = part(t);
    if (f === null) return null;
    if (f !== "blank") figures.push(f);
  }
  if (figures.length === 0) return null;
  const r = checkSum(figures, total);
  const yuanPerUnit = sum.unit === "万元" ? 10000 : 1;
  const allowance = allowanceUnder(tolerancePolicy(options.tolerance), r.allowance, yuanPerUnit);
  if (r.diff.abs().lte(allowance) || (sum.atMost && r.diff.lte(allowance))) return null;
  const decimals = Math.max(2, total.decimals, ...figures.map((f) => f.decimals));
  return { sum, parts: r.sum, total: r.total, diff: r.diff, allowance, decimals };
}

function item(t: SumTerm, decimals: number): SumItem {
  const n = t.number;
  return {
    sheet: t.labelRef.sheet,
    cell: toA1(n.ref.row, n.ref.col),
    label: t.label,
    ...(t.field ? { field: t.field } : {}),
    amount: n.status === "ok" && n.value ? formatAmount(n.value, decimals) : "",
  };
}

/** Both sides with every item, its label and amount, for the pane's 详情. */
export function sumDetail(o: SumOutcome): SumDetail {
  return {
    left: formatAmount(o.parts, o.decimals),
    right: formatAmount(o.total, o.decimals),
    diff: formatAmount(o.diff.abs(), o.decimals),
    allowance: formatAmount(o.allowance),
    unit: o.sum.unit,
    items: o.sum.parts.map((t) => item(t, o.decimals)),
    total: item(o.sum.total, o.decimals),
  };
}

/** The parts as the message lists them: `其中:财政拨款 + 其他资金`. */
export function partNames(sum: FormSum): string {
  return sum.parts.map((t) => t.label).join(" + ");
}

/** A line of a sum's working at a cell, for the sum rules that build their items themselves. */
export function itemAt(ref: CellRef, label: string, field: string, amount: string): SumItem {
  return { sheet: ref.sheet, cell: toA1(ref.row, ref.col), label, ...(field ? { field } : {}), amount };
}

/**
 * The finding of a profile sum that does not hold (budget-sum's and dept-balance's): on the total, the
 * parts related, the figures as message args (`column` when the sum is one column of a table) and the
 * working with every item. The caller picks the message id.
 */
export function sumReport<M extends string>(sum: FormSum, o: SumOutcome, messageId: M): Report<M> {
  const column = sum.total.field;
  const args: MessageArgs = {
    ...(column ? { column } : {}),
    total: sum.total.label,
    totalAmount: formatAmount(o.total, o.decimals),
    parts: partNames(sum),
    partsAmount: formatAmount(o.parts, o.decimals),
    diff: formatAmount(o.diff.abs(), o.decimals),
    allowance: formatAmount(o.allowance),
    unit: { messageId: sum.unit === "万元" ? "unit-wan" : "unit-yuan" },
  };
  return {
    messageId,
    ref: sum.total.number.ref,
    related: sum.parts.map((t) => t.number.ref),
    args,
    sum: sumDetail(o),
  };
}
