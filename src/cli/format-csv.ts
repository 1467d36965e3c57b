/**
 * CSV summary for a batch: one row per file — file, forms, errors, warnings, infos, status, first
 * error. RFC 4180 (comma-separated, CRLF line ends, fields with a comma, quote or line break quoted
 * and their quotes doubled), UTF-8 with a byte-order mark so that Excel opens Chinese text correctly.
 * The header row and the status words follow --lang.
 *
 * A text cell starting with = + - @ (or a tab / carriage return) would be read by Excel as a
 * formula ("CSV injection": file names and messages quote the submitted workbooks), so it is
 * prefixed with an apostrophe.
 */
import type { Lang } from "../rules/types";
import { CLI_MESSAGES as M, t } from "./messages";
import type { Report, ReportFile } from "./report";

export const CSV_BOM = "\uFEFF";

export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: (string | number)[]): string {
  return fields.map(csvField).join(",") + "\r\n";
}

function counts(file: ReportFile): { errors: number; warnings: number; infos: number } {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const d of file.diagnostics) {
    if (d.severity === "error") c.errors++;
    else if (d.severity === "warning") c.warnings++;
    else c.infos++;
  }
  return c;
}

export function formatCsv(report: Report, lang: Lang): string {
  let out = CSV_BOM + csvRow(t(M.csvHeader, lang).split("|"));
  for (const file of report.files) {
    const c = counts(file);
    let status: string;
    let first = "";
    if (file.error) {
      status = t(M.csvStatus.failed, lang);
      first = file.error.message;
    } else {
      const e = file.diagnostics.find((d) => d.severity === "error");
      status = t(e ? M.csvStatus.errors : M.csvStatus.ok, lang);
      if (e) first = `${e.sheet}!${e.cell} ${e.message}`;
    }
    out += csvRow([file.file, file.forms.length, c.errors, c.warnings, c.infos, status, first]);
  }
  return out;
}
