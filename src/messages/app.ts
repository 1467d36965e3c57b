/** The add-in's own words (task pane, ribbon command, report sheet, the Office.js adapter), zh-CN first. */
export const app = {
  appTitle: { zh: "绩效目标表检查", en: "Performance Target Form Checker" },
  check: { zh: "检查表格", en: "Check forms" },
  checking: { zh: "正在检查…", en: "Checking…" },
  clear: { zh: "清除标记", en: "Clear marks" },
  exportReport: { zh: "导出检查报告", en: "Export report" },
  summary: {
    zh: "共 {forms} 张表：错误 {errors} 个，警告 {warnings} 个（已说明 {explained} 个），提示 {infos} 个。",
    en: "{forms} form(s): {errors} error(s), {warnings} warning(s) ({explained} explained), {infos} info.",
  },
  noForms: {
    zh: "未在此工作簿中找到绩效目标表（没有「部门名称」或「项目名称」标签）。",
    en: "No performance-target form found in this workbook (no 部门名称 or 项目名称 label).",
  },
  notExcel: {
    zh: "此加载项需要在 Excel 中运行。当前宿主：{host}。",
    en: "This add-in runs in Excel. Current host: {host}.",
  },
  officeJsMissing: {
    zh: "无法加载 Office 的脚本库 office.js（{src}），所以检查无法运行。请检查本机能否访问该地址；单位内网无法上网时，请管理员按部署说明改用本地副本（OFFICE_JS=local）。",
    en: "Office's script library office.js could not be loaded ({src}), so the checker cannot run. Check that this machine can reach that address; on an intranet without internet, ask IT to build with the local copy (OFFICE_JS=local, see the deployment guide).",
  },
  legacyFile: {
    zh: "此工作簿为旧版 .xls 格式或处于兼容模式，部分功能不可用。请另存为 .xlsx 后再检查。",
    en: "This workbook is a legacy .xls file or in compatibility mode. Save it as .xlsx and check again.",
  },
  failed: { zh: "检查未完成：{reason}", en: "The check did not complete: {reason}" },
  marksCleared: { zh: "已清除 {count} 处标记。", en: "Cleared {count} mark(s)." },
  reportWritten: {
    zh: "检查报告已写入工作表「{sheet}」。",
    en: "The report was written to sheet '{sheet}'.",
  },
  explain: { zh: "说明", en: "Explain" },
  explained: { zh: "已说明", en: "Explained" },
  explanationPlaceholder: {
    zh: "填写此警告的说明（提示性审核），保存在工作簿中",
    en: "Explain this warning; the explanation is saved in the workbook",
  },
  save: { zh: "保存", en: "Save" },
  remove: { zh: "删除说明", en: "Remove" },
  filterSeverity: { zh: "级别", en: "Severity" },
  filterCategory: { zh: "类别", en: "Category" },
  all: { zh: "全部", en: "All" },
  sumLeft: { zh: "合计", en: "Sum" },
  sumRight: { zh: "应等于", en: "Against" },
  sumDiff: { zh: "差额", en: "Difference" },
  sumAllowance: { zh: "容差", en: "Allowance" },
  relatedCells: { zh: "相关单元格", en: "Related cells" },
  recheckPending: { zh: "表格已修改，正在重新检查…", en: "The sheet changed; re-checking…" },
  reportSheetName: { zh: "检查记录", en: "Check record" },
  reportTitle: { zh: "绩效目标表检查记录", en: "Performance target form check record" },
  reportMeta: { zh: "检查时间：{when}　工作簿：{workbook}", en: "Checked: {when}  Workbook: {workbook}" },
  // The Office.js adapter's own conditions (src/hosts/excel).
  sheetProtected: {
    zh: "工作表「{sheet}」受保护，未在其中写入。请先撤消工作表保护。",
    en: "Sheet '{sheet}' is protected; nothing was written to it. Unprotect the sheet first.",
  },
  workbookProtected: {
    zh: "工作簿结构受保护，无法添加或替换工作表。请先撤消工作簿保护。",
    en: "The workbook's structure is protected; sheets cannot be added or replaced. Unprotect the workbook first.",
  },
  sheetHidden: {
    zh: "单元格所在的工作表「{sheet}」已隐藏。请先取消隐藏该工作表。",
    en: "Sheet '{sheet}' of this cell is hidden. Unhide the sheet first.",
  },
  sheetNotFound: { zh: "找不到工作表「{sheet}」。", en: "Sheet '{sheet}' was not found." },
  marksSkippedProtected: {
    zh: "工作表「{sheets}」受保护，其中的标记未更新。",
    en: "Sheet(s) '{sheets}' are protected; their marks were not updated.",
  },
  marksSkippedUnreadable: {
    zh: "工作表「{sheets}」的条件格式无法读取，其中的标记未更新。",
    en: "The conditional formats of sheet(s) '{sheets}' cannot be read; their marks were not updated.",
  },
  marksTruncated: {
    zh: "问题单元格过多，只标记了前 {kept} 处（另有 {left} 处未标记）。",
    en: "Too many cells to mark: the first {kept} are marked ({left} more are not).",
  },
  oneRowTooLarge: {
    zh: "工作表「{sheet}」第 {row} 行超出单次读取的大小限制。",
    en: "Row {row} of sheet '{sheet}' is over the size limit of one read.",
  },
  /** The ribbon command's dialog button. */
  ok: { zh: "确定", en: "OK" },
} as const;
