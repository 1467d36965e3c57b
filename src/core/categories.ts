/** The reviewer's categories in their display order (their labels: terms.category in src/messages/terms.ts). */
import type { Category } from "./types";

export const CATEGORIES: readonly Category[] = [
  "required",
  "amounts",
  "indicators",
  "wording",
  "consistency",
  "template",
];

/** A record with one zero per category (counts). */
export function zeroPerCategory(): Record<Category, number> {
  return { required: 0, amounts: 0, indicators: 0, wording: 0, consistency: 0, template: 0 };
}
