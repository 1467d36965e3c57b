/**
 * The add-in's Excel host over the in-memory Excel, on a workbook read from an .xlsx file: what the
 * host, app and report tests check through (the emulator plays Office.js; see src/emulator/excel).
 */
import { readFileSync } from "node:fs";
import type { Lang } from "../../src/core";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../../src/emulator/excel";
import { createExcelHost } from "../../src/hosts/excel/excel-host";

export const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

export async function memoryHost(
  file: string = EXAMPLE,
  options: Parameters<typeof createMemoryExcel>[1] = {},
  lang: Lang = "zh",
) {
  const wb = await memoryWorkbookFromXlsx(readFileSync(file), file);
  const excel = createMemoryExcel(wb, options);
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    lang,
    kind: "memory",
  });
  return { wb, excel, host };
}
