/**
 * Task-pane words that src/app/messages.ts does not have, in the same {zh, en} shape (zh first).
 * Format them with `ui()` from src/app/messages.ts.
 */
export const PANE = {
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
  groupCount: { zh: "{count} 个问题", en: "{count} finding(s)" },
} as const;
