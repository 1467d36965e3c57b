/** The task pane's own words (the 检查 tab), zh-CN first. */
export const pane = {
  intro: {
    zh: "点击「检查表格」检查当前工作簿中的绩效目标表。",
    en: "Select “Check forms” to check the performance-target forms in this workbook.",
  },
  checkedAt: { zh: "检查时间 {time}", en: "Checked at {time}" },
  clearFailed: { zh: "清除标记未完成：{reason}", en: "Clearing the marks did not complete: {reason}" },
  exportFailed: { zh: "导出检查报告未完成：{reason}", en: "Exporting the report did not complete: {reason}" },
  saveFailed: { zh: "保存说明未完成：{reason}", en: "Saving the explanation did not complete: {reason}" },
  loadFailed: {
    zh: "读取已保存的说明未完成：{reason}",
    en: "Loading the saved explanations did not complete: {reason}",
  },
  selectFailed: { zh: "无法定位到单元格：{reason}", en: "Could not go to the cell: {reason}" },
  watchFailed: {
    zh: "无法监听表格修改，修改后请手动重新检查：{reason}",
    en: "Edits cannot be watched; check again after editing: {reason}",
  },
  unknownError: { zh: "未知错误", en: "unknown error" },
  renderError: {
    zh: "任务窗格出现错误：{reason}。请关闭并重新打开加载项。",
    en: "The task pane failed: {reason}. Close and reopen the add-in.",
  },
  retry: { zh: "重试", en: "Try again" },
  dismiss: { zh: "关闭", en: "Dismiss" },
  noMatches: { zh: "没有符合筛选条件的问题。", en: "No findings match the filters." },
  findingsList: { zh: "检查结果", en: "Findings" },
  filters: { zh: "筛选", en: "Filters" },
  allCategories: { zh: "全部类别", en: "All categories" },
  countSuffix: { zh: "{label}（{count}）", en: "{label} ({count})" },
  goTo: { zh: "定位到 {cell}", en: "Go to {cell}" },
  editExplanation: { zh: "修改说明", en: "Edit" },
  explanationFor: { zh: "对 {cell} 的说明", en: "Explanation for {cell}" },
  explanationSaved: { zh: "说明已保存。", en: "Explanation saved." },
  explanationRemoved: { zh: "说明已删除。", en: "Explanation removed." },
  unit: { zh: "单位：{unit}", en: "Unit: {unit}" },
  /** The heading of a finding's related cells (app.relatedCells with its colon). */
  relatedCellsLabel: { zh: "{label}：", en: "{label}:" },
  /** The summary line when nothing was found: app.summary, then app.noFindings. */
  summaryNoFindings: { zh: "{summary}{none}", en: "{summary} {none}" },
  groupCount: { zh: "{count} 个问题", en: "{count} finding(s)" },
  // The counts in the sticky bar (each its own chip: they wrap between chips, never mid-word).
  countForms: { zh: "共 {count} 张表", en: "{count} form(s)" },
  countErrors: { zh: "错误 {count} 个", en: "{count} error(s)" },
  countWarnings: { zh: "警告 {count} 个", en: "{count} warning(s)" },
  countExplained: { zh: "已说明 {count} 个", en: "{count} explained" },
  countInfos: { zh: "提示 {count} 个", en: "{count} info" },
  /** A form without a name: its kind and sheet. */
  blankForm: { zh: "{kind}（工作表「{sheet}」，未填名称）", en: "{kind} (sheet '{sheet}', no name)" },
  template: { zh: "模板：{name}", en: "Template: {name}" },
  templateForced: { zh: "模板：{name}（按配置指定）", en: "Template: {name} (set by the configuration)" },
  configTitle: {
    zh: "工作簿中的检查配置有误，本次按默认配置检查：",
    en: "The workbook's check configuration is invalid; this check used the defaults:",
  },
  // The selected finding's working
  sumItem: { zh: "项目", en: "Item" },
  sumAmount: { zh: "金额", en: "Amount" },
  sumItemsTotal: { zh: "各项合计", en: "Sum of items" },
  sumCaption: { zh: "计算过程（单位：{unit}）", en: "Working (unit: {unit})" },
  detail: { zh: "详情", en: "Details" },
  hideDetail: { zh: "收起详情", en: "Hide details" },
  howToFix: { zh: "怎么改", en: "How to fix" },
  howToFixLabel: {
    zh: "怎么改：规则 {rule} 的说明（新窗口）",
    en: "How to fix: help for rule {rule} (new window)",
  },
  findingLabel: { zh: "{severity}，{cell}：{message}", en: "{severity}, {cell}: {message}" },
  listHint: {
    zh: "用上下方向键浏览问题，按 Enter 定位到单元格。",
    en: "Use the arrow keys to move through the findings; Enter goes to the cell.",
  },
} as const;
