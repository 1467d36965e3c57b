/**
 * Edit plans over the model the engine read: insert a 三级 indicator row in a 二级 group, add the
 * 二级 slots a form lacks, add a blank project form on a new sheet. Plans are data (types.ts); the
 * Excel adapter applies them with Office.js, and applyPlanToSnapshot applies them to a snapshot the
 * same way (for tests and previews).
 *
 * Rows are absolute and 0-based. Merges are recomputed from the snapshot (the model keeps none): a
 * plan keeps the template's merged labels (绩效指标 in A, 一级 in B, 二级 in C) over the new rows
 * when the table uses merged labels at all, and never merges over a cell that holds something.
 */
import { SheetGrid } from "../engine/grid";
import { findIndicatorHeader, type IndicatorColumns } from "../engine/indicator-table";
import type { DepartmentForm, Form, WorkbookModel } from "../engine/model";
import { readWorkbook } from "../engine/read-forms";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../engine/snapshot";
import { FORM_WIDTH } from "../engine/template";
import { normalizeLabel } from "../engine/text";
import { STANDARD_TREE, level2Display, matchLevel1, type Level1, type Level2 } from "../engine/vocabulary";
import { isPlaceholderRow } from "../engine/placeholder";
import { PROFILES_BY_ID } from "../templates";
import { TREES } from "../templates/trees";
import type { ColumnRole, TemplateProfile } from "../templates/types";
import { projectFormLayout } from "./layouts";
import { profileFormLayout } from "./profile-layout";
import { applyStep, cloneSheet, contains, intersects, writeLayout } from "./sheet-ops";
import type { FormLayout, NewSheetPlan, RowInsertPlan, RowInsertStep } from "./types";

/** The older tree (before 2021): 成本指标 a 二级 under 产出指标, 可持续影响 under 效益指标. */
export const OLDER_TREE: readonly { level1: Level1; level2: readonly Level2[] }[] = [
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
];

/** The profile a form was read by, when it is not the canonical (Dongguan) one. */
export function profileOf(form: Form): TemplateProfile | undefined {
  const p = form.template ? PROFILES_BY_ID.get(form.template.id) : undefined;
  return p && !p.canonical ? p : undefined;
}

type TreeGroups = readonly { level1: Level1; level2: readonly Level2[] }[];

const profileTrees = new Map<string, TreeGroups>();

/**
 * The 一级/二级 groups of a profile's tree in the rules' vocabulary: each 二级 once (under its first
 * 一级), none that is also a 一级 (成本指标 in the 2021 tree); none for a tree the rules have no names
 * for (发改, flat).
 */
function profileTree(profile: TemplateProfile): TreeGroups {
  let groups = profileTrees.get(profile.tree);
  if (!groups) {
    const tree = TREES[profile.tree];
    const level1Names = new Set(tree.level1.map((l) => l.name));
    const seen = new Set<Level2>();
    const out: { level1: Level1; level2: Level2[] }[] = [];
    for (const l1 of tree.level1) {
      if (!l1.canonical) continue;
      const level2: Level2[] = [];
      for (const l2 of l1.level2) {
        if (!l2.canonical || seen.has(l2.canonical) || level1Names.has(l2.name)) continue;
        seen.add(l2.canonical);
        level2.push(l2.canonical);
      }
      if (level2.length) out.push({ level1: l1.canonical, level2 });
    }
    groups = out;
    profileTrees.set(profile.tree, groups);
  }
  return groups;
}

/** The tree a form is checked against: its profile's tree, else the standard or the older one. */
export function treeOf(form: Form): TreeGroups {
  const profile = profileOf(form);
  if (profile) return profileTree(profile);
  return form.olderTree ? OLDER_TREE : STANDARD_TREE;
}

// ---------------------------------------------------------------------------------------------
// Where things are

/** The index of the form whose range holds the row, or null. */
export function formAt(model: WorkbookModel, sheet: string, row: number): number | null {
  const i = model.forms.findIndex((f) => f.sheet === sheet && row >= f.range.top && row <= f.range.bottom);
  return i >= 0 ? i : null;
}

/**
 * The 一级 / 二级 group an indicator-table row belongs to: that of the nearest 二级 slot or indicator
 * at or above it. Nulls outside the table (above or on its header, or outside the form).
 */
export function groupAt(form: Form, row: number): { level1: Level1 | null; level2: Level2 | null } {
  const none = { level1: null, level2: null };
  if (!form.indicatorHeader || row <= form.indicatorHeader.row || row > form.range.bottom) return none;
  let best: { row: number; level1: Level1 | null; level2: Level2 | null } | null = null;
  const consider = (r: number, level1: Level1 | null, level2: Level2 | null) => {
    if (r <= row && (best === null || r > best.row)) best = { row: r, level1, level2 };
  };
  for (const s of form.slots) consider(s.ref.row, s.level1, s.level2);
  for (const i of form.indicators) consider(i.row, i.level1, i.level2);
  const found = best as { level1: Level1 | null; level2: Level2 | null } | null;
  return found ? { level1: found.level1, level2: found.level2 } : none;
}

interface SlotExtent {
  level2: Level2;
  level1: Level1 | null;
  /** The 二级 label cell. */
  row: number;
  col: number;
  /** Last row of the group (its 三级 rows, blank rows under it included). */
  end: number;
}

interface Level1Extent {
  level1: Level1;
  row: number;
  col: number;
  end: number;
}

/** Columns of a split-value table (一体化 exports): operator, unit and value type in their own columns. */
interface SplitColumns {
  operator?: number;
  unit?: number;
  valueType?: number;
}

/** The indicator table of a form as it stands in the sheet: columns, rows and groups. */
interface Table {
  sheet: SheetSnapshot;
  grid: SheetGrid;
  cols: IndicatorColumns;
  split: SplitColumns;
  /** 一级 and 二级 written on every row (一体化 exports): a new row repeats them. */
  repeated: boolean;
  /** The column left of 一级指标, where the template writes 绩效指标. */
  labelCol: number;
  /** The 绩效指标 label, when found in that column. */
  label: { row: number } | null;
  end: number;
  slots: SlotExtent[];
  level1s: Level1Extent[];
  /** The table's labels are merged down (the template's look): plans keep them so. */
  merged: boolean;
}

/**
 * The columns of a profile-read table, by the profile's header synonyms on the header row (the first
 * set where two stand side by side).
 */
function profileColumns(
  grid: SheetGrid,
  profile: TemplateProfile,
  h: number,
): { cols: IndicatorColumns; split: SplitColumns } | null {
  const columns = profile.table?.columns ?? {};
  const found: Partial<Record<ColumnRole, number>> = {};
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const raw = grid.displayed(h, c);
    if (raw === "" || raw.length > 40) continue;
    const l = normalizeLabel(raw);
    const role = (Object.keys(columns) as ColumnRole[]).find((k) => columns[k]!.some((re) => re.test(l)));
    if (!role) continue;
    if (found[role] !== undefined) {
      if (role === "level1" || role === "level3") break; // the second (年度) half
      continue;
    }
    found[role] = c;
  }
  const value = found.value ?? found.periodValue;
  if (found.level1 === undefined || found.level3 === undefined || value === undefined) return null;
  return {
    cols: {
      headerRow: h,
      level1: found.level1,
      level2: found.level2 ?? found.level1 + 1,
      level3: found.level3,
      period: found.periodValue ?? value,
      annual: value,
    },
    split: { operator: found.operator, unit: found.unit, valueType: found.valueType },
  };
}

/** Text a table's block label may have (绩效指标, 本年度绩效指标, 年度绩效目标 …). */
const BLOCK_LABEL = /绩效指标|绩效目标/;

function tableOf(form: Form, sheet: SheetSnapshot | undefined): Table | null {
  if (!sheet || !form.indicatorHeader) return null;
  const grid = new SheetGrid(sheet);
  const h = form.indicatorHeader.row;
  const profile = profileOf(form);
  const found = profile
    ? profileColumns(grid, profile, h)
    : {
        cols: findIndicatorHeader(grid, h, h, form.origin.col, form.origin.col + FORM_WIDTH + 2),
        split: {},
      };
  if (!found || !found.cols) return null;
  const { cols, split } = found;
  const labelCol = cols.level1 - 1;

  let end = h;
  for (const s of form.slots) end = Math.max(end, s.ref.row);
  for (const i of form.indicators) end = Math.max(end, i.row);
  // A label merged down past the last filled row (an unused slot's spare rows) belongs to the table.
  for (const m of sheet.merges) {
    if (m.left >= labelCol && m.left <= cols.level2 && m.top >= h && m.top <= end && m.bottom > end)
      end = m.bottom;
  }

  let label: { row: number } | null = null;
  if (labelCol >= 0) {
    for (let r = h; r <= end && !label; r++) {
      const l = grid.label(r, labelCol);
      if (l === "绩效指标" || (profile && l.length <= 12 && BLOCK_LABEL.test(l))) label = { row: r };
    }
  }

  const level1s: Level1Extent[] = [];
  for (let r = h + 1; r <= end; r++) {
    for (let c = Math.max(labelCol, 0); c <= cols.level1; c++) {
      const l1 = matchLevel1(grid.label(r, c));
      if (l1) {
        level1s.push({ level1: l1, row: r, col: c, end });
        break;
      }
    }
  }
  const slotRows = form.slots
    .filter((s) => s.ref.row > h && s.ref.row <= end)
    .sort((a, b) => a.ref.row - b.ref.row);
  const boundaries = [...new Set([...slotRows.map((s) => s.ref.row), ...level1s.map((l) => l.row)])].sort(
    (a, b) => a - b,
  );
  const nextBoundary = (row: number) => boundaries.find((b) => b > row) ?? end + 1;
  level1s.forEach((l, i) => (l.end = (level1s[i + 1]?.row ?? end + 1) - 1));
  const slots = slotRows.map((s) => ({
    level2: s.level2,
    level1: s.level1,
    row: s.ref.row,
    col: s.ref.col,
    end: nextBoundary(s.ref.row) - 1,
  }));

  const merged = sheet.merges.some(
    (m) =>
      m.left === m.right &&
      m.bottom > m.top &&
      m.left >= labelCol &&
      m.left <= cols.level2 &&
      m.top >= h &&
      m.top <= end,
  );
  // 一级 on more rows than there are 一级 groups: written on every row.
  let level1Rows = 0;
  for (let r = h + 1; r <= end; r++) if (grid.text(r, cols.level1) !== "") level1Rows++;
  const repeated = !merged && level1Rows > new Set(level1s.map((l) => l.level1)).size;
  return { sheet, grid, cols, split, repeated, labelCol, label, end, slots, level1s, merged };
}

const OPERATOR_HEAD = /^(≥|≤|=|>|<|≠)/;

/**
 * The cells of one 三级 row: name and values, and where the table splits them, the operator, the
 * value and the unit in their own columns (`≥__人` → `≥ | __ | 人`), 定量/定性 in a value-type column.
 */
function entryCells(t: Table, row: number, entry: RowEntry): RowInsertStep["cells"] {
  const { cols, split } = t;
  const cells: RowInsertStep["cells"] = [{ row, col: cols.level3, value: entry.name }];
  const qualitative = !/[\d_*＿＊]/.test(entry.annual);
  let operator = "";
  let unit = "";
  const part = (v: string): string => {
    let rest = v;
    if (split.operator !== undefined) {
      const m = OPERATOR_HEAD.exec(rest);
      if (m) {
        operator = m[1];
        rest = rest.slice(m[1].length);
      }
    }
    if (split.unit !== undefined && entry.unit && rest.endsWith(entry.unit) && rest !== entry.unit) {
      unit = entry.unit;
      rest = rest.slice(0, -entry.unit.length);
    }
    return rest;
  };
  if (cols.period !== cols.annual) cells.push({ row, col: cols.period, value: part(entry.period) });
  cells.push({ row, col: cols.annual, value: part(entry.annual) });
  if (split.operator !== undefined)
    cells.push({ row, col: split.operator, value: qualitative ? "定性" : operator || "=" });
  if (split.unit !== undefined && unit) cells.push({ row, col: split.unit, value: unit });
  if (split.valueType !== undefined)
    cells.push({ row, col: split.valueType, value: qualitative ? "定性" : "定量" });
  return cells.filter((c) => c.value !== "");
}

function level1Above(t: Table, row: number): Level1Extent | null {
  let found: Level1Extent | null = null;
  for (const l of t.level1s) if (l.row <= row) found = l;
  return found;
}

/**
 * The merges to set after a step, for label areas (a column over rows top..bottom whose top cell
 * holds the label): each area joined with the merge already at its label, kept only where it spans
 * more than one cell, covers nothing but blank cells under the label, and swallows any merge it touches.
 */
function labelMerges(sheet: SheetSnapshot, areas: CellRange[]): CellRange[] {
  const grid = new SheetGrid(sheet);
  const out: CellRange[] = [];
  for (const area of areas) {
    const existing = sheet.merges.find((m) => contains(m, { ...area, bottom: area.top }));
    const target: CellRange = existing
      ? {
          top: Math.min(existing.top, area.top),
          left: Math.min(existing.left, area.left),
          bottom: Math.max(existing.bottom, area.bottom),
          right: Math.max(existing.right, area.right),
        }
      : area;
    if (target.top === target.bottom && target.left === target.right) continue;
    let blank = true;
    for (let r = target.top; r <= target.bottom && blank; r++) {
      for (let c = target.left; c <= target.right && blank; c++) {
        if ((r !== target.top || c !== target.left) && !grid.isBlank(r, c)) blank = false;
      }
    }
    if (!blank) continue;
    if (sheet.merges.some((m) => intersects(m, target) && !contains(target, m))) continue;
    if (out.some((o) => intersects(o, target))) continue;
    out.push(target);
  }
  return out;
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

// ---------------------------------------------------------------------------------------------
// Insert a 三级 indicator row

export type InsertError = { error: "no-table" | "no-group" | "outside-group" };

/** What a plan writes for one 三级: its name and values; `hint` is an example value, shown, never written. */
export interface RowEntry {
  name: string;
  period: string;
  annual: string;
  /** The 计量单位 of the values: written in its own column where the table has one. */
  unit?: string;
  hint?: string;
}

function previewLine(level2: Level2, entry?: RowEntry): string {
  if (!entry) return `${level2Display(level2)} › （空白三级指标行）`;
  const hint = entry.hint ? `（例：${entry.hint}）` : "";
  return `${level2Display(level2)} › ${entry.name} · ${entry.period} · ${entry.annual}${hint}`;
}

/**
 * Plans one new 三级 row in the group of `level2` (its slot's rows): below `afterRow` (a row of the
 * group) or at the end of the group. When the slot row has no 三级 yet (or only a `无`-style
 * placeholder), nothing is inserted: the entry is written into the slot row (a step of count 0).
 * The 绩效指标, 一级 and 二级 label merges are extended over the new row.
 */
export function planInsertIndicatorRow(
  model: WorkbookModel,
  snapshot: WorkbookSnapshot,
  formIndex: number,
  opts: { level2: Level2; afterRow?: number; entry?: RowEntry },
): RowInsertPlan | InsertError {
  const form = model.forms[formIndex];
  const table = form ? tableOf(form, sheetOf(snapshot, form.sheet)) : null;
  if (!form || !table) return { error: "no-table" };
  const slot = table.slots.find((s) => s.level2 === opts.level2);
  if (!slot) return { error: "no-group" };
  if (opts.afterRow !== undefined && (opts.afterRow < slot.row || opts.afterRow > slot.end))
    return { error: "outside-group" };

  const { cols } = table;
  const entry = opts.entry;
  const cellsAt = (row: number): RowInsertStep["cells"] => {
    const cells = entry ? entryCells(table, row, entry) : [];
    if (table.repeated && row !== slot.row) {
      // One indicator a row: the new row carries its 一级 and 二级 as the others do.
      const l1 = table.grid.text(slot.row, cols.level1);
      const l2 = table.grid.text(slot.row, cols.level2);
      if (l1) cells.push({ row, col: cols.level1, value: l1 });
      if (l2) cells.push({ row, col: cols.level2, value: l2 });
    }
    return cells;
  };
  const preview = [previewLine(opts.level2, entry)];

  const onSlotRow = form.indicators.filter((i) => i.row === slot.row);
  if (onSlotRow.every(isPlaceholderRow)) {
    return {
      sheet: form.sheet,
      steps: [
        { beforeRow: slot.row, count: 0, formatFromRow: slot.row, cells: cellsAt(slot.row), merges: [] },
      ],
      select: { row: slot.row, col: cols.level3 },
      preview,
    };
  }

  const afterRow = opts.afterRow ?? slot.end;
  const newRow = afterRow + 1;
  const step: RowInsertStep = {
    beforeRow: newRow,
    count: 1,
    formatFromRow: afterRow,
    cells: cellsAt(newRow),
    merges: [],
  };
  if (table.merged) {
    const work = cloneSheet(table.sheet);
    applyStep(work, step);
    const areas: CellRange[] = [];
    if (slot.col === cols.level2) areas.push(column(slot.row, slot.end + 1, cols.level2));
    const l1 = level1Above(table, slot.row);
    if (l1 && l1.col === cols.level1) areas.push(column(l1.row, l1.end + 1, cols.level1));
    if (table.label) areas.push(column(table.label.row, table.end + 1, table.labelCol));
    step.merges = labelMerges(work, areas);
  }
  return { sheet: form.sheet, steps: [step], select: { row: newRow, col: cols.level3 }, preview };
}

function column(top: number, bottom: number, col: number): CellRange {
  return { top, left: col, bottom, right: col };
}

// ---------------------------------------------------------------------------------------------
// Complete the tree

/**
 * Plans the 二级 slots a form lacks (against the standard tree, or the older one when the form uses
 * it), in tree order: each new row carries its 二级 label in the 二级 column, and the 一级 label when
 * the whole 一级 group is new (or moves up to a new first row of its group). Null when nothing is
 * missing or the form has no indicator table. Slots beyond the tree (可持续影响 in a current-tree
 * form) are left alone.
 */
export function planCompleteStructure(
  model: WorkbookModel,
  snapshot: WorkbookSnapshot,
  formIndex: number,
): RowInsertPlan | null {
  const form = model.forms[formIndex];
  const original = form ? sheetOf(snapshot, form.sheet) : undefined;
  if (!form || !original || !tableOf(form, original)) return null;
  const tree = treeOf(form);
  const nth = model.forms.filter((f) => f.sheet === form.sheet).indexOf(form);

  const work = cloneSheet(original);
  let current: Form | undefined = form;
  const steps: RowInsertStep[] = [];
  const preview: string[] = [];
  const select = { row: -1, col: -1 };

  for (let guard = 0; guard < 32 && current; guard++) {
    const t = tableOf(current, work);
    if (!t) break;
    const present = new Set(t.slots.map((s) => s.level2));
    const gi = tree.findIndex((g) => g.level2.some((l2) => !present.has(l2)));
    if (gi < 0) break;
    const group = tree[gi];
    const planned = planGroupStep(t, tree, gi, present);
    if (!planned) break;
    const { step, run } = planned;

    applyStep(work, { ...step, merges: [] });
    const after = labelMergesAfter(work, t, step, planned.groupArea);
    step.merges = t.merged ? after : [];
    if (step.merges.length) applyStep(work, { ...step, count: 0, cells: [] });

    if (steps.length === 0) {
      select.row = step.beforeRow;
      select.col = t.cols.level3;
    } else if (select.row >= step.beforeRow) {
      select.row += step.count;
    }
    for (const l2 of run) preview.push(`${group.level1} › ${level2Display(l2)}（新增二级指标行）`);
    steps.push(step);

    const reread = readWorkbook({ sheets: [work] }).forms[nth];
    const now = reread ? tableOf(reread, work) : null;
    if (!now || run.some((l2) => !now.slots.some((s) => s.level2 === l2))) break; // not read back: stop
    current = reread;
  }
  if (steps.length === 0) return null;
  return { sheet: form.sheet, steps, select, preview };
}

/** The next insertion for group `gi` of the tree: where, how many rows, which labels. */
function planGroupStep(
  t: Table,
  tree: readonly { level1: Level1; level2: readonly Level2[] }[],
  gi: number,
  present: Set<Level2>,
): { step: RowInsertStep; run: Level2[]; groupArea: (step: RowInsertStep) => CellRange | null } | null {
  const group = tree[gi];
  const { cols } = t;
  const slotOf = (l2: Level2) => t.slots.find((s) => s.level2 === l2);
  const cells: RowInsertStep["cells"] = [];
  let before: number;
  let run: Level2[];
  let groupArea: (step: RowInsertStep) => CellRange | null;

  const inGroup = group.level2.filter((l2) => present.has(l2));
  const l1Row = t.level1s.find((l) => l.level1 === group.level1);
  if (inGroup.length === 0) {
    run = [...group.level2];
    if (l1Row) {
      // The 一级 label is there with no 二级 under it: add the slots at the end of its rows.
      before = l1Row.end + 1;
      groupArea = (s) => column(l1Row.row, l1Row.end + s.count, l1Row.col);
    } else {
      before = groupStart(t, tree, gi);
      cells.push({ row: before, col: cols.level1, value: group.level1 });
      groupArea = (s) => column(s.beforeRow, s.beforeRow + s.count - 1, cols.level1);
    }
  } else {
    const li = group.level2.findIndex((l2) => !present.has(l2));
    run = [];
    for (let i = li; i < group.level2.length && !present.has(group.level2[i]); i++) run.push(group.level2[i]);
    const prev = group.level2
      .slice(0, li)
      .reverse()
      .map(slotOf)
      .find((s) => s !== undefined);
    const nextLevel2 = group.level2.slice(li).find((l2) => present.has(l2));
    const next = nextLevel2 === undefined ? undefined : slotOf(nextLevel2);
    const anchor = prev ?? next;
    if (!anchor) return null;
    const l1 = level1Above(t, anchor.row);
    const ownL1 = l1 && l1.level1 === group.level1 ? l1 : null;
    if (prev) {
      before = prev.end + 1;
    } else {
      before = anchor.row;
      if (ownL1 && ownL1.row === anchor.row) {
        // The new slot becomes the group's first row: the 一级 label moves up to it.
        cells.push({ row: before, col: ownL1.col, value: group.level1 });
        cells.push({ row: ownL1.row + run.length, col: ownL1.col, value: "" });
      }
    }
    groupArea = (s) => {
      if (!ownL1) return null;
      const top = ownL1.row >= s.beforeRow ? s.beforeRow : ownL1.row;
      return column(top, ownL1.end + s.count, ownL1.col);
    };
  }
  run.forEach((l2, i) => cells.push({ row: before + i, col: cols.level2, value: level2Display(l2) }));
  if (t.repeated) {
    // 一级 on every row: each new 二级 row carries it.
    for (let i = 0; i < run.length; i++) {
      if (!cells.some((c) => c.row === before + i && c.col === cols.level1))
        cells.push({ row: before + i, col: cols.level1, value: group.level1 });
    }
  }

  // The 绩效指标 label on the table's first row (not the header) moves up when rows go above it.
  if (t.label && t.label.row > t.cols.headerRow && before <= t.label.row) {
    cells.push({ row: before, col: t.labelCol, value: "绩效指标" });
    cells.push({ row: t.label.row + run.length, col: t.labelCol, value: "" });
  }
  const formatFromRow = before - 1 > cols.headerRow ? before - 1 : Math.min(before, t.end);
  return {
    step: { beforeRow: before, count: run.length, formatFromRow, cells, merges: [] },
    run,
    groupArea,
  };
}

/** The first row of tree group `gi` in the table, were it there: after the previous group, or before the next. */
function groupStart(
  t: Table,
  tree: readonly { level1: Level1; level2: readonly Level2[] }[],
  gi: number,
): number {
  const rowsOf = (g: { level1: Level1; level2: readonly Level2[] }) => {
    const rows: { start: number; end: number }[] = [];
    for (const s of t.slots) if (g.level2.includes(s.level2)) rows.push({ start: s.row, end: s.end });
    for (const l of t.level1s) if (l.level1 === g.level1) rows.push({ start: l.row, end: l.end });
    return rows;
  };
  for (let g = gi - 1; g >= 0; g--) {
    const rows = rowsOf(tree[g]);
    if (rows.length) return Math.max(...rows.map((r) => r.end)) + 1;
  }
  for (let g = gi + 1; g < tree.length; g++) {
    const rows = rowsOf(tree[g]);
    if (rows.length) return Math.min(...rows.map((r) => r.start));
  }
  return t.end + 1;
}

/** After a structure step: the group's 一级 label merge and the 绩效指标 merge over the whole table. */
function labelMergesAfter(
  work: SheetSnapshot,
  t: Table,
  step: RowInsertStep,
  groupArea: (s: RowInsertStep) => CellRange | null,
): CellRange[] {
  const areas: CellRange[] = [];
  const g = groupArea(step);
  if (g) areas.push(g);
  if (t.label) {
    const labelRow =
      t.label.row > t.cols.headerRow && step.beforeRow <= t.label.row ? step.beforeRow : t.label.row;
    areas.push(column(labelRow, t.end + step.count, t.labelCol));
  }
  return labelMerges(work, areas);
}

// ---------------------------------------------------------------------------------------------
// New project sheet

const SHEET_NAME_MAX = 31;

/** `base`, or `base (2)`, `base (3)` … : the first name not taken (case-insensitive), ≤ 31 characters. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = base.replace(/[[\]:*?/\\]/g, "").slice(0, SHEET_NAME_MAX) || "Sheet";
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clean.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * A blank 项目绩效目标表 at A1 of a new sheet. 主管部门 and 用款单位 are the department form's 部门名称
 * when the workbook has a department form. The year is `opts.year` when given, else the department
 * form's budget year, else next year (forms are declared the year before).
 */
export function planNewProjectSheet(
  model: WorkbookModel,
  existingSheetNames: string[],
  opts: { year?: number } = {},
): NewSheetPlan {
  const dept = model.forms.find((f): f is DepartmentForm => f.kind === "department");
  const year = opts.year ?? dept?.year ?? new Date().getFullYear() + 1;
  const owner = dept?.name?.text ? dept.name.text : undefined;
  const sheetName = uniqueSheetName("项目绩效目标表", existingSheetNames);
  // A workbook of another family gets a project form of that family (that of its first project form).
  const profile = model.forms
    .filter((f) => f.kind === "project")
    .map(profileOf)
    .find((p) => p?.layout !== undefined);
  if (profile) {
    const dept2 =
      owner ??
      model.forms.flatMap((f) => f.fields ?? []).find((f) => f.role === "department" && f.text !== "")?.text;
    const layout = profileFormLayout(profile, { year, dept: dept2 });
    if (!("error" in layout)) return { sheetName, layouts: [{ origin: { row: 0, col: 0 }, layout }] };
  }
  return {
    sheetName,
    layouts: [{ origin: { row: 0, col: 0 }, layout: projectFormLayout({ year, owner, user: owner }) }],
  };
}

// ---------------------------------------------------------------------------------------------
// Applying plans to snapshots

/** A layout as a sheet snapshot (values, displayed text, number formats, merges) with its top-left at origin. */
export function layoutToSheet(
  layout: FormLayout,
  name: string,
  origin: { row: number; col: number } = { row: 0, col: 0 },
): SheetSnapshot {
  const sheet: SheetSnapshot = {
    name,
    top: origin.row,
    left: origin.col,
    values: [],
    text: [],
    numberFormat: [],
    formulas: [],
    merges: [],
  };
  writeLayout(sheet, layout, origin);
  return sheet;
}

/**
 * The snapshot after the plan, as Excel would leave it: rows inserted (merges spanning the insertion
 * row grow, those below move down), cells written, merges set; or the new sheet added. The input is
 * not changed.
 */
export function applyPlanToSnapshot(
  snapshot: WorkbookSnapshot,
  plan: RowInsertPlan | NewSheetPlan,
): WorkbookSnapshot {
  if ("sheetName" in plan) {
    if (snapshot.sheets.some((s) => s.name.toLowerCase() === plan.sheetName.toLowerCase()))
      throw new Error(`sheet "${plan.sheetName}" exists`);
    const sheet: SheetSnapshot = {
      name: plan.sheetName,
      top: 0,
      left: 0,
      values: [],
      text: [],
      numberFormat: [],
      formulas: [],
      merges: [],
    };
    for (const { origin, layout } of plan.layouts) writeLayout(sheet, layout, origin);
    return { ...snapshot, sheets: [...snapshot.sheets, sheet] };
  }
  const sheets = snapshot.sheets.map((s) => {
    if (s.name !== plan.sheet) return s;
    const work = cloneSheet(s);
    for (const step of plan.steps) applyStep(work, step);
    return work;
  });
  if (!sheets.some((s) => s.name === plan.sheet)) throw new Error(`no sheet "${plan.sheet}"`);
  return { ...snapshot, sheets };
}
