/**
 * Read access to one sheet of a snapshot by absolute row/column, with normalised text and
 * merged-area lookup. The reader works on this, never on raw arrays.
 */
import { isCellError, type CellRange, type CellValue, type SheetSnapshot } from "./snapshot";
import { normalizeLabel, normalizeText } from "./text";

/** Beyond this many cells a merge is not indexed cell by cell. */
const MAX_INDEXED_MERGE_CELLS = 10_000;

/** Labels memoised by text, shared by every sheet and check (normalizeText memoises itself). */
const MEMO_LIMIT = 200_000;
const labelMemo = new Map<string, string>();

/** normalizeLabel of an already normalised text. */
function labelOf(text: string): string {
  if (text === "") return "";
  let l = labelMemo.get(text);
  if (l === undefined) {
    l = normalizeLabel(text);
    if (labelMemo.size >= MEMO_LIMIT) labelMemo.clear();
    labelMemo.set(text, l);
  }
  return l;
}

const NONE: readonly number[] = [];

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
  /** The merge covering each cell, by row then column (relative to firstRow / firstCol). */
  private readonly mergeRows: (CellRange | undefined)[][] = [];
  /** Indexed merges that start above or left of the first cell, with the bounds indexed. */
  private readonly outsideMerges: { m: CellRange; bottom: number; right: number }[] = [];
  /** Merges too large to index cell by cell (a whole-column merge), looked up one by one. */
  private readonly largeMerges: CellRange[] = [];
  /**
   * Normalised text and label of every cell looked at, blank cells included, in arrays by row
   * (relative to firstRow / firstCol): each cell is normalised at most once per sheet.
   */
  private readonly textRows: (string | undefined)[][] = [];
  private readonly labelRows: (string | undefined)[][] = [];
  private readonly filledRows: (number[] | undefined)[] = [];

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
      if (m.top < this.firstRow || m.left < this.firstCol) this.outsideMerges.push({ m, bottom, right });
      for (let r = Math.max(m.top, this.firstRow); r <= bottom; r++) {
        const row = (this.mergeRows[r - this.firstRow] ??= []);
        for (let c = Math.max(m.left, this.firstCol); c <= right; c++) row[c - this.firstCol] = m;
      }
    }
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
    const i = row - this.firstRow;
    const j = col - this.firstCol;
    if (i < 0 || j < 0 || row > this.lastRow || col > this.lastCol) return this.uncachedText(row, col);
    const cached = (this.textRows[i] ??= [])[j];
    if (cached !== undefined) return cached;
    return (this.textRows[i][j] = this.uncachedText(row, col));
  }

  private uncachedText(row: number, col: number): string {
    const shown = this.displayed(row, col);
    return shown === "" ? "" : normalizeText(shown);
  }

  label(row: number, col: number): string {
    const i = row - this.firstRow;
    const j = col - this.firstCol;
    if (i < 0 || j < 0 || row > this.lastRow || col > this.lastCol) return labelOf(this.text(row, col));
    const cached = (this.labelRows[i] ??= [])[j];
    if (cached !== undefined) return cached;
    return (this.labelRows[i][j] = labelOf(this.text(row, col)));
  }

  isBlank(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  /**
   * The columns of a row's non-blank cells, left to right: the row's label index, built once per
   * row, so label searches and blank-row tests look at the filled cells only.
   */
  filledCols(row: number): readonly number[] {
    const i = row - this.firstRow;
    if (i < 0 || row > this.lastRow) return NONE;
    let cols = this.filledRows[i];
    if (cols === undefined) {
      cols = [];
      const width = Math.max(this.snapshot.values[i]?.length ?? 0, this.snapshot.text?.[i]?.length ?? 0);
      for (let c = this.firstCol; c < this.firstCol + width; c++) if (this.text(row, c) !== "") cols.push(c);
      this.filledRows[i] = cols;
    }
    return cols;
  }

  isRowBlank(row: number, fromCol = this.firstCol, toCol = this.lastCol): boolean {
    if (!this.hasRow(row)) return true;
    for (const c of this.filledCols(row)) {
      if (c > toCol) break;
      if (c >= fromCol) return false;
    }
    return true;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    const m =
      row >= this.firstRow && col >= this.firstCol
        ? this.mergeRows[row - this.firstRow]?.[col - this.firstCol]
        : this.mergeByCellOutside(row, col);
    if (m !== undefined || this.largeMerges.length === 0) return m;
    return this.largeMerges.find((l) => row >= l.top && row <= l.bottom && col >= l.left && col <= l.right);
  }

  /** A merge cell left of or above the snapshot's first cell (merges may start there). */
  private mergeByCellOutside(row: number, col: number): CellRange | undefined {
    let found: CellRange | undefined;
    // The last one wins, as when the cells were indexed one merge after another.
    for (const { m, bottom, right } of this.outsideMerges)
      if (row >= m.top && row <= bottom && col >= m.left && col <= right) found = m;
    return found;
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
