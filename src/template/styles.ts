/**
 * The template's named cell styles, defined once. Hosts turn a StyleSpec into their own format calls
 * (Office.js range.format, exceljs cell.font/alignment/border/fill, or nothing in the in-memory host).
 * Every style is vertically centred; the font is the workbook default (the examples use 宋体).
 */
import type { StyleSpec, TemplateStyle } from "./types";

/** Font size of every style but the title lines. */
export const DEFAULT_FONT_SIZE = 11;
export const AMOUNT_FORMAT = "#,##0.00";
export const INTEGER_FORMAT = "0";
export const HEADER_FILL = "#F2F2F2";

export const TEMPLATE_STYLES: Record<TemplateStyle, StyleSpec> = {
  title: { bold: true, fontSize: 16, horizontal: "Center", wrap: false, border: false },
  subtitle: { fontSize: 12, horizontal: "Center", wrap: false, border: false },
  label: { bold: true, fontSize: DEFAULT_FONT_SIZE, horizontal: "Center", wrap: true, border: true },
  text: { fontSize: DEFAULT_FONT_SIZE, horizontal: "Left", wrap: true, border: true },
  amount: {
    fontSize: DEFAULT_FONT_SIZE,
    horizontal: "Right",
    wrap: false,
    border: true,
    numberFormat: AMOUNT_FORMAT,
  },
  integer: {
    fontSize: DEFAULT_FONT_SIZE,
    horizontal: "Right",
    wrap: false,
    border: true,
    numberFormat: INTEGER_FORMAT,
  },
  header: {
    bold: true,
    fontSize: DEFAULT_FONT_SIZE,
    horizontal: "Center",
    wrap: true,
    border: true,
    fill: HEADER_FILL,
  },
  indicator: { fontSize: DEFAULT_FONT_SIZE, horizontal: "Left", wrap: true, border: true },
};
