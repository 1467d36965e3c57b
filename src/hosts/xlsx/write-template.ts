/**
 * Writes a blank 绩效目标表 workbook from the template layouts: one sheet 部门整体 with the
 * department form and N sheets 项目绩效目标表1…N with project forms, each written at A1 with its
 * values, merged areas, column widths, row heights, cell styles, data validations and an A4
 * portrait page setup (fit to one page wide).
 *
 * Pure data in, workbook out; only writeTemplateWorkbook touches the disk. Nothing is printed.
 * Failures to write raise TemplateWriteError with a bilingual (zh / en) message naming the file.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import type { CellRange } from "../../engine/snapshot";
import { departmentFormLayout, projectFormLayout } from "../../template/layouts";
import { profileFormLayout } from "../../template/profile-layout";
import { PROFILES_BY_ID } from "../../templates";
import { TEMPLATE_STYLES } from "../../template/styles";
import type { FormLayout, StyleSpec, ValidationSpec } from "../../template/types";
import type { MessageArgs } from "../../core";
import { render } from "../../messages";
import { readerMessage as writeMessage, type ReaderMessage, type WriteMessageId } from "./lean/errors";

export interface TemplateOptions {
  /** 部门名称: prefilled as the department's name and as 主管部门 / 用款单位 of every project. */
  dept?: string;
  /** 预算年度, 2000–2099. */
  year: number;
  /** How many project sheets, 0–500. */
  projects: number;
  /**
   * A template profile id (src/templates): a project profile writes `projects` project sheets (at
   * least one), a department profile one department sheet. Absent: the Dongguan 2026 workbook
   * (one department sheet and `projects` project sheets).
   */
  template?: string;
}

/** The default family of `new` (department + project forms of the seed layout). */
export const DEFAULT_TEMPLATE = "dongguan-2026";

export const TEMPLATE_LIMITS = { minYear: 2000, maxYear: 2099, minProjects: 0, maxProjects: 500 } as const;

export const DEPARTMENT_SHEET = "部门整体";

/** The n-th (1-based) project sheet's name. */
export function projectSheetName(n: number): string {
  return `项目绩效目标表${n}`;
}

/** Where validation lists too long for an inline list (255 characters) are kept. */
const LISTS_SHEET = "下拉选项";
const INLINE_LIST_LIMIT = 255;

/** The Chinese template's font: 宋体 (SimSun), GB2312 character set. */
const FONT_NAME = "宋体";
const FONT_CHARSET = 134;
const DEFAULT_FONT_SIZE = 11;
/** Points; rows the layout gives no height. */
const DEFAULT_ROW_HEIGHT = 20;

export type TemplateWriteErrorCode = "exists" | "unwritable" | "bad-options";

export class TemplateWriteError extends Error {
  readonly code: TemplateWriteErrorCode;
  /** The output file as the caller gave it ("" for bad options). */
  readonly file: string;
  /** The system error code (ENOENT, EACCES, …) when the write itself failed. */
  readonly errno?: string;
  /** A `reader.write.*` id of the catalogue and its arguments. */
  readonly messageId: WriteMessageId;
  readonly args: MessageArgs;

  constructor(
    code: TemplateWriteErrorCode,
    file: string,
    message: ReaderMessage<WriteMessageId>,
    options?: { cause?: unknown; errno?: string },
  ) {
    // zh, for logs; the command line words the failure from `code` and `errno` in its language.
    super(render(message, "zh"), options?.cause === undefined ? undefined : { cause: options.cause });
    this.messageId = message.messageId;
    this.args = message.args;
    this.name = "TemplateWriteError";
    this.code = code;
    this.file = file;
    if (options?.errno) this.errno = options.errno;
  }
}

export interface WriteTemplateResult {
  file: string;
  /** Sheet names in workbook order (the form sheets; a hidden list sheet is not named). */
  sheets: string[];
  bytes: number;
}

function checkOptions(opts: TemplateOptions): void {
  const { minYear, maxYear, minProjects, maxProjects } = TEMPLATE_LIMITS;
  if (!Number.isInteger(opts.year) || opts.year < minYear || opts.year > maxYear) {
    throw new TemplateWriteError(
      "bad-options",
      "",
      writeMessage("reader.write.badYear", { year: String(opts.year), min: minYear, max: maxYear }),
    );
  }
  if (!Number.isInteger(opts.projects) || opts.projects < minProjects || opts.projects > maxProjects) {
    throw new TemplateWriteError(
      "bad-options",
      "",
      writeMessage("reader.write.badProjects", {
        projects: String(opts.projects),
        min: minProjects,
        max: maxProjects,
      }),
    );
  }
}

/** Builds the template workbook in memory. */
export function buildTemplateWorkbook(opts: TemplateOptions): ExcelJS.Workbook {
  checkOptions(opts);
  const dept = opts.dept?.trim() || undefined;
  const wb = new ExcelJS.Workbook();
  wb.creator = "perf-target-check";
  wb.created = new Date();
  const lists = new ListSheet(wb);

  const add = (name: string, layout: FormLayout) => {
    // Rows the layout leaves at the default get room to write in (Excel's own default is 15pt).
    const ws = wb.addWorksheet(name, { properties: { defaultRowHeight: DEFAULT_ROW_HEIGHT } });
    writeFormLayout(ws, layout, { row: 0, col: 0 }, lists);
    setupPage(ws, layout);
  };
  const id = opts.template ?? DEFAULT_TEMPLATE;
  const dongguan = id === DEFAULT_TEMPLATE || id.startsWith(`${DEFAULT_TEMPLATE}-`);
  if (dongguan) {
    if (id !== "dongguan-2026-project")
      add(DEPARTMENT_SHEET, departmentFormLayout({ year: opts.year, name: dept }));
    if (id !== "dongguan-2026-department") {
      const n = id === DEFAULT_TEMPLATE ? opts.projects : Math.max(1, opts.projects);
      for (let i = 1; i <= n; i++) {
        add(projectSheetName(i), projectFormLayout({ year: opts.year, owner: dept, user: dept }));
      }
    }
  } else {
    const profile = PROFILES_BY_ID.get(id);
    const layout = profile ? profileFormLayout(profile, { year: opts.year, dept }) : null;
    if (!profile || !layout || "error" in layout) {
      throw new TemplateWriteError("bad-options", "", writeMessage("reader.write.noTemplate", { id }));
    }
    if (layout.kind === "department") add(DEPARTMENT_SHEET, layout);
    else for (let i = 1; i <= Math.max(1, opts.projects); i++) add(projectSheetName(i), layout);
  }
  lists.finish();
  return wb;
}

/**
 * Builds the template and writes it to `path`. An existing file is refused (code "exists")
 * unless `force`; the check and the write are one step, so nothing is overwritten by a race.
 */
export async function writeTemplateWorkbook(
  path: string,
  opts: TemplateOptions,
  { force = false }: { force?: boolean } = {},
): Promise<WriteTemplateResult> {
  const wb = buildTemplateWorkbook(opts);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  try {
    await fs.writeFile(path, data, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new TemplateWriteError("exists", path, writeMessage("reader.write.exists", { file: path }), {
        cause: e,
        errno: code,
      });
    }
    const file = path;
    const message =
      code === "ENOENT" || code === "ENOTDIR"
        ? writeMessage("reader.write.noDir", { file })
        : code === "EACCES" || code === "EPERM" || code === "EROFS"
          ? writeMessage("reader.write.denied", { file })
          : code === "EISDIR"
            ? writeMessage("reader.write.isDir", { file })
            : writeMessage("reader.write.failed", { file, reason: code ?? "?" });
    throw new TemplateWriteError("unwritable", path, message, {
      cause: e,
      errno: code,
    });
  }
  return {
    file: path,
    sheets: wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name),
    bytes: data.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout -> worksheet

/**
 * Writes one form layout into a worksheet with its top-left cell at `origin` (0-based):
 * merges first, then every cell's style (so a merged area's edge cells keep their own borders)
 * and the values of the cells that are not covered by a merge.
 */
export function writeFormLayout(
  ws: ExcelJS.Worksheet,
  layout: FormLayout,
  origin: { row: number; col: number } = { row: 0, col: 0 },
  lists?: ListSheet,
): void {
  const r0 = origin.row + 1; // exceljs is 1-based
  const c0 = origin.col + 1;

  layout.columnWidths.forEach((width, i) => {
    ws.getColumn(c0 + i).width = width;
  });
  for (const { row, height } of layout.rowHeights) ws.getRow(r0 + row).height = height;

  const covered = new Set<string>();
  for (const m of layout.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCells(r0 + m.top, c0 + m.left, r0 + m.bottom, c0 + m.right);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
      }
    }
  }

  for (const cell of layout.cells) {
    const target = ws.getCell(r0 + cell.row, c0 + cell.col);
    // A fresh style object per cell: exceljs shares and mutates style objects otherwise.
    target.style = cellStyle(TEMPLATE_STYLES[cell.style]);
    if (cell.value !== null && cell.value !== "" && !covered.has(`${cell.row},${cell.col}`)) {
      target.value = cell.value;
    }
  }

  for (const v of layout.validations) {
    const dv = dataValidation(v, lists);
    forEachCell(v.range, (r, c) => {
      ws.getCell(r0 + r, c0 + c).dataValidation = { ...dv, formulae: [...dv.formulae] };
    });
  }
}

function forEachCell(range: CellRange, fn: (row: number, col: number) => void): void {
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) fn(r, c);
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

export function cellStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      charset: FONT_CHARSET,
      size: spec.fontSize ?? DEFAULT_FONT_SIZE,
      bold: spec.bold ?? false,
    },
    alignment: {
      horizontal: spec.horizontal === "Center" ? "center" : spec.horizontal === "Right" ? "right" : "left",
      vertical: "middle",
      wrapText: spec.wrap,
    },
  };
  if (spec.border) {
    style.border = { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
  }
  if (spec.fill) {
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(spec.fill) } };
  }
  if (spec.numberFormat) style.numFmt = spec.numberFormat;
  return style;
}

/** "#D9D9D9" / "D9D9D9" / "FFD9D9D9" -> "FFD9D9D9". */
function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  throw new Error(`unsupported fill colour ${JSON.stringify(color)} (use #RRGGBB)`);
}

function dataValidation(v: ValidationSpec, lists: ListSheet | undefined): ExcelJS.DataValidation {
  const prompt: Partial<ExcelJS.DataValidation> = v.prompt
    ? { showInputMessage: true, prompt: v.prompt.slice(0, 255) }
    : {};
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", ...prompt };
  switch (v.kind) {
    case "list":
      return {
        type: "list",
        formulae: [listFormula(v.list, lists)],
        ...common,
        errorTitle: "输入无效",
        error: "请从下拉列表中选择。",
      };
    case "wholeNumber":
      return {
        type: "whole",
        operator: "between",
        formulae: [v.min, v.max],
        ...common,
        errorTitle: "输入无效",
        error: `请输入 ${num(v.min)} 到 ${num(v.max)} 之间的整数。`,
      };
    case "decimal":
      return {
        type: "decimal",
        operator: "between",
        formulae: [v.min, v.max],
        ...common,
        errorTitle: "输入无效",
        error: `请输入 ${num(v.min)} 到 ${num(v.max)} 之间的数值。`,
      };
  }
}

/** 1000000000000 -> "1,000,000,000,000"; years stay as they are. */
function num(n: number): string {
  return Math.abs(n) >= 10000 ? n.toLocaleString("en-US", { maximumFractionDigits: 2 }) : String(n);
}

/** An inline list `"a,b,c"` when it fits (Excel's limit is 255 characters), else a range on the list sheet. */
function listFormula(items: string[], lists: ListSheet | undefined): string {
  const inline = items.join(",");
  if (inline.length <= INLINE_LIST_LIMIT && !items.some((s) => s.includes(",") || s.includes('"'))) {
    return `"${inline}"`;
  }
  if (!lists) throw new Error(`validation list too long for an inline list: ${inline.slice(0, 40)}…`);
  return lists.add(items);
}

/**
 * A hidden sheet holding validation lists too long to inline, one column a list. It is added by
 * finish(), after the form sheets, and only when some list needed it.
 */
export class ListSheet {
  private readonly lists: string[][] = [];
  private readonly known = new Map<string, string>();

  constructor(private readonly wb: ExcelJS.Workbook) {}

  /** The absolute reference the list will have, e.g. `'下拉选项'!$A$1:$A$12`. */
  add(items: string[]): string {
    const key = JSON.stringify(items);
    const found = this.known.get(key);
    if (found) return found;
    this.lists.push(items);
    const letter = columnLetter(this.lists.length);
    const ref = `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${items.length}`;
    this.known.set(key, ref);
    return ref;
  }

  finish(): void {
    if (this.lists.length === 0) return;
    const ws = this.wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
    this.lists.forEach((items, c) => items.forEach((item, r) => (ws.getCell(r + 1, c + 1).value = item)));
  }
}

/** 1 -> A, 27 -> AA. */
function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A4 portrait (landscape for a table wider than six columns), one page wide; the print area is the form (written at A1). */
function setupPage(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const lastRow = layout.rowCount;
  const lastCol = layout.colCount;
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: layout.colCount > 6 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as needed
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(lastRow > 0 && lastCol > 0 ? { printArea: `A1:${columnLetter(lastCol)}${lastRow}` } : {}),
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
}
