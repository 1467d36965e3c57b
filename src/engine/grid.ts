/**
 * Read access to one sheet of a snapshot by absolute row/column, with normalised text and
 * merged-area lookup. The reader works on this, never on raw arrays.
 */
import { isCellError, type CellRange, type CellValue, type SheetSnapshot } from "./snapshot";
import { normalizeLabel, normalizeText } from "./text";

/** Beyond this many cells a merge is not indexed cell by cell. */
const MAX_INDEXED_MERGE_CELLS = 10_000;

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export class SheetGrid {
  readonly name: string;
  /** Last absolute row / column that exists in the snapshot (inclusive); -1 when empty. */
  readonly lastRow: number;
  readonly lastCol: number;
  readonly firstRow: number;
  readonly firstCol: number;
  private readonly mergeByCell = new Map<number, CellRange>();
  /** Merges too large to index cell by cell (a whole-column merge), looked up one by one. */
  private readonly largeMerges: CellRange[] = [];
  private readonly textCache = new Map<number, string>();
  private readonly labelCache = new Map<number, string>();

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.firstRow = snapshot.top;
    this.firstCol = snapshot.left;
    this.lastRow = snapshot.top + snapshot.values.length - 1;
    let width = 0;
    // forEach: a snapshot of a sparse sheet may leave its empty rows out (holes).
    snapshot.values.forEach((row) => {
      if (row) width = Math.max(width, row.length);
    });
    this.lastCol = snapshot.left + width - 1;
    for (const m of snapshot.merges) {
      // Only the cells we can look up matter; cap pathological whole-column merges.
      const bottom = Math.min(m.bottom, Math.max(this.lastRow, m.top));
      const right = Math.min(m.right, Math.max(this.lastCol, m.left));
      if ((bottom - m.top + 1) * (right - m.left + 1) > MAX_INDEXED_MERGE_CELLS) {
        this.largeMerges.push(m);
        continue;
      }
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++) this.mergeByCell.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** False for a row the snapshot leaves out altogether (a hole in a sparse sheet's arrays). */
  hasRow(row: number): boolean {
    const i = row - this.snapshot.top;
    return this.snapshot.values[i] !== undefined || this.snapshot.text?.[i] !== undefined;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.name, row, col };
  }

  value(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - this.snapshot.top];
    if (!r) return null;
    const v = r[col - this.snapshot.left];
    return v === undefined ? null : v;
  }

  /** What Excel displays, falling back to the value when the snapshot has no text. */
  displayed(row: number, col: number): string {
    const t = this.snapshot.text?.[row - this.snapshot.top]?.[col - this.snapshot.left];
    if (t !== undefined && t !== null) return t;
    const v = this.value(row, col);
    if (v === null) return "";
    if (isCellError(v)) return v.error;
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  numberFormat(row: number, col: number): string {
    return this.snapshot.numberFormat?.[row - this.snapshot.top]?.[col - this.snapshot.left] ?? "General";
  }

  formula(row: number, col: number): string | null {
    const f = this.snapshot.formulas?.[row - this.snapshot.top]?.[col - this.snapshot.left];
    return f ? f : null;
  }

  /** Normalised displayed text ("" for blank). */
  text(row: number, col: number): string {
    const k = this.key(row, col);
    let t = this.textCache.get(k);
    if (t === undefined) {
      const shown = this.displayed(row, col);
      if (shown === "") return ""; // blank cells are not cached: a large sheet is mostly blank
      t = normalizeText(shown);
      this.textCache.set(k, t);
    }
    return t;
  }

  label(row: number, col: number): string {
    const k = this.key(row, col);
    let l = this.labelCache.get(k);
    if (l === undefined) {
      const t = this.text(row, col);
      if (t === "") return "";
      l = normalizeLabel(t);
      this.labelCache.set(k, l);
    }
    return l;
  }

  isBlank(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  isRowBlank(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    if (!this.hasRow(row)) return true;
    for (let c = fromCol; c <= toCol; c++) if (!this.isBlank(row, c)) return false;
    return true;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    const m = this.mergeByCell.get(this.key(row, col));
    if (m !== undefined || this.largeMerges.length === 0) return m;
    return this.largeMerges.find((l) => row >= l.top && row <= l.bottom && col >= l.left && col <= l.right);
  }

  /** True when (row, col) is covered by a merge but is not its top-left cell. */
  isMergeTail(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** First non-blank cell to the right of col in the row, up to maxCol; skips merge tails. */
  nextFilled(row: number, col: number, maxCol = this.lastCol): number | null {
    for (let c = col + 1; c <= maxCol; c++) if (!this.isBlank(row, c)) return c;
    return null;
  }

  /** The cell a user would type into just right of a label: past the label's own merge. */
  cellRightOf(row: number, col: number): number {
    const m = this.mergeAt(row, col);
    return m ? m.right + 1 : col + 1;
  }
}
