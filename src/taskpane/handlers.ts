/**
 * Callback types of the pane's components. They live in a .ts file because the lint config's
 * TypeScript-aware no-unused-vars covers .ts only; in .tsx the core rule flags the parameter
 * names of function types.
 */
import type { Finding } from "../app/findings";
import type { CellAddress, Category, Severity } from "../rules/types";

export type SelectFinding = (finding: Finding, target?: CellAddress) => void;
export type KeyAction = (key: string) => void;
export type SaveExplanation = (key: string, text: string) => void;
export type ToggleSeverity = (severity: Severity) => void;
export type ChooseCategory = (category: Category | "all") => void;
