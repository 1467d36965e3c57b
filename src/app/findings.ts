/**
 * From diagnostics to what the add-in shows and writes: findings with their message and form,
 * the marks to paint, the report sheet. Pure; the task pane and the ribbon command share it.
 */
import type { CheckResult } from "../checker";
import { rangeToA1 } from "../engine/address";
import type { CellMark, Explanation } from "../hosts/host";
import { countFindings, type Counts } from "../report/counts";
import { relatedCells, type LabelledCell, type Locator } from "../report/label-path";
import { reportSheetPlan, type ReportSheetPlan, type ReportSheetRow } from "../report/sheet";
import { RULES_BY_ID } from "../rules";
import { formatDiagnostic } from "../rules/format-message";
import { PROFILES_BY_ID } from "../templates";
import { SEVERITY_RANK, type Category, type Diagnostic, type Lang, type Severity } from "../core";
import { t } from "../messages";

export interface FormSummary {
  index: number;
  kind: "department" | "project";
  sheet: string;
  range: string;
  name: string;
  /** The form has no 部门名称 / 项目名称: `name` is the engine's placeholder; show the kind and sheet instead. */
  blank?: boolean;
  /** The template profile the form was read with (absent on hand-built models). */
  template?: { id: string; name: { zh: string; en: string }; forced: boolean };
}

export interface Finding extends Diagnostic {
  /** The related cells, each named by its label in the form (src/report/label-path.ts relatedCells). */
  related: LabelledCell[];
  /** Stable key of the finding (rule, message, cell): explanations attach to it. */
  key: string;
  message: string;
  /** The 详情 line (Diagnostic.detail rendered like the message), when the rule gives one. */
  detailText?: string;
  explanation: Explanation | null;
}

/** The counts of a check, counted as everywhere else (src/report/counts.ts). */
export type { Counts };

export interface CheckView {
  forms: FormSummary[];
  findings: Finding[];
  counts: Counts;
}

export function explanationKey(d: Pick<Diagnostic, "rule" | "messageId" | "sheet" | "cell">): string {
  return `${d.rule}|${d.messageId}|${d.sheet}!${d.cell}`;
}

/**
 * The pane's view of a check. With `locator` (the check's snapshot) every related cell is named by its
 * label; without, only a sum's items are.
 */
export function buildView(
  result: CheckResult,
  explanations: readonly Explanation[],
  lang: Lang,
  locator?: Locator,
): CheckView {
  const byKey = new Map(explanations.map((e) => [e.key, e]));
  const forms: FormSummary[] = result.model.forms.map((f, index) => ({
    index,
    kind: f.kind,
    sheet: f.sheet,
    range: rangeToA1(f.range),
    name: f.displayName,
    blank: isPlaceholderName(f.displayName, f.sheet),
    ...(f.template ? { template: templateOf(f.template.id, f.template.forced) } : {}),
  }));
  const findings: Finding[] = result.diagnostics.map((d) => {
    const key = explanationKey(d);
    // Only warnings can be explained (提示性审核); an error must be fixed.
    const explanation = d.severity === "warning" ? (byKey.get(key) ?? null) : null;
    const message = formatDiagnostic(d, RULES_BY_ID, lang);
    const detailText = d.detail
      ? formatDiagnostic(
          { ...d, messageId: d.detail.messageId, args: d.detail.args ?? {} },
          RULES_BY_ID,
          lang,
        )
      : undefined;
    const related = relatedCells(d, lang, locator, result.model.forms);
    return { ...d, related, key, message, ...(detailText ? { detailText } : {}), explanation };
  });
  return { forms, findings, counts: countFindings(forms.length, findings) };
}

/**
 * The engine names a form without 部门名称 / 项目名称 by its kind and place, `项目绩效目标表（Sheet!2行）`
 * or `…（Sheet）` (src/engine/read-forms.ts, profile-reader.ts): such a name is not the form's own.
 */
export function isPlaceholderName(name: string, sheet: string): boolean {
  return name.endsWith(`（${sheet}）`) || new RegExp(`（${escapeRegExp(sheet)}!\\d+行）$`).test(name);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function templateOf(id: string, forced: boolean): NonNullable<FormSummary["template"]> {
  const profile = PROFILES_BY_ID.get(id);
  return { id, name: profile ? { zh: profile.name.zh, en: profile.name.en } : { zh: id, en: id }, forced };
}

/**
 * One mark per cell, with the worst severity there. Info findings are not painted, nor are
 * workbook-level ones (no form found): their cell is only where the message had to point.
 */
export function marksFor(findings: readonly Diagnostic[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    if (f.severity === "info" || f.formIndex === null) continue;
    for (const at of [{ sheet: f.sheet, cell: f.cell }, ...(f.sameFault ?? [])]) {
      const key = `${at.sheet}!${at.cell}`;
      const prev = byCell.get(key);
      if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) {
        byCell.set(key, { sheet: at.sheet, cell: at.cell, severity: f.severity });
      }
    }
  }
  return [...byCell.values()];
}

export function categoryLabel(c: Category, lang: Lang): string {
  return t(`terms.category.${c}`, lang);
}

export function severityLabel(s: Severity, lang: Lang): string {
  return t(`terms.severity.${s}`, lang);
}

/** `2026-03-02 00:30` in the user's own time zone (not UTC). */
export function localStamp(when: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())} ${two(when.getHours())}:${two(when.getMinutes())}`;
}

/**
 * The 检查记录 sheet: every finding with its form, sheet, cell, label path, severity, category, message
 * and explanation, in the same columns as the annotated copy's 检查结果 (src/report/sheet.ts). The
 * label paths come from `locator` (the check's snapshot), when given.
 */
export function reportPlan(
  view: CheckView,
  lang: Lang,
  when: Date,
  workbookName?: string,
  locator?: Locator,
): ReportSheetPlan {
  const c = view.counts;
  const stamp = localStamp(when);
  const rows: ReportSheetRow[] = view.findings.map((f) => ({
    form: f.formIndex !== null ? view.forms[f.formIndex].name : null,
    sheet: f.sheet,
    cell: f.cell,
    path: locator?.path(f) ?? [],
    severity: f.severity,
    category: f.category,
    message: f.message,
    explanation: f.explanation?.text ?? "",
    rule: f.rule,
  }));
  return reportSheetPlan(rows, lang, {
    sheetName: t("app.reportSheetName", lang),
    heading: [
      t("app.reportTitle", lang),
      t("app.reportMeta", lang, { when: stamp, workbook: workbookName ?? "" }),
      t("app.summary", lang, {
        forms: c.forms,
        errors: c.errors,
        warnings: c.warnings,
        infos: c.infos,
        explained: c.explained,
      }),
    ],
  });
}
