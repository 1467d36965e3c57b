/**
 * Builds a MemoryWorkbook from an .xlsx file with exceljs: values (cached formula results),
 * formulas, number formats, fills, fonts, borders, alignment, merges, column widths, row heights,
 * sheet visibility, the file's conditional formats and data validations.
 *
 * Cell values follow the same rules as src/hosts/xlsx/read-xlsx.ts (a test compares them on the
 * example workbook). No Node imports: in the browser webpack aliases `exceljs` to its browser build.
 */
import ExcelJS from "exceljs";
import { parseRangeA1 } from "../../engine/address";
import {
  dateToSerial,
  loadXlsxPackage,
  plainValue,
  type LoadedWorkbook,
  type SheetExtras,
} from "../../hosts/xlsx/cell-values";
import { excelJsColor } from "./colors";
import { coalesce } from "./rects";
import {
  type CellRange,
  type MemoryBorder,
  type MemoryCell,
  type MemoryCellFormat,
  type MemoryCellValue,
  type MemoryConditionalFormat,
  type MemoryConditionalFormatType,
  type MemoryDataValidationRule,
  type MemoryDataValidationType,
  type MemorySheet,
  type MemoryWorkbook,
  addSheet,
  createMemoryWorkbook,
  newConditionalFormatId,
  pruneCell,
  touchCell,
} from "./state";

export async function memoryWorkbookFromXlsx(
  data: ArrayBuffer | Uint8Array,
  name = "Book1.xlsx",
): Promise<MemoryWorkbook> {
  // exceljs (JSZip) reads an ArrayBuffer or a Uint8Array in Node and in the browser. A validation
  // larger than this host keeps is dropped before exceljs lists it cell by cell.
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadXlsxPackage(data, { validations: MAX_VALIDATION_CELLS });
  } catch (e) {
    // JSZip and exceljs say "Corrupted zip" or fail deep in a parser: say what it means for the user.
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").trim().slice(0, 160);
    throw new Error(
      `不是可读取的 .xlsx 工作簿（文件已损坏，或是其他格式、旧版 .xls、加密的工作簿） / not a readable .xlsx workbook (damaged, another format, a legacy .xls or an encrypted workbook)${reason ? `: ${reason}` : ""}`,
      { cause: e },
    );
  }
  const xwb = loaded.workbook;
  const date1904 = Boolean((xwb.properties as { date1904?: boolean } | undefined)?.date1904);
  const wb = createMemoryWorkbook(name, []);
  for (const ws of xwb.worksheets) readSheet(wb, ws, loaded.extras(ws), date1904);
  if (wb.sheets.length === 0) addSheet(wb, "Sheet1");
  const views = (xwb as unknown as { views?: { activeTab?: number }[] }).views;
  const tab = views?.[0]?.activeTab;
  const active =
    (typeof tab === "number" ? wb.sheets[tab] : undefined) ??
    wb.sheets.find((s) => s.visibility === "Visible");
  wb.activeSheet = (active ?? wb.sheets[0]).name;
  return wb;
}

function readSheet(wb: MemoryWorkbook, ws: ExcelJS.Worksheet, extras: SheetExtras, date1904: boolean): void {
  const sheet = addSheet(wb, ws.name);
  const state = (ws as unknown as { state?: string }).state;
  sheet.visibility = state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";

  sheet.merges.push(...extras.merges);
  // Merges too large for exceljs to apply: the cells they cover other than the first read as empty.
  const covered = (r: number, c: number) =>
    extras.unapplied.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );
  const model = ws.model as { cols?: { min: number; max: number; width?: number }[] };
  const defaultWidth = ws.properties?.defaultColWidth;
  if (typeof defaultWidth === "number" && defaultWidth > 0)
    sheet.defaultColumnWidth = charsToPoints(defaultWidth);
  for (const col of model.cols ?? []) {
    if (typeof col.width !== "number") continue;
    for (let c = col.min; c <= col.max; c++) sheet.columnWidths.set(c - 1, charsToPoints(col.width));
  }

  const defaultHeight = ws.properties?.defaultRowHeight;
  if (typeof defaultHeight === "number" && defaultHeight > 0) sheet.defaultRowHeight = defaultHeight;

  eachStoredRow(ws, (row, rowNumber) => {
    if (typeof row.height === "number" && row.height >= 0) sheet.rowHeights.set(rowNumber - 1, row.height);
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const target = touchCell(sheet, r, c);
      const read = readCell(cell, date1904);
      if (extras.unapplied.length > 0 && covered(r, c)) read.value = read.formula = null;
      Object.assign(target, read);
      pruneCell(sheet, r, c);
    });
  });

  readConditionalFormats(wb, sheet, ws);
  readDataValidations(sheet, ws);

  const view = (ws.views as { activeCell?: string; state?: string }[] | undefined)?.[0];
  const sel = view?.activeCell ? parseRangeA1(view.activeCell) : null;
  if (sel) sheet.selection = [sel];
}

/**
 * Every row the file stores (values or formats), in order. exceljs' `eachRow({ includeEmpty: true })`
 * creates each row up to the last one first: a million for a sheet formatted down to row 1048576.
 */
function eachStoredRow(ws: ExcelJS.Worksheet, visit: (row: ExcelJS.Row, rowNumber: number) => void): void {
  const rows = (ws as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows;
  if (!Array.isArray(rows)) {
    ws.eachRow({ includeEmpty: true }, visit);
    return;
  }
  rows.forEach((row) => {
    if (row) visit(row, row.number);
  });
}

/** Column width in characters (as stored in the file) -> points, through whole pixels (Calibri 11). */
function charsToPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): MemoryCell {
  const numberFormat = cell.numFmt || "General";
  const format = readFormat(cell.style);
  // A cell covered by a merge reads as empty (exceljs repeats the master's value there).
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null, numberFormat, format };
  let value: MemoryCellValue;
  let formula: string | null = null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops a falsy cached result (0, "", false); cell.result keeps it.
    const f = cell.formula;
    formula = f ? (f.startsWith("=") ? f : `=${f}`) : null;
    value = plainValue(cell.result as unknown, date1904);
  } else {
    value = plainValue(cell.value as unknown, date1904);
  }
  return { value, formula, numberFormat, format };
}

// ---------------------------------------------------------------------------------------------
// Formats

const H_ALIGN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const V_ALIGN: Record<string, string> = {
  top: "Top",
  middle: "Center",
  justify: "Justify",
  distributed: "Distributed",
};

function readFormat(style: Partial<ExcelJS.Style> | undefined): MemoryCellFormat {
  const f: MemoryCellFormat = {};
  if (!style) return f;
  const fill = fillColor(style.fill);
  if (fill) f.fill = fill;
  const font = style.font;
  if (font) {
    const out: NonNullable<MemoryCellFormat["font"]> = {};
    if (font.bold) out.bold = true;
    if (font.italic) out.italic = true;
    const color = excelJsColor(font.color);
    if (color && color !== "#000000") out.color = color;
    if (font.name) out.name = font.name;
    if (typeof font.size === "number") out.size = font.size;
    if (Object.keys(out).length > 0) f.font = out;
  }
  const b = style.border;
  if (b) {
    const borders: NonNullable<MemoryCellFormat["borders"]> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const e = b[side];
      if (e?.style) {
        const border: MemoryBorder = { style: e.style };
        const color = excelJsColor(e.color);
        if (color) border.color = color;
        borders[side] = border;
      }
    }
    if (Object.keys(borders).length > 0) f.borders = borders;
  }
  const a = style.alignment;
  if (a) {
    if (a.wrapText) f.wrapText = true;
    if (a.horizontal && H_ALIGN[a.horizontal]) f.horizontalAlignment = H_ALIGN[a.horizontal];
    if (a.vertical && V_ALIGN[a.vertical]) f.verticalAlignment = V_ALIGN[a.vertical];
  }
  return f;
}

/** A cell's fill as one colour: a pattern's foreground (solid fills), a gradient's first stop. */
function fillColor(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill) return undefined;
  if (fill.type === "pattern") {
    if (fill.pattern === "none") return undefined;
    return excelJsColor(fill.fgColor) ?? excelJsColor(fill.bgColor);
  }
  return excelJsColor(fill.stops?.[0]?.color);
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

interface XlsxCfRule {
  type?: string;
  priority?: number;
  formulae?: unknown[];
  style?: { fill?: ExcelJS.Fill; font?: Partial<ExcelJS.Font> };
}

const CF_TYPE: Record<string, MemoryConditionalFormatType> = {
  expression: "Custom",
  cellIs: "CellValue",
  containsText: "ContainsText",
  notContainsText: "ContainsText",
  beginsWith: "ContainsText",
  endsWith: "ContainsText",
  top10: "TopBottom",
  dataBar: "DataBar",
  colorScale: "ColorScale",
  iconSet: "IconSet",
};

function readConditionalFormats(wb: MemoryWorkbook, sheet: MemorySheet, ws: ExcelJS.Worksheet): void {
  const list = (ws as unknown as { conditionalFormattings?: { ref: string; rules: XlsxCfRule[] }[] })
    .conditionalFormattings;
  const found: { priority: number; order: number; cf: MemoryConditionalFormat }[] = [];
  for (const entry of list ?? []) {
    const ranges = String(entry.ref)
      .split(/\s+/)
      .map((a) => parseRangeA1(a))
      .filter((r): r is CellRange => r !== null);
    if (ranges.length === 0) continue;
    for (const rule of entry.rules ?? []) {
      const type = CF_TYPE[rule.type ?? ""] ?? "PresetCriteria";
      const f0 = rule.formulae?.[0];
      const dxfFill = rule.style?.fill;
      const fill =
        dxfFill && dxfFill.type === "pattern"
          ? (excelJsColor(dxfFill.bgColor) ?? excelJsColor(dxfFill.fgColor))
          : undefined;
      found.push({
        priority: typeof rule.priority === "number" ? rule.priority : Number.MAX_SAFE_INTEGER,
        order: found.length,
        cf: {
          id: newConditionalFormatId(wb),
          ranges,
          type,
          formula: type === "Custom" && typeof f0 === "string" ? (f0.startsWith("=") ? f0 : `=${f0}`) : null,
          fillColor: fill ?? null,
          fontColor: excelJsColor(rule.style?.font?.color) ?? null,
          source: JSON.parse(JSON.stringify(rule)) as unknown,
        },
      });
    }
  }
  found.sort((a, b) => a.priority - b.priority || a.order - b.order);
  sheet.conditionalFormats = found.map((x) => x.cf);
}

// ---------------------------------------------------------------------------------------------
// Data validations

interface XlsxValidation {
  type?: string;
  operator?: string;
  formulae?: unknown[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  showErrorMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
}

const DV_TYPE: Record<string, MemoryDataValidationType> = {
  any: "None",
  whole: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  textLength: "TextLength",
  custom: "Custom",
  date: "Date",
  time: "Time",
};
const DV_OPERATOR: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};
/** Beyond this many cells a file's validation is not read (exceljs lists validations cell by cell). */
const MAX_VALIDATION_CELLS = 100_000;

/** A file formula as Office.js reads it back (`"=10"`); exceljs gives numbers, dates or text. */
function dvFormula(f: unknown): string | null {
  if (typeof f === "number") return Number.isFinite(f) ? `=${f}` : null;
  if (f instanceof Date) return `=${dateToSerial(f, false)}`;
  if (typeof f === "string" && f !== "") return f.startsWith("=") ? f : `=${f}`;
  return null;
}

function readDataValidations(sheet: MemorySheet, ws: ExcelJS.Worksheet): void {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, XlsxValidation> } })
    .dataValidations?.model;
  if (!model) return;
  // exceljs lists each cell, all cells of one validation sharing one object.
  const cells = new Map<XlsxValidation, { row: number; col: number }[]>();
  for (const [address, v] of Object.entries(model)) {
    const r = parseRangeA1(address);
    if (!r || !v) continue;
    let list = cells.get(v);
    if (!list) cells.set(v, (list = []));
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) list.push({ row, col });
  }
  for (const [v, list] of cells) {
    const type = DV_TYPE[v.type ?? "any"];
    if (!type || list.length > MAX_VALIDATION_CELLS) continue;
    const rule = dvRule(type, v);
    if (!rule) continue;
    list.sort((a, b) => a.row - b.row || a.col - b.col);
    const runs: CellRange[] = [];
    for (const { row, col } of list) {
      const last = runs[runs.length - 1];
      if (last && last.top === row && last.right === col - 1) last.right = col;
      else runs.push({ top: row, left: col, bottom: row, right: col });
    }
    sheet.dataValidations.push({
      ranges: coalesce(runs),
      type,
      rule,
      prompt: {
        showPrompt: v.showInputMessage === true,
        title: v.promptTitle ?? "",
        message: v.prompt ?? "",
      },
      errorAlert: {
        showAlert: v.showErrorMessage !== false,
        style:
          v.errorStyle === "warning" ? "Warning" : v.errorStyle === "information" ? "Information" : "Stop",
        title: v.errorTitle ?? "",
        message: v.error ?? "",
      },
      ignoreBlanks: v.allowBlank !== false,
    });
  }
}

function dvRule(type: MemoryDataValidationType, v: XlsxValidation): MemoryDataValidationRule | null {
  const f = (v.formulae ?? []).map(dvFormula);
  switch (type) {
    case "None":
      return {};
    case "List": {
      const raw = v.formulae?.[0];
      if (typeof raw !== "string" || raw === "") return null;
      const literal = /^"(.*)"$/s.exec(raw);
      return { list: { inCellDropDown: true, source: literal ? literal[1].replace(/""/g, '"') : `=${raw}` } };
    }
    case "Custom":
      return f[0] ? { custom: { formula: f[0] } } : null;
    default: {
      const operator = DV_OPERATOR[v.operator ?? "between"] ?? "Between";
      const ternary = operator === "Between" || operator === "NotBetween";
      if (!f[0] || (ternary && !f[1])) return null;
      const key = {
        WholeNumber: "wholeNumber",
        Decimal: "decimal",
        TextLength: "textLength",
        Date: "date",
        Time: "time",
      }[type] as "wholeNumber";
      return { [key]: { formula1: f[0], ...(ternary ? { formula2: f[1] as string } : {}), operator } };
    }
  }
}
