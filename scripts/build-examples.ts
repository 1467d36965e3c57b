/**
 * Builds the example workbooks from the seed declaration (examples/source/nancheng-2026.txt):
 *
 *   examples/nancheng-2026-per-sheet.xlsx  one form per sheet, canonical and tidied (template.md)
 *   examples/nancheng-2026-stacked.xlsx    all ten forms stacked in one sheet, exactly as the seed
 *
 * The seed's real mistakes (missing values, typos, a title naming another unit, HTML residue) are kept
 * in both; the per-sheet workbook only moves cells back to their canonical columns.
 *
 * Three steps: parse the seed into forms (rows of cell strings, each row given a role), lay each
 * workbook out as data (cells + merges + formats), write the layouts with exceljs.
 *
 *   npx tsx scripts/build-examples.ts
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellRange } from "../src/engine/snapshot";

// =============================================================================================
// 1. Parsing the seed

export type FormKind = "department" | "project";

/** What a row is, from the form's structure (the same in the seed and in the tidy layout). */
export type RowRole =
  | "blank"
  | "title" // …部门整体预算绩效目标申报表 / 项目绩效目标表
  | "year" // (2026年)
  | "field" // 部门名称, 项目名称, 项目类型, 项目等级, 主管部门, 用款单位: label | text (B:F)
  | "basic" // 基本信息 | 财政供养人员数 | n | 下属二级单位数 | n
  | "budget-header" // 预算整体情况 | 部门预算支出 | 预算金额(万元) | 收入来源 | 预算金额(万元) (and 事业发展性支出 …)
  | "budget" // | 基本支出 | 万元 | 财政拨款 | 万元
  | "goal" // department 总体绩效目标 | text (B:F)
  | "task-header" // 年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金(元) | 期望达到的目标(概述)
  | "task" // | name | content | 元 | expected result
  | "other" // 其他需完成的任务(可选填) | text
  | "period" // 实施周期 | 起始年度 | year | 到期年度 | year
  | "amount" // 2026年预算金额(元) | 元 (B:F)
  | "goal-label" // project: (总体绩效目标) | 实施周期总目标 / 2026年度目标
  | "goal-text" // project: | text (B:F)
  | "indicator-header" // 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 实施周期指标值 | 年度指标值
  | "indicator"; // | 一级 | 二级 | 三级 | period value | annual value

export interface SeedRow {
  /** 1-based line number in the seed. */
  line: number;
  /** The line split at tabs: cell i is column i (A = 0). */
  cells: string[];
  role: RowRole;
}

export interface SeedForm {
  kind: FormKind;
  /** 部门名称 or 项目名称. */
  name: string;
  /** From the title line to the form's last non-blank line (blank lines inside kept). */
  rows: SeedRow[];
}

export interface ParsedSeed {
  /** Every seed line split at tabs (line N is lines[N - 1]). */
  lines: string[][];
  forms: SeedForm[];
}

const DEPARTMENT_TITLE = /部门整体预算绩效目标申报表$/;
const PROJECT_TITLE = /^项目绩效目标表$/;
const YEAR_LINE = /^[(（]\s*\d{4}\s*年\s*[)）]$/;
const FIELD_LABELS = new Set(["部门名称", "项目名称", "项目类型", "项目等级", "主管部门", "用款单位"]);
const SECOND_LEVEL_BENEFIT = /^(经济效益|社会效益|生态效益|可持续影响)(指标)?$/;

function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

function formKindOf(cells: string[]): FormKind | null {
  const first = (cells[0] ?? "").trim();
  if (cells.slice(1).some((c) => c.trim() !== "")) return null;
  if (DEPARTMENT_TITLE.test(first)) return "department";
  if (PROJECT_TITLE.test(first)) return "project";
  return null;
}

/** Splits the seed text into its forms and gives each row a role. */
export function parseSeed(text: string): ParsedSeed {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.split("\t"));
  if (lines.length > 0 && isBlankRow(lines[lines.length - 1]) && text.endsWith("\n")) lines.pop();

  const forms: SeedForm[] = [];
  let current: { kind: FormKind; rows: SeedRow[] } | null = null;
  const close = () => {
    if (!current) return;
    while (current.rows.length > 0 && isBlankRow(current.rows[current.rows.length - 1].cells))
      current.rows.pop();
    assignRoles(current.kind, current.rows);
    const label = current.kind === "department" ? "部门名称" : "项目名称";
    const nameRow = current.rows.find((r) => r.cells[0]?.trim() === label);
    forms.push({ kind: current.kind, name: nameRow?.cells[1]?.trim() ?? "", rows: current.rows });
    current = null;
  };
  lines.forEach((cells, i) => {
    const kind = formKindOf(cells);
    if (kind) {
      close();
      current = { kind, rows: [] };
    }
    if (current) current.rows.push({ line: i + 1, cells, role: "blank" });
  });
  close();
  return { lines, forms };
}

function assignRoles(kind: FormKind, rows: SeedRow[]): void {
  type Section = "head" | "budget" | "tasks" | "goals" | "indicators";
  let section: Section = "head";
  let budgetRowsLeft = 0;
  rows.forEach((row, i) => {
    const c = row.cells.map((s) => s.trim());
    const a = c[0] ?? "";
    if (i === 0) return void (row.role = "title");
    if (isBlankRow(c)) return void (row.role = "blank");
    if (YEAR_LINE.test(a) && c.slice(1).every((s) => s === "")) return void (row.role = "year");
    if (c.includes("一级指标")) {
      section = "indicators";
      return void (row.role = "indicator-header");
    }
    if (section === "indicators") return void (row.role = "indicator");
    if (section === "budget" && budgetRowsLeft > 0 && a === "") {
      budgetRowsLeft--;
      return void (row.role = c[1] === "事业发展性支出" ? "budget-header" : "budget");
    }
    if (section === "tasks" && a === "") return void (row.role = "task");
    if (section === "goals") {
      // Every row between 总体绩效目标 and the indicator header, wherever its text sits.
      const label = c[1] ?? "";
      const isLabel = label === "实施周期总目标" || /年度目标$/.test(label);
      return void (row.role =
        isLabel && c.slice(2).every((s) => s === "") && a === "" ? "goal-label" : "goal-text");
    }
    section = "head";
    if (FIELD_LABELS.has(a)) return void (row.role = "field");
    if (a === "基本信息") return void (row.role = "basic");
    if (a === "预算整体情况") {
      section = "budget";
      budgetRowsLeft = 5;
      return void (row.role = "budget-header");
    }
    if (a === "年度重点工作任务") {
      section = "tasks";
      return void (row.role = "task-header");
    }
    if (a.startsWith("其他需完成的任务")) return void (row.role = "other");
    if (a === "实施周期") return void (row.role = "period");
    if (/预算金额/.test(a)) return void (row.role = "amount");
    if (a === "总体绩效目标") {
      if (kind === "department") return void (row.role = "goal");
      section = "goals";
      return void (row.role = "goal-label");
    }
    row.role = "field";
  });
}

// =============================================================================================
// 2. Layouts as data

export interface LayoutCell {
  value: string | number | null;
  numFmt?: string;
  bold?: boolean;
  /** Horizontal centering. */
  center?: boolean;
  /** Font size (default 11). */
  size?: number;
}

export interface SheetLayout {
  name: string;
  /** Absolute 0-based rows; a missing row or cell is left untouched (no value, no style). */
  rows: Map<number, Map<number, LayoutCell>>;
  merges: CellRange[];
  /** Cells that get a thin border, as rectangles. */
  bordered: CellRange[];
  rowHeights: Map<number, number>;
  /** Column widths from column A. */
  columnWidths: number[];
}

/** A form row in a layout: its cells (strings, as in the seed), role and source seed line. */
interface LayoutRow {
  cells: string[];
  role: RowRole;
  /** Seed line, or null for a row the tidy layout inserted. */
  line: number | null;
}

const COLUMN_WIDTHS = [16, 18, 22, 28, 22, 22];
const FONT_NAME = "宋体";
const AMOUNT_FORMAT = "#,##0.00";
const INTEGER_FORMAT = "0";

// ---- tidying --------------------------------------------------------------------------------

/** The canonical six-column rows of one form: blank lines dropped, misplaced cells moved back. */
export function tidyForm(form: SeedForm): LayoutRow[] {
  const out: LayoutRow[] = [];
  let satisfactionShifted = false;
  let benefitGarbled = false;
  const rows = form.rows.filter((r) => r.role !== "blank");
  rows.forEach((row, i) => {
    const cells = row.cells.map((s) => s.trim());
    switch (row.role) {
      case "goal-text":
        // 机关事业单位派遣人员经费: the 年度目标 text stands in column A.
        if (cells[0] !== "" && (cells[1] ?? "") === "") {
          cells[1] = cells[0];
          cells[0] = "";
        }
        break;
      case "indicator-header":
        // The department form writes 绩效指标 on the first indicator row, not the header row.
        cells[0] = "绩效指标";
        break;
      case "indicator": {
        if (cells[0] === "绩效指标") cells[0] = "";
        // 综合窗口管理工作经费, 伙食补助费: an empty column between 三级指标 and the values.
        if (cells.length >= 7 && cells[4] === "" && (cells[5] !== "" || cells[6] !== "")) cells.splice(4, 1);
        // 满意度指标 in column A: the whole row sits one column left, and so do the rows under it.
        if (cells[0] === "满意度指标") {
          cells.unshift("");
          satisfactionShifted = true;
        } else if (satisfactionShifted && cells[0] === "" && cells[1] === "" && (cells[5] ?? "") === "") {
          cells.unshift("");
        }
        // The department's 效益 block: 效益指标 in the 二级 column, 二级 names in the 三级 column and
        // 三级 names in the 一级 column.
        if (cells[2] === "效益指标" && cells[1] === "") {
          benefitGarbled = true;
          cells.splice(1, 1);
          cells.push("");
        } else if (benefitGarbled && cells[1] === "满意度指标") {
          benefitGarbled = false;
        } else if (benefitGarbled) {
          if (cells[1] === "" && cells[2] === "" && SECOND_LEVEL_BENEFIT.test(cells[3] ?? "")) {
            cells.splice(1, 1);
            cells.push("");
          } else if (cells[1] !== "" && SECOND_LEVEL_BENEFIT.test(cells[1])) {
            cells[2] = cells[1];
            cells[1] = "";
          } else if (cells[1] !== "" && (cells[2] ?? "") === "" && (cells[3] ?? "") === "") {
            cells[3] = cells[1];
            cells[1] = "";
          }
        }
        break;
      }
      default:
        break;
    }
    out.push({ cells: toSixColumns(cells, row.line), role: row.role, line: row.line });
    // 综合窗口管理工作经费: a goal label with no text under it. Keep the mistake, in its own row.
    if (row.role === "goal-label" && /目标$/.test(cells[1] ?? "") && rows[i + 1]?.role !== "goal-text") {
      out.push({ cells: ["", "", "", "", "", ""], role: "goal-text", line: null });
    }
  });
  return out;
}

function toSixColumns(cells: string[], line: number): string[] {
  const extra = cells.slice(6).filter((c) => c !== "");
  if (extra.length > 0)
    throw new Error(`seed line ${line}: content beyond column F after tidying: ${extra.join(" | ")}`);
  const six = cells.slice(0, 6);
  while (six.length < 6) six.push("");
  return six;
}

// ---- merges ---------------------------------------------------------------------------------

interface FormMerge {
  /** Rows are indexes into the form's LayoutRow list. */
  range: CellRange;
}

/** The template's merges for one form, over its LayoutRows (row = index in the list). */
function formMerges(rows: LayoutRow[]): FormMerge[] {
  const out: FormMerge[] = [];
  const add = (top: number, left: number, bottom: number, right: number) => {
    if (top === bottom && left === right) return;
    out.push({ range: { top, left, bottom, right } });
  };
  const runEnd = (start: number, roles: RowRole[]) => {
    let end = start;
    while (end + 1 < rows.length && roles.includes(rows[end + 1].role)) end++;
    return end;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    switch (r.role) {
      case "title":
      case "year":
        add(i, 0, i, 5);
        break;
      case "field":
      case "goal":
      case "other":
      case "amount":
        add(i, 1, i, 5);
        break;
      case "basic":
      case "period":
        add(i, 4, i, 5);
        break;
      case "budget-header":
      case "budget":
        add(i, 4, i, 5);
        if ((r.cells[0] ?? "").trim() === "预算整体情况")
          add(i, 0, runEnd(i, ["budget", "budget-header"]), 0);
        break;
      case "task-header":
        add(i, 4, i, 5);
        add(i, 0, runEnd(i, ["task"]), 0);
        break;
      case "task":
        add(i, 4, i, 5);
        break;
      case "goal-label":
        add(i, 1, i, 5);
        if ((r.cells[0] ?? "").trim() === "总体绩效目标")
          add(i, 0, runEnd(i, ["goal-label", "goal-text"]), 0);
        break;
      case "goal-text":
        add(i, 1, i, 5);
        break;
      case "indicator-header": {
        const last = runEnd(i, ["indicator"]);
        add(i, 0, last, 0);
        // 一级 labels (B) merged down their group, 二级 labels (C) down their 三级 rows.
        for (let g = i + 1; g <= last; g++) {
          if (rows[g].cells[1] === "") continue;
          let end = g;
          while (end + 1 <= last && rows[end + 1].cells[1] === "") end++;
          add(g, 1, end, 1);
        }
        for (let g = i + 1; g <= last; g++) {
          if (rows[g].cells[2] === "") continue;
          let end = g;
          while (end + 1 <= last && rows[end + 1].cells[1] === "" && rows[end + 1].cells[2] === "") end++;
          add(g, 2, end, 2);
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

// ---- cells ----------------------------------------------------------------------------------

/** Amounts, years and counts become numbers; everything else stays text. */
function typedValue(
  role: RowRole,
  col: number,
  text: string,
): { value: string | number | null; numFmt?: string } {
  const t = text.trim();
  if (t === "") return { value: null };
  const numeric = (fmt: string) => {
    const plain = t.replace(/,/g, "");
    return /^-?\d+(\.\d+)?$/.test(plain) ? { value: Number(plain), numFmt: fmt } : { value: t };
  };
  if (role === "basic" && (col === 2 || col === 4)) return numeric(INTEGER_FORMAT);
  if (role === "budget" && (col === 2 || col === 4)) return numeric(AMOUNT_FORMAT);
  if (role === "task" && col === 3) return numeric(AMOUNT_FORMAT);
  if (role === "period" && (col === 2 || col === 4)) return numeric(INTEGER_FORMAT);
  if (role === "amount" && col === 1) return numeric(AMOUNT_FORMAT);
  return { value: t };
}

function isLabelCell(role: RowRole, col: number): boolean {
  if (role === "goal-text") return false;
  if (col === 0) return true;
  switch (role) {
    case "basic":
    case "budget":
    case "period":
      return col === 1 || col === 3;
    case "budget-header":
      return col >= 1 && col <= 4;
    case "task-header":
    case "indicator-header":
      return true;
    case "goal-label":
      return col === 1;
    case "indicator":
      return col === 1 || col === 2;
    default:
      return false;
  }
}

function layoutCell(role: RowRole, col: number, text: string): LayoutCell {
  if (role === "title") return { value: text.trim() || null, bold: true, center: true, size: 16 };
  if (role === "year") return { value: text.trim() || null, bold: true, center: true, size: 12 };
  const typed = typedValue(role, col, text);
  const cell: LayoutCell = { value: typed.value };
  if (typed.numFmt) cell.numFmt = typed.numFmt;
  if (typed.value !== null && isLabelCell(role, col)) {
    cell.bold = true;
    cell.center = true;
  } else if ((role === "indicator" && col >= 4) || role === "basic" || role === "period") {
    cell.center = true;
  }
  return cell;
}

/** Display width in Excel column units: CJK and full-width characters count two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1.1;
  return w;
}

const LINE_HEIGHT = 14.5;
const LONG_TEXT_ROLES: RowRole[] = ["goal", "goal-text", "task"];

/** A row height that shows the wrapped text of each cell (horizontal merges widen the cell). */
function rowHeight(role: RowRole, cells: string[], spans: Map<number, number>): number {
  if (role === "title") return 32;
  if (role === "year") return 22;
  let lines = 1;
  cells.forEach((text, col) => {
    if (text.trim() === "") return;
    const span = spans.get(col) ?? 1;
    let width = 0;
    for (let c = col; c < col + span; c++) width += COLUMN_WIDTHS[Math.min(c, COLUMN_WIDTHS.length - 1)];
    lines = Math.max(lines, Math.ceil(textWidth(text.trim()) / Math.max(4, width - 2)));
  });
  let h = Math.max(20, lines * LINE_HEIGHT + 6);
  if (LONG_TEXT_ROLES.includes(role) && cells.some((c) => c.trim() !== "")) h = Math.max(h, 60);
  if (role === "goal-text" && cells.every((c) => c.trim() === "")) h = 40; // the missing goal text
  return Math.min(409, Math.round(h));
}

function emptyLayout(name: string, columnWidths: number[]): SheetLayout {
  return { name, rows: new Map(), merges: [], bordered: [], rowHeights: new Map(), columnWidths };
}

function setCell(layout: SheetLayout, row: number, col: number, cell: LayoutCell): void {
  let line = layout.rows.get(row);
  if (!line) layout.rows.set(row, (line = new Map()));
  line.set(col, cell);
}

function cellText(layout: SheetLayout, row: number, col: number): string {
  const v = layout.rows.get(row)?.get(col)?.value;
  return v === null || v === undefined ? "" : String(v);
}

/** Writes one form's rows at `top`, cells in columns 0..width-1, with borders and heights. */
function placeForm(
  layout: SheetLayout,
  rows: LayoutRow[],
  rowAt: (i: number) => number,
  merges: CellRange[],
): void {
  const spansByRow = new Map<number, Map<number, number>>();
  for (const m of merges) {
    if (m.top !== m.bottom) continue;
    let s = spansByRow.get(m.top);
    if (!s) spansByRow.set(m.top, (s = new Map()));
    s.set(m.left, m.right - m.left + 1);
  }
  const firstLabel = rows.findIndex((r) => !["title", "year", "blank"].includes(r.role));
  rows.forEach((r, i) => {
    const row = rowAt(i);
    const width = Math.max(6, r.cells.length);
    for (let col = 0; col < width; col++)
      setCell(layout, row, col, layoutCell(r.role, col, r.cells[col] ?? ""));
    if (firstLabel >= 0 && i >= firstLabel)
      layout.bordered.push({ top: row, left: 0, bottom: row, right: width - 1 });
    layout.rowHeights.set(row, rowHeight(r.role, r.cells, spansByRow.get(row) ?? new Map()));
  });
}

// ---- the two workbooks ----------------------------------------------------------------------

const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(BAD_SHEET_CHARS, "")
      .replace(/^'+|'+$/g, "")
      .trim() || "项目";
  let name = base.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** One sheet per form, each form tidied and starting at A1. */
export function buildPerSheetLayouts(seed: ParsedSeed): SheetLayout[] {
  const used = new Set<string>();
  return seed.forms.map((form) => {
    const name = sheetName(form.kind === "department" ? "部门整体" : form.name, used);
    const layout = emptyLayout(name, COLUMN_WIDTHS);
    const rows = tidyForm(form);
    const merges = formMerges(rows).map((m) => m.range);
    placeForm(layout, rows, (i) => i, merges);
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if ((r !== m.top || c !== m.left) && cellText(layout, r, c) !== "") {
            throw new Error(`${name}: merge over a non-empty cell at row ${r + 1}, column ${c + 1}`);
          }
        }
      }
    }
    layout.merges.push(...merges);
    return layout;
  });
}

/** All forms in one sheet, one seed line a row, cells at the seed's columns. */
export function buildStackedLayout(seed: ParsedSeed): SheetLayout {
  const layout = emptyLayout("绩效目标表", [...COLUMN_WIDTHS, 22]);
  for (const form of seed.forms) {
    const seedRows: LayoutRow[] = form.rows.map((r) => ({ cells: r.cells, role: r.role, line: r.line }));
    // The template's merges, worked out on the tidy form and carried back to seed lines; a merge is
    // kept only where it would hide nothing (the seed's shifted rows keep their content).
    const tidy = tidyForm(form);
    const lineOf = (i: number): number | null => {
      for (let k = i; k >= 0; k--) if (tidy[k].line !== null) return tidy[k].line;
      return null;
    };
    const merges: CellRange[] = [];
    const tidyText = (r: number, c: number) => (tidy[r].cells[c] ?? "").trim();
    const seedText = (line: number, c: number) => (seed.lines[line - 1]?.[c] ?? "").trim();
    for (const { range } of formMerges(tidy)) {
      const topLine = tidy[range.top].line;
      // The merge holds a label: keep it only where the seed has that label in the same cell.
      if (topLine === null || seedText(topLine, range.left) !== tidyText(range.top, range.left)) continue;
      const top = (lineOf(range.top) as number) - 1;
      const bottom = (lineOf(range.bottom) as number) - 1;
      if (bottom < top || (top === bottom && range.left === range.right)) continue;
      merges.push({ top, left: range.left, bottom, right: range.right });
    }
    placeForm(layout, seedRows, (i) => form.rows[i].line - 1, merges);
    for (const m of merges) {
      let hidesContent = false;
      for (let r = m.top; r <= m.bottom && !hidesContent; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if ((r !== m.top || c !== m.left) && cellText(layout, r, c) !== "") hidesContent = true;
        }
      }
      if (!hidesContent) layout.merges.push(m);
    }
  }
  return layout;
}

// =============================================================================================
// 3. Writing

const THIN = { style: "thin" as const };
const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function writeLayouts(layouts: SheetLayout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-target-check build-examples";
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.name, {
      pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = layout.columnWidths.map((width) => ({ width }));
    const borderedRows = new Map<number, number>();
    for (const b of layout.bordered) {
      for (let r = b.top; r <= b.bottom; r++)
        borderedRows.set(r, Math.max(borderedRows.get(r) ?? -1, b.right));
    }
    const rowNumbers = new Set<number>([...layout.rows.keys(), ...borderedRows.keys()]);
    for (const r of [...rowNumbers].sort((a, b) => a - b)) {
      const line = layout.rows.get(r) ?? new Map<number, LayoutCell>();
      const right = Math.max(borderedRows.get(r) ?? -1, ...line.keys());
      for (let c = 0; c <= right; c++) {
        const spec = line.get(c);
        const bordered = c <= (borderedRows.get(r) ?? -1);
        if (!spec && !bordered) continue;
        const cell = ws.getCell(r + 1, c + 1);
        if (spec && spec.value !== null) cell.value = spec.value;
        if (spec?.numFmt) cell.numFmt = spec.numFmt;
        cell.font = { name: FONT_NAME, size: spec?.size ?? 11, bold: spec?.bold ?? false };
        cell.alignment = {
          wrapText: true,
          vertical: "middle",
          ...(spec?.center ? { horizontal: "center" } : {}),
        };
        if (bordered) cell.border = THIN_BORDER;
      }
      const h = layout.rowHeights.get(r);
      if (h !== undefined) ws.getRow(r + 1).height = h;
    }
    for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return wb;
}

export const SEED_PATH = join(__dirname, "..", "examples", "source", "nancheng-2026.txt");
export const PER_SHEET_PATH = join(__dirname, "..", "examples", "nancheng-2026-per-sheet.xlsx");
export const STACKED_PATH = join(__dirname, "..", "examples", "nancheng-2026-stacked.xlsx");

async function main(): Promise<void> {
  const seed = parseSeed(readFileSync(SEED_PATH, "utf8"));
  mkdirSync(join(__dirname, "..", "examples"), { recursive: true });
  await writeLayouts(buildPerSheetLayouts(seed)).xlsx.writeFile(PER_SHEET_PATH);
  await writeLayouts([buildStackedLayout(seed)]).xlsx.writeFile(STACKED_PATH);
  console.log(PER_SHEET_PATH);
  console.log(STACKED_PATH);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
