/**
 * The model the rules see: every form found in the workbook, every field and indicator with the
 * sheet and cell it came from, plus what the reader had to normalise on the way.
 */
import type { CellRef } from "./grid";
import type { ParsedValue } from "./value-grammar";
import type { NumberCell } from "./numbers";
import type { CellRange } from "./snapshot";
import type { Level1, Level2 } from "./vocabulary";

export type { CellRef } from "./grid";

/** A text field: the label was found; `ref` is the cell that holds (or should hold) the value. */
export interface TextField {
  ref: CellRef;
  /** Normalised text ("" when blank). */
  text: string;
  /** The text as stored (not normalised), for hygiene checks. */
  raw: string;
  /** Where the label sits. */
  labelRef: CellRef;
}

export interface NumberField extends NumberCell {
  labelRef: CellRef;
}

export interface IndicatorValue {
  ref: CellRef;
  /** The value as written; where the template splits operator, value and unit, the three composed. */
  raw: string;
  parsed: ParsedValue;
  /** The template's own 计量单位 / 度量单位 cell, where it has one. */
  unitRef?: CellRef;
}

export interface Indicator {
  level1: Level1 | null;
  level1Ref: CellRef | null;
  level2: Level2 | null;
  level2Ref: CellRef | null;
  /** The 三级 name, normalised. */
  name: string;
  nameRaw: string;
  nameRef: CellRef;
  period: IndicatorValue;
  annual: IndicatorValue;
  row: number;
  /** The template marks the indicator 定性 (指标性质 / 指标值类型 column): it may carry no figure. */
  qualitative?: boolean;
}

/** A 二级 row of the indicator table, used or not. */
export interface Level2Slot {
  level1: Level1 | null;
  level2: Level2;
  ref: CellRef;
  indicatorCount: number;
}

/** Where the reader had to interpret a row or cell that is off the canonical layout. */
export type LayoutNoteKind =
  | "row-shifted-left"
  | "row-shifted-right"
  | "extra-column"
  | "text-in-label-column"
  | "level3-in-level1-column"
  | "level2-in-level1-column"
  | "number-as-text";

export interface LayoutNote {
  kind: LayoutNoteKind;
  ref: CellRef;
  /** Extra values for the message. */
  args?: Record<string, string | number>;
}

/** Labels the tree does not accept, found while reading. */
export type StructureIssueKind =
  "unknown-level1" | "unknown-level2" | "level2-wrong-parent" | "missing-section" | "no-indicator-table";

export interface StructureIssue {
  kind: StructureIssueKind;
  ref: CellRef;
  args: Record<string, string | number>;
  /** The cell's text as stored (not normalised), where the issue is a label in a cell (for fixes). */
  raw?: string;
}

interface FormBase {
  sheet: string;
  /** The rows and columns the form occupies. */
  range: CellRange;
  /** The form's first column (column A of the template). */
  origin: CellRef;
  /** A name to show: 部门名称 or 项目名称 (or a placeholder when blank). */
  displayName: string;
  indicators: Indicator[];
  slots: Level2Slot[];
  /** The indicator table's header row, when found. */
  indicatorHeader: CellRef | null;
  layoutNotes: LayoutNote[];
  structureIssues: StructureIssue[];
  /** Whether the older tree (成本 under 产出) is in use. */
  olderTree: boolean;
  /** The template profile the form was read with (absent on hand-built models: the Dongguan one). */
  template?: TemplateChoice;
  /** Fields of a profile-read form, with whether the template requires them. */
  fields?: FormField[];
  /**
   * What the form's indicator tree requires (二级 and 一级 that must hold a 三级); null where the
   * tree demands nothing (发改 tree, flat list). Absent: the Dongguan rules.
   */
  treeRequired?: { level2: Level2[]; level1: Level1[] } | null;
  /** The sums the form's template implies (its profile's `sums`), with their cells. */
  sums?: FormSum[];
}

/** One term of a template sum: what the workbook calls it and the amount read. */
export interface SumTerm {
  /** The item's label as the form prints it (其中:财政拨款, 基本支出). */
  label: string;
  /** The block or column it belongs to (2022年, 当年金额), "" when none. */
  field: string;
  labelRef: CellRef;
  number: NumberCell;
}

/** A sum the template implies (SumProfile), resolved to cells: total = Σ parts, in `unit`. */
export interface FormSum {
  /** The rule that reports it (budget-sum, or dept-balance for a department's income and spending). */
  rule: "budget-sum" | "dept-balance";
  unit: "元" | "万元";
  total: SumTerm;
  parts: SumTerm[];
  /** Σ parts may fall short of the total (an upper bound, not an equality). */
  atMost?: boolean;
}

/** The profile chosen for a form: by detection (its score, 0–1) or forced by the user. */
export interface TemplateChoice {
  id: string;
  family: string;
  score: number;
  forced: boolean;
}

/** A field of a profile-read form: label found, value where the template puts it. */
export interface FormField {
  role: string;
  /** The label as the template prints it. */
  display: string;
  type: "text" | "amount" | "year" | "period" | "integer";
  required: boolean | "warning";
  labelRef: CellRef;
  ref: CellRef;
  text: string;
  raw: string;
  /** Amounts: the number read (in `unit`). */
  number?: NumberCell;
  unit?: "元" | "万元";
}

/** A sheet that holds a 绩效自评表 or a 绩效评价报告: recognised, not checked. */
export interface NotTargetForm {
  sheet: string;
  ref: CellRef;
  kind: "self-assessment" | "evaluation-report";
  template: TemplateChoice;
  title: string;
}

/** Something that looks like a target form but fits no profile well enough to be read. */
export interface UnrecognisedForm {
  sheet: string;
  ref: CellRef;
  /** The profile that came closest, with the anchors it found and missed. */
  closest: string;
  score: number;
  found: string[];
  missing: string[];
}

export interface KeyTask {
  row: number;
  name: TextField;
  content: TextField;
  amount: NumberField;
  goal: TextField;
}

export interface DepartmentBudget {
  basic?: NumberField;
  project?: NumberField;
  fiscal?: NumberField;
  other?: NumberField;
  special?: NumberField;
  otherDevelopment?: NumberField;
  cityLevel?: NumberField;
  transfer?: NumberField;
}

export interface DepartmentForm extends FormBase {
  kind: "department";
  title: TextField | null;
  /** The budget year from the `(2026年)` line. */
  year: number | null;
  yearRef: CellRef | null;
  name?: TextField;
  staffCount?: NumberField;
  subUnitCount?: NumberField;
  budget: DepartmentBudget;
  overallGoal?: TextField;
  tasks: KeyTask[];
  otherTasks?: TextField;
}

/** A label that carries a year: `2026年预算金额(元)`, `2026年度目标`. */
export interface YearLabel {
  year: number | null;
  ref: CellRef;
  text: string;
}

export interface ProjectForm extends FormBase {
  kind: "project";
  title: TextField | null;
  name?: TextField;
  type?: TextField;
  level?: TextField;
  owner?: TextField;
  user?: TextField;
  startYear?: NumberField;
  endYear?: NumberField;
  /** The project's budget, always in 元 (a profile in 万元 has it converted: see budgetUnit). */
  budget?: NumberField;
  /** The unit the form writes its budget in, where a template profile read it (万元: ×10,000 into `budget`). */
  budgetUnit?: "元" | "万元";
  budgetLabel?: YearLabel;
  periodGoal?: TextField;
  annualGoal?: TextField;
  annualGoalLabel?: YearLabel;
}

export type Form = DepartmentForm | ProjectForm;

export interface WorkbookModel {
  name?: string;
  forms: Form[];
  /** Sheets that hold no recognisable form. */
  sheetsWithoutForms: string[];
  /** Self-assessments and evaluation reports found (reported once, not checked). */
  notTargets?: NotTargetForm[];
  /** Forms no profile fits. */
  unrecognised?: UnrecognisedForm[];
}
