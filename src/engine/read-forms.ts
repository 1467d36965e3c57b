/**
 * Form detection and reading: snapshot → WorkbookModel.
 *
 * Forms are found by their labels (部门名称 / 项目名称), wherever they start, one per sheet or many
 * stacked. Each field is located by its label within the form's rows, never by a fixed offset, so
 * inserted rows, extra columns and offsets are survived.
 */
import {
  bestProfile,
  looksLikeTargetForm,
  MIN_SCORE,
  segmentLabels,
  segmentSheet,
  segmentTitle,
  AnchorMemo,
} from "./detect";
import { SheetGrid } from "./grid";
import { readProfileForm } from "./profile-reader";
import { PROFILES } from "../templates";
import { findIndicatorHeader, readIndicatorTable } from "./indicator-table";
import type {
  DepartmentForm,
  Form,
  KeyTask,
  LayoutNote,
  NotTargetForm,
  UnrecognisedForm,
  NumberField,
  ProjectForm,
  StructureIssue,
  TextField,
  WorkbookModel,
  YearLabel,
} from "./model";
import { readNumberCell } from "./numbers";
import { isCellError, type CellRange, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import type { TemplateProfile } from "../templates/types";
import {
  DEPARTMENT_LABELS,
  PROJECT_LABELS,
  FORM_WIDTH,
  labelMatches,
  type FieldSpec,
  type LabelSpec,
} from "./template";

interface Anchor {
  kind: "department" | "project";
  row: number;
  col: number;
}

/** The indicator-table header of the Dongguan layout, as no-indicator-table names it. */
const SEED_HEADER = "一级指标、二级指标、三级指标、实施周期指标值、年度指标值";

/** How many columns right of the form's first column labels may stand. */
const SEARCH_WIDTH = FORM_WIDTH + 2;

export interface ReadOptions {
  /** Profile ids to use instead of detection (self-assessments and reports are still recognised). */
  templates?: readonly string[];
}

/** The anchor and title matches of the usual profiles (no --template), kept from check to check. */
const sharedMemo = new AnchorMemo(PROFILES);

export function readWorkbook(
  snapshot: WorkbookSnapshot,
  options: ReadOptions = {},
  cache?: SheetReadCache,
): WorkbookModel {
  const forms: Form[] = [];
  const sheetsWithoutForms: string[] = [];
  const notTargets: NotTargetForm[] = [];
  const unrecognised: UnrecognisedForm[] = [];
  const forced = options.templates?.length ? PROFILES.filter((p) => options.templates!.includes(p.id)) : null;
  const candidates = forced
    ? [
        ...forced,
        ...PROFILES.filter(
          (p) => !forced.includes(p) && (p.kind === "self-assessment" || p.kind === "evaluation-report"),
        ),
      ]
    : PROFILES;
  let memo: AnchorMemo | null = forced ? null : sharedMemo;
  const read = (sheet: SheetSnapshot) => readOneSheet(sheet, forced, (memo ??= new AnchorMemo(candidates)));
  cache?.begin(forced ? forced.map((p) => p.id).join("|") : "");
  for (const sheet of snapshot.sheets) {
    const r = cache ? cache.reading(sheet, read) : read(sheet);
    notTargets.push(...r.notTargets);
    unrecognised.push(...r.unrecognised);
    if (r.forms.length === 0 && !notTargets.some((n) => n.sheet === sheet.name))
      sheetsWithoutForms.push(sheet.name);
    forms.push(...r.forms);
  }
  cache?.end();
  return { name: snapshot.name, forms, sheetsWithoutForms, notTargets, unrecognised };
}

/** What reading one sheet found: its forms and what is no target form or was not recognised. */
export interface SheetReading {
  forms: Form[];
  notTargets: NotTargetForm[];
  unrecognised: UnrecognisedForm[];
}

/**
 * Each sheet's reading, kept from one check to the next (the add-in's re-check after an edit): a
 * sheet whose snapshot is the same as last time (name, position, values, text, number formats,
 * formulas, merges: compared cell by cell, no hashing) is not read again; its forms are reused.
 * Only readings of the sheets in the last check are kept. The reused forms are shared between
 * models: nothing may mutate a model (no rule does).
 */
export class SheetReadCache {
  private entries = new Map<string, { sheet: SheetSnapshot; reading: SheetReading }>();
  private next = new Map<string, { sheet: SheetSnapshot; reading: SheetReading }>();
  private key = "";
  /** Sheets read and sheets reused by the last check. */
  stats = { read: 0, reused: 0 };

  begin(templatesKey: string): void {
    if (templatesKey !== this.key) this.entries.clear();
    this.key = templatesKey;
    this.next = new Map();
    this.stats = { read: 0, reused: 0 };
  }

  reading(sheet: SheetSnapshot, read: (s: SheetSnapshot) => SheetReading): SheetReading {
    const old = this.entries.get(sheet.name);
    if (old && sameSheet(old.sheet, sheet)) {
      this.stats.reused++;
      this.next.set(sheet.name, old);
      return old.reading;
    }
    this.stats.read++;
    const reading = read(sheet);
    // A copy of the rows, not the host's arrays: a host may hand back the same snapshot edited in place.
    this.next.set(sheet.name, { sheet: copySheet(sheet), reading });
    return reading;
  }

  end(): void {
    this.entries = this.next;
  }

  clear(): void {
    this.entries.clear();
  }
}

const copyRows = <T>(rows: T[][] | undefined): T[][] | undefined => rows?.map((r) => (r ? r.slice() : r));

function copySheet(s: SheetSnapshot): SheetSnapshot {
  return {
    name: s.name,
    top: s.top,
    left: s.left,
    values: copyRows(s.values) ?? [],
    ...(s.text ? { text: copyRows(s.text) } : {}),
    ...(s.numberFormat ? { numberFormat: copyRows(s.numberFormat) } : {}),
    ...(s.formulas ? { formulas: copyRows(s.formulas) } : {}),
    merges: s.merges.map((m) => ({ ...m })),
  };
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return isCellError(a) && isCellError(b) && a.error === b.error;
}

function sameRows(a: readonly (readonly unknown[] | undefined)[] | undefined, b: typeof a): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (!sameCell(x[j], y[j])) return false;
  }
  return true;
}

/** The same sheet, as the reader sees it. */
export function sameSheet(a: SheetSnapshot, b: SheetSnapshot): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.top !== b.top || a.left !== b.left) return false;
  if (a.merges.length !== b.merges.length) return false;
  for (let i = 0; i < a.merges.length; i++) {
    const m = a.merges[i];
    const n = b.merges[i];
    if (m.top !== n.top || m.left !== n.left || m.bottom !== n.bottom || m.right !== n.right) return false;
  }
  return (
    sameRows(a.values, b.values) &&
    sameRows(a.text, b.text) &&
    sameRows(a.numberFormat, b.numberFormat) &&
    sameRows(a.formulas, b.formulas)
  );
}

function readOneSheet(
  sheet: SheetSnapshot,
  forced: readonly TemplateProfile[] | null,
  memo: AnchorMemo,
): SheetReading {
  const notTargets: NotTargetForm[] = [];
  const unrecognised: UnrecognisedForm[] = [];
  const grid = new SheetGrid(sheet);
  const found: Form[] = [];
  let canonical: Form[] | null = null;
  for (const seg of segmentSheet(grid)) {
    const labels = segmentLabels(grid, seg);
    const title = segmentTitle(grid, seg);
    const best = bestProfile(labels, title, memo);
    if (!best) continue;
    const isForced = forced?.includes(best.profile) ?? false;
    if (best.score < MIN_SCORE && !isForced && !best.profile.canonical) {
      if (seg.startRow !== null || looksLikeTargetForm(labels, title))
        unrecognised.push({
          sheet: grid.name,
          ref: titleRef(grid, seg.top, seg.bottom),
          closest: best.profile.id,
          score: round(best.score),
          found: best.found,
          missing: best.missing,
        });
      continue;
    }
    const choice = {
      id: best.profile.id,
      family: best.profile.family,
      score: round(best.score),
      forced: isForced,
    };
    const kind = best.profile.kind;
    if (kind === "self-assessment" || kind === "evaluation-report") {
      notTargets.push({
        sheet: grid.name,
        ref: titleRef(grid, seg.top, seg.bottom),
        kind,
        template: choice,
        title,
      });
      continue;
    }
    if (best.profile.canonical) {
      canonical ??= readSheet(grid);
      for (const f of canonical) {
        if (f.origin.row < seg.top || f.origin.row > seg.bottom) continue;
        const id = f.kind === "department" ? "dongguan-2026-department" : "dongguan-2026-project";
        f.template = { ...choice, id };
        found.push(f);
      }
      continue;
    }
    found.push(readProfileForm(grid, seg, best.profile, choice));
  }
  return { forms: found, notTargets, unrecognised };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The first filled cell of a segment: its title. */
function titleRef(grid: SheetGrid, top: number, bottom: number) {
  for (let r = top; r <= bottom; r++)
    for (const c of grid.filledCols(r)) if (c <= grid.lastCol) return grid.ref(r, c);
  return grid.ref(top, grid.firstCol);
}

function findAnchors(grid: SheetGrid): Anchor[] {
  const anchors: Anchor[] = [];
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    for (const c of grid.filledCols(r)) {
      if (c > grid.lastCol) break;
      const raw = grid.displayed(r, c);
      // Cheap pre-filter before normalising every cell of a large sheet.
      if (raw.length > 12 || !raw.includes("称")) continue;
      const t = grid.label(r, c);
      if (t === "部门名称" || t === "单位名称") anchors.push({ kind: "department", row: r, col: c });
      else if (t === "项目名称") anchors.push({ kind: "project", row: r, col: c });
    }
  }
  // A department form's 单位名称 only counts when 基本信息 or 预算整体情况 follows it.
  return anchors.filter(
    (a) =>
      a.kind === "project" ||
      grid.label(a.row, a.col) === "部门名称" ||
      [1, 2].some((d) => /^(基本信息|预算整体情况)/.test(grid.label(a.row + d, a.col))),
  );
}

const TITLE_RE = {
  department: /部门整体.*绩效目标|整体支出绩效目标|部门.*绩效目标申报表/,
  project: /项目.*绩效目标(申报)?表|项目支出绩效目标/,
};

function readSheet(grid: SheetGrid): Form[] {
  const anchors = findAnchors(grid);
  const forms: Form[] = [];
  anchors.forEach((anchor, i) => {
    // The next form below (a form beside this one, in the same rows, does not end it).
    const next = anchors.slice(i + 1).find((a) => a.row > anchor.row);
    // The title sits a few rows above the anchor; it belongs to this form if below the form above.
    let top = anchor.row;
    let titleRow: number | null = null;
    let yearRow: number | null = null;
    // Only forms above bound the title search (a form beside this one shares its rows).
    const above = forms
      .filter((f) => f.range.bottom < anchor.row)
      .reduce((m, f) => Math.max(m, f.range.bottom), grid.firstRow - 1);
    for (let r = anchor.row - 1; r >= Math.max(above + 1, anchor.row - 4); r--) {
      const rowText = rowLabel(grid, r, anchor.col, anchor.col + SEARCH_WIDTH);
      if (TITLE_RE[anchor.kind].test(rowText)) {
        titleRow = r;
        top = r;
        break;
      }
      if (/^\(?\d{4}年(度)?\)?$/.test(rowText)) {
        yearRow = r;
        top = r;
      }
    }
    let bottom = next ? next.row - 1 : grid.lastRow;
    if (next) {
      // Leave the next form's title (and year line) to it.
      for (let r = next.row - 1; r > anchor.row && r >= next.row - 4; r--) {
        const t = rowLabel(grid, r, next.col, next.col + SEARCH_WIDTH);
        if (TITLE_RE[next.kind].test(t) || /^\(?\d{4}年(度)?\)?$/.test(t)) bottom = r - 1;
      }
    }
    while (bottom > anchor.row && grid.isRowBlank(bottom, anchor.col - 1, anchor.col + SEARCH_WIDTH))
      bottom--;
    const range: CellRange = { top, left: anchor.col, bottom, right: anchor.col + FORM_WIDTH - 1 };
    const form =
      anchor.kind === "department"
        ? readDepartment(grid, anchor, range, titleRow, yearRow)
        : readProject(grid, anchor, range, titleRow);
    forms.push(form);
  });
  return forms;
}

/** The concatenated labels of a row (for titles spread over merged cells). */
function rowLabel(grid: SheetGrid, row: number, from: number, to: number): string {
  let s = "";
  for (let c = from; c <= to; c++) s += grid.label(row, c);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Label lookup

interface Found {
  row: number;
  col: number;
}

/** First cell in rows [top, bottom], columns [left, right] whose label matches. */
function findLabel(
  grid: SheetGrid,
  spec: LabelSpec | FieldSpec,
  top: number,
  bottom: number,
  left: number,
  right: number,
): Found | null {
  const pattern = typeof spec === "object" && "display" in spec ? spec.label : spec;
  for (let r = top; r <= bottom; r++) {
    // Only the row's filled cells (its label index): a blank cell has no label.
    for (const c of grid.filledCols(r)) {
      if (c > right) break;
      if (c < left) continue;
      const t = grid.label(r, c);
      if (t && labelMatches(pattern, t)) return { row: r, col: c };
    }
  }
  return null;
}

function textField(grid: SheetGrid, label: Found, valueCol?: number): TextField {
  const col = valueCol ?? grid.cellRightOf(label.row, label.col);
  return {
    ref: grid.ref(label.row, col),
    text: grid.text(label.row, col),
    raw: grid.displayed(label.row, col),
    labelRef: grid.ref(label.row, label.col),
  };
}

function numberField(grid: SheetGrid, label: Found, units: readonly string[] = []): NumberField {
  const col = grid.cellRightOf(label.row, label.col);
  return { ...readNumberCell(grid, label.row, col, units), labelRef: grid.ref(label.row, label.col) };
}

function missing(
  issues: StructureIssue[],
  grid: SheetGrid,
  row: number,
  col: number,
  section: string,
): undefined {
  issues.push({ kind: "missing-section", ref: grid.ref(row, col), args: { section } });
  return undefined;
}

/** The first text found in rows (from, to) exclusive of the label rows, scanning the form's columns. */
function goalText(
  grid: SheetGrid,
  label: Found,
  endRow: number,
  formLeft: number,
  notes: LayoutNote[],
): TextField {
  for (let r = label.row + 1; r < endRow; r++) {
    for (const c of grid.filledCols(r)) {
      if (c > formLeft + SEARCH_WIDTH) break;
      if (c < formLeft || grid.isMergeTail(r, c)) continue;
      if (c === formLeft) notes.push({ kind: "text-in-label-column", ref: grid.ref(r, c) });
      return {
        ref: grid.ref(r, c),
        text: grid.text(r, c),
        raw: grid.displayed(r, c),
        labelRef: grid.ref(label.row, label.col),
      };
    }
  }
  // Blank: point at the cell the user must fill (the row under the label), or the label itself
  // when the template row is missing altogether.
  const row = label.row + 1 < endRow ? label.row + 1 : label.row;
  return { ref: grid.ref(row, label.col), text: "", raw: "", labelRef: grid.ref(label.row, label.col) };
}

function yearLabel(grid: SheetGrid, found: Found): YearLabel {
  const text = grid.label(found.row, found.col);
  const m = /(\d{4})年/.exec(text);
  return { year: m ? Number(m[1]) : null, ref: grid.ref(found.row, found.col), text };
}

function storedAsTextNotes(notes: LayoutNote[], fields: (NumberField | undefined)[]): void {
  for (const f of fields)
    if (f?.storedAsText) notes.push({ kind: "number-as-text", ref: f.ref, args: { text: f.text } });
}

// ---------------------------------------------------------------------------------------------
// Department form

function readDepartment(
  grid: SheetGrid,
  anchor: Anchor,
  range: CellRange,
  titleRow: number | null,
  yearRow: number | null,
): DepartmentForm {
  const L = anchor.col;
  const R = L + SEARCH_WIDTH;
  const top = anchor.row;
  const bottom = range.bottom;
  const notes: LayoutNote[] = [];
  const issues: StructureIssue[] = [];

  let year: number | null = null;
  let yearRef = null;
  for (let r = range.top; r < anchor.row; r++) {
    const m = /\(?(\d{4})年(度)?\)?/.exec(rowLabel(grid, r, L, R));
    if (m && (r === yearRow || r !== titleRow || year === null)) {
      year = Number(m[1]);
      yearRef = grid.ref(r, L);
    }
  }
  const title = titleRow !== null ? textField(grid, { row: titleRow, col: L - 1 }, L) : null;

  const find = (spec: FieldSpec, from = top, to = bottom) => findLabel(grid, spec, from, to, L, R);
  const nameLabel = { row: anchor.row, col: anchor.col };
  const name = textField(grid, nameLabel);

  const header = findIndicatorHeader(grid, top, bottom, L, R);
  const headerRow = header ? header.headerRow : bottom + 1;
  const D = DEPARTMENT_LABELS;

  const staffLabel = find(D.staffCount, top, headerRow - 1);
  const subUnitLabel = find(D.subUnitCount, top, headerRow - 1);
  const staffCount = staffLabel
    ? numberField(grid, staffLabel)
    : missing(issues, grid, top, L, "财政供养人员数");
  const subUnitCount = subUnitLabel
    ? numberField(grid, subUnitLabel)
    : missing(issues, grid, top, L, "下属二级单位数");

  const budgetLabel = find(D.budgetSection, top, headerRow - 1);
  const goalLabel = find(D.overallGoal, top, headerRow - 1);
  const tasksLabel = find(D.keyTasks, top, headerRow - 1);
  const otherLabel = find(D.otherTasks, top, headerRow - 1);

  const budget: DepartmentForm["budget"] = {};
  if (budgetLabel) {
    const end = (goalLabel?.row ?? tasksLabel?.row ?? headerRow) - 1;
    for (const [key, spec] of Object.entries(D.budget) as [keyof typeof D.budget, FieldSpec][]) {
      const f = find(spec, budgetLabel.row, end);
      budget[key] = f
        ? numberField(grid, f, ["万元", "万"])
        : missing(issues, grid, budgetLabel.row, L, spec.display);
    }
  } else {
    missing(issues, grid, top, L, "预算整体情况");
  }

  const overallGoal = goalLabel ? textField(grid, goalLabel) : missing(issues, grid, top, L, "总体绩效目标");
  const otherTasks = otherLabel ? textField(grid, otherLabel) : undefined;

  const tasks: KeyTask[] = [];
  if (!tasksLabel) missing(issues, grid, top, L, D.keyTasks.display);
  if (tasksLabel) {
    // Columns from the task header (名称 / 主要实施内容 / 拟投入的资金(元) / 期望达到的目标).
    const hdrRow = [tasksLabel.row, tasksLabel.row + 1].find(
      (r) => findLabel(grid, D.taskAmount, r, r, L, R) !== null,
    );
    if (hdrRow !== undefined) {
      const col = (spec: FieldSpec, fallback: number) =>
        findLabel(grid, spec, hdrRow, hdrRow, L, R)?.col ?? fallback;
      const nameCol = col(D.taskName, L + 1);
      const contentCol = col(D.taskContent, L + 2);
      const amountCol = col(D.taskAmount, L + 3);
      const goalCol = col(D.taskGoal, L + 4);
      const end = (otherLabel?.row ?? header?.headerRow ?? bottom + 1) - 1;
      for (let r = hdrRow + 1; r <= end; r++) {
        if (grid.isRowBlank(r, nameCol, Math.max(goalCol, amountCol))) continue;
        if (!grid.isBlank(r, L) && !grid.isMergeTail(r, L) && r !== tasksLabel.row) break;
        const at = (c: number): TextField => ({
          ref: grid.ref(r, c),
          text: grid.text(r, c),
          raw: grid.displayed(r, c),
          labelRef: grid.ref(hdrRow, c),
        });
        tasks.push({
          row: r,
          name: at(nameCol),
          content: at(contentCol),
          amount: { ...readNumberCell(grid, r, amountCol, ["元"]), labelRef: grid.ref(hdrRow, amountCol) },
          goal: at(goalCol),
        });
      }
    }
  }

  const table = header ? readIndicatorTable(grid, header, bottom, L) : null;
  if (!header)
    issues.push({ kind: "no-indicator-table", ref: grid.ref(anchor.row, L), args: { header: SEED_HEADER } });
  storedAsTextNotes(notes, [
    staffCount,
    subUnitCount,
    ...Object.values(budget),
    ...tasks.map((t) => t.amount),
  ]);

  return {
    kind: "department",
    sheet: grid.name,
    range: { ...range, right: Math.max(range.right, table?.lastCol ?? 0) },
    origin: grid.ref(anchor.row, L),
    displayName: name.text || `部门整体预算绩效目标申报表（${grid.name}）`,
    title,
    year,
    yearRef,
    name,
    staffCount,
    subUnitCount,
    budget,
    overallGoal,
    tasks,
    otherTasks,
    indicators: table?.indicators ?? [],
    slots: table?.slots ?? [],
    indicatorHeader: header ? grid.ref(header.headerRow, header.level1) : null,
    layoutNotes: [...notes, ...(table?.notes ?? [])],
    structureIssues: [...issues, ...(table?.issues ?? [])],
    olderTree: table?.olderTree ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Project form

function readProject(
  grid: SheetGrid,
  anchor: Anchor,
  range: CellRange,
  titleRow: number | null,
): ProjectForm {
  const L = anchor.col;
  const R = L + SEARCH_WIDTH;
  const top = anchor.row;
  const bottom = range.bottom;
  const notes: LayoutNote[] = [];
  const issues: StructureIssue[] = [];
  const P = PROJECT_LABELS;

  const header = findIndicatorHeader(grid, top, bottom, L, R);
  const headerRow = header ? header.headerRow : bottom + 1;
  const find = (spec: FieldSpec, from = top, to = headerRow - 1) => findLabel(grid, spec, from, to, L, R);
  const text = (spec: FieldSpec) => {
    const f = find(spec);
    return f ? textField(grid, f) : missing(issues, grid, top, L, spec.display);
  };

  const name = textField(grid, { row: anchor.row, col: anchor.col });
  const type = text(P.type);
  const level = text(P.level);
  const owner = text(P.owner);
  const user = text(P.user);

  const startLabel = find(P.startYear);
  const endLabel = find(P.endYear);
  const startYear = startLabel
    ? numberField(grid, startLabel, ["年"])
    : missing(issues, grid, top, L, "起始年度");
  const endYear = endLabel ? numberField(grid, endLabel, ["年"]) : missing(issues, grid, top, L, "到期年度");

  const budgetFound = find(P.budget);
  const budget = budgetFound
    ? numberField(grid, budgetFound, ["元"])
    : missing(issues, grid, top, L, "预算金额");
  const budgetLabel = budgetFound ? yearLabel(grid, budgetFound) : undefined;

  const periodGoalLabel = find(P.periodGoal);
  const annualGoalFound = find(P.annualGoal);
  const periodGoal = periodGoalLabel
    ? goalText(grid, periodGoalLabel, annualGoalFound?.row ?? headerRow, L, notes)
    : missing(issues, grid, top, L, "实施周期总目标");
  const annualGoal = annualGoalFound
    ? goalText(grid, annualGoalFound, headerRow, L, notes)
    : missing(issues, grid, top, L, "年度目标");

  const table = header ? readIndicatorTable(grid, header, bottom, L) : null;
  if (!header)
    issues.push({ kind: "no-indicator-table", ref: grid.ref(anchor.row, L), args: { header: SEED_HEADER } });
  storedAsTextNotes(notes, [startYear, endYear, budget]);

  return {
    kind: "project",
    sheet: grid.name,
    range: { ...range, right: Math.max(range.right, table?.lastCol ?? 0) },
    origin: grid.ref(anchor.row, L),
    displayName: name.text || `项目绩效目标表（${grid.name}!${anchor.row + 1}行）`,
    title: titleRow !== null ? textField(grid, { row: titleRow, col: L - 1 }, L) : null,
    name,
    type,
    level,
    owner,
    user,
    startYear,
    endYear,
    budget,
    budgetLabel,
    periodGoal,
    annualGoal,
    annualGoalLabel: annualGoalFound ? yearLabel(grid, annualGoalFound) : undefined,
    indicators: table?.indicators ?? [],
    slots: table?.slots ?? [],
    indicatorHeader: header ? grid.ref(header.headerRow, header.level1) : null,
    layoutNotes: [...notes, ...(table?.notes ?? [])],
    structureIssues: [...issues, ...(table?.issues ?? [])],
    olderTree: table?.olderTree ?? false,
  };
}
