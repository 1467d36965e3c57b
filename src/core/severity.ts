/**
 * Severities as data, defined once: their order (worst first) and their colours. Each host maps the
 * colour table to its own form (Office.js takes `#RRGGBB`, exceljs takes ARGB, see `argb`).
 */
import type { Severity } from "./types";

/** Worst first. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Lower is worse: sorts findings and picks the worst severity on a cell. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The worse of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

/**
 * The fill and font colour (`#RRGGBB`) of a severity, as the marks on cells, the 检查记录 sheet and
 * the annotated copy's 检查结果 sheet show it (Excel's own "light red fill with dark red text" and
 * "yellow fill with dark yellow text"; a light blue for info).
 */
export const SEVERITY_COLOURS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

/** `#RRGGBB` as an opaque ARGB (`FFRRGGBB`), as exceljs writes colours. */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}
