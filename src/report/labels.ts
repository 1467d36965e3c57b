/**
 * The words of the annotated copy's 检查结果 sheet in one language: the command line and the web
 * checker build the same sheet.
 */
import { CATALOGUE } from "../checker";
import { CLI_MESSAGES as M, t } from "../cli/messages";
import type { AnnotateLabels } from "../hosts/xlsx/annotate";
import type { Lang } from "../core";
import { fileCounts, type ReportFile } from "./report";

export function annotateLabels(lang: Lang): (file: string, r: ReportFile) => AnnotateLabels {
  const severity = {
    error: t(M.severity.error, lang),
    warning: t(M.severity.warning, lang),
    info: t(M.severity.info, lang),
  };
  const rules = new Map(
    CATALOGUE.map((r) => [r.meta.id, lang === "en" ? r.meta.description.en : r.meta.description.zh]),
  );
  return (file, r) => {
    const c = fileCounts(r);
    return {
      severity,
      sheetName: t(M.reportSheet, lang),
      header: t(M.reportHeader, lang).split("|"),
      title: t(M.reportTitle, lang, { file: file.split(/[/\\]/).pop() ?? file }),
      meta: t(M.reportMeta, lang, { time: localTime(new Date()), forms: r.forms.length, ...c }),
      workbook: t(M.reportWorkbook, lang),
      none: t(M.reportNone, lang),
      pathSep: t(M.pathSep, lang),
      explain: (id) => rules.get(id) ?? "",
    };
  };
}

/** Local time as YYYY-MM-DD HH:MM. */
export function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
