/**
 * The exceljs-based .xlsx reader the project used before the lean one (read-package.ts): kept as
 * the reference the differential test holds the lean reader against (test/hosts/lean-differential.test.ts).
 * Nothing on the checking path imports it, so the command line and its workers never load exceljs
 * to check a file.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../engine/snapshot";
import {
  displayText,
  loadXlsxPackage,
  plainValue,
  type LoadedWorkbook,
  type SheetExtras,
} from "../cell-values";
import {
  checkSignature,
  looksLikeXlsxPackage,
  noWorksheetsError,
  notXlsxError,
  unreadableError,
} from "./errors";

/** Reads a workbook held in memory with exceljs; same contract as readXlsxBuffer. */
export async function readWithExceljs(
  data: Uint8Array,
  file: string,
  name: string,
): Promise<WorkbookSnapshot> {
  checkSignature(data, file);
  let loaded: LoadedWorkbook;
  try {
    // The reader needs no data validations: skipping them spares exceljs listing a whole-column
    // validation cell by cell.
    loaded = await loadXlsxPackage(data, { validations: "drop" });
  } catch (e) {
    if (!looksLikeXlsxPackage(data)) {
      throw notXlsxError(file, e);
    }
    throw unreadableError(file, e instanceof Error ? e.message : "", e);
  }
  const wb = loaded.workbook;
  if (wb.worksheets.length === 0) {
    if (!looksLikeXlsxPackage(data)) {
      throw notXlsxError(file);
    }
    // exceljs loads worksheets only: a workbook of chart sheets, or with none, has nothing to check.
    throw noWorksheetsError(file);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.worksheets) {
    // exceljs loads worksheets only; chart sheets never reach this list.
    sheets.push(readSheet(ws, loaded.extras(ws), date1904));
  }
  return { name, sheets };
}

// ---------------------------------------------------------------------------------------------
// Cells

interface ReadCell {
  value: CellValue;
  text: string;
  numberFormat: string;
  formula: string | null;
}

/**
 * Above this many cells (rows × columns of the used area) rows that hold nothing are left out of the
 * snapshot (holes in its arrays) and each row stops at its last cell: a stray value at A1048576 must
 * not cost a million-row array. Real forms stay far below, and are laid out in full as before.
 */
const MAX_DENSE_CELLS = 1_000_000;

function readSheet(ws: ExcelJS.Worksheet, extras: SheetExtras, date1904: boolean): SheetSnapshot {
  const merges = extras.merges;
  // Merges exceljs did not apply (too large): the cells they cover other than the first read as empty.
  const covered = (r: number, c: number) =>
    extras.unapplied.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );

  const cells = new Map<number, Map<number, ReadCell>>();
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merge: reads as empty
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (extras.unapplied.length > 0 && covered(r, c)) return;
      const rc = readCell(cell, date1904, extras.uncached);
      if (rc.value === null && rc.formula === null) return;
      extend(r, c);
      let line = cells.get(r);
      if (!line) cells.set(r, (line = new Map()));
      line.set(c, rc);
    });
  });
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }

  if (bottom < 0) {
    return { name: ws.name, top: 0, left: 0, values: [], text: [], numberFormat: [], formulas: [], merges };
  }

  const dense = (bottom - top + 1) * (right - left + 1) <= MAX_DENSE_CELLS;
  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const numberFormat: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const fill = (r: number, line: Map<number, ReadCell> | undefined) => {
    const vRow: CellValue[] = [];
    const tRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    const fRow: (string | null)[] = [];
    let last = right;
    if (!dense && line) {
      last = left;
      for (const c of line.keys()) if (c > last) last = c;
    }
    for (let c = left; c <= last; c++) {
      const rc = line?.get(c);
      if (rc) {
        vRow.push(rc.value);
        tRow.push(rc.text);
        nRow.push(rc.numberFormat);
        fRow.push(rc.formula);
      } else {
        vRow.push(null);
        tRow.push("");
        nRow.push(dense ? emptyCellFormat(ws, r, c) : null);
        fRow.push(null);
      }
    }
    const i = r - top;
    values[i] = vRow;
    text[i] = tRow;
    numberFormat[i] = nRow;
    formulas[i] = fRow;
  };
  if (dense) {
    for (let r = top; r <= bottom; r++) fill(r, cells.get(r));
  } else {
    for (const r of [...cells.keys()].sort((a, b) => a - b)) fill(r, cells.get(r));
    // The arrays span the used area; the rows in between are holes.
    values.length = text.length = numberFormat.length = formulas.length = bottom - top + 1;
  }
  return { name: ws.name, top, left, values, text, numberFormat, formulas, merges };
}

function emptyCellFormat(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const cell = ws.findCell(r + 1, c + 1);
  return (cell && cell.numFmt) || "General";
}

function readCell(cell: ExcelJS.Cell, date1904: boolean, uncached: ReadonlySet<string>): ReadCell {
  const numberFormat = cell.numFmt || "General";
  let value: CellValue;
  let formula: string | null = null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops a falsy cached result (0, "", false); cell.result keeps it.
    const f = cell.formula;
    formula = f ? (f.startsWith("=") ? f : `=${f}`) : null;
    value = plainValue(cell.result as unknown, date1904);
    // A formula the file holds no result for (written by a program, never calculated): show the
    // formula, as Excel does with 显示公式 / Show Formulas, rather than pass it off as a blank cell.
    if (value === null && formula !== null && uncached.has(cell.address)) {
      return { value, text: formula, numberFormat, formula };
    }
  } else {
    value = plainValue(cell.value as unknown, date1904);
  }
  return { value, text: displayText(value, numberFormat), numberFormat, formula };
}
