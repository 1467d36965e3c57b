/**
 * Benchmark workbooks: the example's department form plus N project forms, as snapshots (for the
 * engine) and as real .xlsx files (for the reader and the command line). Two kinds:
 *  - "repeated": the project forms cycled from the example's nine, as they are;
 *  - "distinct": every project with its own name, goals and figures (budget, targets and amounts
 *    varied with the form's number), so nothing a cache keys on repeats.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { rangeToA1 } from "../src/engine/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../src/engine/snapshot";
import { isCellError } from "../src/engine/snapshot";
import { readXlsxBuffer } from "../src/hosts/xlsx/read-xlsx";

export const EXAMPLE = join(__dirname, "..", "examples", "nancheng-2026-per-sheet.xlsx");
export const BENCH_DIR = join(__dirname, "..", "test-artifacts", "bench");

export type BenchKind = "repeated" | "distinct";

/** Numbers in a text varied by form: `≥40人` in form 7 becomes `≥47人`. */
function varyText(s: string, i: number): string {
  return s.replace(/\d+(?:\.\d+)?/g, (m) => {
    if (/^20\d\d$/.test(m)) return m; // years stay
    const n = Number(m);
    return Number.isInteger(n) ? String(n + i) : (n + i / 100).toFixed(m.split(".")[1].length);
  });
}

function distinctSheet(s: SheetSnapshot, i: number): SheetSnapshot {
  const tag = `（第${i}号）`;
  const values = s.values.map((row) =>
    row.map((v: CellValue, c): CellValue => {
      if (typeof v === "number") return Math.round(v * (1 + i / 97) * 100) / 100;
      if (typeof v !== "string") return v;
      // Labels (column A / short texts) stay so the forms are still found; values change.
      if (c === 0 || v.length <= 6) return v;
      return varyText(v, i) + (v.length > 12 ? tag : "");
    }),
  );
  return { ...s, values, text: undefined };
}

export function scaleSnapshot(
  base: WorkbookSnapshot,
  n: number,
  kind: BenchKind = "repeated",
): WorkbookSnapshot {
  const [dept, ...projects] = base.sheets;
  const sheets = [dept];
  for (let i = 0; i < n; i++) {
    const p = projects[i % projects.length];
    sheets.push({ ...(kind === "distinct" ? distinctSheet(p, i + 1) : p), name: `项目${i + 1}` });
  }
  return { name: `bench-${kind === "distinct" ? "distinct-" : ""}${n}.xlsx`, sheets };
}

/** An .xlsx (bytes) with the department form and n project forms. */
export async function benchWorkbookBuffer(n: number, kind: BenchKind = "repeated"): Promise<Buffer> {
  const snap = scaleSnapshot(await readXlsxBuffer(readFileSync(EXAMPLE), "example.xlsx"), n, kind);
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes (once) the bench workbook of n project forms; returns its path. */
export async function benchWorkbookFile(n: number, kind: BenchKind = "repeated"): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const file = join(BENCH_DIR, `bench-${kind === "distinct" ? "distinct-" : ""}${n}.xlsx`);
  if (existsSync(file)) return file;
  writeFileSync(file, await benchWorkbookBuffer(n, kind));
  return file;
}
