/**
 * An indicator value as the set of outcomes that meet it: `≥95%` is [95, ∞), `100%` is [100, 100],
 * `≤60元/人/天` is (−∞, 60], `<5天` is (−∞, 5). Two values of the same indicator are compared as sets:
 * disjoint sets cannot both be met; a set inside another meets it (100% meets ≥95%).
 */
import type Decimal from "decimal.js";
import type { Quantity } from "./value-grammar";

export interface Bound {
  value: Decimal;
  /** The bound itself belongs to the set (≥, ≤, =), or not (>, <). */
  closed: boolean;
}

/** null bounds are infinite. */
export interface Interval {
  lower: Bound | null;
  upper: Bound | null;
}

/** No operator written reads as `=`. */
export function intervalOf(q: Pick<Quantity, "op" | "value">): Interval {
  const at = (closed: boolean): Bound => ({ value: q.value, closed });
  switch (q.op) {
    case "≥":
      return { lower: at(true), upper: null };
    case ">":
      return { lower: at(false), upper: null };
    case "≤":
      return { lower: null, upper: at(true) };
    case "<":
      return { lower: null, upper: at(false) };
    default:
      return { lower: at(true), upper: at(true) };
  }
}

/** The higher of two lower bounds (the stricter); an open bound is stricter than a closed one at the same value. */
function maxLower(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.comparedTo(b.value);
  if (c !== 0) return c > 0 ? a : b;
  return a.closed ? b : a;
}

function minUpper(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.comparedTo(b.value);
  if (c !== 0) return c < 0 ? a : b;
  return a.closed ? b : a;
}

export function isEmpty(i: Interval): boolean {
  if (!i.lower || !i.upper) return false;
  const c = i.lower.value.comparedTo(i.upper.value);
  return c > 0 || (c === 0 && !(i.lower.closed && i.upper.closed));
}

export function intersect(a: Interval, b: Interval): Interval {
  return { lower: maxLower(a.lower, b.lower), upper: minUpper(a.upper, b.upper) };
}

/** Some outcome meets both. */
export function overlaps(a: Interval, b: Interval): boolean {
  return !isEmpty(intersect(a, b));
}

/** Every outcome that meets `inner` meets `outer` (an empty inner is inside anything). */
export function within(inner: Interval, outer: Interval): boolean {
  if (isEmpty(inner)) return true;
  const lowerOk =
    !outer.lower ||
    (inner.lower !== null &&
      (inner.lower.value.gt(outer.lower.value) ||
        (inner.lower.value.equals(outer.lower.value) && (outer.lower.closed || !inner.lower.closed))));
  const upperOk =
    !outer.upper ||
    (inner.upper !== null &&
      (inner.upper.value.lt(outer.upper.value) ||
        (inner.upper.value.equals(outer.upper.value) && (outer.upper.closed || !inner.upper.closed))));
  return lowerOk && upperOk;
}

/** Interval notation for a 详情 line: `[95, +∞)`, `[100, 100]`, `(-∞, 60]`. */
export function formatInterval(i: Interval): string {
  const lo = i.lower ? `${i.lower.closed ? "[" : "("}${i.lower.value.toString()}` : "(-∞";
  const hi = i.upper ? `${i.upper.value.toString()}${i.upper.closed ? "]" : ")"}` : "+∞)";
  return `${lo}, ${hi}`;
}
