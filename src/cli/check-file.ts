/**
 * Checks one workbook file and returns its ReportFile. Never throws: a file that is not checked
 * (a legacy .xls/.et, a .csv, …) or cannot be read becomes an entry naming the file and the reason,
 * in the chosen language only. Used in-process (`--jobs 1`) and by the worker threads.
 */
import { extname } from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../checker";
import { readXlsxFile, XlsxReadError } from "../hosts/xlsx/read-xlsx";
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { createLocator } from "../report/label-path";
import { failedFileReport, fileReport, type ReportFile } from "../report/report";
import { render, t, MESSAGES } from "../messages";

/** Extensions reported as not checked without being opened, with the reason code. */
const NOT_READ: Record<string, keyof typeof MESSAGES.cli.fileError> = {
  ".xls": "legacy-xls",
  ".et": "legacy-format",
  ".ett": "legacy-format",
  ".xlt": "legacy-format",
  ".csv": "csv",
  ".xlsb": "unsupported-format",
  ".ods": "unsupported-format",
};

export async function checkFile(file: string, lang: Lang, options: CheckOptions = {}): Promise<ReportFile> {
  const ext = extname(file).toLowerCase();
  const skip = NOT_READ[ext];
  if (skip) return failedFileReport(file, skip, t(`cli.fileError.${skip}`, lang, { file, ext }));
  try {
    const snapshot = await readXlsxFile(file);
    const start = performance.now();
    const result = checkWorkbook(snapshot, options);
    const engineMs = performance.now() - start;
    const notes = ext === ".xlsm" ? ["macro"] : [];
    return fileReport(file, result, lang, engineMs, createLocator(snapshot, result), notes);
  } catch (e) {
    if (e instanceof XlsxReadError) {
      // The reader's own message (it says more: "0 bytes", the part and the parser's reason).
      return failedFileReport(file, e.code, render(e, lang));
    }
    // Anything else is our bug: still name the file, never a bare stack trace.
    const reason = e instanceof Error ? e.message : String(e);
    return failedFileReport(file, "internal", t("cli.fileError.internal", lang, { file, reason }));
  }
}
