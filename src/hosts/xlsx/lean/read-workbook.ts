/**
 * Bytes of an .xlsx → WorkbookSnapshot with the lean reader, or an XlsxReadError naming the file
 * (and the part, for a damaged one). No Node imports: the inflater is given (node:zlib in
 * read-xlsx.ts, fflate in browser.ts).
 */
import type { WorkbookSnapshot } from "../../../engine/snapshot";
import {
  checkSignature,
  looksLikeXlsxPackage,
  noWorksheetsError,
  notXlsxError,
  unreadableError,
} from "./errors";
import { PackageError, readPackageSheets } from "./read-package";
import type { Inflate, ZipLimits } from "./zip";

export function readWorkbookBytes(
  data: Uint8Array,
  file: string,
  name: string,
  inflate: Inflate,
  limits?: ZipLimits,
): WorkbookSnapshot {
  checkSignature(data, file);
  let sheets;
  try {
    sheets = readPackageSheets(data, { inflate, limits });
  } catch (e) {
    if (!looksLikeXlsxPackage(data)) throw notXlsxError(file, e);
    throw unreadableError(
      file,
      e instanceof PackageError ? e : e instanceof Error ? e.message : String(e),
      e,
    );
  }
  if (sheets.length === 0) {
    if (!looksLikeXlsxPackage(data)) throw notXlsxError(file);
    // Worksheets only: a workbook of chart sheets, or with none, has nothing to check.
    throw noWorksheetsError(file);
  }
  return { name, sheets };
}
