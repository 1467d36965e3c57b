/**
 * What the task pane shows, computed from a CheckView: filtering, counts per filter, grouping by
 * form and severity, the summary line, and the explanation list the pane keeps. Pure: no React,
 * no host.
 */
import type { CheckView, Counts, Finding, FormSummary } from "../app/findings";
import { countFindings } from "../report/counts";
import type { Explanation } from "../hosts/host";
import {
  CATEGORIES,
  SEVERITIES,
  zeroPerCategory,
  type CellAddress,
  type Category,
  type Lang,
  type Severity,
} from "../core";
import { t } from "../messages";

export { CATEGORIES, SEVERITIES };

export interface Filters {
  /** Severities shown; all on by default. */
  severities: Record<Severity, boolean>;
  category: Category | "all";
}

export const DEFAULT_FILTERS: Filters = {
  severities: { error: true, warning: true, info: true },
  category: "all",
};

export function matchesFilters(f: Finding, filters: Filters): boolean {
  return filters.severities[f.severity] && (filters.category === "all" || f.category === filters.category);
}

export function filterFindings(findings: readonly Finding[], filters: Filters): Finding[] {
  return findings.filter((f) => matchesFilters(f, filters));
}

export interface FilterCounts {
  /** Findings of each severity that pass the category filter. */
  severity: Record<Severity, number>;
  /** Findings of each category that pass the severity filter. */
  category: Record<Category, number>;
  /** Findings of any category that pass the severity filter. */
  allCategories: number;
  /** Findings that pass both filters. */
  visible: number;
  total: number;
}

/** Faceted counts: each filter's counts honour the other filter, not itself. */
export function filterCounts(findings: readonly Finding[], filters: Filters): FilterCounts {
  const severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const category: Record<Category, number> = zeroPerCategory();
  let allCategories = 0;
  let visible = 0;
  for (const f of findings) {
    const severityOn = filters.severities[f.severity];
    const categoryOn = filters.category === "all" || f.category === filters.category;
    if (categoryOn) severity[f.severity]++;
    if (severityOn) {
      category[f.category]++;
      allCategories++;
    }
    if (severityOn && categoryOn) visible++;
  }
  return { severity, category, allCategories, visible, total: findings.length };
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface FindingGroup {
  /** "workbook", or "form-<index>". */
  key: string;
  /** null for findings outside every form (工作簿). */
  form: FormSummary | null;
  count: number;
  /** Errors first, then warnings, then infos; empty severities left out. */
  bySeverity: SeverityGroup[];
}

/**
 * Findings grouped by form (in the forms' order; workbook-level findings first, as the checker
 * sorts them), then by severity. Within a severity the checker's order (row, column) is kept.
 * Forms without any of the given findings are left out.
 */
export function groupFindings(view: CheckView, findings: readonly Finding[]): FindingGroup[] {
  const byForm = new Map<number | null, Finding[]>();
  for (const f of findings) {
    const k = f.formIndex !== null && view.forms[f.formIndex] ? f.formIndex : null;
    const list = byForm.get(k);
    if (list) list.push(f);
    else byForm.set(k, [f]);
  }
  const order: (number | null)[] = [null, ...view.forms.map((form) => form.index)];
  const groups: FindingGroup[] = [];
  for (const k of order) {
    const list = byForm.get(k);
    if (!list) continue;
    const bySeverity = SEVERITIES.map((severity) => ({
      severity,
      findings: list.filter((f) => f.severity === severity),
    })).filter((g) => g.findings.length > 0);
    groups.push({
      key: k === null ? "workbook" : `form-${k}`,
      form: k === null ? null : view.forms[k],
      count: list.length,
      bySeverity,
    });
  }
  return groups;
}

/** The findings in the order the pane lists them (for keyboard navigation and tests). */
export function listedFindings(groups: readonly FindingGroup[]): Finding[] {
  return groups.flatMap((g) => g.bySeverity.flatMap((s) => s.findings));
}

export interface GroupHeading {
  title: string;
  /** 部门整体预算绩效目标申报表 / 项目绩效目标表; empty for the workbook group. */
  kind: string;
  /** `Sheet!A1:F49`; empty for the workbook group. */
  where: string;
  /** 模板：… (the template profile the form was read with); empty when unknown. */
  template: string;
}

export function groupHeading(group: FindingGroup, lang: Lang): GroupHeading {
  const form = group.form;
  if (!form) return { title: t("terms.formKind.workbook", lang), kind: "", where: "", template: "" };
  const kind = t(`terms.formKind.${form.kind}`, lang);
  return {
    title: formTitle(form, lang),
    kind: form.blank ? "" : kind,
    where: `${form.sheet}!${form.range}`,
    template: form.template
      ? t(form.template.forced ? "pane.templateForced" : "pane.template", lang, {
          name: form.template.name[lang],
        })
      : "",
  };
}

/** A form's name as the pane shows it: its own name, or (blank) its kind and sheet. */
export function formTitle(form: FormSummary, lang: Lang): string {
  return form.blank
    ? t("pane.blankForm", lang, { kind: t(`terms.formKind.${form.kind}`, lang), sheet: form.sheet })
    : form.name;
}

/** `330000` → `330,000`; `1234567.5` → `1,234,567.5`; anything else unchanged. */
export function groupDigits(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

export interface CountChip {
  kind: "forms" | Severity | "explained";
  text: string;
}

/**
 * The counts of the sticky bar, one chip each: forms, errors, warnings always (the clerk's
 * question is "how many"), 已说明 and 提示 only when there are some.
 */
export function countChips(counts: Counts, lang: Lang): CountChip[] {
  const chips: CountChip[] = [
    { kind: "forms", text: t("pane.countForms", lang, { count: counts.forms }) },
    { kind: "error", text: t("pane.countErrors", lang, { count: counts.errors }) },
    { kind: "warning", text: t("pane.countWarnings", lang, { count: counts.warnings }) },
  ];
  if (counts.explained > 0)
    chips.push({ kind: "explained", text: t("pane.countExplained", lang, { count: counts.explained }) });
  if (counts.infos > 0)
    chips.push({ kind: "info", text: t("pane.countInfos", lang, { count: counts.infos }) });
  return chips;
}

export type SummaryKind = "intro" | "noForms" | "noFindings" | "summary";

/** The summary line above the list. */
export function summaryLine(view: CheckView | null, lang: Lang): { kind: SummaryKind; text: string } {
  if (!view) return { kind: "intro", text: t("pane.intro", lang) };
  if (view.counts.forms === 0) return { kind: "noForms", text: t("app.noForms", lang) };
  const summary = t("app.summary", lang, countArgs(view.counts));
  if (view.findings.length === 0) {
    return {
      kind: "noFindings",
      text: t("pane.summaryNoFindings", lang, { summary, none: t("terms.noFindings", lang) }),
    };
  }
  return { kind: "summary", text: summary };
}

function countArgs(c: Counts) {
  return { forms: c.forms, errors: c.errors, warnings: c.warnings, infos: c.infos, explained: c.explained };
}

/** `Sheet!A1`, as the pane shows and tests find a finding's cell. */
export function cellLabel(a: CellAddress): string {
  return `${a.sheet}!${a.cell}`;
}

/** A related cell: just `C7` on the finding's own sheet, else `Sheet!C7`. */
export function relatedLabel(a: CellAddress, sheet: string): string {
  return a.sheet === sheet ? a.cell : cellLabel(a);
}

// ---- explanations ----------------------------------------------------------------------------

/** Adds or replaces the explanation with this key (a changed one moves to the end). */
export function upsertExplanation(list: readonly Explanation[], e: Explanation): Explanation[] {
  return [...list.filter((x) => x.key !== e.key), e];
}

export function withoutExplanation(list: readonly Explanation[], key: string): Explanation[] {
  return list.filter((x) => x.key !== key);
}

/** Union by key; where both have one, the later `at` wins (ties: `incoming`). */
export function mergeExplanations(
  base: readonly Explanation[],
  incoming: readonly Explanation[],
): Explanation[] {
  const byKey = new Map<string, Explanation>();
  for (const e of base) byKey.set(e.key, e);
  for (const e of incoming) {
    const prev = byKey.get(e.key);
    if (!prev || !(prev.at > e.at)) byKey.set(e.key, e);
  }
  return [...byKey.values()];
}

/** The explanations attached to a view's findings. */
export function explanationsOf(view: CheckView): Explanation[] {
  return view.findings.flatMap((f) => (f.explanation ? [f.explanation] : []));
}

/**
 * The view with this list of explanations attached (warnings only, as buildView does) and the
 * explained count recomputed. Findings whose explanation did not change keep their identity.
 */
export function applyExplanations(view: CheckView, list: readonly Explanation[]): CheckView {
  const byKey = new Map(list.map((e) => [e.key, e]));
  const findings = view.findings.map((f) => {
    const explanation = f.severity === "warning" ? (byKey.get(f.key) ?? null) : null;
    return sameExplanation(f.explanation, explanation) ? f : { ...f, explanation };
  });
  return { ...view, findings, counts: countFindings(view.counts.forms, findings) };
}

function sameExplanation(a: Explanation | null, b: Explanation | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.key === b.key && a.text === b.text && a.at === b.at;
}

// ---- misc ----------------------------------------------------------------------------------

/** A thrown value as a sentence for a message bar. */
export function reasonOf(err: unknown, lang: Lang): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === "string" && err) return err;
  if (typeof err === "object" && err !== null) {
    const m = (err as { message?: unknown }).message;
    if (typeof m === "string" && m) return m;
  }
  return t("pane.unknownError", lang);
}
