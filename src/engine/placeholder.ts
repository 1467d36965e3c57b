/**
 * Placeholders: text that fills a cell without saying anything, a number left to fill, a row that
 * only marks an unused slot. Shared by the rules (indicator-value, required-indicators, unquantified)
 * and the insertion plans (src/template/plans.ts), so templates import no rule.
 */
import type { Indicator, IndicatorValue } from "./model";
import { normalizeText } from "./text";

/**
 * Text that fills a cell without saying anything: `-`, `_`, `*`, `/`, `——`, `无`. The 一体化
 * systems reject these as 指标值 ("…不符合规范，请重新填写"), so they count as blank.
 */
const PLACEHOLDER = /^(?:[-_*/\\—–―─－＿＊／~～…·.。\s]+|无)$/;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(normalizeText(text));
}

/**
 * A number left to fill: `≥__人`, `(≥**%)`, `＿＿台` — the blanks of a template or of the 指标库, kept
 * as written until the number is typed in.
 */
export const UNFILLED = /_{2,}|\*{2,}|＿{2,}|＊{2,}/;

export function hasUnfilledNumber(text: string): boolean {
  return UNFILLED.test(normalizeText(text));
}

export function valueMissing(v: IndicatorValue): boolean {
  return v.parsed.kind === "blank" || isPlaceholder(v.raw);
}

export function nameMissing(ind: Indicator): boolean {
  return ind.name === "" || isPlaceholder(ind.name);
}

/**
 * A row that only marks an unused slot (`无 | 无 | 无`, `- | - | -`): no indicator at all. Here it
 * is silent; required-indicators counts the slot as empty where one is required.
 */
export function isPlaceholderRow(ind: Indicator): boolean {
  return nameMissing(ind) && valueMissing(ind.period) && valueMissing(ind.annual);
}
