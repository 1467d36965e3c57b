/**
 * Checks one workbook file and returns its ReportFile. Never throws: a file that cannot be read
 * becomes an error entry naming the file. Used in-process (`--jobs 1`) and by the worker threads.
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../checker";
import { readXlsxFile, XlsxReadError } from "../hosts/xlsx/read-xlsx";
import type { CheckOptions, Lang } from "../rules/types";
import { failedFileReport, fileReport, type ReportFile } from "./report";

export async function checkFile(file: string, lang: Lang, options: CheckOptions = {}): Promise<ReportFile> {
  try {
    const snapshot = await readXlsxFile(file);
    const start = performance.now();
    const result = checkWorkbook(snapshot, options);
    return fileReport(file, result, lang, performance.now() - start);
  } catch (e) {
    if (e instanceof XlsxReadError) return failedFileReport(file, e.code, e.message);
    // Anything else is our bug: still name the file, never a bare stack trace.
    const reason = e instanceof Error ? e.message : String(e);
    return failedFileReport(file, "internal", `${file}: ${reason}`);
  }
}
