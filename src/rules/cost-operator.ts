import { reportOnce } from "./util";
import type { Indicator } from "../engine/model";
import { quantitiesOf } from "../engine/value-grammar";
import { normalizeText } from "../engine/text";
import type { Level2 } from "../engine/vocabulary";
import { cellFix, fixList } from "./fixes";
import { defineRule } from "./types";

const COST_LEVEL2: ReadonlySet<Level2> = new Set<Level2>([
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "成本指标",
]);

/** Names of a saving or a reduction: a floor on it (`节约资金 ≥10万元`) is the point. */
const REDUCTION_NAME = /节约|节省|节支|降低|下降|压减|压缩|减少/;

function isCost(ind: Indicator): boolean {
  return ind.level1 === "成本指标" || (ind.level2 !== null && COST_LEVEL2.has(ind.level2));
}

/**
 * A cost indicator caps what is spent, so it is written ≤ (or = for a fixed standard); `≥9.5万` (seed,
 * department form line 24) promises to spend at least that much, the opposite of a target. A warning:
 * the intent is usually clear and the fix is the operator. Percentages in a cost indicator are rates
 * (a saving, an execution rate) where a floor is normal, and so are savings and reductions: both pass.
 */
export default defineRule({
  meta: {
    id: "cost-operator",
    category: "indicators",
    severity: "warning",
    description: {
      zh: "成本指标是支出上限，应使用「≤」或「=」，不应使用「≥」或「>」。",
      en: "A cost indicator is a ceiling: use ≤ or =, not ≥ or >.",
    },
    messages: {
      floor: {
        zh: "成本指标「{name}」写作「{value}」：「{op}」表示下限，成本指标应为上限（≤）或定额（=）。",
        en: "The cost indicator {name} reads '{value}': '{op}' sets a floor, but a cost is a ceiling (≤) or a fixed amount (=).",
      },
      fixCeiling: { zh: "「{op}」改为「≤」（上限）", en: "Change '{op}' to '≤' (a ceiling)" },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        if (!isCost(ind) || REDUCTION_NAME.test(ind.name)) continue;
        reportOnce(ctx, ind, (v) => {
          const floor = quantitiesOf(v.parsed).find(
            (q) => (q.op === "≥" || q.op === ">") && q.unit?.kind !== "percent",
          );
          if (!floor) return [];
          const op = floor.opText ?? floor.op ?? "";
          // A suggestion, not a safe fix: = (a fixed standard) may be what was meant. Offered where the
          // operator is written as read (one occurrence), so the edit changes it alone.
          const at = op ? v.raw.indexOf(op) : -1;
          const fixes =
            at >= 0 && v.raw.indexOf(op, at + 1) < 0
              ? fixList(
                  cellFix(
                    "suggestion",
                    "fixCeiling",
                    v.ref,
                    v.raw,
                    v.raw.slice(0, at) + "≤" + v.raw.slice(at + op.length),
                    { op },
                  ),
                )
              : [];
          return [
            {
              messageId: "floor" as const,
              args: { name: ind.name, value: normalizeText(v.raw), op },
              fixes,
            },
          ];
        });
      }
    }
  },
});
