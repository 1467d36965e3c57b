/**
 * The web checker's downloads: the annotated copy (.xlsx, the same 检查结果 sheet the command line
 * writes) and the report (CSV, one row per file as `perf-target-check --csv`). Built in the browser
 * from the opened file's bytes; nothing is sent anywhere.
 */
import { checkWorkbook } from "../checker";
import { formatCsv } from "../report/csv";
import { buildAnnotatedCopy } from "../hosts/xlsx/annotate";
import { readXlsxBytes } from "../hosts/xlsx/lean/browser";
import { annotateLabels } from "../report/labels";
import { createLocator } from "../report/label-path";
import { fileReport, type ReportFile } from "../report/report";
import type { Lang } from "../core";
import { t } from "../messages";

export interface Download {
  name: string;
  type: string;
  data: Uint8Array | string;
}

function checked(bytes: ArrayBuffer, name: string, lang: Lang): ReportFile {
  const snapshot = readXlsxBytes(bytes, name);
  const result = checkWorkbook(snapshot);
  return fileReport(name, result, lang, undefined, createLocator(snapshot, result));
}

const stem = (name: string) => name.replace(/\.xlsx?$/i, "");

export async function annotatedCopy(bytes: ArrayBuffer, name: string, lang: Lang): Promise<Download> {
  const report = checked(bytes, name, lang);
  const data = await buildAnnotatedCopy(bytes, report, annotateLabels(lang)(name, report));
  return {
    name: t("demo.annotatedName", lang, { stem: stem(name) }),
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    data,
  };
}

export function reportCsv(bytes: ArrayBuffer, name: string, lang: Lang): Download {
  const report = checked(bytes, name, lang);
  return {
    name: t("demo.reportName", lang, { stem: stem(name) }),
    type: "text/csv;charset=utf-8",
    data: formatCsv({ version: 1, files: [report] }, lang),
  };
}

/** Offers a download to the browser (a blob URL and a click; revoked afterwards). */
export function save(d: Download): void {
  const blob = new Blob([d.data as BlobPart], { type: d.type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = d.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
