/**
 * Cell edits against a snapshot (the fixes of issue 13), pure: whether an edit still applies (the cell
 * holds the value the fix was made from and no formula) and the snapshot with edits applied, for a
 * preview, for the command line's `--fix` and for tests. Typed structurally so the engine imports no
 * rule types.
 */
import { parseA1 } from "./address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";

export interface EditLike {
  sheet: string;
  cell: string;
  before: string | number | null;
  after: string | number | null;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return (
    snapshot.sheets.find((s) => s.name === name) ??
    snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
  );
}

/** A cell's value and formula as the snapshot holds them (null when outside the sheet or absent). */
export function cellAt(
  snapshot: WorkbookSnapshot,
  sheet: string,
  cell: string,
): { value: CellValue; formula: string | null } | null {
  const s = sheetOf(snapshot, sheet);
  const at = parseA1(cell);
  if (!s || !at) return null;
  const i = at.row - s.top;
  const j = at.col - s.left;
  const value = i >= 0 && j >= 0 ? (s.values[i]?.[j] ?? null) : null;
  const formula = i >= 0 && j >= 0 ? s.formulas?.[i]?.[j] || null : null;
  return { value, formula };
}

/** The value read equals the one a fix was made from (blank and "" are the same). */
export function sameValue(current: CellValue | undefined, before: string | number | null): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(current) || blank(before)) return blank(current) && blank(before);
  return current === before;
}

/** Why an edit cannot be applied to this snapshot, or null when it can. */
export function editRefusal(
  snapshot: WorkbookSnapshot,
  edit: EditLike,
): "missing" | "formula" | "changed" | null {
  const c = cellAt(snapshot, edit.sheet, edit.cell);
  if (!c) return "missing";
  if (c.formula) return "formula";
  return sameValue(c.value, edit.before) ? null : "changed";
}

/**
 * The diagnostics with only the fixes whose every edit applies to the snapshot they were found in:
 * a fix on a formula cell, or made from a value composed of several cells, is not offered.
 */
export function offerableFixes<D extends { fixes?: { edits: EditLike[] }[] }>(
  snapshot: WorkbookSnapshot,
  diagnostics: D[],
): D[] {
  return diagnostics.map((d) => {
    if (!d.fixes?.length) return d;
    const fixes = d.fixes.filter((f) => f.edits.every((e) => editRefusal(snapshot, e) === null));
    if (fixes.length === d.fixes.length) return d;
    const rest = { ...d };
    delete rest.fixes;
    return fixes.length ? { ...rest, fixes } : rest;
  });
}

/**
 * A copy of the snapshot with the edits written (value and displayed text; the formula cleared), the
 * sheets not edited shared. The caller has checked the edits apply (editRefusal).
 */
export function applyEditsToSnapshot(
  snapshot: WorkbookSnapshot,
  edits: readonly EditLike[],
): WorkbookSnapshot {
  const copies = new Map<SheetSnapshot, SheetSnapshot>();
  for (const e of edits) {
    const original = sheetOf(snapshot, e.sheet);
    const at = parseA1(e.cell);
    if (!original || !at) continue;
    let s = copies.get(original);
    if (!s) {
      s = {
        ...original,
        values: original.values.map((r) => (r ? [...r] : r)),
        ...(original.text ? { text: original.text.map((r) => (r ? [...r] : r)) } : {}),
        ...(original.formulas ? { formulas: original.formulas.map((r) => (r ? [...r] : r)) } : {}),
      };
      copies.set(original, s);
    }
    // Cells left of or above the snapshot's origin do not occur: an edit is made from a cell it read.
    const i = at.row - s.top;
    const j = at.col - s.left;
    if (i < 0 || j < 0) continue;
    const value: CellValue = e.after === "" ? null : e.after;
    (s.values[i] ??= [])[j] = value;
    if (s.text) (s.text[i] ??= [])[j] = value === null ? "" : String(value);
    if (s.formulas?.[i]) s.formulas[i][j] = null;
  }
  if (copies.size === 0) return snapshot;
  return { ...snapshot, sheets: snapshot.sheets.map((s) => copies.get(s) ?? s) };
}
