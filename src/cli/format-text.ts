/** Human-readable output: findings grouped by file and form, then one summary line. */
import type { Lang } from "../rules/types";
import { CLI_MESSAGES as M, severityLabel, t } from "./messages";
import { totals, type Report } from "./report";

export function formatText(report: Report, lang: Lang): string {
  const out: string[] = [];
  for (const file of report.files) {
    out.push(file.file);
    if (file.error) {
      out.push(`  ${t(M.readFailed, lang)}: ${file.error.message}`);
      out.push("");
      continue;
    }
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
      if (key === null) out.push(`  ${t(M.workbook, lang)}`);
      else {
        const f = file.forms[key];
        const template = f.template
          ? `  [${f.template.id}${f.template.forced ? "" : ` ${f.template.score}`}]`
          : "";
        out.push(`  ${t(M[f.kind], lang)}  ${f.name || "—"}  (${f.sheet}!${f.range})${template}`);
      }
      for (const d of list) {
        out.push(`    ${d.sheet}!${d.cell}  ${severityLabel(d.severity, lang)}  ${d.message}  (${d.rule})`);
      }
    }
    if (file.diagnostics.length === 0) out.push(`  ${t(M.noFindings, lang)}`);
    out.push("");
  }
  const s = totals(report);
  out.push(
    t(M.summary, lang, {
      files: s.files,
      forms: s.forms,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
    }),
  );
  return out.join("\n") + "\n";
}
