/**
 * Template edits through a WorkbookHost, without React: read the workbook and the selection, offer
 * the forms, groups and 指标库 entries, preview a plan, and apply it. Each apply reads the workbook
 * again and plans against that fresh read (an edit since the preview cannot be overwritten by an
 * outdated plan); the form is found again by sheet, kind and name. Host failures are thrown to the
 * caller (the task pane turns them into a status); expected situations are returned as errors.
 */
import { parseA1, toA1 } from "../engine/address";
import type { Form, WorkbookModel } from "../engine/model";
import { readWorkbook } from "../engine/read-forms";
import type { WorkbookSnapshot } from "../engine/snapshot";
import type { Level1, Level2 } from "../engine/vocabulary";
import type { WorkbookHost } from "../hosts/host";
import type { CellAddress } from "../core";
import { fillEntry, formBudget, hasPlaceholder, searchLibrary, type LibraryEntry } from "../template/library";
import {
  formAt,
  groupAt,
  layoutToSheet,
  planCompleteStructure,
  planInsertIndicatorRow,
  planNewProjectSheet,
  treeOf,
} from "../template/plans";
import type { NewSheetPlan, RowInsertPlan } from "../template/types";

/** What the insert actions start from: one read of the workbook and of the selection. */
export interface Prepared {
  snapshot: WorkbookSnapshot;
  model: WorkbookModel;
  /** The active cell; null when there is none (or it could not be read: see selectionError). */
  selection: CellAddress | null;
  /** Why the selection could not be read (the rest still works). */
  selectionError: unknown;
  /** The form around the selection. */
  defaultFormIndex: number | null;
  /** The group of the selected row in that form. */
  defaultLevel1: Level1 | null;
  defaultLevel2: Level2 | null;
}

/** Reads the workbook and the selection; the default form and group are those around the selection. */
export async function prepareInsertion(host: WorkbookHost): Promise<Prepared> {
  const snapshot = await host.read();
  const model = readWorkbook(snapshot);
  let selection: CellAddress | null = null;
  let selectionError: unknown = null;
  try {
    selection = await host.getSelection();
  } catch (err) {
    selectionError = err ?? new Error("getSelection failed");
  }
  return { snapshot, model, selection, selectionError, ...defaultsAt(model, selection) };
}

/** The form and group around a cell. */
export function defaultsAt(
  model: WorkbookModel,
  selection: CellAddress | null,
): Pick<Prepared, "defaultFormIndex" | "defaultLevel1" | "defaultLevel2"> {
  const at = selection && parseA1(selection.cell);
  const formIndex = at && selection ? formAt(model, selection.sheet, at.row) : null;
  const group = formIndex !== null && at ? groupAt(model.forms[formIndex], at.row) : null;
  return {
    defaultFormIndex: formIndex,
    defaultLevel1: group?.level1 ?? null,
    defaultLevel2: group?.level2 ?? null,
  };
}

// ---- choices -------------------------------------------------------------------------------

export interface FormChoice {
  index: number;
  kind: Form["kind"];
  name: string;
  sheet: string;
  /** `A1:F45`. */
  range: string;
  hasTable: boolean;
  /** The form's budget in 元 (digits), when readable. */
  budget: string | undefined;
}

export function formChoices(model: WorkbookModel): FormChoice[] {
  return model.forms.map((f, index) => ({
    index,
    kind: f.kind,
    name: f.displayName,
    sheet: f.sheet,
    range: `${toA1(f.range.top, f.range.left)}:${toA1(f.range.bottom, f.range.right)}`,
    hasTable: f.indicatorHeader !== null,
    budget: formBudget(f),
  }));
}

export interface GroupChoice {
  level1: Level1 | null;
  level2: Level2;
  /** The form has this 二级 row (only then can a 三级 row be inserted under it). */
  present: boolean;
  /** The 二级 row (absolute, 0-based), when present. */
  row: number | null;
}

/**
 * The groups of a form: its tree's 二级 in tree order (missing ones with present=false), then any
 * other 二级 rows the form has (可持续影响 in a current-tree form), in sheet order. None without an
 * indicator table.
 */
export function groupChoices(form: Form): GroupChoice[] {
  if (!form.indicatorHeader) return [];
  const slotOf = new Map<Level2, Form["slots"][number]>();
  for (const s of [...form.slots].sort((a, b) => a.ref.row - b.ref.row)) {
    if (!slotOf.has(s.level2)) slotOf.set(s.level2, s);
  }
  const out: GroupChoice[] = [];
  const seen = new Set<Level2>();
  for (const g of treeOf(form)) {
    for (const l2 of g.level2) {
      const s = slotOf.get(l2);
      out.push({ level1: s?.level1 ?? g.level1, level2: l2, present: !!s, row: s?.ref.row ?? null });
      seen.add(l2);
    }
  }
  for (const [l2, s] of slotOf) {
    if (!seen.has(l2)) out.push({ level1: s.level1, level2: l2, present: true, row: s.ref.row });
  }
  return out;
}

export interface LibraryChoice {
  level2: Level2;
  /** The entry with the form's budget filled in. */
  entry: LibraryEntry;
  /** The budget was needed but the form has none: the value still holds {预算金额}. */
  needsBudget: boolean;
}

/** The 指标库 entries of a 二级 matching the query, with the form's 预算金额 filled in. */
export function libraryChoices(form: Form | undefined, level2: Level2, query: string): LibraryChoice[] {
  const budget = form ? formBudget(form) : undefined;
  return searchLibrary(query, level2).map(({ level2: l2, entry }) => {
    const filled = fillEntry(entry, { budget });
    return { level2: l2, entry: filled, needsBudget: hasPlaceholder(filled) };
  });
}

// ---- previews ------------------------------------------------------------------------------

export type RowEntry = { name: string; period: string; annual: string; unit?: string; hint?: string };

export type InsertErrorKind =
  /** No such form (or it is gone since the preview). */
  | "no-form"
  /** The form has no indicator table. */
  | "no-table"
  /** The form has no row for this 二级 (complete the structure first). */
  | "no-group"
  /** The row to insert after is not in the group. */
  | "outside-group"
  /** Nothing to insert: the structure is complete. */
  | "complete";

export type Planned<P> = { ok: true; plan: P } | { ok: false; error: InsertErrorKind };

/** Inserts after the selected row when it lies in this form's group; else at the end of the group. */
function afterRowFor(prepared: Prepared, formIndex: number, level2: Level2): number | undefined {
  const sel = prepared.selection;
  const at = sel && parseA1(sel.cell);
  if (!sel || !at || prepared.defaultFormIndex !== formIndex) return undefined;
  const form = prepared.model.forms[formIndex];
  if (!form || form.sheet !== sel.sheet) return undefined;
  return groupAt(form, at.row).level2 === level2 ? at.row : undefined;
}

function toRowEntry(entry: RowEntry | undefined, form: Form): RowEntry | undefined {
  if (!entry) return undefined;
  // A library entry may still hold {预算金额}: fill it with this form's budget.
  const filled = fillEntry({ ...entry, unit: entry.unit ?? "" }, { budget: formBudget(form) });
  const out: RowEntry = { name: filled.name, period: filled.period, annual: filled.annual };
  // Written in the 计量单位 column of a split-value form (一体化 exports).
  if (filled.unit) out.unit = filled.unit;
  // The example value is shown in the preview, never written.
  if (filled.hint !== undefined) out.hint = filled.hint;
  return out;
}

/** The plan for one new 三级 row (with `entry`, or blank) in the form's `level2` group. */
export function planIndicatorRow(
  prepared: Prepared,
  formIndex: number,
  level2: Level2,
  entry?: RowEntry,
): Planned<RowInsertPlan> {
  const form = prepared.model.forms[formIndex];
  if (!form) return { ok: false, error: "no-form" };
  if (!form.indicatorHeader) return { ok: false, error: "no-table" };
  const afterRow = afterRowFor(prepared, formIndex, level2);
  const opts: Parameters<typeof planInsertIndicatorRow>[3] = { level2 };
  if (afterRow !== undefined) opts.afterRow = afterRow;
  const e = toRowEntry(entry, form);
  if (e) opts.entry = e;
  const plan = planInsertIndicatorRow(prepared.model, prepared.snapshot, formIndex, opts);
  return "error" in plan ? { ok: false, error: plan.error } : { ok: true, plan };
}

/** The plan for the 二级 rows the form lacks; error "complete" when none is missing. */
export function planStructure(prepared: Prepared, formIndex: number): Planned<RowInsertPlan> {
  const form = prepared.model.forms[formIndex];
  if (!form) return { ok: false, error: "no-form" };
  if (!form.indicatorHeader) return { ok: false, error: "no-table" };
  const plan = planCompleteStructure(prepared.model, prepared.snapshot, formIndex);
  return plan ? { ok: true, plan } : { ok: false, error: "complete" };
}

export interface NewSheetPreview {
  plan: NewSheetPlan;
  sheetName: string;
  /** 主管部门 / 用款单位 as prefilled ("" when left blank). */
  owner: string;
  user: string;
  year: number | null;
}

/** The new project sheet: its name and the prefilled fields, read back from the layout itself. */
export function planProjectSheet(prepared: Prepared, opts: { year?: number } = {}): NewSheetPreview {
  const plan = planNewProjectSheet(
    prepared.model,
    prepared.snapshot.sheets.map((s) => s.name),
    opts,
  );
  return describeNewSheet(plan);
}

export function describeNewSheet(plan: NewSheetPlan): NewSheetPreview {
  const first = plan.layouts[0];
  const form = first
    ? readWorkbook({ sheets: [layoutToSheet(first.layout, plan.sheetName, first.origin)] }).forms[0]
    : undefined;
  const project = form?.kind === "project" ? form : undefined;
  return {
    plan,
    sheetName: plan.sheetName,
    owner: project?.owner?.text ?? "",
    user: project?.user?.text ?? "",
    year: project?.budgetLabel?.year ?? project?.annualGoalLabel?.year ?? null,
  };
}

/** Where a row plan writes: sheet, the selected cell, its 1-based row, and whether rows are inserted. */
export function planLocation(plan: RowInsertPlan): {
  sheet: string;
  cell: string;
  row: number;
  inserted: number;
} {
  return {
    sheet: plan.sheet,
    cell: toA1(plan.select.row, plan.select.col),
    row: plan.select.row + 1,
    inserted: plan.steps.reduce((n, s) => n + s.count, 0),
  };
}

// ---- applying ------------------------------------------------------------------------------

/**
 * The prepared form in a fresh read: the same sheet, kind and name, the nearest to where it was.
 * Null when it is gone.
 */
function findAgain(prepared: Prepared, fresh: WorkbookModel, formIndex: number): number | null {
  const was = prepared.model.forms[formIndex];
  if (!was) return null;
  let best: number | null = null;
  fresh.forms.forEach((f, i) => {
    if (f.sheet !== was.sheet || f.kind !== was.kind || f.displayName !== was.displayName) return;
    const d = Math.abs(f.range.top - was.range.top);
    if (best === null || d < Math.abs(fresh.forms[best].range.top - was.range.top)) best = i;
  });
  return best;
}

/** A fresh read, with the selection as it was prepared. */
async function refresh(
  host: WorkbookHost,
  prepared: Prepared,
  formIndex: number,
): Promise<{ fresh: Prepared; index: number | null }> {
  const snapshot = await host.read();
  const model = readWorkbook(snapshot);
  const index = findAgain(prepared, model, formIndex);
  const fresh: Prepared = {
    ...prepared,
    snapshot,
    model,
    ...defaultsAt(model, prepared.selection),
  };
  return { fresh, index };
}

/** Inserts one 三级 row (the entry, or blank) under `level2` of the form; returns the plan applied. */
export async function insertIndicatorRow(
  host: WorkbookHost,
  prepared: Prepared,
  formIndex: number,
  level2: Level2,
  entry?: RowEntry,
): Promise<Planned<RowInsertPlan>> {
  const { fresh, index } = await refresh(host, prepared, formIndex);
  if (index === null) return { ok: false, error: "no-form" };
  const planned = planIndicatorRow(fresh, index, level2, entry);
  if (planned.ok) await host.applyRowInsert(planned.plan);
  return planned;
}

/** Inserts the 二级 rows the form lacks; returns the plan applied (error "complete" when none). */
export async function completeStructure(
  host: WorkbookHost,
  prepared: Prepared,
  formIndex: number,
): Promise<Planned<RowInsertPlan>> {
  const { fresh, index } = await refresh(host, prepared, formIndex);
  if (index === null) return { ok: false, error: "no-form" };
  const planned = planStructure(fresh, index);
  if (planned.ok) await host.applyRowInsert(planned.plan);
  return planned;
}

/** Adds a sheet with a blank, prefilled project form; returns what was added. */
export async function newProjectSheet(
  host: WorkbookHost,
  prepared: Prepared,
  opts: { year?: number } = {},
): Promise<NewSheetPreview> {
  const snapshot = await host.read();
  const preview = planProjectSheet({ ...prepared, snapshot, model: readWorkbook(snapshot) }, opts);
  await host.addSheet(preview.plan);
  return preview;
}
