/**
 * The one narrow interface between the add-in's logic and a workbook host (Excel through Office.js,
 * or the in-memory host used by the demo and the tests). Every write is described as data first
 * (a plan), then applied by the host.
 */
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { CellAddress, CellEdit, Lang, Severity } from "../core";
import type { ReportSheetPlan } from "../report/sheet";
import type { NewSheetPlan, RowInsertPlan } from "../template/types";

/** One highlighted cell; the worst severity of the findings on it. */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Exclude<Severity, "info">;
}

/** A user's 说明 for a warning (提示性审核), stored in the workbook. */
export interface Explanation {
  /** See explanationKey(): rule, message, sheet and cell of the finding. */
  key: string;
  text: string;
  /** ISO timestamp of the last edit. */
  at: string;
}

/** The report sheet, as data: the host writes it as a new sheet (replacing a previous one). */
/** The report sheet, planned once for both report sheets (src/report/sheet.ts). */
export type { ReportSheetPlan };

export interface HostCapabilities {
  /** Merged areas can be read (ExcelApi 1.13). Without them the reader still works on values. */
  mergedAreas: boolean;
  /** Change events (ExcelApi 1.7) for re-checking after an edit. */
  changeEvents: boolean;
  /**
   * The user's undo stack survives this add-in's writes (Excel Version 2509, ExcelApi 1.20). Where
   * it does not, an automatic re-check updates the pane only and writes nothing.
   */
  undoPreserved: boolean;
}

/** What painting the marks did. */
export interface MarksOutcome {
  /** Cells marked now (on the sheets that could be written). */
  marked: number;
  /** Our rules added and deleted: 0 when nothing changed. */
  rulesWritten: number;
  /** Sheets left as they were, and why. */
  skipped: { sheet: string; reason: "protected" | "unreadable" }[];
  /** Marks left out to bound the size of the write (the first ones, errors first, are kept). */
  truncated: number;
}

/** Options of a host call made without the user asking (the automatic re-check). */
export interface CallOptions {
  background?: boolean;
  /**
   * read(): only the sheets changed since the last read need reading (the re-check after an edit); a
   * host may still read more, and reads everything when it cannot know what changed.
   */
  changedOnly?: boolean;
}

export interface HostInfo {
  /** "excel" for Office.js, "memory" for the in-memory host. */
  kind: "excel" | "memory";
  lang: Lang;
  capabilities: HostCapabilities;
}

/** What writing a fix's cell edits did: all written, or none (with the reasons). */
export interface EditsOutcome {
  /** Cells written (0 when any edit was refused: a batch is never half applied). */
  written: number;
  /**
   * Edits refused: the cell no longer holds `before` (changed since the check), holds a formula, is on a
   * protected sheet, or is gone (sheet missing).
   */
  refused: { edit: CellEdit; reason: "changed" | "formula" | "protected" | "missing" }[];
}

export interface WorkbookHost {
  info(): HostInfo;
  /** The whole workbook as a snapshot, in a fixed number of round trips. */
  read(options?: CallOptions): Promise<WorkbookSnapshot>;
  /** Replaces the marks this add-in made before (and only those) with these, writing only what changed. */
  applyMarks(marks: CellMark[], options?: CallOptions): Promise<MarksOutcome>;
  /** Removes every mark this add-in made (also those from an earlier session); returns how many. */
  clearMarks(): Promise<number>;
  /** Activates the sheet and selects the cell (and shows the related cells with it). */
  select(target: CellAddress, related: CellAddress[]): Promise<void>;
  loadExplanations(): Promise<Explanation[]>;
  /**
   * The workbook's CheckConfig setting as stored (a JSON object or its text), or null when it has none;
   * as of the last read(). Optional: a host without settings checks with the defaults.
   */
  loadConfig?(): Promise<unknown>;
  /**
   * Stores one explanation (null removes it) without touching the others: each is its own
   * setting, so another co-author's 说明 saved meanwhile is kept.
   */
  saveExplanation(key: string, explanation: Explanation | null): Promise<void>;
  /** Writes the report sheet (replacing only the one this add-in made before); returns its name. */
  writeReport(plan: ReportSheetPlan): Promise<string>;
  /**
   * Calls back with the sheet name after a user edit (not after this add-in's own writes, nor a
   * co-author's); with the sheet's id for a sheet added since the last read.
   */
  onUserEdit(listener: (sheet: string) => void): Promise<() => Promise<void>>;
  /** The active cell (top-left of the selection), or null when there is none. */
  getSelection(): Promise<CellAddress | null>;
  /** Inserts template rows (indicator rows, missing 二级 slots) as planned; selects the planned cell. */
  applyRowInsert(plan: RowInsertPlan): Promise<void>;
  /** Adds a worksheet holding blank template forms, as planned, and activates it. */
  addSheet(plan: NewSheetPlan): Promise<void>;
  /**
   * Writes fixes' cell edits in one batch (a fixed number of round trips whatever their count): each
   * cell's current value is compared with `before` first, and if any changed, holds a formula or is
   * protected, nothing is written. Values only: formats and other cells are left as they are.
   */
  applyEdits(edits: readonly CellEdit[]): Promise<EditsOutcome>;
}
