/** A1 addresses <-> 0-based row/column numbers. */
import type { CellRange } from "./snapshot";

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/col to `C6` (no `$`). */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** `C6`, `$C$6` -> { row: 5, col: 2 }; null when not a cell address. */
export function parseA1(addr: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(addr.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** `A1:F3` or `B2` (optionally `Sheet1!A1:B2`, sheet part ignored) -> range; null if malformed. */
export function parseRangeA1(addr: string): CellRange | null {
  const bang = addr.lastIndexOf("!");
  const body = bang >= 0 ? addr.slice(bang + 1) : addr;
  const [a, b] = body.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
