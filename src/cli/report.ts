/**
 * The report: what the command line prints, as data. JSON is this object; text and SARIF are
 * renderings of it.
 */
import type { CheckResult } from "../checker";
import { rangeToA1 } from "../engine/address";
import { formatDiagnostic } from "../rules/format-message";
import { RULES_BY_ID } from "../rules";
import type { Category, Lang, Severity } from "../rules/types";

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
  related: { sheet: string; cell: string }[];
  /** Index into `forms`, or null for workbook-level findings. */
  form: number | null;
}

export interface ReportFile {
  file: string;
  forms: ReportForm[];
  diagnostics: ReportDiagnostic[];
  /** Present when the file could not be checked at all. */
  error?: { code: string; message: string };
  /** Milliseconds spent in the engine (reading excluded). */
  engineMs?: number;
}

export interface Report {
  version: 1;
  files: ReportFile[];
}

export function fileReport(file: string, result: CheckResult, lang: Lang, engineMs?: number): ReportFile {
  return {
    file,
    forms: result.model.forms.map((f) => ({
      kind: f.kind,
      sheet: f.sheet,
      range: rangeToA1(f.range),
      name: f.kind === "department" ? (f.name?.text ?? "") : (f.name?.text ?? ""),
      ...(f.template ? { template: { ...f.template } } : {}),
    })),
    diagnostics: result.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      category: d.category,
      sheet: d.sheet,
      cell: d.cell,
      message: formatDiagnostic(d, RULES_BY_ID, lang),
      related: d.related,
      form: d.formIndex,
    })),
    ...(engineMs !== undefined ? { engineMs: Math.round(engineMs * 100) / 100 } : {}),
  };
}

export function failedFileReport(file: string, code: string, message: string): ReportFile {
  return { file, forms: [], diagnostics: [], error: { code, message } };
}

export interface Totals {
  files: number;
  forms: number;
  errors: number;
  warnings: number;
  infos: number;
  failed: number;
}

export function totals(report: Report): Totals {
  const t: Totals = { files: report.files.length, forms: 0, errors: 0, warnings: 0, infos: 0, failed: 0 };
  for (const f of report.files) {
    t.forms += f.forms.length;
    if (f.error) t.failed++;
    for (const d of f.diagnostics) {
      if (d.severity === "error") t.errors++;
      else if (d.severity === "warning") t.warnings++;
      else t.infos++;
    }
  }
  return t;
}
