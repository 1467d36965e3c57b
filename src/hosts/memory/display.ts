/**
 * Displayed text of a cell, as Excel shows it: the number format applied with numfmt.
 *
 * Same rules as `displayText` in src/hosts/xlsx/read-xlsx.ts (a test checks both agree on every
 * cell of the example workbook). It is repeated here because read-xlsx.ts imports `node:fs`, and
 * this host must bundle for the browser.
 */
// numfmt 3.2.x: 4.0.1 on the registry points `require` at a file it does not ship.
import { format as formatWithPattern } from "numfmt";
import type { MemoryCellValue } from "./state";

export function displayText(v: MemoryCellValue, numberFormat: string): string {
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
