/**
 * Template layouts and edit plans, as data. The same plan is applied by the Office.js adapter,
 * by the in-memory host (through that adapter) and, for whole workbooks, by the .xlsx writer.
 * Rows and columns are 0-based; a layout's rows and columns are relative to its top-left cell.
 */
import type { CellRange } from "../engine/snapshot";

/** Named cell styles of the template (fonts, borders, alignment are defined once per style). */
export type TemplateStyle =
  | "title" // form title: bold 16pt, centred, no border
  | "subtitle" // (2026年): 12pt, centred, no border
  | "label" // a field label: bold, centred, wrapped, thin border
  | "text" // free text value: left, wrapped, thin border
  | "amount" // money: right, #,##0.00, thin border
  | "integer" // counts and years: right, 0, thin border
  | "header" // indicator/task table header: bold, centred, grey fill, thin border
  | "indicator"; // indicator table body (一级/二级 labels, 三级 names, values): centred-left, wrapped, thin border

export interface StyleSpec {
  bold?: boolean;
  fontSize?: number;
  horizontal: "Left" | "Center" | "Right";
  wrap: boolean;
  border: boolean;
  fill?: string;
  numberFormat?: string;
}

export interface LayoutCell {
  row: number;
  col: number;
  value: string | number | null;
  style: TemplateStyle;
}

export type ValidationSpec =
  | { range: CellRange; kind: "list"; list: string[]; prompt?: string }
  | { range: CellRange; kind: "wholeNumber"; min: number; max: number; prompt?: string }
  | { range: CellRange; kind: "decimal"; min: number; max: number; prompt?: string };

/** A whole form, ready to write at some origin. */
export interface FormLayout {
  kind: "department" | "project";
  rowCount: number;
  colCount: number;
  /** Every cell of the form's area, including blank bordered ones. */
  cells: LayoutCell[];
  merges: CellRange[];
  /** Column widths in characters (Excel's unit), one per column. */
  columnWidths: number[];
  /** Row heights in points, where not the default. */
  rowHeights: { row: number; height: number }[];
  validations: ValidationSpec[];
}

/** Insert whole rows and fill them: one step of a RowInsertPlan. */
export interface RowInsertStep {
  /** Absolute row (0-based) before which `count` rows are inserted, in the sheet as it is before this step. */
  beforeRow: number;
  count: number;
  /** Absolute row whose formats the new rows copy (in the sheet before this step). */
  formatFromRow: number;
  /** Values to write into the new rows (absolute row/col after the insertion). */
  cells: { row: number; col: number; value: string | number }[];
  /** Merged areas (absolute, after the insertion) that must cover the new rows: set by unmerge + merge. */
  merges: CellRange[];
}

export interface RowInsertPlan {
  sheet: string;
  steps: RowInsertStep[];
  /** The cell to select afterwards (the new 三级 name cell). */
  select: { row: number; col: number };
  /** What the user sees before confirming: one line a new row, e.g. "质量指标 › 验收合格率 · 100% · 100%". */
  preview: string[];
}

export interface NewSheetPlan {
  sheetName: string;
  layouts: { origin: { row: number; col: number }; layout: FormLayout }[];
}
