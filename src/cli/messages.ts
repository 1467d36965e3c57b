/** The command line's own words, zh-CN first. Rule messages live with their rules. */
import { renderMessage } from "../rules/format-message";
import type { Lang, Severity } from "../rules/types";

const M = {
  severity: {
    error: { zh: "错误", en: "error" },
    warning: { zh: "警告", en: "warning" },
    info: { zh: "提示", en: "info" },
  },
  department: { zh: "部门整体预算绩效目标申报表", en: "Department form" },
  project: { zh: "项目绩效目标表", en: "Project form" },
  workbook: { zh: "工作簿", en: "Workbook" },
  noFindings: { zh: "未发现问题。", en: "No problems found." },
  summary: {
    zh: "共检查 {files} 个文件、{forms} 张表：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个。",
    en: "Checked {files} file(s), {forms} form(s): {errors} error(s), {warnings} warning(s), {infos} info.",
  },
  readFailed: { zh: "无法检查", en: "could not check" },
  annotateOne: {
    zh: "--annotate 只能用于单个文件。",
    en: "--annotate takes exactly one input file.",
  },
  annotated: { zh: "已写出标注副本：{file}", en: "Annotated copy written: {file}" },
  annotateFailed: {
    zh: "无法写出标注副本 {file}：{reason}",
    en: "Could not write the annotated copy {file}: {reason}",
  },
  noFiles: { zh: "请指定要检查的 .xlsx 文件。", en: "Name the .xlsx files to check." },
  badFormat: {
    zh: "未知的输出格式：{value}（可选 text、json、sarif）",
    en: "Unknown format: {value} (text, json, sarif)",
  },
  badLang: { zh: "未知的语言：{value}（可选 zh、en）", en: "Unknown language: {value} (zh, en)" },
  reportSheet: { zh: "检查结果", en: "Check results" },
  newWritten: {
    zh: "已写出 {file}：{year} 年度绩效目标表模板，部门整体预算绩效目标申报表 1 张，项目绩效目标表 {projects} 张。",
    en: "Wrote {file}: the {year} performance-target template, 1 department form and {projects} project form(s).",
  },
  newSheets: { zh: "工作表：{sheets}", en: "Sheets: {sheets}" },
  newSheetSep: { zh: "、", en: ", " },
  newDept: {
    zh: "部门名称、主管部门、用款单位已填为「{dept}」。",
    en: "部门名称, 主管部门 and 用款单位 are prefilled with {dept}.",
  },
  newNoDept: {
    zh: "未指定部门：请在表中填写部门名称、主管部门和用款单位（或使用 --dept）。",
    en: "No department given: fill in 部门名称, 主管部门 and 用款单位 (or use --dept).",
  },
  newExists: {
    zh: "文件已存在：{file}。如需覆盖，请加 --force。",
    en: "{file} already exists; add --force to overwrite it.",
  },
  newBadYear: {
    zh: "--year 无效：{value}（应为 {min}–{max} 之间的年份）",
    en: "Bad --year: {value} (a year from {min} to {max})",
  },
  newBadProjects: {
    zh: "--projects 无效：{value}（应为 {min}–{max} 之间的整数）",
    en: "Bad --projects: {value} (a whole number from {min} to {max})",
  },
  newBadOut: {
    zh: "输出文件名应以 .xlsx 结尾：{file}",
    en: "The output file name must end in .xlsx: {file}",
  },
  newFailed: { zh: "无法写出 {file}：{reason}", en: "Could not write {file}: {reason}" },
  newReason: {
    noDir: { zh: "目录不存在", en: "the directory does not exist" },
    denied: { zh: "没有写入权限", en: "permission denied" },
    isDir: { zh: "这是一个目录", en: "it is a directory" },
    other: { zh: "写入失败（{code}）", en: "write failed ({code})" },
  },
  // Batch checking: inputs, workers, progress, combined reports.
  noMatch: {
    zh: "没有与「{pattern}」匹配的 .xlsx 文件。",
    en: "No .xlsx file matches {pattern}.",
  },
  emptyFolder: {
    zh: "文件夹「{dir}」中没有 .xlsx 文件。",
    en: "The folder {dir} contains no .xlsx file.",
  },
  folderUnreadable: {
    zh: "无法读取文件夹 {dir}：{reason}",
    en: "Could not read the folder {dir}: {reason}",
  },
  folderReason: {
    denied: { zh: "没有读取权限", en: "permission denied" },
    other: { zh: "读取失败（{code}）", en: "read failed ({code})" },
  },
  badJobs: {
    zh: "--jobs 无效：{value}（应为正整数）",
    en: "Bad --jobs: {value} (a whole number of at least 1)",
  },
  workerCrashed: {
    zh: "检查 {file} 时工作线程意外终止：{reason}",
    en: "The worker checking {file} stopped unexpectedly: {reason}",
  },
  workerExitCode: { zh: "退出码 {code}", en: "exit code {code}" },
  progress: { zh: "已检查 {done}/{total} 个文件…", en: "Checked {done}/{total} files…" },
  reportWritten: { zh: "已写出报告：{file}", en: "Report written: {file}" },
  reportFailed: { zh: "无法写出报告 {file}：{reason}", en: "Could not write the report {file}: {reason}" },
  csvHeader: {
    zh: "文件|表数|错误|警告|提示|状态|首个错误",
    en: "File|Forms|Errors|Warnings|Infos|Status|First error",
  },
  csvStatus: {
    ok: { zh: "ok", en: "ok" },
    errors: { zh: "有错误", en: "errors" },
    failed: { zh: "无法读取", en: "unreadable" },
  },
  reportHeader: {
    zh: "工作表|单元格|级别|类别|问题|规则",
    en: "Sheet|Cell|Severity|Category|Problem|Rule",
  },
  category: {
    structure: { zh: "结构", en: "structure" },
    completeness: { zh: "完整性", en: "completeness" },
    format: { zh: "格式", en: "format" },
    arithmetic: { zh: "勾稽", en: "arithmetic" },
    consistency: { zh: "一致性", en: "consistency" },
  },
} as const;

type Leaf = { zh: string; en: string };

export function t(leaf: Leaf, lang: Lang, args: Record<string, string | number> = {}): string {
  return renderMessage(leaf, args, lang);
}

export function severityLabel(s: Severity, lang: Lang): string {
  return t(M.severity[s], lang);
}

export const CLI_MESSAGES = M;
