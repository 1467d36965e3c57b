import Decimal from "decimal.js";
import type { Operator } from "../../src/engine/value-grammar";
import { formatInterval, intervalOf, overlaps, within } from "../../src/engine/value-interval";

const iv = (op: Operator | null, n: number) => intervalOf({ op, value: new Decimal(n) });

describe("indicator values as intervals", () => {
  it.each([
    ["≥", 95, "[95, +∞)"],
    [">", 95, "(95, +∞)"],
    ["≤", 60, "(-∞, 60]"],
    ["<", 5, "(-∞, 5)"],
    ["=", 100, "[100, 100]"],
    [null, 100, "[100, 100]"],
  ] as const)("%s%d is %s", (op, n, text) => {
    expect(formatInterval(iv(op, n))).toBe(text);
  });

  it.each([
    // inner, outer, within, overlaps
    [iv(null, 100), iv("≥", 95), true, true],
    [iv(null, 60), iv("≤", 60), true, true],
    [iv("≥", 22), iv("≥", 40), false, true],
    [iv("≥", 40), iv("≥", 22), true, true],
    [iv("≤", 90), iv(null, 100), false, false],
    [iv("<", 60), iv("≤", 60), true, true],
    [iv("≤", 60), iv("<", 60), false, true],
    [iv(">", 60), iv("<", 60), false, false],
    [iv("≥", 60), iv("≤", 60), false, true],
    [iv(null, 95), iv(null, 100), false, false],
  ])("case %#", (inner, outer, isWithin, isOverlapping) => {
    expect(within(inner, outer)).toBe(isWithin);
    expect(overlaps(inner, outer)).toBe(isOverlapping);
  });
});
