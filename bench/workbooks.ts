/**
 * Benchmark workbooks: the example's department form plus N project forms cycled from its nine,
 * as snapshots (for the engine) and as real .xlsx files (for the reader and the command line).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { rangeToA1 } from "../src/engine/address";
import type { WorkbookSnapshot } from "../src/engine/snapshot";
import { isCellError } from "../src/engine/snapshot";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";

export const EXAMPLE = join(__dirname, "..", "examples", "nancheng-2026-per-sheet.xlsx");
export const BENCH_DIR = join(__dirname, "..", "test-artifacts", "bench");

export function scaleSnapshot(base: WorkbookSnapshot, n: number): WorkbookSnapshot {
  const [dept, ...projects] = base.sheets;
  const sheets = [dept];
  for (let i = 0; i < n; i++) sheets.push({ ...projects[i % projects.length], name: `项目${i + 1}` });
  return { name: `bench-${n}.xlsx`, sheets };
}

/** Writes (once) an .xlsx with the department form and n project forms; returns its path. */
export async function benchWorkbookFile(n: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `bench-${n}.xlsx`);
  if (existsSync(file)) return file;
  const snap = scaleSnapshot(await readXlsxFile(EXAMPLE), n);
  const wb = new ExcelJS.Workbook();
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        cell.value = isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v;
        const fmt = s.numberFormat?.[r]?.[c];
        if (fmt && fmt !== "General") cell.numFmt = fmt;
      }),
    );
    for (const m of s.merges) ws.mergeCells(rangeToA1(m));
  }
  await wb.xlsx.writeFile(file);
  return file;
}
