/**
 * Callback types of the pane's components. They live in a .ts file because the lint config's
 * TypeScript-aware no-unused-vars covers .ts only; in .tsx the core rule flags the parameter
 * names of function types.
 */
import type { Finding } from "../app/findings";
import type { Level2 } from "../engine/vocabulary";
import type { CellAddress, Category, Severity } from "../core";

export type SelectFinding = (finding: Finding, target?: CellAddress) => void;
export type KeyAction = (key: string) => void;
export type SaveExplanation = (key: string, text: string) => void;
export type ToggleSeverity = (severity: Severity) => void;
export type ChooseCategory = (category: Category | "all") => void;

/** Chooses a 指标库 entry by name; null for a blank row. */
export type ChooseEntry = (name: string | null) => void;

/** What the 插入 tab can ask of its controller (see InsertController). */
export interface InsertHandlers {
  refresh: () => void;
  chooseForm: (index: number | null) => void;
  chooseLevel2: (level2: Level2 | null) => void;
  search: (query: string) => void;
  chooseEntry: ChooseEntry;
  insertRow: () => void;
  previewStructure: () => void;
  applyStructure: () => void;
  cancelStructure: () => void;
  previewNewSheet: () => void;
  applyNewSheet: () => void;
  cancelNewSheet: () => void;
}
