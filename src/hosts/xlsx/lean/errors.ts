/**
 * XlsxReadError and the checks and messages both .xlsx readers share (the lean reader and the
 * exceljs one the differential test holds it against). Bilingual (zh / en) messages naming the file.
 * No Node imports.
 */

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

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Local file header (`PK\3\4`) or an empty archive's end record (`PK\5\6`). */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

const startsWith = (data: Uint8Array, sig: number[]) =>
  data.length >= sig.length && sig.every((b, i) => data[i] === b);

function includesBytes(data: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (
    let i = data.indexOf(first);
    i >= 0 && i <= data.length - needle.length;
    i = data.indexOf(first, i + 1)
  ) {
    let k = 1;
    while (k < needle.length && data[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");
const XL_FOLDER = latin1("xl/");
const CONTENT_TYPES = latin1("[Content_Types].xml");

/** Refuses what is not a ZIP: empty files, OLE2 (.xls, encrypted workbooks), anything else. */
export function checkSignature(data: Uint8Array, file: string): void {
  if (data.length === 0) {
    throw new XlsxReadError(
      "empty",
      file,
      `无法读取文件 ${file}：文件是空的（0 字节） / ${file} is empty (0 bytes)`,
    );
  }
  if (startsWith(data, OLE2_SIGNATURE)) {
    // Both a BIFF .xls and an encrypted OOXML package are OLE2 compound files; the latter holds an
    // `EncryptedPackage` stream, whose name appears (UTF-16LE) in the directory.
    if (includesBytes(data, ENCRYPTED_PACKAGE)) {
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
  if (!ZIP_SIGNATURES.some((sig) => startsWith(data, sig))) {
    throw new XlsxReadError(
      "not-xlsx",
      file,
      `无法读取文件 ${file}：不是有效的 .xlsx 文件 / ${file} is not a valid .xlsx file`,
    );
  }
}

/** Part names are stored in clear in a ZIP's headers; every SpreadsheetML package has `xl/`. */
export function looksLikeXlsxPackage(data: Uint8Array): boolean {
  return includesBytes(data, XL_FOLDER) && includesBytes(data, CONTENT_TYPES);
}

export function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 120 ? `${t.slice(0, 117)}...` : t;
}

export function notXlsxError(file: string, cause?: unknown): XlsxReadError {
  return new XlsxReadError(
    "not-xlsx",
    file,
    `无法读取文件 ${file}：不是有效的 .xlsx 文件（ZIP 包中没有工作簿） / ${file} is not a valid .xlsx file (no workbook in the package)`,
    cause === undefined ? undefined : { cause },
  );
}

/** A damaged package; `reason` (one line) names the part and what is wrong with it. */
export function unreadableError(file: string, reason: string, cause?: unknown): XlsxReadError {
  const why = reason ? ` (${oneLine(reason)})` : "";
  return new XlsxReadError(
    "unreadable",
    file,
    `无法读取文件 ${file}：文件已损坏或格式不受支持 / ${file} could not be read: the file is damaged or in an unsupported format${why}`,
    cause === undefined ? undefined : { cause },
  );
}

export function noWorksheetsError(file: string): XlsxReadError {
  return new XlsxReadError(
    "empty",
    file,
    `无法读取文件 ${file}：工作簿中没有工作表（为空或只有图表工作表） / ${file} has no worksheets (the workbook is empty or holds only chart sheets)`,
  );
}
