/**
 * Human-readable output: findings grouped by file and form; each file ends with its status and
 * counts; then the summary lines (findings, and files by status).
 */
import type { Lang } from "../core";
import { fileCounts, totals, type Report } from "../report/report";
import { t } from "../messages";

export function formatText(report: Report, lang: Lang): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(file.file);
    const status = t(`report.status.${file.status}`, lang);
    if (file.error) {
      out.push(`  ${file.error.message}`);
      out.push("");
      continue;
    }
    for (const n of file.notes ?? []) if (n === "macro") out.push(`  ${t("report.macroNote", lang)}`);
    if (file.status === "no-form") out.push(`  ${t("report.noFormNote", lang)}`);
    const groups = new Map<number | null, typeof file.diagnostics>();
    for (const d of file.diagnostics) {
      const list = groups.get(d.form) ?? [];
      list.push(d);
      groups.set(d.form, list);
    }
    const order = [null, ...file.forms.map((_f, i) => i)];
    for (const key of order) {
      const list = groups.get(key);
      if (!list) continue;
      if (key === null) out.push(`  ${t("terms.formKind.workbook", lang)}`);
      else {
        const f = file.forms[key];
        const template = f.template
          ? `  [${f.template.id}${f.template.forced ? "" : ` ${f.template.score}`}]`
          : "";
        out.push(
          `  ${t(`terms.formKind.${f.kind}`, lang)}  ${f.name || "—"}  (${f.sheet}!${f.range})${template}`,
        );
      }
      for (const d of list) {
        out.push(
          `    ${d.sheet}!${d.cell}  ${t(`terms.severity.${d.severity}`, lang)}  ${d.message}  (${d.rule})`,
        );
        if (d.detail) out.push(`      ${t("cli.detailLine", lang, { detail: d.detail })}`);
        if (d.related.length > 0) {
          const cells = d.related.map((r) => {
            const cell = `${r.sheet}!${r.cell}`;
            return r.label ? t("cli.relatedCell", lang, { label: r.label, cell }) : cell;
          });
          out.push(`      ${t("cli.relatedLine", lang, { cells: cells.join(t("cli.relatedSep", lang)) })}`);
        }
      }
    }
    if (file.diagnostics.length === 0 && file.status !== "no-form")
      out.push(`  ${t("terms.noFindings", lang)}`);
    out.push("  " + t("cli.fileCounts", lang, { status, ...fileCounts(file) }));
    out.push("");
  }
  const s = totals(report);
  out.push(
    t("cli.summaryStatus", lang, {
      passed: s.byStatus.passed,
      errors: s.byStatus.errors,
      noForm: s.byStatus["no-form"],
      notChecked: s.byStatus["not-checked"],
      unreadable: s.byStatus.unreadable,
    }),
  );
  out.push(
    t("cli.summary", lang, {
      files: s.files,
      forms: s.forms,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
    }),
  );
  return out.join("\n") + "\n";
}
