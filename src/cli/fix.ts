/**
 * `--fix OUT.xlsx`: a fixed copy of the (single) input with every safe fix applied (issue 13), pass
 * after pass as ESLint's --fix does (src/app/fixes.ts fixAll). The input is re-read with the lean reader
 * (the snapshot the check saw), the fixes are computed on it, and only the fixed cells are written into
 * a copy loaded with exceljs (loaded only for this, lazily in the built CLI) through safe-write: never
 * the input, never over an existing file without --force, through a temporary file. A cell whose value
 * in the file is not the one the fix was made from is left as it is (and the copy not written).
 */
import { readFile } from "node:fs/promises";
import { fixAll, type FixedCell } from "../app/fixes";
import { sameValue } from "../engine/edits";
import { loadXlsxPackage, plainValue } from "../hosts/xlsx/cell-values";
import { readXlsxFile } from "../hosts/xlsx/read-xlsx";
import type { CheckOptions } from "../rules/types";
import { writeAtomic } from "./safe-write";

/**
 * Where a long cell starts to differ, for a one-line listing (`"如下：</p> <p>目标1…"` →
 * `"如下： 目标1：深化…"`): a little context before the first change, a few characters after; short
 * values whole. The JSON report has the whole values.
 */
export function changedPart(before: string | number | null, after: string | number | null): [string, string] {
  const a = String(before ?? "");
  const b = String(after ?? "");
  if (a.length <= 40 && b.length <= 40) return [a, b];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const from = Math.max(0, p - 8);
  const cut = (t: string) =>
    (from > 0 ? "…" : "") + t.slice(from, from + 24) + (from + 24 < t.length ? "…" : "");
  return [cut(a), cut(b)];
}

/** What `--fix` did, for the JSON report (`fixed` of the file) and the text lines. */
export interface FixSummary {
  out: string;
  /** Fixes applied over all passes. */
  fixes: number;
  passes: number;
  cells: FixedCell[];
}

/** The safe fixes of one file, computed on the snapshot the check reads. */
export async function planFix(file: string, options: CheckOptions, out: string): Promise<FixSummary> {
  const snapshot = await readXlsxFile(file);
  const result = fixAll(snapshot, options, ["safe"]);
  return { out, fixes: result.fixCount, passes: result.passes, cells: result.cells };
}

export class FixMismatchError extends Error {
  constructor(readonly cell: FixedCell) {
    super(`${cell.sheet}!${cell.cell}`);
    this.name = "FixMismatchError";
  }
}

/** The input's bytes with the fixed cells' values replaced; every other part of the workbook as exceljs keeps it. */
export async function buildFixedCopy(input: Uint8Array, cells: readonly FixedCell[]): Promise<Uint8Array> {
  const { workbook } = await loadXlsxPackage(input, { validations: 100_000 });
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  for (const c of cells) {
    const ws = workbook.getWorksheet(c.sheet);
    if (!ws) throw new FixMismatchError(c);
    const cell = ws.getCell(c.cell);
    const current = plainValue(cell.value, date1904);
    if (typeof current === "object" && current !== null) throw new FixMismatchError(c);
    if (!sameValue(current as string | number | null, c.before)) throw new FixMismatchError(c);
    cell.value = c.after === "" ? null : c.after;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes the fixed copy (safe-write: temporary file, then moved in place; `force` to replace). */
export async function writeFixedCopy(file: string, summary: FixSummary, force: boolean): Promise<void> {
  const input = new Uint8Array(await readFile(file));
  await writeAtomic(summary.out, () => buildFixedCopy(input, summary.cells), { force });
}
