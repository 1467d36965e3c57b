/**
 * Structural edits on the in-memory workbook, as Excel makes them: inserting cells (whole rows,
 * whole columns, or cells shifted down / right) and copying a range onto another (Range.copyFrom).
 *
 * Conditional formats and data validations keep their formulas relative to the top-left cell of
 * their first range (as in the file format); whenever that anchor changes, the formulas are
 * translated so every cell keeps its rule.
 */
import { invalidArgument, nonBlankCellOffSheet, rangeExceedsLimit } from "./errors";
import { clip, coalesce, subtractAll } from "./rects";
import { type RefMapper, rewriteReferences, translateFormula } from "./references";
import {
  type CellRange,
  type MemoryCell,
  type MemoryConditionalFormat,
  type MemoryDataValidation,
  type MemorySheet,
  type MemoryWorkbook,
  MAX_COLUMNS,
  MAX_ROWS,
  contains,
  emptyCell,
  findSheet,
  intersects,
  newConditionalFormatId,
  pruneCell,
  touchCell,
} from "./state";

/** Guard of this host (not an Excel limit): cell-by-cell pastes beyond this are refused. */
const MAX_PASTE_CELLS = 2_000_000;

// ---------------------------------------------------------------------------------------------
// Formulas of conditional formats and validations

export interface Point {
  row: number;
  col: number;
}

export function anchorOf(ranges: CellRange[]): Point | null {
  return ranges.length > 0 ? { row: ranges[0].top, col: ranges[0].left } : null;
}

export function mapConditionalFormatFormulas(cf: MemoryConditionalFormat, fn: (f: string) => string): void {
  if (cf.formula) cf.formula = fn(cf.formula);
  const source = cf.source as { formulae?: unknown[] } | undefined;
  if (source && typeof source === "object" && Array.isArray(source.formulae)) {
    source.formulae = source.formulae.map((f) => (typeof f === "string" ? fn(f) : f));
  }
}

export function mapValidationFormulas(dv: MemoryDataValidation, fn: (f: string) => string): void {
  const r = dv.rule;
  if (r.list && r.list.source.startsWith("=")) r.list = { ...r.list, source: fn(r.list.source) };
  for (const key of ["wholeNumber", "decimal", "textLength", "date", "time"] as const) {
    const b = r[key];
    if (!b) continue;
    r[key] = {
      ...b,
      formula1: fn(b.formula1),
      ...(b.formula2 !== undefined ? { formula2: fn(b.formula2) } : {}),
    };
  }
  if (r.custom) r.custom = { formula: fn(r.custom.formula) };
}

/** After its ranges changed: formulas re-expressed from `before` (the old anchor) to the new one. */
export function reanchor<T extends { ranges: CellRange[] }>(
  item: T,
  before: Point | null,
  map: (item: T, fn: (f: string) => string) => void,
): void {
  const after = anchorOf(item.ranges);
  if (!before || !after || (before.row === after.row && before.col === after.col)) return;
  const dr = after.row - before.row;
  const dc = after.col - before.col;
  map(item, (f) => translateFormula(f, dr, dc));
}

// ---------------------------------------------------------------------------------------------
// Inserting cells

/** Lines (rows or columns) inserted at `at` in the band `from..to` of the other axis. */
interface Shift {
  sheet: MemorySheet;
  axis: "row" | "col";
  at: number;
  count: number;
  from: number;
  to: number;
}

function lastLine(s: Shift): number {
  return s.axis === "row" ? MAX_ROWS - 1 : MAX_COLUMNS - 1;
}

function mainOf(r: CellRange, s: Shift): [number, number] {
  return s.axis === "row" ? [r.top, r.bottom] : [r.left, r.right];
}

function crossOf(r: CellRange, s: Shift): [number, number] {
  return s.axis === "row" ? [r.left, r.right] : [r.top, r.bottom];
}

function make(s: Shift, [a, b]: [number, number], [p, q]: [number, number]): CellRange {
  return s.axis === "row"
    ? { top: a, bottom: b, left: p, right: q }
    : { left: a, right: b, top: p, bottom: q };
}

/**
 * Where a rectangle goes: the same object when it does not move, a moved or grown copy (one that
 * spans the insertion point grows), null when pushed off the sheet, "partial" when the band cuts it.
 */
function shiftRect(r: CellRange, s: Shift): CellRange | null | "partial" {
  const [a, b] = mainOf(r, s);
  const [p, q] = crossOf(r, s);
  if (q < s.from || p > s.to || b < s.at) return r;
  if (p < s.from || q > s.to) return "partial";
  const max = lastLine(s);
  if (a === 0 && b === max) return r;
  const na = a >= s.at ? a + s.count : a;
  if (na > max) return null;
  return make(s, [na, Math.min(b + s.count, max)], [p, q]);
}

/** A rectangle cut by the band: the parts outside stay, the part inside moves or grows. */
function shiftPieces(r: CellRange, s: Shift): CellRange[] {
  const moved = shiftRect(r, s);
  if (moved !== "partial") return moved ? [moved] : [];
  const main = mainOf(r, s);
  const [p, q] = crossOf(r, s);
  const out: CellRange[] = [];
  if (p < s.from) out.push(make(s, main, [p, s.from - 1]));
  const inside = shiftRect(make(s, main, [Math.max(p, s.from), Math.min(q, s.to)]), s);
  if (inside && inside !== "partial") out.push(inside);
  if (q > s.to) out.push(make(s, main, [s.to + 1, q]));
  return out;
}

function shiftPoint(pt: Point, s: Shift): Point {
  const moved = shiftRect({ top: pt.row, left: pt.col, bottom: pt.row, right: pt.col }, s);
  return moved && moved !== "partial" ? { row: moved.top, col: moved.left } : pt;
}

function refShifter(wb: MemoryWorkbook, formulaSheet: MemorySheet, s: Shift): RefMapper {
  return (ref) => {
    if (ref.foreign) return undefined;
    const target = ref.sheet === null ? formulaSheet : findSheet(wb, ref.sheet);
    if (target !== s.sheet) return undefined;
    const rect = {
      top: Math.min(ref.r1, ref.r2),
      left: Math.min(ref.c1, ref.c2),
      bottom: Math.max(ref.r1, ref.r2),
      right: Math.max(ref.c1, ref.c2),
    };
    const moved = shiftRect(rect, s);
    if (moved === "partial" || moved === rect) return undefined;
    if (moved === null) return null;
    const row = (v: number) => (v === rect.top ? moved.top : moved.bottom);
    const col = (v: number) => (v === rect.left ? moved.left : moved.right);
    return { ...ref, r1: row(ref.r1), r2: row(ref.r2), c1: col(ref.c1), c2: col(ref.c2) };
  };
}

/** Every formula of the workbook (cells, conditional formats, validations) through `mapFor(sheet)`. */
function rewriteWorkbookFormulas(wb: MemoryWorkbook, mapFor: (sheet: MemorySheet) => RefMapper): void {
  for (const sheet of wb.sheets) {
    const map = mapFor(sheet);
    const fn = (f: string) => rewriteReferences(f, map);
    for (const line of sheet.cells.values()) {
      for (const cell of line.values()) if (cell.formula) cell.formula = fn(cell.formula);
    }
    for (const cf of sheet.conditionalFormats) mapConditionalFormatFormulas(cf, fn);
    for (const dv of sheet.dataValidations) mapValidationFormulas(dv, fn);
  }
}

export type InsertChangeType = "RowInserted" | "ColumnInserted" | "CellInserted";

/**
 * Range.insert: blank cells in place of `r`, the others shifted down or right. Cells, formats,
 * row heights or column widths, merges, conditional formats, validations and the selection move;
 * references to moved cells are rewritten in every formula of the workbook. The new cells take the
 * formats of the cells above (Down) or to the left (Right), as Excel's default insert does.
 */
export function insertCells(
  wb: MemoryWorkbook,
  sheet: MemorySheet,
  r: CellRange,
  shift: unknown,
  location: string,
): InsertChangeType {
  const wholeRows = r.left === 0 && r.right === MAX_COLUMNS - 1;
  const wholeColumns = r.top === 0 && r.bottom === MAX_ROWS - 1;
  let s: Shift;
  if (shift === "Down" && !wholeColumns) {
    s = { sheet, axis: "row", at: r.top, count: r.bottom - r.top + 1, from: r.left, to: r.right };
  } else if (shift === "Right" && !wholeRows) {
    s = { sheet, axis: "col", at: r.left, count: r.right - r.left + 1, from: r.top, to: r.bottom };
  } else {
    throw invalidArgument(location, `cannot insert ${String(shift)} in place of this range`);
  }
  const whole = s.axis === "row" ? wholeRows : wholeColumns;
  checkInsert(s, location);

  moveCells(s);
  formatNewCells(s);
  if (whole) shiftSizes(s);
  sheet.merges = sheet.merges.map((m) => shiftRect(m, s) as CellRange);
  sheet.selection = sheet.selection.map((a) => {
    const moved = shiftRect(a, s);
    return moved && moved !== "partial" ? moved : a;
  });

  // Formulas first (references follow the cells), then the ranges of formats and validations.
  const cfAnchors = new Map(sheet.conditionalFormats.map((cf) => [cf, anchorOf(cf.ranges)]));
  const dvAnchors = new Map(sheet.dataValidations.map((dv) => [dv, anchorOf(dv.ranges)]));
  rewriteWorkbookFormulas(wb, (formulaSheet) => refShifter(wb, formulaSheet, s));
  for (const cf of sheet.conditionalFormats) {
    cf.ranges = coalesce(cf.ranges.flatMap((a) => shiftPieces(a, s)));
    const before = cfAnchors.get(cf) ?? null;
    reanchor(cf, before && shiftPoint(before, s), mapConditionalFormatFormulas);
  }
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
  for (const dv of sheet.dataValidations) {
    dv.ranges = coalesce(dv.ranges.flatMap((a) => shiftPieces(a, s)));
    const before = dvAnchors.get(dv) ?? null;
    reanchor(dv, before && shiftPoint(before, s), mapValidationFormulas);
  }
  sheet.dataValidations = sheet.dataValidations.filter((dv) => dv.ranges.length > 0);
  return whole ? (s.axis === "row" ? "RowInserted" : "ColumnInserted") : "CellInserted";
}

/** Fails before anything changes: content pushed off the sheet, or a merged area cut by the band. */
function checkInsert(s: Shift, location: string): void {
  const max = lastLine(s);
  const zone = make(s, [Math.max(max - s.count + 1, s.at), max], [s.from, s.to]);
  for (const [row, line] of s.sheet.cells) {
    if (row < zone.top || row > zone.bottom) continue;
    for (const col of line.keys())
      if (col >= zone.left && col <= zone.right) throw nonBlankCellOffSheet(location);
  }
  for (const m of s.sheet.merges) {
    if (intersects(m, zone)) throw nonBlankCellOffSheet(location);
    if (shiftRect(m, s) === "partial") {
      throw invalidArgument(location, "the insertion would move part of a merged area");
    }
  }
}

function moveCells(s: Shift): void {
  const cells = s.sheet.cells;
  if (s.axis === "row") {
    const whole = s.from === 0 && s.to === MAX_COLUMNS - 1;
    const rows = [...cells.keys()].filter((r) => r >= s.at).sort((a, b) => b - a);
    for (const r of rows) {
      const line = cells.get(r) as Map<number, MemoryCell>;
      if (whole) {
        cells.delete(r);
        cells.set(r + s.count, line);
        continue;
      }
      for (const [c, cell] of [...line]) {
        if (c < s.from || c > s.to) continue;
        line.delete(c);
        let target = cells.get(r + s.count);
        if (!target) cells.set(r + s.count, (target = new Map()));
        target.set(c, cell);
      }
      if (line.size === 0) cells.delete(r);
    }
    return;
  }
  for (const [r, line] of cells) {
    if (r < s.from || r > s.to) continue;
    const cols = [...line.keys()].filter((c) => c >= s.at).sort((a, b) => b - a);
    for (const c of cols) {
      const cell = line.get(c) as MemoryCell;
      line.delete(c);
      line.set(c + s.count, cell);
    }
  }
}

/** The new cells take the number format and format of the cell above (Down) or left (Right). */
function formatNewCells(s: Shift): void {
  if (s.at === 0) return;
  const sources: [number, MemoryCell][] = [];
  if (s.axis === "row") {
    for (const [c, cell] of s.sheet.cells.get(s.at - 1) ?? []) {
      if (c >= s.from && c <= s.to) sources.push([c, cell]);
    }
  } else {
    for (const [r, line] of s.sheet.cells) {
      const cell = line.get(s.at - 1);
      if (cell && r >= s.from && r <= s.to) sources.push([r, cell]);
    }
  }
  for (const [cross, source] of sources) {
    for (let k = 0; k < s.count; k++) {
      const row = s.axis === "row" ? s.at + k : cross;
      const col = s.axis === "row" ? cross : s.at + k;
      const cell = touchCell(s.sheet, row, col);
      cell.numberFormat = source.numberFormat;
      cell.format = structuredClone(source.format);
      pruneCell(s.sheet, row, col);
    }
  }
}

/** Whole rows or columns: heights or widths move with them; the new ones copy the one before. */
function shiftSizes(s: Shift): void {
  const sizes = s.axis === "row" ? s.sheet.rowHeights : s.sheet.columnWidths;
  const max = lastLine(s);
  const moved = [...sizes.entries()].filter(([i]) => i >= s.at).sort((a, b) => b[0] - a[0]);
  for (const [i, size] of moved) {
    sizes.delete(i);
    if (i + s.count <= max) sizes.set(i + s.count, size);
  }
  const before = s.at > 0 ? sizes.get(s.at - 1) : undefined;
  if (before !== undefined) for (let k = 0; k < s.count; k++) sizes.set(s.at + k, before);
}

// ---------------------------------------------------------------------------------------------
// Copying a range onto another

export type CopyType = "All" | "Formulas" | "Values" | "Formats";

export interface SheetRange {
  sheet: MemorySheet;
  r: CellRange;
}

/**
 * Range.copyFrom: pastes `src` at the top-left of `dest`, repeated when `dest` is an exact multiple
 * of the source's size, else once at the source's size. Returns the area pasted.
 */
export function copyCells(
  wb: MemoryWorkbook,
  src: SheetRange,
  dest: SheetRange,
  type: CopyType,
  skipBlanks: boolean,
  transpose: boolean,
  location: string,
): CellRange {
  const srcRows = src.r.bottom - src.r.top + 1;
  const srcCols = src.r.right - src.r.left + 1;
  const patRows = transpose ? srcCols : srcRows;
  const patCols = transpose ? srcRows : srcCols;
  const destRows = dest.r.bottom - dest.r.top + 1;
  const destCols = dest.r.right - dest.r.left + 1;
  const tilesR = destRows >= patRows && destRows % patRows === 0 ? destRows / patRows : 1;
  const tilesC = destCols >= patCols && destCols % patCols === 0 ? destCols / patCols : 1;
  const paste: CellRange = {
    top: dest.r.top,
    left: dest.r.left,
    bottom: dest.r.top + patRows * tilesR - 1,
    right: dest.r.left + patCols * tilesC - 1,
  };
  if (paste.bottom >= MAX_ROWS || paste.right >= MAX_COLUMNS) {
    throw invalidArgument(location, "the paste area does not fit on the sheet");
  }
  const withFormats = type === "All" || type === "Formats";

  // The source as it is before anything is written (source and destination may overlap).
  const source = new Map<number, { row: number; col: number; cell: MemoryCell }>();
  for (const [row, line] of src.sheet.cells) {
    if (row < src.r.top || row > src.r.bottom) continue;
    for (const [col, cell] of line) {
      if (col >= src.r.left && col <= src.r.right) {
        source.set(row * MAX_COLUMNS + col, { row, col, cell: structuredClone(cell) });
      }
    }
  }
  const toDest = (row: number, col: number, ti: number, tj: number): Point => {
    const i = row - src.r.top;
    const j = col - src.r.left;
    const [pi, pj] = transpose ? [j, i] : [i, j];
    return { row: paste.top + ti * patRows + pi, col: paste.left + tj * patCols + pj };
  };
  const rectToDest = (a: CellRange, ti: number, tj: number): CellRange => {
    const p = toDest(a.top, a.left, ti, tj);
    const q = toDest(a.bottom, a.right, ti, tj);
    return {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
  };
  const everyTile = (a: CellRange): CellRange[] => {
    const out: CellRange[] = [];
    for (let ti = 0; ti < tilesR; ti++) for (let tj = 0; tj < tilesC; tj++) out.push(rectToDest(a, ti, tj));
    return out;
  };
  const fromDest = (row: number, col: number) => {
    const pi = (row - paste.top) % patRows;
    const pj = (col - paste.left) % patCols;
    const [i, j] = transpose ? [pj, pi] : [pi, pj];
    return source.get((src.r.top + i) * MAX_COLUMNS + (src.r.left + j));
  };

  // Merged areas: pasting formats replaces those inside the paste area; cutting one is refused.
  const sourceMerges = withFormats ? src.sheet.merges.filter((m) => contains(src.r, m)) : [];
  if (withFormats) {
    for (const m of dest.sheet.merges) {
      if (intersects(m, paste) && !contains(paste, m)) {
        throw invalidArgument(location, "the paste area cuts a merged area");
      }
    }
  }

  // Positions written: the destination's cells and where source cells land.
  const positions = new Set<number>();
  for (const [row, line] of dest.sheet.cells) {
    if (row < paste.top || row > paste.bottom) continue;
    for (const col of line.keys())
      if (col >= paste.left && col <= paste.right) positions.add(row * MAX_COLUMNS + col);
  }
  for (const { row, col } of source.values()) {
    for (let ti = 0; ti < tilesR; ti++) {
      for (let tj = 0; tj < tilesC; tj++) {
        const p = toDest(row, col, ti, tj);
        positions.add(p.row * MAX_COLUMNS + p.col);
      }
    }
    if (positions.size > MAX_PASTE_CELLS) throw rangeExceedsLimit(location);
  }

  if (withFormats) {
    const newMerges = sourceMerges.flatMap(everyTile);
    dest.sheet.merges = [...dest.sheet.merges.filter((m) => !contains(paste, m)), ...newMerges];
  }
  const covered = (row: number, col: number) =>
    dest.sheet.merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        col >= m.left &&
        col <= m.right &&
        !(row === m.top && col === m.left),
    );

  for (const key of positions) {
    const row = Math.floor(key / MAX_COLUMNS);
    const col = key % MAX_COLUMNS;
    const from = fromDest(row, col);
    const s = from?.cell;
    const blank = !s || (s.value === null && s.formula === null);
    if (skipBlanks && blank) continue;
    if (!withFormats && covered(row, col)) continue;
    const formula = s?.formula && from ? translateFormula(s.formula, row - from.row, col - from.col) : null;
    const cell = touchCell(dest.sheet, row, col);
    switch (type) {
      case "All": {
        const next = s ? structuredClone(s) : emptyCell();
        if (formula) {
          next.formula = formula;
          next.value = null; // no calculation: a pasted formula has no value yet
        }
        Object.assign(cell, next);
        break;
      }
      case "Values":
        cell.value = s?.value ?? null;
        cell.formula = null;
        break;
      case "Formulas":
        cell.formula = formula;
        cell.value = formula ? null : (s?.value ?? null);
        break;
      case "Formats":
        cell.format = s ? structuredClone(s.format) : {};
        cell.numberFormat = s?.numberFormat ?? "General";
        break;
    }
    pruneCell(dest.sheet, row, col);
  }

  if (withFormats) pasteConditionalFormats(wb, src, dest.sheet, paste, everyTile);
  if (type === "All") pasteValidations(src, dest.sheet, paste, everyTile);
  return paste;
}

function pasteConditionalFormats(
  wb: MemoryWorkbook,
  src: SheetRange,
  destSheet: MemorySheet,
  paste: CellRange,
  everyTile: (a: CellRange) => CellRange[],
): void {
  const parts = src.sheet.conditionalFormats
    .map((cf) => ({ cf, anchor: anchorOf(cf.ranges), parts: clip(cf.ranges, src.r) }))
    .filter((x) => x.parts.length > 0);
  const anchors = new Map(destSheet.conditionalFormats.map((cf) => [cf, anchorOf(cf.ranges)]));
  for (const cf of destSheet.conditionalFormats) cf.ranges = subtractAll(cf.ranges, paste);
  for (const { cf, anchor, parts: p } of parts) {
    const rects = p.flatMap(everyTile);
    if (src.sheet === destSheet) {
      cf.ranges.push(...rects);
    } else {
      const copy: MemoryConditionalFormat = {
        ...structuredClone(cf),
        id: newConditionalFormatId(wb),
        ranges: rects,
      };
      reanchor(copy, anchor, mapConditionalFormatFormulas);
      destSheet.conditionalFormats.push(copy);
    }
  }
  for (const cf of destSheet.conditionalFormats) {
    cf.ranges = coalesce(cf.ranges);
    if (anchors.has(cf)) reanchor(cf, anchors.get(cf) ?? null, mapConditionalFormatFormulas);
  }
  destSheet.conditionalFormats = destSheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
}

function pasteValidations(
  src: SheetRange,
  destSheet: MemorySheet,
  paste: CellRange,
  everyTile: (a: CellRange) => CellRange[],
): void {
  const parts = src.sheet.dataValidations
    .map((dv) => ({ dv, anchor: anchorOf(dv.ranges), parts: clip(dv.ranges, src.r) }))
    .filter((x) => x.parts.length > 0);
  const anchors = new Map(destSheet.dataValidations.map((dv) => [dv, anchorOf(dv.ranges)]));
  for (const dv of destSheet.dataValidations) dv.ranges = subtractAll(dv.ranges, paste);
  for (const { dv, anchor, parts: p } of parts) {
    const rects = p.flatMap(everyTile);
    if (src.sheet === destSheet) {
      dv.ranges.push(...rects);
    } else {
      const copy: MemoryDataValidation = { ...structuredClone(dv), ranges: rects };
      reanchor(copy, anchor, mapValidationFormulas);
      destSheet.dataValidations.push(copy);
    }
  }
  for (const dv of destSheet.dataValidations) {
    dv.ranges = coalesce(dv.ranges);
    if (anchors.has(dv)) reanchor(dv, anchors.get(dv) ?? null, mapValidationFormulas);
  }
  destSheet.dataValidations = destSheet.dataValidations.filter((dv) => dv.ranges.length > 0);
}
