/**
 * exceljs cell values to plain values, and the text Excel displays for them; and loading a package
 * with exceljs without letting a hostile file blow it up. No Node imports: shared by the .xlsx
 * reader (Node) and the in-memory Excel host (Node and the browser).
 */
import ExcelJS from "exceljs";
import { columnLetters, parseRangeA1 } from "../../engine/address";
import type { CellRange, CellValue } from "../../engine/snapshot";
import { dateToSerial } from "./lean/display";

/** exceljs' value shapes -> the snapshot's CellValue. */
export function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richText(o.richText) || null;
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (typeof t === "string") return t === "" ? null : t;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) {
        return richText((t as { richText: unknown[] }).richText) || null;
      }
      return typeof o.hyperlink === "string" && o.hyperlink ? o.hyperlink : null;
    }
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result, date1904);
  }
  return String(v);
}

export function richText(runs: unknown[]): string {
  return runs
    .map((r) => (r && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : ""))
    .join("");
}

export { dateToSerial, displayText } from "./lean/display";

// ---------------------------------------------------------------------------------------------
// Loading a package

/**
 * A merge larger than this many cells is not handed to exceljs: it creates an object for every cell a
 * merge covers, and a whole-column merge (`G1:H1048576`) would take seconds and gigabytes. Readers
 * apply such a merge themselves (see `SheetExtras.unapplied`). Real forms merge a few hundred cells.
 */
const MAX_APPLIED_MERGE_CELLS = 10_000;

export interface LoadOptions {
  /**
   * "drop": skip the sheets' data validations. A number: keep each validation that covers at most
   * this many cells and drop larger ones before exceljs sees them (it lists a validation cell by
   * cell, so one over `A1:XFD1048576` never finishes).
   */
  validations: "drop" | number;
}

export interface SheetExtras {
  /**
   * The sheet's merged areas in file order, an area that overlaps an earlier one left out (Excel
   * drops it when it repairs such a file; exceljs refuses the whole file).
   */
  merges: CellRange[];
  /** The merges exceljs was not asked to apply: cells they cover other than the first still hold values. */
  unapplied: CellRange[];
  /** Addresses (`B8`) of formula cells stored without a computed value (never opened in Excel). */
  uncached: Set<string>;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** What the loader learnt about a worksheet beyond exceljs' own model. */
  extras(ws: ExcelJS.Worksheet): SheetExtras;
}

/** The parts of exceljs' XLSX reader the loader hooks into (stable across 4.x, also minified). */
interface HookableXlsx {
  _processWorksheetEntry?: (
    stream: AsyncIterable<unknown> | EventStream,
    model: { worksheetHash?: Record<string, SheetModel | undefined> },
    sheetNo: unknown,
    options: unknown,
    path: string,
  ) => Promise<void>;
}

interface SheetModel {
  id?: number;
  mergeCells?: string[];
}

/**
 * Loads an .xlsx package with exceljs, guarding against what makes exceljs hang or give up on files
 * Excel opens: whole-sheet merges and validations, overlapping merges. Also notes formula cells
 * without a cached value. Throws what exceljs throws for an unreadable package.
 */
export async function loadXlsxPackage(
  data: ArrayBuffer | Uint8Array,
  options: LoadOptions,
): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  const bySheetModel = new Map<SheetModel, SheetExtras>();
  const xlsx = workbook.xlsx as unknown as HookableXlsx;
  const original = xlsx._processWorksheetEntry;
  if (typeof original === "function") {
    xlsx._processWorksheetEntry = async (stream, model, sheetNo, opts, path) => {
      let xml = await readText(stream);
      xml = numberCells(xml);
      const uncached = uncachedFormulas(xml);
      if (typeof options.validations === "number") xml = dropLargeValidations(xml, options.validations);
      try {
        await original.call(xlsx, chunked(xml), model, sheetNo, opts, path);
      } catch (e) {
        // exceljs fails deep in its parser ("Cannot set properties of undefined"): name the part.
        throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
      const sheet = model.worksheetHash?.[path];
      if (!sheet) return;
      const { merges, applied, unapplied } = sortMerges(sheet.mergeCells ?? []);
      sheet.mergeCells = applied;
      bySheetModel.set(sheet, { merges, unapplied, uncached });
    };
  }
  const ignoreNodes = options.validations === "drop" ? ["dataValidations"] : [];
  // exceljs (JSZip) reads an ArrayBuffer or a Uint8Array in Node and in the browser; its typings
  // want its own Buffer alias.
  await workbook.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes });
  const byId = new Map<number, SheetExtras>();
  for (const [sheet, extras] of bySheetModel) if (typeof sheet.id === "number") byId.set(sheet.id, extras);
  return {
    workbook,
    extras(ws) {
      const found = byId.get(ws.id);
      if (found) return found;
      // Not hooked (another exceljs): exceljs applied every merge itself.
      const merges = ((ws.model as { merges?: string[] }).merges ?? [])
        .map((m) => parseRangeA1(m))
        .filter((r): r is CellRange => r !== null);
      return { merges, unapplied: [], uncached: new Set() };
    },
  };
}

/** All of a part's text, from exceljs' stream of string chunks. */
async function readText(stream: AsyncIterable<unknown> | EventStream): Promise<string> {
  const parts: string[] = [];
  const add = (chunk: unknown) => parts.push(typeof chunk === "string" ? chunk : String(chunk));
  if (Symbol.asyncIterator in stream) {
    for await (const chunk of stream as AsyncIterable<unknown>) add(chunk);
  } else {
    // A stream without async iteration (older readable-stream in a browser build): its events.
    const s = stream as EventStream;
    await new Promise<void>((resolve, reject) => {
      s.on("data", add);
      s.on("end", () => resolve());
      s.on("error", reject);
    });
  }
  return parts.join("");
}

interface EventStream {
  on(event: string, listener: (arg: unknown) => void): unknown;
}

/** The text again as an async iterable of chunks, which exceljs' SAX parser reads like its stream. */
async function* chunked(text: string): AsyncGenerator<string> {
  const size = 16 * 1024;
  for (let i = 0; i < text.length; i += size) yield text.substring(i, i + size);
}

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Split a sheet's merges into those exceljs may apply and those too large for it; drop overlaps. */
function sortMerges(list: string[]): { merges: CellRange[]; applied: string[]; unapplied: CellRange[] } {
  const merges: CellRange[] = [];
  const applied: string[] = [];
  const unapplied: CellRange[] = [];
  for (const address of list) {
    const r = parseRangeA1(address);
    if (!r || merges.some((m) => overlaps(m, r))) continue;
    merges.push(r);
    if (cellCount(r) > MAX_APPLIED_MERGE_CELLS) unapplied.push(r);
    else applied.push(address);
  }
  return { merges, applied, unapplied };
}

const CELL_ELEMENT = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const CELL_REF = /\br\s*=\s*["']([A-Za-z]{1,3}\d+)["']/;

/** Cells holding a formula (`<f>`) but no cached value (`<v>`): the file was never calculated. */
function uncachedFormulas(xml: string): Set<string> {
  const found = new Set<string>();
  if (!xml.includes("<f")) return found;
  for (const m of xml.matchAll(CELL_ELEMENT)) {
    const body = m[2];
    if (!body || !/<f[\s>/]/.test(body) || /<v[\s>/]/.test(body)) continue;
    const ref = CELL_REF.exec(m[1]);
    if (ref) found.add(ref[1].toUpperCase());
  }
  return found;
}

const ROW_OR_CELL_TAG = /<(row|c)\b([^>]*?)(\/?)>/g;
const UNNUMBERED = /<(?:row|c)\b(?![^>]*\br\s*=)[^>]*>/;
const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;

/**
 * Give every row and cell of the sheet data its `r` attribute. SpreadsheetML makes it optional (a row
 * or cell without one follows the previous); some exporters leave it out, and exceljs cannot place
 * such a cell.
 */
function numberCells(xml: string): string {
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>");
  if (start < 0 || end < 0 || !UNNUMBERED.test(xml.slice(start, end))) return xml;
  let row = 0;
  let col = 0;
  const body = xml
    .slice(start, end)
    .replace(ROW_OR_CELL_TAG, (tag, name: string, attrs: string, close: string) => {
      if (name === "row") {
        const r = ROW_NUMBER.exec(attrs);
        row = r ? Number(r[1]) : row + 1;
        col = 0;
        return r ? tag : `<row r="${row}"${attrs}${close}>`;
      }
      const ref = CELL_REF.exec(attrs);
      const at = ref ? parseRangeA1(ref[1]) : null;
      col = at ? at.left + 1 : col + 1;
      return ref ? tag : `<c r="${columnLetters(col - 1)}${row}"${attrs}${close}>`;
    });
  return xml.slice(0, start) + body + xml.slice(end);
}

const VALIDATION_ELEMENT = /<dataValidation\b([^>]*?)(?:\/>|>[\s\S]*?<\/dataValidation>)/g;
const SQREF = /\bsqref\s*=\s*["']([^"']*)["']/;

/** Remove each data validation covering more than `max` cells. */
function dropLargeValidations(xml: string, max: number): string {
  if (!xml.includes("<dataValidation")) return xml;
  return xml.replace(VALIDATION_ELEMENT, (element, attrs: string) => {
    const sqref = SQREF.exec(attrs)?.[1] ?? "";
    let cells = 0;
    for (const area of sqref.split(/\s+/)) {
      const r = area ? parseRangeA1(area) : null;
      if (r) cells += cellCount(r);
    }
    return cells > max ? "" : element;
  });
}
