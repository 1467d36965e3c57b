/**
 * Data validations as Office.js sees them through `range.dataValidation`: a setting applies to
 * every cell of the range (a validation partly inside is split, cells without one get one), clear()
 * removes it from the range's cells only, and a read over cells with different settings gives
 * Inconsistent / MixedCriteria and null.
 */
import { invalidArgument } from "./errors";
import { area, clip, coalesce, subtractAll } from "./rects";
import { translateFormula } from "./references";
import {
  type CellRange,
  type MemoryBasicValidation,
  type MemoryDataValidation,
  type MemoryDataValidationErrorAlert,
  type MemoryDataValidationPrompt,
  type MemoryDataValidationRule,
  type MemoryDataValidationType,
  type MemorySheet,
} from "./state";
import { anchorOf, mapValidationFormulas, reanchor } from "./structure";

export const DEFAULT_PROMPT: MemoryDataValidationPrompt = { showPrompt: false, title: "", message: "" };
export const DEFAULT_ERROR_ALERT: MemoryDataValidationErrorAlert = {
  showAlert: true,
  style: "Stop",
  title: "",
  message: "",
};

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];
const ALERT_STYLES = ["Stop", "Warning", "Information"];

const RULE_TYPES: Record<string, MemoryDataValidationType> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  custom: "Custom",
  date: "Date",
  time: "Time",
};

function newValidation(ranges: CellRange[]): MemoryDataValidation {
  return {
    ranges,
    type: "None",
    rule: {},
    prompt: { ...DEFAULT_PROMPT },
    errorAlert: { ...DEFAULT_ERROR_ALERT },
    ignoreBlanks: true,
  };
}

function isNoop(dv: MemoryDataValidation): boolean {
  return (
    dv.type === "None" &&
    dv.ignoreBlanks &&
    JSON.stringify(dv.prompt) === JSON.stringify(DEFAULT_PROMPT) &&
    JSON.stringify(dv.errorAlert) === JSON.stringify(DEFAULT_ERROR_ALERT)
  );
}

/**
 * Applies a change to the validation of every cell of `r`. `apply` gets each validation concerned
 * and a function that re-expresses a formula written for `r` (relative to its top-left cell) for it.
 */
export function updateValidations(
  sheet: MemorySheet,
  r: CellRange,
  apply: (dv: MemoryDataValidation, forThis: (formula: string) => string) => void,
): void {
  const touched: MemoryDataValidation[] = [];
  for (const dv of [...sheet.dataValidations]) {
    const inside = clip(dv.ranges, r);
    if (inside.length === 0) continue;
    const outside = subtractAll(dv.ranges, r);
    if (outside.length === 0) {
      touched.push(dv);
      continue;
    }
    const anchor = anchorOf(dv.ranges);
    const copy = structuredClone(dv);
    copy.ranges = coalesce(inside);
    reanchor(copy, anchor, mapValidationFormulas);
    dv.ranges = coalesce(outside);
    reanchor(dv, anchor, mapValidationFormulas);
    sheet.dataValidations.push(copy);
    touched.push(copy);
  }
  let rest = [r];
  for (const dv of sheet.dataValidations) for (const a of dv.ranges) rest = subtractAll(rest, a);
  if (rest.length > 0) {
    const dv = newValidation(coalesce(rest));
    sheet.dataValidations.push(dv);
    touched.push(dv);
  }
  for (const dv of touched) {
    const a = anchorOf(dv.ranges) ?? { row: r.top, col: r.left };
    apply(dv, (f) => translateFormula(f, a.row - r.top, a.col - r.left));
  }
  sheet.dataValidations = sheet.dataValidations.filter((dv) => !isNoop(dv));
}

/** DataValidation.clear(): the range's cells lose their validation; others keep theirs. */
export function clearValidations(sheet: MemorySheet, r: CellRange): void {
  for (const dv of sheet.dataValidations) {
    if (clip(dv.ranges, r).length === 0) continue;
    const anchor = anchorOf(dv.ranges);
    dv.ranges = coalesce(subtractAll(dv.ranges, r));
    reanchor(dv, anchor, mapValidationFormulas);
  }
  sheet.dataValidations = sheet.dataValidations.filter((dv) => dv.ranges.length > 0);
}

export interface ValidationView {
  type: MemoryDataValidationType | "Inconsistent" | "MixedCriteria";
  rule: MemoryDataValidationRule | null;
  prompt: MemoryDataValidationPrompt | null;
  errorAlert: MemoryDataValidationErrorAlert | null;
  ignoreBlanks: boolean | null;
}

/** What `range.dataValidation` loads for `r`; formulas relative to the range's top-left cell. */
export function readValidation(sheet: MemorySheet, r: CellRange): ValidationView {
  const total = area(r);
  const hits = sheet.dataValidations
    .map((dv) => ({ dv, cells: clip(dv.ranges, r).reduce((n, a) => n + area(a), 0) }))
    .filter((h) => h.cells > 0);
  const covered = hits.reduce((n, h) => n + h.cells, 0);
  const ruleOf = (dv: MemoryDataValidation): MemoryDataValidationRule => {
    const copy = structuredClone(dv);
    const a = anchorOf(dv.ranges) ?? { row: r.top, col: r.left };
    mapValidationFormulas(copy, (f) => translateFormula(f, r.top - a.row, r.left - a.col));
    return copy.rule;
  };
  /** The common value over the range's cells (cells without a validation have `fallback`), or null. */
  const common = <T>(pick: (dv: MemoryDataValidation) => T, fallback: T): T | null => {
    const values = hits.map((h) => JSON.stringify(pick(h.dv)));
    if (covered < total) values.push(JSON.stringify(fallback));
    return values.every((v) => v === values[0]) ? (JSON.parse(values[0]) as T) : null;
  };
  const real = hits.filter((h) => h.dv.type !== "None");
  const realCells = real.reduce((n, h) => n + h.cells, 0);
  let type: ValidationView["type"];
  let rule: MemoryDataValidationRule | null;
  if (realCells === 0) {
    type = "None";
    rule = {};
  } else if (realCells < total) {
    type = "MixedCriteria";
    rule = null;
  } else {
    const rules = real.map((h) => JSON.stringify([h.dv.type, ruleOf(h.dv)]));
    const same = rules.every((x) => x === rules[0]);
    type = same ? real[0].dv.type : "Inconsistent";
    rule = same ? ruleOf(real[0].dv) : null;
  }
  return {
    type,
    rule,
    prompt: hits.length === 0 ? { ...DEFAULT_PROMPT } : common((dv) => dv.prompt, DEFAULT_PROMPT),
    errorAlert:
      hits.length === 0 ? { ...DEFAULT_ERROR_ALERT } : common((dv) => dv.errorAlert, DEFAULT_ERROR_ALERT),
    ignoreBlanks: hits.length === 0 ? true : common((dv) => dv.ignoreBlanks, true),
  };
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** A Range argument as an absolute reference (`$A$1:$A$3`, `Names!$A$1:$A$3`), or null when not a Range. */
export type RangeText = (value: unknown) => string | null;

function formulaText(v: unknown, rangeText: RangeText, location: string): string {
  const ref = rangeText(v);
  if (ref !== null) return `=${ref}`;
  if (typeof v === "number" && Number.isFinite(v)) return `=${v}`;
  if (typeof v === "string") {
    const t = v.trim();
    if (t.startsWith("=") && t.length > 1) return t;
    if (t !== "" && Number.isFinite(Number(t))) return `=${Number(t)}`;
  }
  throw invalidArgument(location, `invalid formula ${JSON.stringify(v)}`);
}

function basicRule(v: unknown, rangeText: RangeText, location: string): MemoryBasicValidation {
  if (!v || typeof v !== "object") throw invalidArgument(location);
  const o = v as { formula1?: unknown; formula2?: unknown; operator?: unknown };
  if (typeof o.operator !== "string" || !OPERATORS.includes(o.operator)) {
    throw invalidArgument(location, `operator ${JSON.stringify(o.operator)}`);
  }
  const ternary = o.operator === "Between" || o.operator === "NotBetween";
  if (ternary && (o.formula2 === undefined || o.formula2 === null)) {
    throw invalidArgument(location, `${o.operator} needs formula2`);
  }
  return {
    formula1: formulaText(o.formula1, rangeText, location),
    ...(ternary ? { formula2: formulaText(o.formula2, rangeText, location) } : {}),
    operator: o.operator,
  };
}

/** Checks a `DataValidationRule` (exactly one kind) and gives it as it will read back. */
export function normalizeRule(
  input: unknown,
  rangeText: RangeText,
  location: string,
): { type: MemoryDataValidationType; rule: MemoryDataValidationRule } {
  if (!input || typeof input !== "object") throw invalidArgument(location);
  const keys = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] != null);
  if (keys.length !== 1 || !RULE_TYPES[keys[0]]) {
    throw invalidArgument(
      location,
      "a rule needs exactly one of list, wholeNumber, decimal, textLength, custom",
    );
  }
  const kind = keys[0];
  const v = (input as Record<string, unknown>)[kind] as Record<string, unknown>;
  if (!v || typeof v !== "object") throw invalidArgument(location);
  switch (kind) {
    case "list": {
      const ref = rangeText(v.source);
      let source: string;
      if (ref !== null) source = `=${ref}`;
      else if (typeof v.source === "string" && v.source.trim() !== "") source = v.source;
      else throw invalidArgument(location, "list.source");
      if (v.inCellDropDown !== undefined && typeof v.inCellDropDown !== "boolean") {
        throw invalidArgument(location, "list.inCellDropDown");
      }
      return { type: "List", rule: { list: { inCellDropDown: v.inCellDropDown !== false, source } } };
    }
    case "custom": {
      if (typeof v.formula !== "string" || v.formula.trim() === "")
        throw invalidArgument(location, "custom.formula");
      const f = v.formula.trim();
      return { type: "Custom", rule: { custom: { formula: f.startsWith("=") ? f : `=${f}` } } };
    }
    case "date":
    case "time":
      throw invalidArgument(location, `${kind} rules are not emulated by the in-memory host`);
    default: {
      const k = kind as "wholeNumber" | "decimal" | "textLength";
      return { type: RULE_TYPES[k], rule: { [k]: basicRule(v, rangeText, location) } };
    }
  }
}

function text(v: unknown, max: number, location: string, what: string): string {
  if (typeof v !== "string") throw invalidArgument(location, what);
  if (v.length > max) throw invalidArgument(location, `${what} longer than ${max} characters`);
  return v;
}

/** `DataValidationPrompt` (fields left out keep their value). Excel allows 32-character titles, 255-character messages. */
export function mergePrompt(
  current: MemoryDataValidationPrompt,
  input: unknown,
  location: string,
): MemoryDataValidationPrompt {
  if (!input || typeof input !== "object") throw invalidArgument(location);
  const o = input as Record<string, unknown>;
  const next = { ...current };
  if (o.showPrompt !== undefined) {
    if (typeof o.showPrompt !== "boolean") throw invalidArgument(location, "showPrompt");
    next.showPrompt = o.showPrompt;
  }
  if (o.title !== undefined) next.title = text(o.title, 32, location, "title");
  if (o.message !== undefined) next.message = text(o.message, 255, location, "message");
  return next;
}

export function mergeErrorAlert(
  current: MemoryDataValidationErrorAlert,
  input: unknown,
  location: string,
): MemoryDataValidationErrorAlert {
  if (!input || typeof input !== "object") throw invalidArgument(location);
  const o = input as Record<string, unknown>;
  const next = { ...current };
  if (o.showAlert !== undefined) {
    if (typeof o.showAlert !== "boolean") throw invalidArgument(location, "showAlert");
    next.showAlert = o.showAlert;
  }
  if (o.style !== undefined) {
    if (typeof o.style !== "string" || !ALERT_STYLES.includes(o.style))
      throw invalidArgument(location, "style");
    next.style = o.style as MemoryDataValidationErrorAlert["style"];
  }
  if (o.title !== undefined) next.title = text(o.title, 32, location, "title");
  if (o.message !== undefined) next.message = text(o.message, 255, location, "message");
  return next;
}
