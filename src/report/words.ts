/**
 * The report's own words, zh-CN first, defined once: the severities, a file's status, the CSV summary
 * and the report sheet (its columns, title lines, the workbook-level form, the label-path separator).
 * The command line (src/cli/messages.ts refers to these), the web checker, the 检查记录 sheet of the
 * add-in and the annotated copy's 检查结果 sheet all use them, so hosts import no CLI code.
 */
import { renderMessage } from "../rules/format-message";
import type { Lang } from "../core";
import { MESSAGES } from "../messages";

export const REPORT_WORDS = { ...MESSAGES.report, severity: MESSAGES.terms.severity } as const;

/** Renders one of the report's words. */
export function rw(
  leaf: { zh: string; en: string },
  lang: Lang,
  args: Record<string, string | number> = {},
): string {
  return renderMessage(leaf, args, lang);
}
