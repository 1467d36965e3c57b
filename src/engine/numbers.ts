/**
 * Reading amounts and whole numbers from cells, with the precision the user reported, and the
 * interval tolerance model for sums (XBRL Calculations 1.1, round-to-nearest): a figure shown with
 * d decimals stands for [v - ½·10^-d, v + ½·10^-d]. All arithmetic is decimal.js.
 */
import Decimal from "decimal.js";
import type { CellRef, SheetGrid } from "./grid";
import { isCellError } from "./snapshot";
import { normalizeText } from "./text";

export type NumberStatus = "ok" | "blank" | "not-number" | "error-value";

export interface NumberCell {
  ref: CellRef;
  /** Displayed text, normalised. */
  text: string;
  status: NumberStatus;
  value: Decimal | null;
  /** Decimals as shown (number format applied, or digits typed). */
  decimals: number;
  /** The number was stored as text (`1,672.54`): readable, but worth a note. */
  storedAsText: boolean;
  formula: string | null;
  /** The value as stored when it is text (not normalised): what a fix compares before writing. */
  storedText?: string;
}

const NUMERIC_TEXT = /^([-+])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Parse `1,672.54`, `４,８３２,０３９.００`, `(5.00)`, `-3`, optionally followed by one of the allowed units. */
export function parseNumericText(
  input: string,
  allowedUnits: readonly string[] = [],
): { value: Decimal; decimals: number } | null {
  let t = normalizeText(input).replace(/\s+/g, "");
  for (const u of longestFirst(allowedUnits)) {
    if (u && t.endsWith(u)) {
      t = t.slice(0, -u.length);
      break;
    }
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1];
  }
  const m = NUMERIC_TEXT.exec(t);
  if (!m) return null;
  const digits = m[2].replace(/,/g, "");
  const frac = m[3] ?? "";
  let value = new Decimal(frac ? `${digits}.${frac}` : digits);
  if (m[1] === "-") negative = !negative;
  if (negative) value = value.negated();
  return { value, decimals: frac.length };
}

/** The allowed units, longest first (callers mostly list them so: then no copy is made). */
function longestFirst(units: readonly string[]): readonly string[] {
  for (let i = 1; i < units.length; i++)
    if (units[i].length > units[i - 1].length) return [...units].sort((a, b) => b.length - a.length);
  return units;
}

const SHOWN = new Map<string, number | null>();

/** Decimals of a shown figure (memoised by text: forms repeat their figures' formats). */
function decimalsShown(text: string): number | null {
  let d = SHOWN.get(text);
  if (d === undefined) {
    const parsed = parseNumericText(text.replace(/[%％]$/, ""));
    d = parsed ? parsed.decimals : null;
    if (SHOWN.size >= 20000) SHOWN.clear();
    SHOWN.set(text, d);
  }
  return d;
}

/** Decimals of a JS number's shortest representation (973.2 → 1, 1e-7 → 7). */
function decimalsOfNumber(n: number): number {
  return Math.max(0, new Decimal(n).decimalPlaces());
}

/** Read a cell expected to hold a number (an amount, a count, a year). */
export function readNumberCell(
  grid: SheetGrid,
  row: number,
  col: number,
  allowedUnits: readonly string[] = [],
): NumberCell {
  const ref = grid.ref(row, col);
  const raw = grid.value(row, col);
  const text = grid.text(row, col);
  const formula = grid.formula(row, col);
  const base = { ref, text, formula, storedAsText: false };
  if (isCellError(raw)) return { ...base, status: "error-value", value: null, decimals: 0 };
  if (typeof raw === "number" && Number.isFinite(raw)) {
    // The reported figure is what the user sees: round the stored binary value to the shown decimals.
    const shown = decimalsShown(text);
    const decimals = shown ?? decimalsOfNumber(raw);
    const value = new Decimal(raw).toDecimalPlaces(Math.max(decimals, 0));
    return { ...base, status: "ok", value, decimals };
  }
  if (text === "") return { ...base, status: "blank", value: null, decimals: 0 };
  const parsed = parseNumericText(text, allowedUnits);
  if (!parsed) return { ...base, status: "not-number", value: null, decimals: 0 };
  return {
    ...base,
    status: "ok",
    value: parsed.value,
    decimals: parsed.decimals,
    storedAsText: true,
    ...(typeof raw === "string" ? { storedText: raw } : {}),
  };
}

/** One term of a sum: a reported figure with its precision, in a unit `scale` times the base unit. */
export interface Figure {
  value: Decimal;
  decimals: number;
  /** Multiply by this to get the base unit (万元 → 元: 10000). */
  scale?: Decimal.Value;
}

export interface SumCheck {
  /** Σ items, in the base unit. */
  sum: Decimal;
  /** The total, in the base unit. */
  total: Decimal;
  /** sum − total. */
  diff: Decimal;
  /** Half a unit in the last shown place of every term and of the total, added up. */
  allowance: Decimal;
  consistent: boolean;
}

/** ½·10^-d for the usual decimals, computed once (rules ask for it for every term of every sum). */
const HALF_ULPS: readonly Decimal[] = Array.from({ length: 16 }, (_v, d) => new Decimal(10).pow(-d).div(2));

export function halfUlp(f: Figure): Decimal {
  const base =
    f.decimals >= 0 && f.decimals < HALF_ULPS.length
      ? HALF_ULPS[f.decimals]
      : new Decimal(10).pow(-f.decimals).div(2);
  return f.scale === undefined || f.scale === 1 ? base : base.times(f.scale);
}

export function inBase(f: Figure): Decimal {
  return f.value.times(f.scale ?? 1);
}

/**
 * Is Σ items consistent with total? True when the interval of the items' sum meets the interval of
 * the total, i.e. |Σ − total| ≤ Σ half-ulps (items and total).
 */
export function checkSum(items: readonly Figure[], total: Figure): SumCheck {
  let sum = new Decimal(0);
  let allowance = halfUlp(total);
  for (const it of items) {
    sum = sum.plus(inBase(it));
    allowance = allowance.plus(halfUlp(it));
  }
  const t = inBase(total);
  const diff = sum.minus(t);
  return { sum, total: t, diff, allowance, consistent: diff.abs().lte(allowance) };
}

/** Is a ≤ b within tolerance (their intervals overlap or a lies below)? */
export function notAbove(a: Figure, b: Figure): { diff: Decimal; allowance: Decimal; ok: boolean } {
  const diff = inBase(a).minus(inBase(b));
  const allowance = halfUlp(a).plus(halfUlp(b));
  return { diff, allowance, ok: diff.lte(allowance) };
}

/** `6993420.07` → `6,993,420.07`; keeps the given decimals (default: as the value has). */
export function formatAmount(v: Decimal, decimals?: number): string {
  const d = decimals ?? Math.max(0, v.decimalPlaces());
  const fixed = v.toFixed(d);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? "." + frac : ""}`;
}
