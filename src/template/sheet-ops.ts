/**
 * Pure edits of a sheet snapshot that mirror what Excel does, so a plan can be previewed and tested
 * without a host: whole-row insertion (a merge strictly spanning the insertion row grows, one at or
 * below it moves down), writing values, unmerge + merge, and writing a template layout.
 */
import type { CellRange, CellValue, SheetSnapshot } from "../engine/snapshot";
import { TEMPLATE_STYLES } from "./styles";
import type { FormLayout, RowInsertStep } from "./types";

/** A deep copy (the snapshot's arrays and merges are never shared with the input). */
export function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  const out: SheetSnapshot = {
    name: s.name,
    top: s.top,
    left: s.left,
    values: s.values.map((r) => r.map((v) => (v !== null && typeof v === "object" ? { ...v } : v))),
    merges: s.merges.map((m) => ({ ...m })),
  };
  if (s.text) out.text = s.text.map((r) => [...r]);
  if (s.numberFormat) out.numberFormat = s.numberFormat.map((r) => [...r]);
  if (s.formulas) out.formulas = s.formulas.map((r) => [...r]);
  return out;
}

function eachGrid(s: SheetSnapshot, f: <T>(g: T[][], blank: T) => void): void {
  f<CellValue>(s.values, null);
  if (s.text) f<string | null>(s.text, null);
  if (s.numberFormat) f<string | null>(s.numberFormat, null);
  if (s.formulas) f<string | null>(s.formulas, null);
}

/** Grows the snapshot's arrays so that (row, col) is addressable. */
export function ensureCell(s: SheetSnapshot, row: number, col: number): void {
  if (s.values.length === 0) {
    s.top = row;
    s.left = Math.min(s.left, col);
  }
  if (row < s.top) {
    const n = s.top - row;
    eachGrid(s, (g) => g.unshift(...Array.from({ length: n }, () => [])));
    s.top = row;
  }
  if (col < s.left) {
    const n = s.left - col;
    eachGrid(s, (g, blank) => g.forEach((r) => r.unshift(...Array<typeof blank>(n).fill(blank))));
    s.left = col;
  }
  const r = row - s.top;
  eachGrid(s, (g) => {
    while (g.length <= r) g.push([]);
  });
  const c = col - s.left;
  eachGrid(s, (g, blank) => {
    while (g[r].length <= c) g[r].push(blank);
  });
}

/** Formats a number as Excel shows it under the template's formats (enough for previews and tests). */
export function displayNumber(v: number, format: string | null | undefined): string {
  if (format === "#,##0.00" || format === "#,##0") {
    const decimals = format.endsWith(".00") ? 2 : 0;
    const [int, frac] = Math.abs(v).toFixed(decimals).split(".");
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return `${v < 0 ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
  }
  if (format === "0") return Math.round(v).toString();
  return String(v);
}

/** Writes a value ("" clears the cell) and its displayed text; the cell keeps its number format. */
export function writeCell(s: SheetSnapshot, row: number, col: number, value: string | number | null): void {
  ensureCell(s, row, col);
  const r = row - s.top;
  const c = col - s.left;
  const v = value === "" ? null : value;
  s.values[r][c] = v;
  if (s.text) {
    s.text[r][c] = v === null ? null : typeof v === "number" ? displayNumber(v, s.numberFormat?.[r]?.[c]) : v;
  }
  if (s.formulas) s.formulas[r][c] = null;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    outer.top <= inner.top &&
    inner.bottom <= outer.bottom &&
    outer.left <= inner.left &&
    inner.right <= outer.right
  );
}

/**
 * Inserts `count` whole rows before `before`, as Excel does: rows at and below move down, a merge
 * strictly spanning the insertion row (top < before ≤ bottom) grows, one at or below it moves down.
 * The new rows are blank and take the number formats of `formatFrom` (a row of the sheet before).
 */
export function insertRows(s: SheetSnapshot, before: number, count: number, formatFrom: number): void {
  if (count <= 0) return;
  const fmtRow = s.numberFormat?.[formatFrom - s.top];
  const formats = fmtRow ? [...fmtRow] : null;
  if (before <= s.top) {
    s.top += count;
  } else if (before - s.top < s.values.length) {
    const at = before - s.top;
    const width = Math.max(formats?.length ?? 0, s.values[at - 1]?.length ?? 0);
    const blankRows = <T>(blank: T) => Array.from({ length: count }, () => Array<T>(width).fill(blank));
    s.values.splice(at, 0, ...blankRows<CellValue>(null));
    s.text?.splice(at, 0, ...blankRows<string | null>(null));
    s.formulas?.splice(at, 0, ...blankRows<string | null>(null));
    s.numberFormat?.splice(
      at,
      0,
      ...Array.from({ length: count }, () =>
        Array.from({ length: width }, (_, c) => formats?.[c] ?? "General"),
      ),
    );
  } else if (formats && s.numberFormat) {
    // Below the data: the formats still carry over, as Excel's format-from-above does.
    for (let i = 0; i < count; i++) {
      formats.forEach((f, c) => {
        ensureCell(s, before + i, s.left + c);
        s.numberFormat![before + i - s.top][c] = f;
      });
    }
  }
  for (const m of s.merges) {
    if (m.top >= before) {
      m.top += count;
      m.bottom += count;
    } else if (m.bottom >= before) {
      m.bottom += count;
    }
  }
}

/** Unmerges every merged area the new areas touch, then merges the new areas. */
export function setMerges(s: SheetSnapshot, areas: readonly CellRange[]): void {
  if (areas.length === 0) return;
  s.merges = s.merges.filter((m) => !areas.some((a) => intersects(a, m)));
  for (const a of areas) s.merges.push({ ...a });
}

/** One step of a RowInsertPlan: insert, write the cells, then set the merges. */
export function applyStep(s: SheetSnapshot, step: RowInsertStep): void {
  insertRows(s, step.beforeRow, step.count, step.formatFromRow);
  for (const c of step.cells) writeCell(s, c.row, c.col, c.value);
  setMerges(s, step.merges);
}

/** Writes a layout's values, formats and merges with its top-left cell at `origin`. */
export function writeLayout(
  s: SheetSnapshot,
  layout: FormLayout,
  origin: { row: number; col: number },
): void {
  if (!s.numberFormat) s.numberFormat = s.values.map((r) => r.map(() => "General"));
  if (!s.text) s.text = s.values.map((r) => r.map((v) => (v === null ? null : String(v))));
  for (const cell of layout.cells) {
    const row = origin.row + cell.row;
    const col = origin.col + cell.col;
    ensureCell(s, row, col);
    s.numberFormat![row - s.top][col - s.left] = TEMPLATE_STYLES[cell.style].numberFormat ?? "General";
    writeCell(s, row, col, cell.value);
  }
  const areas = layout.merges.map((m) => ({
    top: m.top + origin.row,
    left: m.left + origin.col,
    bottom: m.bottom + origin.row,
    right: m.right + origin.col,
  }));
  setMerges(s, areas);
}
