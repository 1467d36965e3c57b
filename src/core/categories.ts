/** The reviewer's categories in their display order, with their labels (zh + en), defined once. */
import type { Category } from "./types";
import { MESSAGES } from "../messages";

export const CATEGORIES: readonly Category[] = [
  "required",
  "amounts",
  "indicators",
  "wording",
  "consistency",
  "template",
];

export const CATEGORY_LABEL = MESSAGES.terms.category;

/** A record with one zero per category (counts). */
export function zeroPerCategory(): Record<Category, number> {
  return { required: 0, amounts: 0, indicators: 0, wording: 0, consistency: 0, template: 0 };
}
