/**
 * CSV summary for a batch: one row per file — file, status, forms, errors, warnings, infos, first
 * error (or the reason it was not checked), notes. Written by csv-stringify (RFC 4180: CRLF, fields
 * with a comma, quote or line break quoted), UTF-8 with a byte-order mark so that Excel opens
 * Chinese text correctly. Header, status words and notes follow --lang.
 *
 * Formula escaping is csv-stringify's `escape_formulas`: a text cell starting with = + - @, a tab
 * or a carriage return — and the full-width ＝ ＋ － ＠ a Chinese input method types — is prefixed
 * with an apostrophe, so Excel never runs a file name or a quoted cell as a formula.
 */
import { stringify } from "csv-stringify/sync";
import type { Lang } from "../core";
import { fileCounts, type Report } from "./report";
import { t } from "../messages";

export const CSV_BOM = "\uFEFF";

/** Rows as CSV text (no BOM), with the project's CSV conventions. */
export function csvRows(rows: (string | number)[][]): string {
  // quoted_match: a field with a lone line feed is quoted too (the record delimiter is CRLF).
  return stringify(rows, {
    record_delimiter: "windows",
    escape_formulas: true,
    quoted_match: /[\r\n]/,
    cast: { number: String },
  });
}

export function formatCsv(report: Report, lang: Lang): string {
  const rows: (string | number)[][] = [t("report.csvHeader", lang).split("|")];
  for (const file of report.files) {
    const c = fileCounts(file);
    let first = "";
    if (file.error) first = file.error.message;
    else if (file.status === "no-form") first = t("report.noFormNote", lang);
    else {
      const e = file.diagnostics.find((d) => d.severity === "error");
      if (e) first = `${e.sheet}!${e.cell} ${e.message}`;
    }
    const notes = (file.notes ?? []).map((n) => (n === "macro" ? t("report.macroNote", lang) : n)).join(" ");
    rows.push([
      file.file,
      t(`report.status.${file.status}`, lang),
      file.forms.length,
      c.errors,
      c.warnings,
      c.infos,
      first,
      notes,
    ]);
  }
  return CSV_BOM + csvRows(rows);
}
