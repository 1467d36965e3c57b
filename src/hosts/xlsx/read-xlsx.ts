/**
 * The .xlsx host: reads a workbook file with exceljs into the WorkbookSnapshot the engine checks,
 * mirroring what an Office.js batch read returns (values with cached formula results, displayed
 * text, number formats, formulas and merged areas).
 *
 * Pure data in, data out: no console output. Anything that is not a readable .xlsx raises
 * XlsxReadError with a bilingual (zh / en) message naming the file.
 */
import { promises as fs } from "node:fs";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import {
  displayText,
  loadXlsxPackage,
  plainValue,
  type LoadedWorkbook,
  type SheetExtras,
} from "./cell-values";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../engine/snapshot";

export type XlsxReadErrorCode =
  "not-found" | "legacy-xls" | "encrypted" | "not-xlsx" | "empty" | "unreadable";

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file (path or name) as the caller gave it. */
  readonly file: string;

  constructor(code: XlsxReadErrorCode, file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "XlsxReadError";
    this.code = code;
    this.file = file;
  }
}

/** Reads an .xlsx file from disk. The snapshot's `name` is the file's base name. */
export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  let data: Buffer;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) {
      throw new XlsxReadError("unreadable", path, `无法读取文件 ${path}：不是文件 / ${path} is not a file`);
    }
    data = await fs.readFile(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new XlsxReadError("not-found", path, `找不到文件 ${path} / ${path} was not found`, { cause: e });
    }
    const why =
      code === "EACCES" || code === "EPERM" ? "没有读取权限 / permission denied" : "读取失败 / read failed";
    throw new XlsxReadError("unreadable", path, `无法读取文件 ${path}：${why}`, { cause: e });
  }
  return readWorkbook(data, path, basename(path));
}

/** Reads an .xlsx workbook held in memory; `name` is used in messages and as the snapshot's name. */
export async function readXlsxBuffer(
  data: Buffer | ArrayBuffer | Uint8Array,
  name: string,
): Promise<WorkbookSnapshot> {
  return readWorkbook(toBuffer(data), name, name);
}

function toBuffer(data: Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Local file header (`PK\3\4`) or an empty archive's end record (`PK\5\6`). */
const ZIP_SIGNATURES = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];

async function readWorkbook(data: Buffer, file: string, name: string): Promise<WorkbookSnapshot> {
  checkSignature(data, file);
  let loaded: LoadedWorkbook;
  try {
    // The reader needs no data validations: skipping them spares exceljs listing a whole-column
    // validation cell by cell.
    loaded = await loadXlsxPackage(data, { validations: "drop" });
  } catch (e) {
    if (!looksLikeXlsxPackage(data)) {
      throw new XlsxReadError(
        "not-xlsx",
        file,
        `无法读取文件 ${file}：不是有效的 .xlsx 文件（ZIP 包中没有工作簿） / ${file} is not a valid .xlsx file (no workbook in the package)`,
        { cause: e },
      );
    }
    const reason = e instanceof Error && e.message ? ` (${oneLine(e.message)})` : "";
    throw new XlsxReadError(
      "unreadable",
      file,
      `无法读取文件 ${file}：文件已损坏或格式不受支持 / ${file} could not be read: the file is damaged or in an unsupported format${reason}`,
      { cause: e },
    );
  }
  const wb = loaded.workbook;
  if (wb.worksheets.length === 0) {
    if (!looksLikeXlsxPackage(data)) {
      throw new XlsxReadError(
        "not-xlsx",
        file,
        `无法读取文件 ${file}：不是有效的 .xlsx 文件（ZIP 包中没有工作簿） / ${file} is not a valid .xlsx file (no workbook in the package)`,
      );
    }
    // exceljs loads worksheets only: a workbook of chart sheets, or with none, has nothing to check.
    throw new XlsxReadError(
      "empty",
      file,
      `无法读取文件 ${file}：工作簿中没有工作表（为空或只有图表工作表） / ${file} has no worksheets (the workbook is empty or holds only chart sheets)`,
    );
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: SheetSnapshot[] = [];
  for (const ws of wb.worksheets) {
    // exceljs loads worksheets only; chart sheets never reach this list.
    sheets.push(readSheet(ws, loaded.extras(ws), date1904));
  }
  return { name, sheets };
}

function checkSignature(data: Buffer, file: string): void {
  if (data.length === 0) {
    throw new XlsxReadError(
      "empty",
      file,
      `无法读取文件 ${file}：文件是空的（0 字节） / ${file} is empty (0 bytes)`,
    );
  }
  if (data.length >= 8 && data.subarray(0, 8).equals(OLE2_SIGNATURE)) {
    // Both a BIFF .xls and an encrypted OOXML package are OLE2 compound files; the latter holds an
    // `EncryptedPackage` stream, whose name appears (UTF-16LE) in the directory.
    if (data.includes(Buffer.from("EncryptedPackage", "utf16le"))) {
      throw new XlsxReadError(
        "encrypted",
        file,
        `无法读取文件 ${file}：工作簿已加密（设有打开密码），请在 Excel 中另存为 .xlsx（不加密） / ${file} is an encrypted (password-protected) workbook: save it as .xlsx without a password`,
      );
    }
    throw new XlsxReadError(
      "legacy-xls",
      file,
      `无法读取文件 ${file}：旧版 .xls 或已加密的工作簿，请在 Excel 中另存为 .xlsx（不加密） / ${file} is a legacy .xls or an encrypted workbook: save it as .xlsx without a password`,
    );
  }
  if (data.length < 4 || !ZIP_SIGNATURES.some((sig) => data.subarray(0, 4).equals(sig))) {
    throw new XlsxReadError(
      "not-xlsx",
      file,
      `无法读取文件 ${file}：不是有效的 .xlsx 文件 / ${file} is not a valid .xlsx file`,
    );
  }
}

/** Part names are stored in clear in a ZIP's headers; every SpreadsheetML package has `xl/`. */
function looksLikeXlsxPackage(data: Buffer): boolean {
  return (
    data.includes(Buffer.from("xl/", "latin1")) && data.includes(Buffer.from("[Content_Types].xml", "latin1"))
  );
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

// ---------------------------------------------------------------------------------------------
// Cells

interface ReadCell {
  value: CellValue;
  text: string;
  numberFormat: string;
  formula: string | null;
}

/**
 * Above this many cells (rows × columns of the used area) rows that hold nothing are left out of the
 * snapshot (holes in its arrays) and each row stops at its last cell: a stray value at A1048576 must
 * not cost a million-row array. Real forms stay far below, and are laid out in full as before.
 */
const MAX_DENSE_CELLS = 1_000_000;

function readSheet(ws: ExcelJS.Worksheet, extras: SheetExtras, date1904: boolean): SheetSnapshot {
  const merges = extras.merges;
  // Merges exceljs did not apply (too large): the cells they cover other than the first read as empty.
  const covered = (r: number, c: number) =>
    extras.unapplied.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );

  const cells = new Map<number, Map<number, ReadCell>>();
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

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merge: reads as empty
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (extras.unapplied.length > 0 && covered(r, c)) return;
      const rc = readCell(cell, date1904, extras.uncached);
      if (rc.value === null && rc.formula === null) return;
      extend(r, c);
      let line = cells.get(r);
      if (!line) cells.set(r, (line = new Map()));
      line.set(c, rc);
    });
  });
  for (const m of merges) {
    extend(m.top, m.left);
    extend(m.bottom, m.right);
  }

  if (bottom < 0) {
    return { name: ws.name, top: 0, left: 0, values: [], text: [], numberFormat: [], formulas: [], merges };
  }

  const dense = (bottom - top + 1) * (right - left + 1) <= MAX_DENSE_CELLS;
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
        nRow.push(dense ? emptyCellFormat(ws, r, c) : null);
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
  return { name: ws.name, top, left, values, text, numberFormat, formulas, merges };
}

function emptyCellFormat(ws: ExcelJS.Worksheet, r: number, c: number): string {
  const cell = ws.findCell(r + 1, c + 1);
  return (cell && cell.numFmt) || "General";
}

function readCell(cell: ExcelJS.Cell, date1904: boolean, uncached: ReadonlySet<string>): ReadCell {
  const numberFormat = cell.numFmt || "General";
  let value: CellValue;
  let formula: string | null = null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // cell.value drops a falsy cached result (0, "", false); cell.result keeps it.
    const f = cell.formula;
    formula = f ? (f.startsWith("=") ? f : `=${f}`) : null;
    value = plainValue(cell.result as unknown, date1904);
    // A formula the file holds no result for (written by a program, never calculated): show the
    // formula, as Excel does with 显示公式 / Show Formulas, rather than pass it off as a blank cell.
    if (value === null && formula !== null && uncached.has(cell.address)) {
      return { value, text: formula, numberFormat, formula };
    }
  } else {
    value = plainValue(cell.value as unknown, date1904);
  }
  return { value, text: displayText(value, numberFormat), numberFormat, formula };
}
