/** One-click fixes (issue 13): the 修正 button and preview of a finding, 全部安全修正 in the toolbar. */
export const fixes = {
  fix: { zh: "修正", en: "Fix" },
  fixFor: { zh: "修正 {cell}", en: "Fix {cell}" },
  preview: { zh: "修正预览", en: "Fix preview" },
  safe: { zh: "安全修正", en: "Safe fix" },
  suggestion: { zh: "建议", en: "Suggestion" },
  cell: { zh: "单元格", en: "Cell" },
  before: { zh: "修改前", en: "Before" },
  after: { zh: "修改后", en: "After" },
  blank: { zh: "（空）", en: "(blank)" },
  apply: { zh: "应用", en: "Apply" },
  fixAll: { zh: "全部安全修正（{count}）", en: "All safe fixes ({count})" },
  confirmAll: {
    zh: "将应用 {count} 处安全修正，修改以下 {cells} 个单元格：",
    en: "{count} safe fixes will change these {cells} cells:",
  },
  applyAll: { zh: "全部应用", en: "Apply all" },
  applied: { zh: "已修正 {cells} 个单元格。", en: "Fixed {cells} cell(s)." },
  conflicts: {
    zh: "另有 {count} 处修正与其涉及同一单元格，请重新检查后再应用。",
    en: "{count} more fix(es) edit the same cells; apply them after this check.",
  },
  refusedChanged: {
    zh: "单元格 {cells} 在检查后已被修改，未作任何修改；已重新检查，请再看预览。",
    en: "{cells} changed since the check; nothing was written. Checked again: review the preview again.",
  },
  refusedFormula: {
    zh: "单元格 {cells} 含有公式，不能自动修正，未作任何修改。",
    en: "{cells} holds a formula and cannot be fixed automatically; nothing was written.",
  },
  refusedProtected: {
    zh: "单元格 {cells} 所在工作表受保护，未作任何修改。",
    en: "The sheet of {cells} is protected; nothing was written.",
  },
  refusedMissing: {
    zh: "找不到单元格 {cells} 所在的工作表，未作任何修改。",
    en: "The sheet of {cells} is gone; nothing was written.",
  },
  failed: { zh: "修正未完成：{reason}", en: "The fix did not complete: {reason}" },
  checkAfterFailed: { zh: "{done}{check}", en: "{done} {check}" },
} as const;
