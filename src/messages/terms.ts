/**
 * Terms every namespace shares, defined once (zh-CN first): the severities' names, the kinds of form,
 * the reviewer's categories, the sum units and the list separator. The pane, the command line, the
 * report words and the report sheets refer to these by id (`terms.severity.error`).
 */
export const terms = {
  severity: {
    error: { zh: "错误", en: "error" },
    warning: { zh: "警告", en: "warning" },
    info: { zh: "提示", en: "info" },
  },
  formKind: {
    department: { zh: "部门整体预算绩效目标申报表", en: "Department form" },
    project: { zh: "项目绩效目标表", en: "Project form" },
    /** A finding that belongs to no form (the workbook as a whole). */
    workbook: { zh: "工作簿", en: "Workbook" },
  },
  /** The reviewer's categories (src/core/categories.ts has their order). */
  category: {
    required: { zh: "必填", en: "Required" },
    amounts: { zh: "金额勾稽", en: "Amounts" },
    indicators: { zh: "指标设置", en: "Indicators" },
    wording: { zh: "表述规范", en: "Wording" },
    consistency: { zh: "前后一致", en: "Consistency" },
    template: { zh: "表格结构", en: "Form layout" },
  },
  /** Sum units as data: the word each language uses (the rules give 元 / 万元). */
  unit: {
    元: { zh: "元", en: "yuan" },
    万元: { zh: "万元", en: "10k yuan" },
  },
  /** The one line of a check, a report or a report sheet without findings. */
  noFindings: { zh: "未发现问题。", en: "No problems found." },
  /** The button that closes a dialog or a preview without doing anything. */
  cancel: { zh: "取消", en: "Cancel" },
  /** Between the names of a list written in one line. */
  listSeparator: { zh: "、", en: ", " },
} as const;
