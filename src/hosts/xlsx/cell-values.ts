/**
 * exceljs cell values to plain values, and the text Excel displays for them. No Node imports:
 * shared by the .xlsx reader (Node) and the in-memory Excel host (Node and the browser).
 */
// numfmt 3.2.x: 4.0.1 on the registry points `require` at a file it does not ship.
import { format as formatWithPattern } from "numfmt";
import type { CellValue } from "../../engine/snapshot";

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

const MS_PER_DAY = 86_400_000;

/** exceljs turns date-formatted numbers into UTC Dates; give back Excel's serial number. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / MS_PER_DAY - (date1904 ? 1462 : 0);
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

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
