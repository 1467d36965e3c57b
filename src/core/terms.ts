/**
 * Terms every catalogue shares, defined once (zh-CN first): the severities' names and the kinds of
 * form. The pane, the command line, the report words and the report sheets refer to these.
 */
import type { Message, Severity } from "./types";

export const SEVERITY_LABEL: Readonly<Record<Severity, Message>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

export const FORM_KIND_LABEL = {
  department: { zh: "部门整体预算绩效目标申报表", en: "Department form" },
  project: { zh: "项目绩效目标表", en: "Project form" },
  /** A finding that belongs to no form (the workbook as a whole). */
  workbook: { zh: "工作簿", en: "Workbook" },
} as const satisfies Record<string, Message>;
