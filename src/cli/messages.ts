/** The command line's own words, zh-CN first. Rule messages live with their rules. */
import type { Lang, Severity } from "../core";
import { MESSAGES } from "../messages";
import { REPORT_WORDS } from "../report/words";
import { renderMessage } from "../rules/format-message";

const M = {
  ...MESSAGES.cli,
  severity: MESSAGES.terms.severity,
  department: MESSAGES.terms.formKind.department,
  project: MESSAGES.terms.formKind.project,
  workbook: MESSAGES.terms.formKind.workbook,
  reportSheet: REPORT_WORDS.reportSheet,
  csvHeader: REPORT_WORDS.csvHeader,
  status: REPORT_WORDS.status,
  macroNote: REPORT_WORDS.macroNote,
  noFormNote: REPORT_WORDS.noFormNote,
  reportHeader: REPORT_WORDS.reportHeader,
  reportTitle: REPORT_WORDS.reportTitle,
  reportMeta: REPORT_WORDS.reportMeta,
  reportNone: REPORT_WORDS.reportNone,
  reportWorkbook: REPORT_WORDS.reportWorkbook,
  pathSep: REPORT_WORDS.pathSep,
  newSheetSep: MESSAGES.terms.listSeparator,
  category: MESSAGES.terms.category,
} as const;

type Leaf = { zh: string; en: string };

export function t(leaf: Leaf, lang: Lang, args: Record<string, string | number> = {}): string {
  return renderMessage(leaf, args, lang);
}

export function severityLabel(s: Severity, lang: Lang): string {
  return t(M.severity[s], lang);
}

export const CLI_MESSAGES = M;
