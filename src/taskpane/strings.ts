import { MESSAGES } from "../messages";
/**
 * Task-pane words that src/app/messages.ts does not have, in the same {zh, en} shape (zh first).
 * Format them with `ui()` from src/app/messages.ts.
 */
export const PANE = MESSAGES.pane;

/** Sum units as data: the word each language uses (the rules give 元 / 万元). */
export const UNIT_WORDS: Record<string, { zh: string; en: string }> = MESSAGES.terms.unit;

export function unitWord(unit: string, lang: "zh" | "en"): string {
  const w = UNIT_WORDS[unit];
  return w ? w[lang] : unit;
}

/** The 插入 tab: template rows, the standard structure and new project sheets. */
export const INSERT = { ...MESSAGES.insert, listSeparator: MESSAGES.terms.listSeparator } as const;

/** One-click fixes (issue 13): the 修正 button and preview of a finding, 全部安全修正 in the toolbar. */
export const FIXES = MESSAGES.fixes;
