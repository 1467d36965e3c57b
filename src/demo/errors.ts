/**
 * The web checker's own words for a file it could not open or build a download from: one message
 * of ours naming the file, in the page's language — never a raw JSZip / exceljs error in English.
 * The xlsx readers raise XlsxReadError with a code; anything else is "could not be read".
 */
import { checkSignature, XlsxReadError, type XlsxReadErrorCode } from "../hosts/xlsx/lean/errors";
import { renderMessage } from "../rules/format-message";
import type { Lang } from "../core";

export const DEMO_ERRORS: Record<XlsxReadErrorCode | "download" | "fetch", { zh: string; en: string }> = {
  "not-found": { zh: "找不到文件「{file}」。", en: "The file “{file}” was not found." },
  "legacy-xls": {
    zh: "无法打开「{file}」：这是旧版 .xls 工作簿。请在 Excel 中另存为 .xlsx 后再打开。",
    en: "“{file}” cannot be opened: it is a legacy .xls workbook. Save it as .xlsx in Excel and open it again.",
  },
  encrypted: {
    zh: "无法打开「{file}」：工作簿设有打开密码。请在 Excel 中另存为不加密的 .xlsx 后再打开。",
    en: "“{file}” cannot be opened: the workbook has a password. Save it as .xlsx without a password and open it again.",
  },
  "not-xlsx": {
    zh: "无法打开「{file}」：这不是 .xlsx 工作簿。",
    en: "“{file}” cannot be opened: it is not an .xlsx workbook.",
  },
  empty: {
    zh: "无法打开「{file}」：文件是空的，或工作簿中没有工作表。",
    en: "“{file}” cannot be opened: the file is empty or the workbook has no worksheets.",
  },
  unreadable: {
    zh: "无法打开「{file}」：文件已损坏或格式不受支持。请在 Excel 中打开并重新保存为 .xlsx 后再试。",
    en: "“{file}” cannot be opened: the file is damaged or in an unsupported format. Open it in Excel, save it as .xlsx again and retry.",
  },
  download: {
    zh: "无法为「{file}」生成下载文件。请重新打开该文件后再试。",
    en: "The download for “{file}” could not be made. Open the file again and retry.",
  },
  fetch: { zh: "无法载入示例工作簿「{file}」。", en: "The example workbook “{file}” could not be loaded." },
};

/** The code of a thrown value: XlsxReadError's own, else `fallback`. */
export function errorCode(e: unknown, fallback: keyof typeof DEMO_ERRORS): keyof typeof DEMO_ERRORS {
  return e instanceof XlsxReadError ? e.code : fallback;
}

export function demoError(
  e: unknown,
  file: string,
  lang: Lang,
  fallback: keyof typeof DEMO_ERRORS = "unreadable",
): string {
  return renderMessage(DEMO_ERRORS[errorCode(e, fallback)], { file }, lang);
}

/** Refuses what is not a ZIP before the workbook reader sees it (.xls, encrypted, empty, other files). */
export function checkXlsxBytes(data: ArrayBuffer, file: string): void {
  checkSignature(new Uint8Array(data), file);
}
