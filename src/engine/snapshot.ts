/**
 * The workbook snapshot: the only thing the engine sees.
 *
 * An Office.js batch read (range.values / text / numberFormat / formulas + merged areas) and an
 * .xlsx reader each produce this shape, so the engine runs unchanged in Excel, a browser and Node.
 * Rows and columns are 0-based and absolute (row 0 = Excel row 1, col 0 = column A).
 */

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  error: string;
}

/** A cell's value; for a formula cell, its cached result. */
export type CellValue = string | number | boolean | null | CellError;

/** An inclusive rectangle of cells, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Absolute position of values[0][0]: a used range need not start at A1. */
  top: number;
  left: number;
  /**
   * Row-major cell values (formula cells hold their cached result). Rows may be ragged, and a very
   * large sheet may leave empty rows as holes (undefined) so a stray far-away cell costs no memory.
   */
  values: CellValue[][];
  /** Displayed text, as Excel shows it (number format applied). Same shape as values when present. */
  text?: (string | null)[][];
  /** Number format codes, e.g. `#,##0.00`, `General`. */
  numberFormat?: (string | null)[][];
  /** Formulas (`=SUM(B2:B4)`) where the cell has one, else null or "". */
  formulas?: (string | null)[][];
  /** Merged areas, absolute. */
  merges: CellRange[];
}

export interface WorkbookSnapshot {
  /** The file or workbook name, for messages. */
  name?: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}
