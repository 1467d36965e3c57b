/**
 * Writes an annotated copy of a workbook: each flagged cell gets a red (error) or amber (warning)
 * fill and a note with the findings, and a 检查结果 sheet lists them all, ready to print and file:
 * a title with the file name, the check time (local) and the counts; one row per finding with the
 * form (project name), the field's label path, the cell as a link, severity, message and
 * explanation; frozen header, filters, widths that fit, A4 landscape fitted to the page width with
 * the header row repeated on every page.
 *
 * The input file is never touched: the copy is built in memory and written by the caller's safe
 * writer (src/cli/safe-write.ts: never an input, never over an existing file without --force,
 * through a temporary file).
 */
import { SEVERITY_COLOURS, argb, worse, type Severity } from "../../core";
import type { ReportFile } from "../../report/report";
import { loadXlsxPackage } from "./cell-values";

/** The severity colours as exceljs ARGB. */
const FILL = Object.fromEntries(
  Object.entries(SEVERITY_COLOURS).map(([s, c]) => [s, argb(c.fill)]),
) as Record<Severity, string>;

export interface AnnotateLabels {
  severity: Record<Severity, string>;
  sheetName: string;
  /** Column headers: No., form, sheet, cell, label path, severity, message, explanation, rule. */
  header: string[];
  /** The title line (file name already in). */
  title: string;
  /** The line under it: time and counts. */
  meta: string;
  /** Shown in the form column for workbook-level findings. */
  workbook: string;
  /** A row shown when there are no findings. */
  none: string;
  pathSep: string;
  /** The explanation of a rule (its description), by rule id. */
  explain: (rule: string) => string;
}

/** Display width of a text in Excel's character units (CJK counts double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/**
 * Builds the annotated copy of a workbook (its .xlsx bytes) and returns it as .xlsx bytes. No file
 * system here: the command line reads the input, the web checker passes the opened file.
 */
export async function buildAnnotatedCopy(
  input: ArrayBuffer | Uint8Array,
  report: ReportFile,
  labels: AnnotateLabels,
): Promise<Uint8Array> {
  // The hardened loader: whole-sheet validations and whole-column merges would make plain exceljs
  // hang. The copy keeps validations up to 100,000 cells; merges it could not apply (over 10,000
  // cells) are not in the copy.
  const { workbook: wb } = await loadXlsxPackage(input, { validations: 100_000 });
  const byCell = new Map<string, ReportFile["diagnostics"]>();
  for (const d of report.diagnostics) {
    for (const at of [{ sheet: d.sheet, cell: d.cell }, ...(d.sameFault ?? [])]) {
      const key = `${at.sheet}\u0000${at.cell}`;
      const list = byCell.get(key) ?? [];
      list.push(d);
      byCell.set(key, list);
    }
  }
  for (const [key, list] of byCell) {
    const [sheetName, address] = key.split("\u0000");
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = list.reduce((a, d) => worse(d.severity, a), "info" as Severity);
    // exceljs shares one style object between cells loaded with the same style: give this cell its own.
    cell.style = {
      ...structuredClone(cell.style),
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL[worst] } },
    };
    cell.note = list.map((d) => `[${labels.severity[d.severity]}] ${d.message} (${d.rule})`).join("\n");
  }

  let name = labels.sheetName;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${labels.sheetName}${i}`;
  const HEADER_ROW = 4;
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 0, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C&P / &N" },
  });
  const cols = labels.header.length;
  ws.getCell(1, 1).value = labels.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = labels.meta;
  ws.getCell(2, 1).font = { size: 10, color: { argb: "FF555555" } };
  ws.mergeCells(1, 1, 1, cols);
  ws.mergeCells(2, 1, 2, cols);
  const header = ws.getRow(HEADER_ROW);
  header.values = labels.header;
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  for (let c = 1; c <= cols; c++) {
    header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    header.getCell(c).border = { bottom: { style: "thin" } };
  }

  const rows: string[][] = [];
  report.diagnostics.forEach((d, i) => {
    const form =
      d.form === null ? labels.workbook : report.forms[d.form]?.name || report.forms[d.form]?.sheet || "";
    const values = [
      String(i + 1),
      form,
      d.sheet,
      d.cell,
      d.path.join(labels.pathSep),
      labels.severity[d.severity],
      d.message,
      labels.explain(d.rule),
      d.rule,
    ];
    rows.push(values);
    const row = ws.addRow(values.map((v, k) => (k === 0 ? i + 1 : v)));
    row.alignment = { wrapText: true, vertical: "top" };
    // A link to the cell, so the report is a click away from the problem.
    row.getCell(4).value = { text: d.cell, hyperlink: `#'${d.sheet.replace(/'/g, "''")}'!${d.cell}` };
    row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
    row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[d.severity] } };
  });
  if (report.diagnostics.length === 0) ws.addRow(["", labels.none]);
  else {
    ws.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + report.diagnostics.length, column: cols },
    };
  }

  // Widths that fit: the longest text of the column, within bounds; long texts wrap.
  const MAX = [6, 24, 16, 8, 36, 8, 60, 40, 18];
  const MIN = [5, 10, 8, 7, 12, 6, 20, 16, 10];
  for (let c = 0; c < cols; c++) {
    const longest = Math.max(textWidth(labels.header[c] ?? ""), ...rows.map((r) => textWidth(r[c] ?? "")));
    ws.getColumn(c + 1).width = Math.max(MIN[c] ?? 8, Math.min(MAX[c] ?? 40, longest + 2));
  }
  // Row heights for the wrapped lines (Excel and LibreOffice do not grow a row written without one).
  rows.forEach((values, i) => {
    let lines = 1;
    values.forEach((v, c) => {
      const w = (ws.getColumn(c + 1).width ?? 10) - 1;
      lines = Math.max(lines, Math.ceil(textWidth(v) / Math.max(1, w)));
    });
    ws.getRow(HEADER_ROW + 1 + i).height = Math.min(409, 15 * lines + 2);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
