/**
 * The lean .xlsx reader: straight from the ZIP to the WorkbookSnapshot, reading only the parts the
 * snapshot needs (workbook, its relationships, shared strings, the styles' number formats, the
 * worksheets' cells, columns and merges). No Node imports: the inflater comes in (node:zlib or
 * fflate), so the same code runs in the command line and in a browser.
 *
 * It gives what the exceljs-based reader gave (test/hosts/lean-differential.test.ts holds them
 * side by side on every workbook the project has): the same values (cached formula results;
 * date-formatted numbers to the millisecond), displayed text, number formats, formulas (shared
 * formulas translated), merges (an overlapping one dropped, as Excel's repair does), the same
 * sheets (worksheets only, in workbook order) and the same trimming of huge used ranges.
 */
import { parseRangeA1 } from "../../../engine/address";
import type { CellRange, CellValue, SheetSnapshot } from "../../../engine/snapshot";
import { displayText, isDateFormat, roundSerialToMs } from "./display";
import { attr, scanXml, XmlError } from "./xml";
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, type Inflate, type ZipLimits } from "./zip";

/**
 * Why a package could not be read: `detail` the parser's reason, `part` the package part, `sheet`
 * the worksheet it holds and `cell` the cell, where known (XlsxReadError's arguments).
 */
export class PackageError extends Error {
  readonly part: string | null;
  readonly detail: string;
  readonly sheet?: string;
  readonly cell?: string;
  constructor(
    part: string | null,
    detail: string,
    options?: { cause?: unknown; sheet?: string; cell?: string },
  ) {
    super(
      part ? `${part}: ${detail}` : detail,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "PackageError";
    this.part = part;
    this.detail = detail;
    if (options?.sheet !== undefined) this.sheet = options.sheet;
    if (options?.cell !== undefined) this.cell = options.cell;
  }
}

export interface LeanReadOptions {
  inflate: Inflate;
  limits?: ZipLimits;
}

/**
 * Reads the worksheets of an .xlsx package. Returns [] when the package holds no worksheet (no
 * workbook part, an empty sheet list, chart sheets only); throws PackageError for a damaged or
 * hostile package.
 */
export function readPackageSheets(data: Uint8Array, options: LeanReadOptions): SheetSnapshot[] {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data, options.inflate, options.limits ?? DEFAULT_ZIP_LIMITS);
  } catch (e) {
    throw asPackageError(e, null);
  }
  const part = (name: string, sheet?: string): string | null => {
    let bytes: Uint8Array | null;
    try {
      bytes = zip.read(name);
    } catch (e) {
      throw asPackageError(e, name, sheet);
    }
    return bytes === null ? null : decodeText(bytes);
  };
  const parse = (name: string, xml: string, run: (xml: string) => void, sheet?: string) => {
    try {
      run(xml);
    } catch (e) {
      throw asPackageError(e, name, sheet);
    }
  };

  const workbookXml = part("xl/workbook.xml");
  if (workbookXml === null) return [];
  const book = { date1904: false, sheets: [] as { name: string; rid: string }[] };
  parse("xl/workbook.xml", workbookXml, (xml) => readWorkbookPart(xml, book));
  if (book.sheets.length === 0) return [];

  const rels = new Map<string, { type: string; target: string }>();
  const relsXml = part("xl/_rels/workbook.xml.rels");
  if (relsXml !== null) parse("xl/_rels/workbook.xml.rels", relsXml, (xml) => readRels(xml, rels));

  const targets: { name: string; path: string }[] = [];
  for (const s of book.sheets) {
    const rel = rels.get(s.rid);
    if (!rel) continue;
    // As exceljs resolves it: relative to xl/, or absolute (`/xl/worksheets/sheet1.xml`).
    const path = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`;
    const isWorksheet = rel.type.endsWith("/worksheet") || /^xl\/worksheets\/sheet\d+\.xml$/.test(path);
    if (isWorksheet && zip.has(path)) targets.push({ name: s.name, path });
  }
  if (targets.length === 0) return [];

  const styles: Styles = { custom: new Map(), xfs: [] };
  const stylesXml = part("xl/styles.xml");
  if (stylesXml !== null) parse("xl/styles.xml", stylesXml, (xml) => readStyles(xml, styles));
  const numFmtOf = (s: number): string | undefined => {
    if (!s) return undefined; // style 0 (and none): General
    const id = styles.xfs[s];
    if (!id) return undefined;
    return styles.custom.get(id) ?? BUILTIN_FORMATS[id];
  };

  let strings: string[] = [];
  const sstXml = part("xl/sharedStrings.xml");
  if (sstXml !== null) parse("xl/sharedStrings.xml", sstXml, (xml) => (strings = readSharedStrings(xml)));

  const sheets: SheetSnapshot[] = [];
  for (const t of targets) {
    const xml = part(t.path, t.name)!;
    parse(
      t.path,
      xml,
      (x) => sheets.push(readWorksheet(x, t.name, strings, numFmtOf, book.date1904)),
      t.name,
    );
  }
  return sheets;
}

function asPackageError(e: unknown, part: string | null, sheet?: string): PackageError {
  if (e instanceof PackageError) return e;
  if (e instanceof ZipError) return new PackageError(e.part ?? part, e.message, { cause: e, sheet });
  if (e instanceof XmlError) return new PackageError(part, e.message, { cause: e, sheet, cell: e.cell });
  return new PackageError(part, e instanceof Error ? e.message : String(e), { cause: e, sheet });
}

const UTF8 = new TextDecoder("utf-8");

function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  return UTF8.decode(bytes); // drops a UTF-8 BOM
}

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, styles, shared strings

function readWorkbookPart(xml: string, book: { date1904: boolean; sheets: { name: string; rid: string }[] }) {
  scanXml(xml, {
    open(name, attrs) {
      if (name === "sheet") {
        const rid = relId(attrs);
        book.sheets.push({ name: attr(attrs, "name") ?? "", rid: rid ?? "" });
      } else if (name === "workbookPr") {
        book.date1904 = attr(attrs, "date1904") === "1";
      }
    },
  });
}

const REL_ID = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The `r:id` attribute, whatever its prefix. */
function relId(attrs: string): string | undefined {
  const m = REL_ID.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function readRels(xml: string, rels: Map<string, { type: string; target: string }>) {
  scanXml(xml, {
    open(name, attrs) {
      if (name !== "Relationship") return;
      const id = attr(attrs, "Id");
      if (id !== undefined && !rels.has(id)) {
        rels.set(id, { type: attr(attrs, "Type") ?? "", target: attr(attrs, "Target") ?? "" });
      }
    },
  });
}

interface Styles {
  custom: Map<number, string>;
  /** cellXfs index → numFmtId. */
  xfs: number[];
}

/** Excel's built-in number formats that exceljs knows (the locale-dependent ones read as General). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

function readStyles(xml: string, styles: Styles) {
  let inXfs = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === "numFmt") {
        const id = Number(attr(attrs, "numFmtId"));
        const code = attr(attrs, "formatCode");
        if (Number.isInteger(id) && code !== undefined) styles.custom.set(id, code);
      } else if (name === "cellXfs") {
        inXfs = true;
      } else if (inXfs && name === "xf") {
        styles.xfs.push(parseInt(attr(attrs, "numFmtId") ?? "0", 10) || 0);
      }
    },
    close(name) {
      if (name === "cellXfs") inXfs = false;
    },
  });
}

/** `_x000D_`-style escapes of characters XML cannot hold (ST_Xstring). */
function unescapeXstring(s: string): string {
  return s.indexOf("_x") >= 0
    ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let item: string | string[] | null = null; // a plain <t>, or rich-text runs
  let depthPh = 0; // inside <rPh> (phonetic guide): not part of the text
  let inRun = false;
  let text: string[] | null = null;
  scanXml(xml, {
    open(name, _attrs, empty) {
      if (name === "si") item = null;
      else if (name === "rPh") depthPh += empty ? 0 : 1;
      else if (depthPh > 0) return;
      else if (name === "r") inRun = true;
      else if (name === "t") text = [];
    },
    text(t) {
      if (text && depthPh === 0) text.push(t);
    },
    close(name) {
      if (name === "rPh") {
        depthPh = Math.max(0, depthPh - 1);
      } else if (depthPh > 0) {
        return;
      } else if (name === "t" && text) {
        const s = unescapeXstring(text.join(""));
        text = null;
        if (inRun) (Array.isArray(item) ? item : (item = [])).push(s);
        else item = s;
      } else if (name === "r") {
        inRun = false;
        if (!Array.isArray(item)) item = [];
      } else if (name === "si") {
        out.push(item === null ? "" : Array.isArray(item) ? item.join("") : item);
        item = null;
      }
    },
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Worksheets

interface ReadCell {
  value: CellValue;
  text: string;
  numberFormat: string;
  formula: string | null;
}

/**
 * Above this many cells (rows × columns of the used area) rows that hold nothing are left out of the
 * snapshot (holes in its arrays) and each row stops at its last cell: a stray value at A1048576 must
 * not cost a million-row array. Real forms stay far below, and are laid out in full.
 */
const MAX_DENSE_CELLS = 1_000_000;
/** exceljs created a cell object for each cell of a merge up to this size (see cell-values.ts). */
const MAX_APPLIED_MERGE_CELLS = 10_000;
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** `B12` → its column index (0-based), or -1 when it is not a cell (row checked too). No object: it runs for every cell. */
function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  const n = ref.length;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i > 3 || i === n) return -1;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return -1;
  return col - 1;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const REF_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** A shared formula moved from its master cell to another (exceljs' slideFormula, kept for parity). */
function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }) {
  return formula.replace(
    REF_CANDIDATE,
    (ref: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
      if (paren) return ref;
      const m = CELL_REF.exec(addr);
      if (!m) return ref;
      const colStr = m[2].toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return ref;
      let col = 0;
      for (let i = 0; i < colStr.length; i++) col = col * 26 + (colStr.charCodeAt(i) - 64);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += to.col - from.col;
      if (!m[3]) row += to.row - from.row;
      return (sheet || "") + (m[1] || "") + colLetters(col - 1) + (m[3] || "") + row;
    },
  );
}

interface OpenCell {
  row: number;
  col: number;
  style: number;
  t: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
  hasV: boolean;
  value: string | undefined;
  runs: string[] | null;
}

function readWorksheet(
  xml: string,
  name: string,
  strings: readonly string[],
  numFmtOf: (style: number) => string | undefined,
  date1904: boolean,
): SheetSnapshot {
  const cells = new Map<number, Map<number, ReadCell>>();
  /** Formats of cells the file lists that hold nothing (or are covered by a merge), when not General. */
  const emptyFormats = new Map<number, Map<number, string>>();
  const rowFormats = new Map<number, string>();
  const colFormats: { min: number; max: number; fmt: string }[] = [];
  const mergeRefs: string[] = [];
  const sharedMasters = new Map<string, { row: number; col: number; formula: string | undefined }>();

  let rootSeen = false;
  let inSheetData = false;
  let row = 0; // 1-based; 0 before the first row
  let col = -1; // 0-based column of the previous cell in the row
  // The open cell: one object, reset for each <c> (a sheet lists thousands, most of them empty).
  const open: OpenCell = {
    row: 0,
    col: 0,
    style: 0,
    t: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    ref: undefined,
    hasV: false,
    value: undefined,
    runs: null,
  };
  let cell: OpenCell | null = null;
  let target: "f" | "v" | "t" | "run" | null = null;
  let runText = "";
  let inIs = false;
  let inRun = false;
  let phonetic = 0;

  const finish = () => {
    const c = cell!;
    cell = null;
    const fmt = numFmtOf(c.style);
    const numberFormat = fmt || "General";
    const isFormula = Boolean(c.formula) || c.shareType !== undefined;
    let formula: string | null = null;
    let raw: unknown;
    if (isFormula) {
      let f = c.formula;
      if (c.shareType === "shared" && c.si !== undefined) {
        if (c.ref !== undefined) {
          sharedMasters.set(c.si, { row: c.row, col: c.col, formula: f });
        } else if (!f) {
          // A dependent: the master's formula, moved to this cell.
          const master = sharedMasters.get(c.si);
          f = master?.formula ? slideFormula(master.formula, master, c) : undefined;
        }
      }
      formula = f ? (f.startsWith("=") ? f : `=${f}`) : null;
      if (c.value) {
        if (c.t === "str") raw = c.value;
        else if (c.t === "b") raw = parseInt(c.value, 10) !== 0;
        else if (c.t === "e") raw = { error: c.value };
        else {
          let n = parseFloat(c.value);
          if (isDateFormat(fmt)) n = roundSerialToMs(n, date1904);
          raw = n;
        }
      }
    } else if (c.runs !== null || c.value !== undefined) {
      const v = c.value;
      if (c.runs !== null) raw = c.runs.join("");
      else if (c.t === "s") {
        const index = parseInt(v!, 10);
        if (!(index >= 0 && index < strings.length)) {
          throw new XmlError(
            `it refers to shared string ${v}, which does not exist`,
            `${colLetters(c.col)}${c.row}`,
          );
        }
        raw = strings[index];
      } else if (c.t === "str" || c.t === "inlineStr") raw = v;
      else if (c.t === "b") raw = parseInt(v!, 10) !== 0;
      else if (c.t === "e") raw = { error: v };
      else {
        let n = parseFloat(v!);
        if (isDateFormat(fmt)) n = roundSerialToMs(n, date1904);
        raw = n;
      }
    }
    const value = plain(raw);
    if (value === null && formula === null) {
      // A listed General cell matters only where a row or column format could stand in for it.
      if (numberFormat === "General" && colFormats.length === 0 && !rowFormats.has(c.row)) return;
      let line = emptyFormats.get(c.row - 1);
      if (!line) emptyFormats.set(c.row - 1, (line = new Map()));
      line.set(c.col, numberFormat);
      return;
    }
    // A formula the file holds no result for (written by a program, never calculated): show the
    // formula, as Excel does with 显示公式 / Show Formulas, rather than pass it off as a blank cell.
    const text = value === null && formula !== null && !c.hasV ? formula : displayText(value, numberFormat);
    let line = cells.get(c.row - 1);
    if (!line) cells.set(c.row - 1, (line = new Map()));
    line.set(c.col, { value, text, numberFormat, formula });
  };

  scanXml(xml, {
    open(tag, attrs, isEmpty) {
      if (!rootSeen) {
        rootSeen = true;
        if (tag !== "worksheet") {
          throw new XmlError(
            tag.endsWith(":worksheet")
              ? `namespace-prefixed SpreadsheetML (<${tag}>) is not supported`
              : `<${tag}> is not a worksheet`,
          );
        }
        return;
      }
      if (cell) {
        if (phonetic > 0 || tag === "rPh") {
          if (tag === "rPh" && !isEmpty) phonetic++;
          return;
        }
        switch (tag) {
          case "f":
            target = "f";
            cell.shareType = attr(attrs, "t");
            cell.si = attr(attrs, "si");
            cell.ref = attr(attrs, "ref");
            return;
          case "v":
            cell.hasV = true;
            target = "v";
            return;
          case "is":
            inIs = true;
            return;
          case "r":
            if (inIs) {
              cell.runs ??= [];
              runText = "";
              inRun = !isEmpty;
            }
            return;
          case "t":
            if (inIs) target = inRun ? "run" : "t";
            return;
          default:
            return;
        }
      }
      if (inSheetData) {
        if (tag === "row") {
          const r = attr(attrs, "r");
          const n = r !== undefined ? parseInt(r, 10) : row + 1;
          if (!(n >= 1 && n <= MAX_ROW)) throw new XmlError(`row number ${r} is out of range`);
          row = n;
          col = -1;
          const s = attr(attrs, "s");
          if (s !== undefined) {
            const fmt = numFmtOf(parseInt(s, 10));
            if (fmt) rowFormats.set(row, fmt);
          }
        } else if (tag === "c") {
          if (row === 0) row = 1;
          const r = attr(attrs, "r");
          let at: number;
          if (r !== undefined) {
            at = refColumn(r);
            if (at < 0) throw new XmlError(`a cell reference "${r}" that is not a cell (in row ${row})`);
          } else {
            at = col + 1;
          }
          col = at;
          const s = attr(attrs, "s");
          cell = open;
          cell.row = row;
          cell.col = at;
          cell.style = s !== undefined ? parseInt(s, 10) || 0 : 0;
          cell.t = attr(attrs, "t");
          cell.formula = cell.shareType = cell.si = cell.ref = cell.value = undefined;
          cell.hasV = false;
          cell.runs = null;
          if (isEmpty) finish();
        }
        return;
      }
      if (tag === "sheetData") {
        if (!isEmpty) inSheetData = true;
      } else if (tag === "mergeCell") {
        const ref = attr(attrs, "ref");
        if (ref !== undefined) mergeRefs.push(ref);
      } else if (tag === "col") {
        const style = attr(attrs, "style");
        const fmt = style !== undefined ? numFmtOf(parseInt(style, 10)) : undefined;
        if (fmt) {
          const min = parseInt(attr(attrs, "min") ?? "", 10);
          const max = parseInt(attr(attrs, "max") ?? "", 10);
          if (min >= 1 && max >= min) colFormats.push({ min: min - 1, max: Math.min(max, MAX_COL) - 1, fmt });
        }
      }
    },
    text(t) {
      if (!cell || phonetic > 0) return;
      if (target === "f") cell.formula = (cell.formula ?? "") + t;
      else if (target === "v" || target === "t") cell.value = (cell.value ?? "") + t;
      else if (target === "run") runText += t;
    },
    close(tag) {
      if (cell) {
        if (phonetic > 0) {
          if (tag === "rPh") phonetic--;
          return;
        }
        if (tag === "c") {
          finish();
          target = null;
          inIs = false;
          inRun = false;
        } else if (tag === "f" || tag === "v") {
          target = null;
        } else if (tag === "t") {
          if (target === "run") {
            cell.runs!.push(unescapeXstring(runText));
            runText = "";
          }
          target = null;
        } else if (tag === "r") {
          inRun = false;
        } else if (tag === "is") {
          inIs = false;
        }
        return;
      }
      if (tag === "sheetData") inSheetData = false;
    },
  });

  return buildSheet(name, cells, emptyFormats, rowFormats, colFormats, sortMerges(mergeRefs));
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  return v as CellValue;
}

/**
 * `B2:D4` or `B2` in capitals without `$` (how every writer lists merges), as parseRangeA1 reads it,
 * without its regex and arrays; null for anything else, which parseRangeA1 then reads.
 */
export function plainRange(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = colon < 0 ? ref.length : colon;
  const c1 = cornerCol(ref, 0, a);
  const r1 = cornerRow(ref, 0, a);
  if (c1 < 0 || r1 < -1) return null;
  if (colon < 0) return { top: r1, left: c1, bottom: r1, right: c1 };
  const c2 = cornerCol(ref, colon + 1, ref.length);
  const r2 = cornerRow(ref, colon + 1, ref.length);
  if (c2 < 0 || r2 < -1) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The 0-based column of `AB12` in ref[from, to): 1–3 capitals then digits; -1 otherwise. */
function cornerCol(ref: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (let c = ref.charCodeAt(i); i < to && c >= 65 && c <= 90; c = ref.charCodeAt(++i))
    col = col * 26 + (c - 64);
  if (i === from || i - from > 3 || i === to || to - i > 15) return -1;
  for (let k = i; k < to; k++) {
    const c = ref.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}

/** The 0-based row of the same corner (parseA1's `Number(digits) - 1`: `A0` is row -1); -2 if none. */
function cornerRow(ref: string, from: number, to: number): number {
  let i = from;
  while (i < to && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  if (i === to) return -2;
  let row = 0;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -2;
    row = row * 10 + (c - 48);
  }
  return row - 1;
}

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The sheet's merges in file order, each that overlaps an earlier one dropped (as Excel's repair does). */
function sortMerges(list: string[]): CellRange[] {
  const merges: CellRange[] = [];
  for (const address of list) {
    const r = plainRange(address) ?? parseRangeA1(address);
    if (!r || merges.some((m) => overlaps(m, r))) continue;
    merges.push(r);
  }
  return merges;
}

function buildSheet(
  name: string,
  cells: Map<number, Map<number, ReadCell>>,
  emptyFormats: Map<number, Map<number, string>>,
  rowFormats: Map<number, string>,
  colFormats: { min: number; max: number; fmt: string }[],
  merges: CellRange[],
): SheetSnapshot {
  // Cells a merge covers, other than its first, read as empty; they keep their own format.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const line = cells.get(r);
      if (!line) continue;
      for (const c of [...line.keys()]) {
        if (c < m.left || c > m.right || (r === m.top && c === m.left)) continue;
        const fmt = line.get(c)!.numberFormat;
        line.delete(c);
        let e = emptyFormats.get(r);
        if (!e) emptyFormats.set(r, (e = new Map()));
        e.set(c, fmt);
      }
      if (line.size === 0) cells.delete(r);
    }
  }

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (r: number, c: number) => {
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const [r, line] of cells) for (const c of line.keys()) extend(r, c);
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }
  if (bottom < 0) {
    return { name, top: 0, left: 0, values: [], text: [], numberFormat: [], formulas: [], merges };
  }

  const dense = (bottom - top + 1) * (right - left + 1) <= MAX_DENSE_CELLS;
  // A merge's covered cell the file does not list: exceljs made one, with its row's or column's format.
  const slaveFormat = (r: number, c: number): string | null => {
    for (const m of merges) {
      if (r < m.top || r > m.bottom || c < m.left || c > m.right) continue;
      if (cellCount(m) > MAX_APPLIED_MERGE_CELLS) return null;
      const rowFmt = rowFormats.get(r + 1);
      if (rowFmt) return rowFmt;
      for (const cf of colFormats) if (c >= cf.min && c <= cf.max) return cf.fmt;
      return null;
    }
    return null;
  };
  const hasFormattedMerge = merges.length > 0 && (rowFormats.size > 0 || colFormats.length > 0);

  const values: CellValue[][] = [];
  const text: (string | null)[][] = [];
  const numberFormat: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const fill = (r: number, line: Map<number, ReadCell> | undefined) => {
    const vRow: CellValue[] = [];
    const tRow: (string | null)[] = [];
    const nRow: (string | null)[] = [];
    const fRow: (string | null)[] = [];
    let last = right;
    if (!dense && line) {
      last = left;
      for (const c of line.keys()) if (c > last) last = c;
    }
    const formats = dense ? emptyFormats.get(r) : undefined;
    for (let c = left; c <= last; c++) {
      const rc = line?.get(c);
      if (rc) {
        vRow.push(rc.value);
        tRow.push(rc.text);
        nRow.push(rc.numberFormat);
        fRow.push(rc.formula);
      } else {
        vRow.push(null);
        tRow.push("");
        if (dense) {
          let fmt = formats?.get(c);
          if (fmt === undefined && hasFormattedMerge && !formats?.has(c))
            fmt = slaveFormat(r, c) ?? undefined;
          nRow.push(fmt ?? "General");
        } else {
          nRow.push(null);
        }
        fRow.push(null);
      }
    }
    const i = r - top;
    values[i] = vRow;
    text[i] = tRow;
    numberFormat[i] = nRow;
    formulas[i] = fRow;
  };
  if (dense) {
    for (let r = top; r <= bottom; r++) fill(r, cells.get(r));
  } else {
    for (const r of [...cells.keys()].sort((a, b) => a - b)) fill(r, cells.get(r));
    // The arrays span the used area; the rows in between are holes.
    values.length = text.length = numberFormat.length = formulas.length = bottom - top + 1;
  }
  return { name, top, left, values, text, numberFormat, formulas, merges };
}
