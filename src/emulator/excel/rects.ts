/**
 * Rectangle arithmetic on cell ranges (0-based, inclusive): what conditional formats, data
 * validations and merges need when cells are inserted, pasted or cleared.
 */
import type { CellRange } from "./state";

export function area(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersection(a: CellRange, b: CellRange): CellRange | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** `a` without the cells of `b`: up to four rectangles (bands above and below, then left and right). */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  const i = intersection(a, b);
  if (!i) return [{ ...a }];
  const out: CellRange[] = [];
  if (a.top < i.top) out.push({ top: a.top, left: a.left, bottom: i.top - 1, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, left: a.left, bottom: i.bottom, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, left: i.right + 1, bottom: i.bottom, right: a.right });
  return out;
}

/** The rectangles without the cells of `b`. */
export function subtractAll(rects: CellRange[], b: CellRange): CellRange[] {
  return rects.flatMap((r) => subtract(r, b));
}

/** The parts of the rectangles inside `b`. */
export function clip(rects: CellRange[], b: CellRange): CellRange[] {
  return rects.map((r) => intersection(r, b)).filter((r): r is CellRange => r !== null);
}

/**
 * Joins rectangles that together form a rectangle (same columns and touching rows, or same rows
 * and touching columns), keeping the order (a joined pair takes the first one's place).
 */
export function coalesce(rects: CellRange[]): CellRange[] {
  const out = rects.map((r) => ({ ...r }));
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = 0; i < out.length && !joined; i++) {
      for (let j = i + 1; j < out.length && !joined; j++) {
        const a = out[i];
        const b = out[j];
        const sameCols = a.left === b.left && a.right === b.right;
        const sameRows = a.top === b.top && a.bottom === b.bottom;
        const rowsTouch = a.top <= b.bottom + 1 && b.top <= a.bottom + 1;
        const colsTouch = a.left <= b.right + 1 && b.left <= a.right + 1;
        if ((sameCols && rowsTouch) || (sameRows && colsTouch)) {
          out[i] = {
            top: Math.min(a.top, b.top),
            left: Math.min(a.left, b.left),
            bottom: Math.max(a.bottom, b.bottom),
            right: Math.max(a.right, b.right),
          };
          out.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  return out;
}

export function sameRect(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
