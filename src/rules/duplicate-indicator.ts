import { toA1 } from "../engine/address";
import type { Indicator } from "../engine/model";
import type { ParsedValue } from "../engine/value-grammar";
import { normalizeText } from "../engine/text";
import { defineRule } from "./types";

/** A trailing unit in brackets adds nothing to the name: 维修及时率(%) = 维修及时率. */
const UNIT_SUFFIX = /[(（](%|％|‰|元|万元|人|人次|项|个|件|台|天|次|户)[)）]$/;

/** The name as a reviewer compares it: no spaces, no trailing punctuation or bracketed unit. */
function indicatorKey(name: string): string {
  let t = normalizeText(name).toLowerCase().replace(/\s+/g, "");
  for (;;) {
    const next = t.replace(/[。.，,；;：:、!！?？%％]+$/, "").replace(UNIT_SUFFIX, "");
    if (next === t) return t;
    t = next;
  }
}

type Bound = "lower" | "upper" | null;

function bound(v: ParsedValue): Bound {
  if (v.kind !== "quantity" || !v.quantity.op) return null;
  const op = v.quantity.op;
  return op === "≥" || op === ">" ? "lower" : op === "≤" || op === "<" ? "upper" : null;
}

/**
 * Two rows that state one range: the 一体化 systems forbid `a-b` and ask for a ≥ row and a ≤ row
 * under the same name. That is not a duplicate.
 */
function splitRange(a: Indicator, b: Indicator): boolean {
  const pairs: [ParsedValue, ParsedValue][] = [
    [a.period.parsed, b.period.parsed],
    [a.annual.parsed, b.annual.parsed],
  ];
  return pairs.every(([x, y]) => {
    const bx = bound(x);
    const by = bound(y);
    return bx !== null && by !== null && bx !== by;
  });
}

/**
 * The same 三级 name twice in one form: usually a copied row, and a reviewer cannot tell which
 * value is meant. A warning, since a form can legitimately state a range on a ≥ row and a ≤ row.
 * Blank names are indicator-value's business.
 */
export default defineRule({
  meta: {
    id: "duplicate-indicator",
    category: "indicators",
    severity: "warning",
    description: {
      zh: "同一张表中不应重复填报同名的三级指标。",
      en: "A 三级 indicator name should appear only once in a form.",
    },
    messages: {
      duplicate: {
        zh: "三级指标「{name}」在本表中重复出现（第一次在 {first}）。请删除重复行或改用不同的指标名称。",
        en: "The 三级 indicator '{name}' appears twice in this form (first at {first}). Delete the repeated row or name them apart.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      const seen = new Map<string, Indicator[]>();
      for (const ind of form.indicators) {
        const key = indicatorKey(ind.name);
        if (!key) continue;
        const earlier = seen.get(key) ?? [];
        const first = earlier.find((e) => !splitRange(e, ind));
        if (first) {
          ctx.report({
            messageId: "duplicate",
            ref: ind.nameRef,
            related: [first.nameRef],
            args: { name: ind.name, first: toA1(first.nameRef.row, first.nameRef.col) },
          });
        }
        earlier.push(ind);
        seen.set(key, earlier);
      }
    }
  },
});
