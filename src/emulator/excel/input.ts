/**
 * What Excel stores when text is typed into a cell or assigned through `range.values` /
 * `range.formulas`: `=...` becomes a formula, numbers, percentages, ISO dates and TRUE/FALSE are
 * recognised, a leading apostrophe forces text, and a Text-formatted (`@`) cell keeps the text.
 */
import type { MemoryCellValue } from "./state";

export interface ParsedInput {
  value: MemoryCellValue;
  formula: string | null;
  /** A number format Excel applies on entry (percent, date) when the cell's format is General. */
  numberFormat?: string;
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses one input value. `undefined` is not a valid input (the caller reports it). */
export function parseInput(raw: unknown, cellNumberFormat: string): ParsedInput | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number")
    return { value: Number.isFinite(raw) ? raw : { error: "#NUM!" }, formula: null };
  if (typeof raw === "boolean") return { value: raw, formula: null };
  if (typeof raw !== "string") return undefined;
  const s = raw;
  if (s === "") return { value: null, formula: null };
  if (cellNumberFormat === "@") return { value: s, formula: null };
  if (s.startsWith("'")) return { value: s.slice(1) === "" ? null : s.slice(1), formula: null };
  if (s.startsWith("=") && s.length > 1) return { value: null, formula: s };
  const t = s.trim();
  if (/^(TRUE|FALSE)$/i.test(t)) return { value: t.toUpperCase() === "TRUE", formula: null };
  const general = cellNumberFormat === "General" || cellNumberFormat === "";
  if (/\d/.test(t) && NUMBER_RE.test(t)) {
    return { value: Number(t.replace(/,/g, "")), formula: null };
  }
  if (t.endsWith("%")) {
    const body = t.slice(0, -1).trim();
    if (/\d/.test(body) && NUMBER_RE.test(body)) {
      const n = Number(body.replace(/,/g, "")) / 100;
      const decimals = body.includes(".") ? "0.00%" : "0%";
      return { value: n, formula: null, ...(general ? { numberFormat: decimals } : {}) };
    }
  }
  const d = DATE_RE.exec(t);
  if (d) {
    const serial = dateSerial(+d[1], +d[2], +d[3], d[4] ? +d[4] : 0, d[5] ? +d[5] : 0, d[6] ? +d[6] : 0);
    if (serial !== null) {
      const fmt = d[4] ? "yyyy/m/d h:mm" : "yyyy/m/d";
      return { value: serial, formula: null, ...(general ? { numberFormat: fmt } : {}) };
    }
  }
  return { value: s, formula: null };
}

/** Excel's 1900 date system serial number (dates from 1900-03-01 on), or null if invalid. */
function dateSerial(y: number, m: number, d: number, hh: number, mm: number, ss: number): number | null {
  if (m < 1 || m > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  const serial = t / 86_400_000 + 25569 + (hh * 3600 + mm * 60 + ss) / 86_400;
  return serial >= 61 && serial < 2_958_466 ? serial : null;
}

/** Office.js `RangeValueType` of a stored value (as used in change-event details). */
export function valueType(v: MemoryCellValue): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (v === null) return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/** What `range.values` returns for a stored value: `""` for empty, the error string for errors. */
export function apiValue(v: MemoryCellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}
