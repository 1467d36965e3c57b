/**
 * XlsxReadError and the checks and messages both .xlsx readers share (the lean reader and the
 * exceljs one the differential test holds it against). An error carries a message id of the
 * catalogue's `reader` namespace (src/messages/reader.ts) and its arguments (the file; for a damaged
 * package the part, the sheet, the cell and the parser's reason), rendered at the edge in the output
 * language (`render(e, lang)`: the error is a MessageRef); `message` is the zh text, for logs.
 * No Node imports.
 */
import type { MessageArg, MessageArgs } from "../../../core";
import { render, type ArgsOf, type MessageId } from "../../../messages";

export type XlsxReadErrorCode =
  "not-found" | "legacy-xls" | "encrypted" | "not-xlsx" | "empty" | "unreadable";

/** The ids a read error may name: the catalogue's `reader.*`, never a sentence built in code. */
export type ReaderMessageId = Exclude<
  Extract<MessageId, `reader.${string}`>,
  `reader.write.${string}` | `reader.where.${string}` | "reader.withDetail"
>;

/** The ids a blank form's write error may name (TemplateWriteError): `reader.write.*`. */
export type WriteMessageId = Extract<MessageId, `reader.write.${string}`>;

/** A reader message: its id and its arguments (each message names the file). */
export interface ReaderMessage<Id extends MessageId = ReaderMessageId> {
  readonly messageId: Id;
  readonly args: MessageArgs;
}

/** A typed reader message: an unknown id or a missing placeholder is a type error. */
export function readerMessage<Id extends ReaderMessageId | WriteMessageId>(
  id: Id,
  ...args: ArgsOf<Id>
): ReaderMessage<Id> {
  return { messageId: id, args: args[0] ?? {} };
}

export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** The file (path or name) as the caller gave it. */
  readonly file: string;
  /** A `reader.*` id of the catalogue; with `args`, a MessageRef to render in the output language. */
  readonly messageId: ReaderMessageId;
  readonly args: MessageArgs;

  constructor(code: XlsxReadErrorCode, file: string, message: ReaderMessage, options?: { cause?: unknown }) {
    super(render(message, "zh"), options); // for logs; the edge renders it in its language
    this.name = "XlsxReadError";
    this.code = code;
    this.file = file;
    this.messageId = message.messageId;
    this.args = message.args;
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
    throw new XlsxReadError("empty", file, readerMessage("reader.empty", { file }));
  }
  if (startsWith(data, OLE2_SIGNATURE)) {
    // Both a BIFF .xls and an encrypted OOXML package are OLE2 compound files; the latter holds an
    // `EncryptedPackage` stream, whose name appears (UTF-16LE) in the directory.
    if (includesBytes(data, ENCRYPTED_PACKAGE)) {
      throw new XlsxReadError("encrypted", file, readerMessage("reader.encrypted", { file }));
    }
    throw new XlsxReadError("legacy-xls", file, readerMessage("reader.legacyXls", { file }));
  }
  if (!ZIP_SIGNATURES.some((sig) => startsWith(data, sig))) {
    throw new XlsxReadError("not-xlsx", file, readerMessage("reader.notXlsx", { file }));
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
    readerMessage("reader.noWorkbook", { file }),
    cause === undefined ? undefined : { cause },
  );
}

/** Where a damaged package is damaged and why, as the lean reader's PackageError tells it. */
export interface ReadFailure {
  /** The package part (`xl/worksheets/sheet1.xml`), where known. */
  readonly part?: string | null;
  /** The worksheet that part holds. */
  readonly sheet?: string;
  /** The cell (A1), where the parser names one. */
  readonly cell?: string;
  /** The parser's reason, without the part. */
  readonly detail: string;
}

/**
 * A damaged package: `failure` (a reason, or the part, sheet, cell and reason) is shown in both
 * languages, on one line.
 */
export function unreadableError(file: string, failure: string | ReadFailure, cause?: unknown): XlsxReadError {
  const f: ReadFailure = typeof failure === "string" ? { detail: failure } : failure;
  const reason = oneLine(f.detail);
  const part = f.part ?? undefined;
  const message =
    part && f.sheet !== undefined && f.cell !== undefined
      ? readerMessage("reader.damagedCell", { file, part, sheet: f.sheet, cell: f.cell, reason })
      : part && f.sheet !== undefined
        ? readerMessage("reader.damagedSheet", { file, part, sheet: f.sheet, reason })
        : part
          ? readerMessage("reader.damagedPart", { file, part, reason })
          : reason
            ? readerMessage("reader.damagedReason", { file, reason })
            : readerMessage("reader.damaged", { file });
  return new XlsxReadError("unreadable", file, message, cause === undefined ? undefined : { cause });
}

/** What the reader found where, for a damaged package (`reader.where.*`); null for any other error. */
export function readFailureDetail(e: XlsxReadError): MessageArg | null {
  const where: Partial<Record<ReaderMessageId, MessageId>> = {
    "reader.damagedPart": "reader.where.part",
    "reader.damagedSheet": "reader.where.sheet",
    "reader.damagedCell": "reader.where.cell",
  };
  const id = where[e.messageId];
  if (id) {
    const args = { ...e.args };
    delete args.file;
    return { messageId: id, args };
  }
  return e.messageId === "reader.damagedReason" ? e.args.reason : null;
}

export function noWorksheetsError(file: string): XlsxReadError {
  return new XlsxReadError("empty", file, readerMessage("reader.noWorksheets", { file }));
}
