/**
 * The report sheet, planned once (issue 13): the add-in's 检查记录 sheet (src/app/findings.ts,
 * written by the Office.js adapter) and the annotated copy's 检查结果 sheet (src/hosts/xlsx/annotate.ts,
 * written with exceljs) have the same columns, header words and rows, built here from rows of the
 * report model. Each host only lays the plan out (fills, links, print setup).
 */
import { type CellAddress, type Category, type Lang, type Severity } from "../core";
import { t } from "../messages";

/** One finding as the report sheet shows it. */
export interface ReportSheetRow {
  /** The form's name; empty for a workbook-level finding (then the sheet says 「（工作簿）」). */
  form: string | null;
  sheet: string;
  cell: string;
  /** The cell's label path in the form; empty when unknown. */
  path: readonly string[];
  severity: Severity;
  category: Category;
  message: string;
  /** The 说明 column: the clerk's explanation (add-in) or the rule's description (annotated copy). */
  explanation: string;
  rule: string;
}

export interface ReportSheetPlan {
  sheetName: string;
  /** Lines above the table (title, date, summary); the header row follows one blank row. */
  heading: string[];
  header: string[];
  /**
   * One row per finding: its cells (as text), its severity, the cell it names and the link to it as
   * a place in the workbook (`'Sheet'!B8`; an xlsx hyperlink is `#` + it), null when it names no cell.
   */
  rows: { cells: string[]; severity: Severity; at: CellAddress; link: string | null }[];
  /** Column widths in characters, fitted to the longest text within bounds. */
  widths: number[];
  /**
   * The columns a host styles: the severity (filled in its colour), the cell (a link to it), and where
   * the line saying there are no findings goes.
   */
  columns: { severity: number; cell: number; none: number };
  /** The one line shown under the header when there are no findings (the only row then). */
  none: string;
}

/** Column bounds (characters): 序号, 申报表, 工作表, 单元格, 指标路径, 级别, 类别, 问题, 说明, 规则. */
const MAX = [6, 24, 16, 8, 36, 8, 10, 60, 40, 18];
const MIN = [5, 10, 8, 7, 12, 6, 8, 20, 16, 10];

/** Display width of a text in Excel's character units (CJK counts double). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** `'Sheet'!B8`: a place in the workbook, the sheet always quoted (quotes in it doubled); null without a cell. */
export function cellLink(sheet: string, cell: string): string | null {
  if (!sheet || !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(cell)) return null;
  return `'${sheet.replace(/'/g, "''")}'!${cell.replace(/\$/g, "")}`;
}

export function reportSheetPlan(
  rows: readonly ReportSheetRow[],
  lang: Lang,
  sheet: { sheetName: string; heading: string[] },
): ReportSheetPlan {
  const header = t("report.reportHeader", lang).split("|");
  const sep = t("report.pathSep", lang);
  const planned = rows.map((r, i) => ({
    severity: r.severity,
    at: { sheet: r.sheet, cell: r.cell },
    link: cellLink(r.sheet, r.cell),
    cells: [
      String(i + 1),
      r.form === null ? t("report.reportWorkbook", lang) : r.form,
      r.sheet,
      r.cell,
      r.path.join(sep),
      t(`terms.severity.${r.severity}`, lang),
      t(`terms.category.${r.category}`, lang),
      r.message,
      r.explanation,
      r.rule,
    ],
  }));
  const widths = header.map((h, c) => {
    const longest = Math.max(textWidth(h), ...planned.map((r) => textWidth(r.cells[c] ?? "")));
    return Math.max(MIN[c] ?? 8, Math.min(MAX[c] ?? 40, longest + 2));
  });
  return {
    sheetName: sheet.sheetName,
    heading: sheet.heading,
    header,
    rows: planned,
    widths,
    columns: { severity: 5, cell: 3, none: 1 },
    none: t("terms.noFindings", lang),
  };
}
