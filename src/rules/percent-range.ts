import { reportOnce } from "./util";
import type { Indicator, IndicatorValue } from "../engine/model";
import { quantitiesOf } from "../engine/value-grammar";
import { normalizeText } from "../engine/text";
import { cellFix, fixList } from "./fixes";
import { numberSetting } from "./options";
import { defineRule, type Fix, type MessageArgs } from "./types";

/**
 * Names (or value prefixes) of a change rather than a share: a growth of 120% or a change of -5% is
 * a real figure, not an impossible rate, so these are left alone.
 */
const CHANGE_RATE = /增长|增幅|增速|增加|涨幅|上涨|提高|提升|下降|降低|减少|变化|变动|同比|环比|上年|去年|倍/;

/** A minus sign before a percentage, not a range separator (`5%-10%`, `90-95%` are ranges). */
const NEGATIVE_PERCENT = /(?:^|[^\d%.])[-−]\s*\d+(?:\.\d+)?\s*%/;

type Problem = {
  messageId: "above" | "below" | "satisfaction-floor" | "full-rate";
  args: MessageArgs;
  fixes?: Fix[];
};

const isSatisfaction = (ind: Indicator) =>
  ind.level1 === "满意度指标" || ind.level2 === "服务对象满意度指标" || ind.name.includes("满意");

/**
 * A rate, share or satisfaction given in % lies between 0 and 100: `≥105%`, `>100%` or `-5%` cannot
 * be reached, so the target is certainly mistyped (an error). Every percentage of a value is checked,
 * both ends of a range and each part of a compound value.
 */
export default defineRule({
  meta: {
    id: "percent-range",
    category: "indicators",
    severity: "error",
    description: {
      zh: "以百分比表示的指标值应在 0–100% 之间。",
      en: "An indicator value in percent must lie between 0 and 100%.",
    },
    messages: {
      above: {
        zh: "「{name}」的指标值「{value}」超过 100%：比率应在 0–100% 之间。",
        en: "The value '{value}' of {name} is above 100%; a rate lies between 0 and 100%.",
      },
      below: {
        zh: "「{name}」的指标值「{value}」小于 0%：比率应在 0–100% 之间。",
        en: "The value '{value}' of {name} is below 0%; a rate lies between 0 and 100%.",
      },
      "full-rate": {
        zh: "「{name}」的指标值「{value}」写了「{op}100%」：比率最高就是 100%，应写「100%」。",
        en: "The value '{value}' of {name} says {op}100%; a rate cannot exceed 100%, so write 100%.",
      },
      fixFullRate: {
        zh: "把「{op}100%」改为「100%」",
        en: "Change {op}100% to 100%",
      },
      "satisfaction-floor": {
        zh: "满意度指标「{name}」的指标值「{value}」低于本地要求的满意度下限 {floor}%。",
        en: "The satisfaction indicator {name} targets '{value}', below the required floor of {floor}%.",
      },
    },
    options: {
      satisfactionFloor: {
        type: "number",
        default: null,
        nullable: true,
        min: 0,
        max: 100,
        description: {
          zh: "满意度指标值的下限（%，如 85）：低于它的满意度目标给出提示。默认 null：不检查。",
          en: "Floor of a satisfaction target (%, e.g. 85): a lower target gets a warning. Default null: not checked.",
        },
      },
    },
  },
  check(ctx) {
    const floor = numberSetting(ctx, "satisfactionFloor");
    // A target below the floor is questionable, not impossible: a warning, where the rule's own are errors.
    const out: typeof ctx = {
      ...ctx,
      report: (r) =>
        ctx.report(
          r.messageId === "satisfaction-floor" || r.messageId === "full-rate"
            ? { ...r, severity: "warning" }
            : r,
        ),
    };
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        if (CHANGE_RATE.test(ind.name)) continue;
        const satisfactionFloor = floor !== null && isSatisfaction(ind) ? floor : null;
        reportOnce(out, ind, (v) => problems(ind, v, satisfactionFloor));
      }
    }
  },
});

function problems(ind: Indicator, v: IndicatorValue, floor: number | null): Problem[] {
  const text = normalizeText(v.raw);
  const prefix = v.parsed.kind === "quantity" || v.parsed.kind === "range" ? v.parsed.prefix : "";
  if (CHANGE_RATE.test(prefix)) return [];
  const percents = quantitiesOf(v.parsed).filter((q) => q.unit?.base === "%");
  if (percents.length === 0) return [];
  const args = { name: ind.name, value: text };
  const found: Problem[] = [];
  if (percents.some((q) => q.value.gt(100) || (q.op === ">" && q.value.gte(100)))) {
    found.push({ messageId: "above", args });
  }
  if (NEGATIVE_PERCENT.test(text) || percents.some((q) => q.op === "<" && q.value.lte(0))) {
    found.push({ messageId: "below", args });
  }
  // `≥100%` can only be met by exactly 100%: it says the same as 100% but reads as if more were possible.
  if (found.length === 0) {
    const full = /(≥|>=|＞＝|不低于|不少于)\s*100(?:\.0+)?\s*[%％]/.exec(v.raw);
    if (full && percents.some((q) => q.op === "≥" && q.value.eq(100))) {
      const op = full[1];
      const once = v.raw.indexOf(full[0], full.index + 1) < 0;
      const after = v.raw.slice(0, full.index) + "100%" + v.raw.slice(full.index + full[0].length);
      found.push({
        messageId: "full-rate",
        args: { ...args, op },
        fixes: once ? fixList(cellFix("suggestion", "fixFullRate", v.ref, v.raw, after, { op })) : [],
      });
    }
  }
  // A target whose highest percentage is under the floor (`≥80%` with a floor of 85) aims too low.
  if (floor !== null && found.length === 0 && percents.every((q) => q.value.lt(floor))) {
    found.push({ messageId: "satisfaction-floor", args: { ...args, floor } });
  }
  return found;
}
