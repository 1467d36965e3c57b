import { reportOnce } from "./util";
import type { Indicator, IndicatorValue } from "../engine/model";
import { parseIndicatorValue, type Quantity } from "../engine/value-grammar";
import { normalizeText } from "../engine/text";
import { cellFix, fixList } from "./fixes";
import { defineRule, type Fix, type MessageArgs } from "./types";

/** Names of a rate, share or satisfaction: their unit is %. (频率, 速率 and 功率 are not shares.) */
const RATE_NAME = /(?:^|[^频速功])率|满意度|比例|占比|百分比/;
/** Quantities that are unitless by nature. */
const UNITLESS_NAME = /指数|系数|PUE|比值|倍数/i;

type MessageId = "magnitude" | "percent" | "missing" | "fixUnit";
type Problem = { messageId: MessageId; args: MessageArgs; fixes?: Fix[] };

/** Measure words a count's name ends in (`培训人数` → 人, `发放户数` → 户, `检查次数` → 次). */
const COUNTED =
  /(人次|场次|人|户|次|台|套|个|项|件|场|篇|所|家|辆|期|批|份|座|张|本|册|棵|株|亩|间|条|名|处|天|日)数(?:量)?$/;
/** Names of money (`派遣人员经费`, `补助标准`, `采购金额`): the unit is 元. */
const MONEY_NAME = /(经费|费用|费|金额|资金|成本|补助|补贴|预算|投入|支出|标准|价格|单价)$/;

/**
 * The unit the indicator's name says (a suggestion: the clerk confirms it): % for a rate, the measure
 * word of a count, 元 for money (元/人 for a per-head figure, after a 万 written alone). Null when the
 * name does not say.
 */
export function unitFromName(name: string, messageId: "magnitude" | "percent" | "missing"): string | null {
  if (messageId === "percent") return "%";
  const bare = name.replace(/\([^()]*\)$/, "");
  if (MONEY_NAME.test(bare)) return /^人均/.test(bare) ? "元/人" : "元";
  if (messageId === "magnitude") return null;
  const m = COUNTED.exec(bare);
  return m ? m[1] : null;
}

/**
 * A number without a unit cannot be checked or compared: `≥9.5万` (万 of what? 元/人/年 was meant, seed
 * line 24), `≥95` for a 满意度 (95% or 95分?), a bare `100`. The budget systems require a 计量单位 for
 * every quantitative indicator. Only quantities and ranges are checked: deadlines and qualitative values
 * have no unit to miss, and compound values (`1:1`) are too varied to judge. A unit written in the name
 * (`运维数量（项）`, `及时率(%)`) counts, and so does a word after the number that the grammar's closed
 * unit table lacks (`5倍`, `300棵`): the user did write a unit.
 */
export default defineRule({
  meta: {
    id: "unit-missing",
    category: "indicators",
    severity: "warning",
    description: {
      zh: "定量指标值应写明计量单位（%、人、台、元、天……）。",
      en: "A quantitative indicator value must state its unit (%, 人, 台, 元, 天 ...).",
    },
    messages: {
      magnitude: {
        zh: "「{name}」的指标值「{value}」只有数量级「{magnitude}」，缺少计量单位（如 {magnitude}元、{magnitude}人次）。",
        en: "The value '{value}' of {name} gives only the magnitude {magnitude} and no unit (e.g. {magnitude}元, {magnitude}人次).",
      },
      percent: {
        zh: "「{name}」是比率或满意度，指标值「{value}」缺少单位「%」。",
        en: "{name} is a rate or satisfaction; the value '{value}' lacks the unit %.",
      },
      fixUnit: {
        zh: "补上单位「{unit}」（取自指标名称）",
        en: "Add the unit '{unit}' (from the indicator's name)",
      },
      missing: {
        zh: "「{name}」的指标值「{value}」缺少计量单位（如 人、台、项、天、元）。",
        en: "The value '{value}' of {name} has no unit (e.g. 人, 台, 项, 天, 元).",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        if (UNITLESS_NAME.test(ind.name) || nameCarriesUnit(ind.name)) continue;
        if (ind.annual.unitRef) {
          // The template has its own unit column: the finding belongs on that cell.
          const found = problems(ind, ind.annual);
          for (const x of found)
            ctx.report({
              messageId: x.messageId,
              ref: ind.annual.unitRef,
              related: [ind.annual.ref],
              args: x.args,
            });
          continue;
        }
        reportOnce(ctx, ind, (v) => problems(ind, v));
      }
    }
  },
});

/** `网络系统运维数量（项）`, `故障设备维修及时率(%)`, `发放及时率.%`: the name states the unit. */
function nameCarriesUnit(name: string): boolean {
  if (name.endsWith("%")) return true;
  const m = /\(([^()]{1,8})\)$/.exec(name);
  return m !== null && isUnit(m[1]);
}

/** Whether a text is a unit the value grammar knows (`项`, `万元`, `元/人/月`). */
function isUnit(text: string): boolean {
  const v = parseIndicatorValue(`1${text}`);
  return v.kind === "quantity" && v.quantity.unit !== null && v.suffix === "";
}

/** `2023.07-2024.01`, `202001-202012`: a period of months, not a quantity. */
const MONTH_PERIOD = /^\d{4}[./-]?\d{2}\s*[-~至—]\s*\d{4}[./-]?\d{2}$/;

function problems(ind: Indicator, v: IndicatorValue): Problem[] {
  const p = v.parsed;
  if (MONTH_PERIOD.test(normalizeText(v.raw))) return [];
  let qs: Quantity[];
  let suffix: string;
  if (p.kind === "quantity") {
    qs = [p.quantity];
    suffix = p.suffix;
  } else if (p.kind === "range") {
    qs = [p.low, p.high];
    suffix = p.suffix;
  } else {
    return [];
  }
  if (qs.some((q) => q.unit !== null)) return [];
  if (writtenUnit(suffix)) return [];
  const value = normalizeText(v.raw);
  const magnitude = qs.find((q) => q.magnitude !== null)?.magnitude;
  const messageId: Exclude<MessageId, "fixUnit"> = magnitude
    ? "magnitude"
    : RATE_NAME.test(ind.name)
      ? "percent"
      : "missing";
  const args: MessageArgs = magnitude ? { name: ind.name, value, magnitude } : { name: ind.name, value };
  // The unit the name says, written right after the figure: a suggestion. Only where the value ends in
  // its figure (nothing after it) and the cell holds the value as read (no split operator/unit columns).
  const unit = suffix === "" && !v.unitRef ? unitFromName(ind.name, messageId) : null;
  const body = v.raw.replace(/[\s\u3000\u00a0]+$/, "");
  const fixes =
    unit && /[\d万千亿]$/.test(body)
      ? fixList(
          cellFix("suggestion", "fixUnit", v.ref, v.raw, body + unit + v.raw.slice(body.length), { unit }),
        )
      : [];
  return [{ messageId, args, fixes }];
}

/** Text right after the number that is a unit: a word (`倍`, `棵树`) or a bracketed unit (`(个)`). */
function writtenUnit(suffix: string): boolean {
  if (suffix === "") return false;
  const bracket = /^\(([^()]{1,8})\)/.exec(suffix);
  if (bracket) return isUnit(bracket[1]);
  return /^[\p{L}]/u.test(suffix);
}
