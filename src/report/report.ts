/**
 * The report: what the command line prints, as data. JSON is this object; text and SARIF are
 * renderings of it.
 */
import { CATALOGUE_BY_ID, type CheckResult } from "../checker";
import { rangeToA1 } from "../engine/address";
import { formatDetail, formatDiagnostic } from "../rules/format-message";
import type { CellEdit, Category, Diagnostic, Fix, Lang, Severity } from "../core";
import { addCounts, countFindings, type Counts } from "./counts";
import { fingerprint, relatedCells, type LabelledCell, type Locator } from "./label-path";

/**
 * A file's status, one vocabulary for text, CSV, JSON and the report sheet:
 *  - passed: checked, forms found, no error (warnings may remain);
 *  - errors: checked, at least one error;
 *  - no-form: read, but no form recognised — not a passed submission;
 *  - not-checked: a format the checker does not read (.xls, .et, .csv, …, encrypted);
 *  - unreadable: missing, damaged, not a workbook, or an internal failure.
 */
export type FileStatus = "passed" | "errors" | "no-form" | "not-checked" | "unreadable";

/** Error codes of files that were deliberately not checked (a format we do not read). */
export const NOT_CHECKED_CODES: ReadonlySet<string> = new Set([
  "legacy-format",
  "legacy-xls",
  "csv",
  "unsupported-format",
  "encrypted",
]);

export interface ReportForm {
  kind: "department" | "project";
  sheet: string;
  range: string;
  name: string;
  /** The template profile the form was read with: detected (score 0–1) or forced. */
  template?: { id: string; family: string; score: number; forced: boolean };
}

export interface ReportDiagnostic {
  rule: string;
  severity: Severity;
  category: Category;
  sheet: string;
  cell: string;
  message: string;
  /** The reasoning behind the finding (详情: pairing, intervals, rounding), when the rule gives it. */
  detail?: string;
  /** The related cells, each with its label in the form (the address is the link target). */
  related: LabelledCell[];
  /** Cells with the same fault, marked like `cell` in the annotated copy. */
  sameFault?: { sheet: string; cell: string }[];
  /** Index into `forms`, or null for workbook-level findings. */
  form: number | null;
  /** The cell's label path in the form (产出指标 › 数量指标 › 设备租赁数量); empty if unknown. */
  path: string[];
  /** Stable across re-checks of an unchanged finding (see label-path.ts). */
  fingerprint: string;
  /** The fixes the finding offers (safe ones and suggestions), when it has any. */
  fixes?: ReportFix[];
}

/** A fix in the report: its kind, what it does (in the report's language) and its cell edits. */
export interface ReportFix {
  kind: Fix["kind"];
  message: string;
  edits: CellEdit[];
}

/** A diagnostic's fixes for the report, their messages from the rule's catalogue. */
export function reportFixes(d: Pick<Diagnostic, "rule" | "fixes">, lang: Lang): ReportFix[] {
  return (d.fixes ?? []).map((f) => ({
    kind: f.kind,
    message: formatDiagnostic(
      { rule: d.rule, messageId: f.messageId, args: f.args ?? {} } as Diagnostic,
      CATALOGUE_BY_ID,
      lang,
    ),
    edits: f.edits.map((e) => ({ sheet: e.sheet, cell: e.cell, before: e.before, after: e.after })),
  }));
}

export interface ReportFile {
  file: string;
  status: FileStatus;
  /** Notes on how the file was checked: "macro" (an .xlsm, macros not run). */
  notes?: string[];
  forms: ReportForm[];
  diagnostics: ReportDiagnostic[];
  /** Present when the file could not be checked at all. */
  error?: { code: string; message: string };
  /** Milliseconds spent in the engine (reading excluded). */
  engineMs?: number;
  /** What `--fix` applied to this file's fixed copy (src/cli/fix.ts). */
  fixed?: {
    out: string;
    /** Safe fixes applied, over `passes` passes. */
    fixes: number;
    passes: number;
    /** Suggestions applied (`--fix-suggestions`). */
    suggestions?: number;
    cells: {
      sheet: string;
      cell: string;
      before: string | number | null;
      after: string | number | null;
      rules: string[];
      /** What changed the cell: safe fixes, or a suggestion. */
      kind: Fix["kind"];
    }[];
    /** Suggestions left out: a cell they edit was already changed by another fix (`by`, its rules). */
    skipped?: { sheet: string; cell: string; rule: string; fix: string; by: string[] }[];
  };
}

export interface Report {
  version: 1;
  files: ReportFile[];
}

export function fileReport(
  file: string,
  result: CheckResult,
  lang: Lang,
  engineMs?: number,
  locator?: Locator,
  notes?: string[],
): ReportFile {
  const forms: ReportForm[] = result.model.forms.map((f) => ({
    kind: f.kind,
    sheet: f.sheet,
    range: rangeToA1(f.range),
    name: f.name?.text ?? "",
    ...(f.template ? { template: { ...f.template } } : {}),
  }));
  const diagnostics: ReportDiagnostic[] = result.diagnostics.map((d) => {
    const path = locator?.path(d) ?? [];
    return {
      rule: d.rule,
      severity: d.severity,
      category: d.category,
      sheet: d.sheet,
      cell: d.cell,
      message: formatDiagnostic(d, CATALOGUE_BY_ID, lang),
      ...(d.detail ? { detail: formatDetail(d, CATALOGUE_BY_ID, lang) ?? undefined } : {}),
      related: relatedCells(d, lang, locator, result.model.forms),
      ...(d.sameFault?.length ? { sameFault: d.sameFault } : {}),
      form: d.formIndex,
      path,
      fingerprint: fingerprint({
        rule: d.rule,
        messageId: d.messageId,
        sheet: d.sheet,
        form: d.formIndex === null ? "" : (forms[d.formIndex]?.name ?? ""),
        path,
        cell: d.cell,
        value: locator?.value(d.sheet, d.row, d.col) ?? "",
        args: d.args,
      }),
      ...(d.fixes?.length ? { fixes: reportFixes(d, lang) } : {}),
    };
  });
  const status: FileStatus =
    forms.length === 0 ? "no-form" : diagnostics.some((d) => d.severity === "error") ? "errors" : "passed";
  return {
    file,
    status,
    ...(notes && notes.length > 0 ? { notes } : {}),
    forms,
    diagnostics,
    ...(engineMs !== undefined ? { engineMs: Math.round(engineMs * 100) / 100 } : {}),
  };
}

export function failedFileReport(file: string, code: string, message: string): ReportFile {
  const status: FileStatus = NOT_CHECKED_CODES.has(code) ? "not-checked" : "unreadable";
  return { file, status, forms: [], diagnostics: [], error: { code, message } };
}

/** A file's counts: its forms and its findings by severity (src/report/counts.ts). */
export function fileCounts(file: ReportFile): Counts {
  return countFindings(file.forms.length, file.diagnostics);
}

export interface Totals extends Counts {
  files: number;
  /** Files not checked for any reason: unreadable, not checked, no form recognised. */
  failed: number;
  byStatus: Record<FileStatus, number>;
}

export function totals(report: Report): Totals {
  const byStatus: Record<FileStatus, number> = {
    passed: 0,
    errors: 0,
    "no-form": 0,
    "not-checked": 0,
    unreadable: 0,
  };
  let failed = 0;
  for (const f of report.files) {
    byStatus[f.status]++;
    if (f.status === "no-form" || f.status === "not-checked" || f.status === "unreadable") failed++;
  }
  return { files: report.files.length, ...addCounts(report.files.map(fileCounts)), failed, byStatus };
}
