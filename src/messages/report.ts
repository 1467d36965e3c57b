/**
 * The report's own words, zh-CN first, defined once: a file's status, the CSV summary and the report
 * sheet (its columns, title lines, the workbook-level form, the label-path separator). The command
 * line, the web checker, the 检查记录 sheet of the add-in and the annotated copy's 检查结果 sheet all use them.
 */
export const report = {
  /** One vocabulary for a file's status: text, CSV and the report sheet (JSON carries the key). */
  status: {
    passed: { zh: "通过", en: "passed" },
    errors: { zh: "有错误", en: "errors" },
    "no-form": { zh: "未识别申报表", en: "no form recognised" },
    "not-checked": { zh: "未检查", en: "not checked" },
    unreadable: { zh: "无法读取", en: "unreadable" },
  },
  csvHeader: {
    zh: "文件|状态|表数|错误|警告|提示|首个错误或原因|备注",
    en: "File|Status|Forms|Errors|Warnings|Infos|First error or reason|Notes",
  },
  macroNote: {
    zh: "含宏的工作簿（.xlsm）：已检查表格内容，宏未运行。",
    en: "Macro-enabled workbook (.xlsm): its cells were checked, its macros were not run.",
  },
  noFormNote: {
    zh: "未识别出申报表：此文件不计为已通过，请确认是否提交了正确的文件。",
    en: "No form recognised: this file does not count as passed; check that the right file was submitted.",
  },
  /** The annotated copy's sheet (the add-in's own is 检查记录, app.reportSheetName). */
  reportSheet: { zh: "检查结果", en: "Check results" },
  /** The report sheet's columns, the same in the add-in's 检查记录 and the annotated copy's 检查结果. */
  reportHeader: {
    zh: "序号|申报表|工作表|单元格|指标路径|级别|类别|问题|说明|规则",
    en: "No.|Form|Sheet|Cell|Field|Severity|Category|Problem|Explanation|Rule",
  },
  reportTitle: { zh: "检查结果：{file}", en: "Check results: {file}" },
  reportMeta: {
    zh: "检查时间：{time}　申报表 {forms} 张　错误 {errors} 个　警告 {warnings} 个　提示 {infos} 个",
    en: "Checked: {time}   {forms} form(s)   {errors} error(s)   {warnings} warning(s)   {infos} info",
  },
  reportWorkbook: { zh: "（工作簿）", en: "(workbook)" },
  pathSep: { zh: " › ", en: " › " },
  /** A related cell named by its label: a sum's item with its field, 项目名称「伙食补助费」. */
  itemLabel: { zh: "{field}「{label}」", en: "{field} '{label}'" },
  itemLabelBare: { zh: "「{label}」", en: "'{label}'" },
} as const;
