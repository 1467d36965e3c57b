/**
 * A stable JSON fingerprint of everything a user sees of a workbook's cells: sheets (name,
 * visibility), every non-empty cell's value, formula, number format and format, merges, column
 * widths, row heights, all conditional formats and data validations. Equal signatures = nothing visible changed (e.g. after an
 * add-in added and then cleared its marks). Selection, active sheet and settings are left out.
 */
import type { MemoryCell, MemoryWorkbook } from "./state";

export function formatSignature(wb: MemoryWorkbook): string {
  const sheets = wb.sheets.map((s) => {
    const cells: unknown[] = [];
    for (const r of [...s.cells.keys()].sort((a, b) => a - b)) {
      const line = s.cells.get(r);
      if (!line) continue;
      for (const c of [...line.keys()].sort((a, b) => a - b)) {
        const cell = line.get(c) as MemoryCell;
        if (isBlank(cell)) continue;
        cells.push([r, c, cell.value, cell.formula, cell.numberFormat, cell.format]);
      }
    }
    const merges = [...s.merges].sort(
      (a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right,
    );
    const widths = [...s.columnWidths.entries()]
      .filter(([, w]) => w !== s.defaultColumnWidth)
      .sort((a, b) => a[0] - b[0]);
    const heights = [...s.rowHeights.entries()]
      .filter(([, h]) => h !== s.defaultRowHeight)
      .sort((a, b) => a[0] - b[0]);
    return {
      name: s.name,
      visibility: s.visibility,
      cells,
      merges,
      defaultColumnWidth: s.defaultColumnWidth,
      columnWidths: widths,
      defaultRowHeight: s.defaultRowHeight,
      rowHeights: heights,
      conditionalFormats: s.conditionalFormats,
      dataValidations: s.dataValidations,
    };
  });
  return stableStringify(sheets);
}

function isBlank(cell: MemoryCell): boolean {
  return (
    cell.value === null &&
    cell.formula === null &&
    cell.numberFormat === "General" &&
    stableStringify(cell.format) === "{}"
  );
}

/** JSON with object keys sorted and undefined members dropped (so equal data = equal text). */
function stableStringify(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      const y = sortKeys(x);
      if (y && typeof y === "object" && !Array.isArray(y) && Object.keys(y).length === 0) continue;
      out[k] = y;
    }
    return out;
  }
  return v;
}
