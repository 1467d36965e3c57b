/** The add-in's own words (task pane, ribbon command, report sheet), zh-CN first. */
import type { Lang } from "../core";
import { MESSAGES } from "../messages";
import { renderMessage } from "../rules/format-message";

export interface Text {
  zh: string;
  en: string;
}

export const UI = {
  ...MESSAGES.app,
  workbookLevel: MESSAGES.terms.formKind.workbook,
  department: MESSAGES.terms.formKind.department,
  project: MESSAGES.terms.formKind.project,
  severity: MESSAGES.terms.severity,
  category: MESSAGES.terms.category,
} as const;

export function ui(text: Text, lang: Lang, args: Record<string, string | number> = {}): string {
  return renderMessage(text, args, lang);
}
