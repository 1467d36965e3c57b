/**
 * The web checker's own words for a file it could not open or build a download from: one message
 * of ours naming the file, in the page's language — never a raw JSZip / exceljs error in English.
 * The xlsx readers raise XlsxReadError with a code (and, for a damaged package, where and why: shown
 * after the page's message); anything else is "could not be read".
 */
import {
  checkSignature,
  readFailureDetail,
  XlsxReadError,
  type XlsxReadErrorCode,
} from "../hosts/xlsx/lean/errors";
import type { Lang } from "../core";
import { MESSAGES, t } from "../messages";

/** Every reason the page names (src/messages/demo.ts): each XlsxReadError code, download and fetch. */
export type DemoErrorCode = keyof typeof MESSAGES.demo.error;

/** The code of a thrown value: XlsxReadError's own, else `fallback`. */
export function errorCode(e: unknown, fallback: DemoErrorCode): DemoErrorCode {
  // A type error here when the reader gains a code the catalogue has no message for.
  const code: XlsxReadErrorCode | null = e instanceof XlsxReadError ? e.code : null;
  return code ?? fallback;
}

export function demoError(
  e: unknown,
  file: string,
  lang: Lang,
  fallback: DemoErrorCode = "unreadable",
): string {
  const message = t(`demo.error.${errorCode(e, fallback)}`, lang, { file });
  // A damaged package: what the reader found where (the part, the sheet, the cell, its reason).
  const detail = e instanceof XlsxReadError ? readFailureDetail(e) : null;
  return detail === null ? message : t("reader.withDetail", lang, { message, detail });
}

/** Refuses what is not a ZIP before the workbook reader sees it (.xls, encrypted, empty, other files). */
export function checkXlsxBytes(data: ArrayBuffer, file: string): void {
  checkSignature(new Uint8Array(data), file);
}
