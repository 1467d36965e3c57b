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
import { textWidth, type ReportSheetPlan } from "../../report/sheet";
import { loadXlsxPackage } from "./cell-values";

/** The severity colours as exceljs ARGB. */
const FILL = Object.fromEntries(
  Object.entries(SEVERITY_COLOURS).map(([s, c]) => [s, argb(c.fill)]),
) as Record<Severity, string>;

export interface AnnotateLabels {
  /** The severities' words, for the cells' notes. */
  severity: Record<Severity, string>;
  /** The 检查结果 sheet, planned like the add-in's 检查记录 (src/report/sheet.ts). */
  sheet: ReportSheetPlan;
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

  const plan = labels.sheet;
  let name = plan.sheetName;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${plan.sheetName}${i}`;
  const HEADER_ROW = plan.heading.length + 2;
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
  const cols = plan.header.length;
  plan.heading.forEach((line, i) => {
    ws.getCell(i + 1, 1).value = line;
    ws.getCell(i + 1, 1).font =
      i === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: "FF555555" } };
    ws.mergeCells(i + 1, 1, i + 1, cols);
  });
  const header = ws.getRow(HEADER_ROW);
  header.values = plan.header;
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  for (let c = 1; c <= cols; c++) {
    header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    header.getCell(c).border = { bottom: { style: "thin" } };
  }

  const link = plan.columns.cell + 1;
  const mark = plan.columns.severity + 1;
  plan.rows.forEach((r, i) => {
    const row = ws.addRow(r.cells.map((v, k) => (k === 0 ? i + 1 : v)));
    row.alignment = { wrapText: true, vertical: "top" };
    // A link to the cell, so the report is a click away from the problem.
    if (r.link) {
      row.getCell(link).value = { text: r.at.cell, hyperlink: `#${r.link}` };
      row.getCell(link).font = { color: { argb: "FF0563C1" }, underline: true };
    }
    row.getCell(mark).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[r.severity] } };
  });
  if (plan.rows.length === 0) {
    const none = ws.getRow(HEADER_ROW + 1);
    none.getCell(plan.columns.none + 1).value = plan.none;
    none.getCell(plan.columns.none + 1).font = { italic: true, color: { argb: "FF555555" } };
    ws.mergeCells(HEADER_ROW + 1, plan.columns.none + 1, HEADER_ROW + 1, cols);
  } else {
    ws.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + plan.rows.length, column: cols },
    };
  }

  // Widths that fit (planned); long texts wrap.
  plan.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  // Row heights for the wrapped lines (Excel and LibreOffice do not grow a row written without one).
  plan.rows.forEach((r, i) => {
    let lines = 1;
    r.cells.forEach((v, c) => {
      const w = (plan.widths[c] ?? 10) - 1;
      lines = Math.max(lines, Math.ceil(textWidth(v) / Math.max(1, w)));
    });
    ws.getRow(HEADER_ROW + 1 + i).height = Math.min(409, 15 * lines + 2);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
