/**
 * The text Excel displays for a cell value under a number format (numfmt), and Excel's date serials.
 * No Node and no exceljs imports: shared by the lean reader, the exceljs-based readers and the
 * in-memory Excel host, in Node and the browser.
 */
// numfmt 3.2.x: 4.0.1 on the registry points `require` at a file it does not ship.
import { format as formatWithPattern } from "numfmt";
import type { CellValue } from "../../../engine/snapshot";

export function displayText(v: CellValue, numberFormat: string): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return formatNumber(numberFormat, v);
  return v.error;
}

function formatNumber(pattern: string, n: number): string {
  try {
    return formatWithPattern(pattern || "General", n);
  } catch {
    try {
      return formatWithPattern("General", n);
    } catch {
      return String(n);
    }
  }
}

const MS_PER_DAY = 86_400_000;

/** A JavaScript Date (UTC) as Excel's serial number, rounded to the millisecond. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * A serial number under a date format, as it comes back from a trip through a millisecond Date (what
 * exceljs does to every date-formatted number): the same value to the millisecond.
 */
export function roundSerialToMs(v: number, date1904: boolean): number {
  const offset = date1904 ? 1462 : 0;
  const ms = Math.round((v - 25569 + offset) * MS_PER_DAY);
  if (!(Math.abs(ms) <= 8.64e15)) return NaN; // outside what a Date holds: an Invalid Date
  return Math.round((25569 + ms / MS_PER_DAY - offset) * MS_PER_DAY) / MS_PER_DAY;
}

/** Whether a number format shows a date or time (exceljs' test, kept so both readers agree). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}
