/**
 * Writes an annotated copy of a workbook: each flagged cell gets a red (error) or amber (warning)
 * fill and a note with the findings, and a report sheet lists them all. The input file is never
 * touched; this is a copy for hand-over.
 */
import { readFile } from "node:fs/promises";
import type { Severity } from "../../rules/types";
import type { ReportFile } from "../../cli/report";
import { loadXlsxPackage } from "./cell-values";

const FILL: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AnnotateLabels {
  severity: Record<Severity, string>;
  category: Record<string, string>;
  sheetName: string;
  header: string[];
}

export async function writeAnnotatedCopy(
  input: string,
  output: string,
  report: ReportFile,
  labels: AnnotateLabels,
): Promise<void> {
  // The hardened loader: whole-sheet validations and whole-column merges would make plain exceljs
  // hang. The copy keeps validations up to 100,000 cells; merges it could not apply (over 10,000
  // cells) are not in the copy.
  const { workbook: wb } = await loadXlsxPackage(await readFile(input), { validations: 100_000 });
  const byCell = new Map<string, ReportFile["diagnostics"]>();
  for (const d of report.diagnostics) {
    const key = `${d.sheet}\u0000${d.cell}`;
    const list = byCell.get(key) ?? [];
    list.push(d);
    byCell.set(key, list);
  }
  for (const [key, list] of byCell) {
    const [sheetName, address] = key.split("\u0000");
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = list.reduce((a, d) => (RANK[d.severity] < RANK[a] ? d.severity : a), "info" as Severity);
    // exceljs shares one style object between cells loaded with the same style: give this cell its own.
    cell.style = {
      ...structuredClone(cell.style),
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL[worst] } },
    };
    cell.note = list.map((d) => `[${labels.severity[d.severity]}] ${d.message} (${d.rule})`).join("\n");
  }
  let name = labels.sheetName;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${labels.sheetName}${i}`;
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 18 }, { width: 10 }, { width: 8 }, { width: 10 }, { width: 90 }, { width: 22 }];
  const header = ws.addRow(labels.header);
  header.font = { bold: true };
  for (const d of report.diagnostics) {
    const row = ws.addRow([
      d.sheet,
      d.cell,
      labels.severity[d.severity],
      labels.category[d.category] ?? d.category,
      d.message,
      d.rule,
    ]);
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
    // A link to the cell, so the report is a click away from the problem.
    row.getCell(2).value = { text: d.cell, hyperlink: `#'${d.sheet.replace(/'/g, "''")}'!${d.cell}` };
    row.getCell(3).style = {
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL[d.severity] } },
    };
  }
  await wb.xlsx.writeFile(output);
}
