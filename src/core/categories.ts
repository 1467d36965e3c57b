/** The reviewer's categories in their display order, with their labels (zh + en), defined once. */
import type { Category, Message } from "./types";

export const CATEGORIES: readonly Category[] = [
  "required",
  "amounts",
  "indicators",
  "wording",
  "consistency",
  "template",
];

export const CATEGORY_LABEL: Readonly<Record<Category, Message>> = {
  required: { zh: "必填", en: "Required" },
  amounts: { zh: "金额勾稽", en: "Amounts" },
  indicators: { zh: "指标设置", en: "Indicators" },
  wording: { zh: "表述规范", en: "Wording" },
  consistency: { zh: "前后一致", en: "Consistency" },
  template: { zh: "表格结构", en: "Form layout" },
};

/** A record with one zero per category (counts). */
export function zeroPerCategory(): Record<Category, number> {
  return { required: 0, amounts: 0, indicators: 0, wording: 0, consistency: 0, template: 0 };
}
