/**
 * The in-memory workbook: plain data the emulated Office.js objects read and write, that tests
 * inspect and the demo grid renders. Rows and columns are 0-based (row 0 = Excel row 1).
 *
 * No Node and no DOM: this file is bundled for the browser too.
 */
import { columnLetters, parseA1 } from "../../engine/address";
import type { CellRange } from "../../engine/snapshot";

export type { CellRange };

/** A cell's value; a formula cell holds its cached result. Errors are `{ error: "#N/A" }`. */
export type MemoryCellValue = string | number | boolean | null | { error: string };

export interface MemoryBorder {
  /** Excel's line style name as in the file (`thin`, `medium`, `double`, ...). */
  style: string;
  /** `#RRGGBB`, absent for the automatic colour. */
  color?: string;
}

export interface MemoryCellFormat {
  /** Solid fill colour `#RRGGBB`; absent = no fill. */
  fill?: string;
  font?: { bold?: boolean; color?: string; italic?: boolean; name?: string; size?: number };
  borders?: { top?: MemoryBorder; bottom?: MemoryBorder; left?: MemoryBorder; right?: MemoryBorder };
  wrapText?: boolean;
  /** Office.js names: `General`, `Left`, `Center`, `Right`, `Fill`, `Justify`, `CenterAcrossSelection`, `Distributed`. */
  horizontalAlignment?: string;
  /** Office.js names: `Top`, `Center`, `Bottom`, `Justify`, `Distributed`. */
  verticalAlignment?: string;
}

export interface MemoryCell {
  value: MemoryCellValue;
  /** `=SUM(A1:A3)`, or null when the cell holds a constant. */
  formula: string | null;
  /** Excel format code; `General` by default. */
  numberFormat: string;
  format: MemoryCellFormat;
  /** Office.js `Range.hyperlink` [1.7]: a link to a web address or to a place in the workbook. */
  hyperlink?: MemoryHyperlink;
}

/** Office.js `RangeHyperlink`: `documentReference` is a place in the workbook (`'Sheet'!B8`). */
export interface MemoryHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Office.js `ConditionalFormatType` values. */
export type MemoryConditionalFormatType =
  | "Custom"
  | "DataBar"
  | "ColorScale"
  | "IconSet"
  | "TopBottom"
  | "PresetCriteria"
  | "ContainsText"
  | "CellValue";

export interface MemoryConditionalFormat {
  /** Unique in the workbook, never reused. */
  id: string;
  /** The areas it applies to (one for formats added through Office.js). */
  ranges: CellRange[];
  type: MemoryConditionalFormatType;
  /** Custom rule formula (`=A1>0`); null when not set or not a custom format. */
  formula: string | null;
  /** Format applied when the rule holds: fill and font colours `#RRGGBB`, null when not set. */
  fillColor: string | null;
  fontColor: string | null;
  /** For formats read from a file: the rule as the file had it (kept so signatures see every detail). */
  source?: unknown;
  /** A rule Excel cannot read back (office-js #5222, #6827, #6835): loading it fails the sync. */
  unreadable?: boolean;
}

/** Office.js `DataValidationType` values a stored validation can have ("None" = any value, e.g. a prompt only). */
export type MemoryDataValidationType =
  "None" | "WholeNumber" | "Decimal" | "List" | "Date" | "Time" | "TextLength" | "Custom";

/** Office.js `BasicDataValidation` as it reads back: formulas are strings (`"=10"`, `"=$A$1"`). */
export interface MemoryBasicValidation {
  formula1: string;
  /** Only for the Between and NotBetween operators. */
  formula2?: string;
  operator: string;
}

/**
 * Office.js `DataValidationRule` as it reads back: one member set (none for type "None").
 * Relative references in its formulas are relative to the top-left cell of the validation's first range.
 */
export interface MemoryDataValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  wholeNumber?: MemoryBasicValidation;
  decimal?: MemoryBasicValidation;
  textLength?: MemoryBasicValidation;
  date?: MemoryBasicValidation;
  time?: MemoryBasicValidation;
  custom?: { formula: string };
}

export interface MemoryDataValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface MemoryDataValidationErrorAlert {
  showAlert: boolean;
  style: "Stop" | "Warning" | "Information";
  title: string;
  message: string;
}

/** One data validation of a sheet (Excel's `<dataValidation sqref=...>`). */
export interface MemoryDataValidation {
  /** The cells it applies to; never overlapping another validation of the sheet. */
  ranges: CellRange[];
  type: MemoryDataValidationType;
  rule: MemoryDataValidationRule;
  prompt: MemoryDataValidationPrompt;
  errorAlert: MemoryDataValidationErrorAlert;
  ignoreBlanks: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface MemorySheet {
  name: string;
  /** Like Excel's: `{00000000-0001-0000-0000-000000000000}`. */
  id: string;
  visibility: SheetVisibility;
  /** Sparse cells: row -> column -> cell. Cells covered by a merge (not its top-left) hold no value. */
  cells: Map<number, Map<number, MemoryCell>>;
  merges: CellRange[];
  /** Column widths in points (Office.js `format.columnWidth`), by column; others use defaultColumnWidth. */
  columnWidths: Map<number, number>;
  defaultColumnWidth: number;
  /** Row heights in points (Office.js `format.rowHeight`), by row; others use defaultRowHeight. */
  rowHeights: Map<number, number>;
  defaultRowHeight: number;
  /** In priority order (first = highest priority). */
  conditionalFormats: MemoryConditionalFormat[];
  /** The selected areas, e.g. `[{top:0,left:0,bottom:0,right:0}]` for A1. */
  selection: CellRange[];
  /** Data validations (Office.js `range.dataValidation`); their ranges never overlap. */
  dataValidations: MemoryDataValidation[];
  /** Worksheet protection: writes to the sheet fail with AccessDenied. */
  protected?: boolean;
}

/** A JSON-compatible value (what a workbook setting can hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface MemoryWorkbook {
  name: string;
  sheets: MemorySheet[];
  /** Name of the active sheet. */
  activeSheet: string;
  /** Workbook (structure) protection: sheets cannot be added or deleted. */
  structureProtected?: boolean;
  /** Office.js `workbook.settings` (per add-in document settings). */
  settings: Map<string, JsonValue>;
  /** Counters for new ids (sheets, conditional formats). */
  nextSheetNumber: number;
  nextConditionalFormatNumber: number;
}

// ---------------------------------------------------------------------------------------------
// Limits and defaults (Excel's)

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** 8.43 characters of Calibri 11 = 64 px = 48 pt. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
/** Calibri 11: 20 px = 15 pt. */
export const DEFAULT_ROW_HEIGHT_POINTS = 15;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT_POINTS = 409;

// ---------------------------------------------------------------------------------------------
// Construction

export function createMemoryWorkbook(name = "Book1", sheetNames: string[] = ["Sheet1"]): MemoryWorkbook {
  const wb: MemoryWorkbook = {
    name,
    sheets: [],
    activeSheet: "",
    settings: new Map(),
    nextSheetNumber: 1,
    nextConditionalFormatNumber: 1,
  };
  for (const n of sheetNames) addSheet(wb, n);
  wb.activeSheet = wb.sheets[0]?.name ?? "";
  return wb;
}

/** Appends an empty sheet (no validation: the Office.js layer checks names). */
export function addSheet(wb: MemoryWorkbook, name: string): MemorySheet {
  const sheet: MemorySheet = {
    name,
    id: newSheetId(wb),
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    defaultColumnWidth: DEFAULT_COLUMN_WIDTH_POINTS,
    rowHeights: new Map(),
    defaultRowHeight: DEFAULT_ROW_HEIGHT_POINTS,
    conditionalFormats: [],
    selection: [{ top: 0, left: 0, bottom: 0, right: 0 }],
    dataValidations: [],
  };
  wb.sheets.push(sheet);
  return sheet;
}

/** Excel's worksheet ids: the sheet number sits byte-swapped in the fourth group. */
function newSheetId(wb: MemoryWorkbook): string {
  const n = wb.nextSheetNumber++ - 1;
  const lo = (n & 0xff).toString(16).padStart(2, "0").toUpperCase();
  const hi = ((n >> 8) & 0xff).toString(16).padStart(2, "0").toUpperCase();
  return `{00000000-0001-0000-${lo}${hi}-000000000000}`;
}

export function newConditionalFormatId(wb: MemoryWorkbook): string {
  const n = wb.nextConditionalFormatNumber++;
  return `{6D0F1C2A-4E3B-4C5D-9E8F-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

// ---------------------------------------------------------------------------------------------
// Lookup

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

export function findSheet(wb: MemoryWorkbook, nameOrId: string): MemorySheet | undefined {
  return wb.sheets.find((s) => s.id === nameOrId) ?? wb.sheets.find((s) => sameSheetName(s.name, nameOrId));
}

export function getCell(sheet: MemorySheet, row: number, col: number): MemoryCell | undefined {
  return sheet.cells.get(row)?.get(col);
}

/** The cell, created empty if absent. */
export function touchCell(sheet: MemorySheet, row: number, col: number): MemoryCell {
  let line = sheet.cells.get(row);
  if (!line) sheet.cells.set(row, (line = new Map()));
  let cell = line.get(col);
  if (!cell) line.set(col, (cell = emptyCell()));
  return cell;
}

export function emptyCell(): MemoryCell {
  return { value: null, formula: null, numberFormat: "General", format: {} };
}

/** Drops a cell that holds nothing (no value, formula, number format or format). */
export function pruneCell(sheet: MemorySheet, row: number, col: number): void {
  const line = sheet.cells.get(row);
  const cell = line?.get(col);
  if (!line || !cell) return;
  if (
    cell.value === null &&
    cell.formula === null &&
    cell.numberFormat === "General" &&
    cell.hyperlink === undefined &&
    isEmptyFormat(cell.format)
  ) {
    line.delete(col);
    if (line.size === 0) sheet.cells.delete(row);
  }
}

function isEmptyFormat(f: MemoryCellFormat): boolean {
  for (const v of Object.values(f)) {
    if (v === undefined) continue;
    if (typeof v === "object" && v !== null && Object.values(v).every((x) => x === undefined)) continue;
    return false;
  }
  return true;
}

export function columnWidth(sheet: MemorySheet, col: number): number {
  return sheet.columnWidths.get(col) ?? sheet.defaultColumnWidth;
}

export function rowHeight(sheet: MemorySheet, row: number): number {
  return sheet.rowHeights.get(row) ?? sheet.defaultRowHeight;
}

// ---------------------------------------------------------------------------------------------
// Rectangles

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

export function rowCount(r: CellRange): number {
  return r.bottom - r.top + 1;
}

export function columnCount(r: CellRange): number {
  return r.right - r.left + 1;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/**
 * A range address without sheet: `A1`, `$A$1:B2`, `A:C` (whole columns), `2:5` (whole rows).
 * Null when malformed or outside the sheet.
 */
export function parseAddress(address: string): CellRange | null {
  const body = address.trim();
  if (!body) return null;
  const parts = body.split(":");
  if (parts.length > 2) return null;
  const [a, b = a] = parts;
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  let r: CellRange | null = null;
  const ca = colOnly.exec(a);
  const cb = colOnly.exec(b);
  const ra = rowOnly.exec(a);
  const rb = rowOnly.exec(b);
  if (ca && cb && parts.length === 2) {
    r = span(0, colIndex(ca[1]), MAX_ROWS - 1, colIndex(cb[1]));
  } else if (ra && rb && parts.length === 2) {
    r = span(Number(ra[1]) - 1, 0, Number(rb[1]) - 1, MAX_COLUMNS - 1);
  } else {
    const p = parseA1(a);
    const q = parseA1(b);
    if (p && q) r = span(p.row, p.col, q.row, q.col);
  }
  if (!r) return null;
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) return null;
  return r;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function span(r1: number, c1: number, r2: number, c2: number): CellRange {
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** `A1`, `A1:B2`, `A:C`, `2:5`, `1:1048576` — Excel's short form, no `$`. */
export function formatAddress(r: CellRange): string {
  const wholeColumns = r.top === 0 && r.bottom === MAX_ROWS - 1;
  const wholeRows = r.left === 0 && r.right === MAX_COLUMNS - 1;
  // Whole rows win for the whole sheet: Excel writes it `1:1048576`.
  if (wholeRows) return `${r.top + 1}:${r.bottom + 1}`;
  if (wholeColumns) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is a plain ASCII identifier that
 * cannot be read as a cell reference, else in single quotes (inner quotes doubled).
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function looksLikeReference(name: string): boolean {
  // A1-style (`AB12`), R1C1-style (`R1C1`, `R`, `C`) and the booleans confuse Excel's parser.
  return (
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name) ||
    /^(TRUE|FALSE)$/i.test(name)
  );
}

/** `Sheet1!A1:B2`, `'部门整体'!C6`. */
export function qualifiedAddress(sheetName: string, r: CellRange): string {
  return `${quoteSheetName(sheetName)}!${formatAddress(r)}`;
}
