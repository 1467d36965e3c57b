/**
 * The annotated copy's 检查结果 sheet in one language: the command line and the web checker build the
 * same sheet, planned like the add-in's 检查记录 (src/report/sheet.ts) from the report model.
 */
import { CATALOGUE } from "../checker";
import type { AnnotateLabels } from "../hosts/xlsx/annotate";
import type { Lang } from "../core";
import { fileCounts, type ReportFile } from "./report";
import { reportSheetPlan, type ReportSheetRow } from "./sheet";
import { t } from "../messages";

/** A file's findings as report-sheet rows; the 说明 column gives the rule's description. */
export function reportFileRows(r: ReportFile, explain: (rule: string) => string): ReportSheetRow[] {
  return r.diagnostics.map((d) => ({
    form: d.form === null ? null : r.forms[d.form]?.name || r.forms[d.form]?.sheet || "",
    sheet: d.sheet,
    cell: d.cell,
    path: d.path,
    severity: d.severity,
    category: d.category,
    message: d.message,
    explanation: explain(d.rule),
    rule: d.rule,
  }));
}

export function annotateLabels(lang: Lang): (file: string, r: ReportFile) => AnnotateLabels {
  const severity = {
    error: t("terms.severity.error", lang),
    warning: t("terms.severity.warning", lang),
    info: t("terms.severity.info", lang),
  };
  const rules = new Map(
    CATALOGUE.map((r) => [r.meta.id, lang === "en" ? r.meta.description.en : r.meta.description.zh]),
  );
  return (file, r) => {
    const c = fileCounts(r);
    return {
      severity,
      sheet: reportSheetPlan(
        reportFileRows(r, (id) => rules.get(id) ?? ""),
        lang,
        {
          sheetName: t("report.reportSheet", lang),
          heading: [
            t("report.reportTitle", lang, { file: file.split(/[/\\]/).pop() ?? file }),
            t("report.reportMeta", lang, { time: localTime(new Date()), ...c }),
          ],
        },
      ),
    };
  };
}

/** Local time as YYYY-MM-DD HH:MM. */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
