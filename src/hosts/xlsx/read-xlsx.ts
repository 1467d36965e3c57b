/**
 * The .xlsx host: reads a workbook file into the WorkbookSnapshot the engine checks, mirroring what
 * an Office.js batch read returns (values with cached formula results, displayed text, number
 * formats, formulas and merged areas).
 *
 * The lean reader (lean/read-package.ts) does the work: node:zlib for the ZIP, a strict scanner of
 * our own for the XML, only the parts the snapshot needs. exceljs is not loaded here: it is only
 * for writing workbooks (--annotate, new).
 *
 * Pure data in, data out: no console output. Anything that is not a readable .xlsx raises
 * XlsxReadError: a `reader.*` message id of the catalogue and its arguments (the file; the part, sheet,
 * cell and parser's reason when a part is damaged), rendered by the caller in its language.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { inflateRawSync } from "node:zlib";
import type { WorkbookSnapshot } from "../../engine/snapshot";
import { oneLine, readerMessage, XlsxReadError } from "./lean/errors";
import { readWorkbookBytes } from "./lean/read-workbook";
import type { Inflate } from "./lean/zip";

export { XlsxReadError, type XlsxReadErrorCode, type ReaderMessageId } from "./lean/errors";

/**
 * Reads an .xlsx file from disk. The snapshot's `name` is the file's base name. The file is read
 * synchronously: its callers (the command line, one file after the other, and the batch workers)
 * have nothing to do meanwhile, and fs.promises' stat + open/fstat/read/close are five hops through
 * libuv's thread pool per file, each a thread wake-up (issue 14, 1000 small files: 5–25% less wall).
 */
export async function readXlsxFile(path: string): Promise<WorkbookSnapshot> {
  let data: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      throw new XlsxReadError("unreadable", path, readerMessage("reader.notAFile", { file: path }));
    }
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new XlsxReadError("not-found", path, readerMessage("reader.notFound", { file: path }), {
        cause: e,
      });
    }
    const message =
      code === "EACCES" || code === "EPERM"
        ? readerMessage("reader.denied", { file: path })
        : readerMessage("reader.readFailed", {
            file: path,
            reason: code ?? oneLine(e instanceof Error ? e.message : String(e)),
          });
    throw new XlsxReadError("unreadable", path, message, { cause: e });
  }
  return readWorkbook(data, path, basename(path));
}

/** Reads an .xlsx workbook held in memory; `name` is used in messages and as the snapshot's name. */
export async function readXlsxBuffer(
  data: Buffer | ArrayBuffer | Uint8Array,
  name: string,
): Promise<WorkbookSnapshot> {
  return readWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data), name, name);
}

export const nodeInflate: Inflate = (data, maxOutput) => inflateRawSync(data, { maxOutputLength: maxOutput });

async function readWorkbook(data: Uint8Array, file: string, name: string): Promise<WorkbookSnapshot> {
  return readWorkbookBytes(data, file, name, nodeInflate);
}
