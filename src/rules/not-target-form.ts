import { defineRule } from "./types";

/**
 * A 绩效自评表 (年初预算数 / 全年执行数 / 执行率 / 实际完成值 / 得分) or a 绩效评价报告 is not a
 * performance-target declaration: the reader recognises it by its template profile and does not read
 * it as a target form. Said once per form, as information, so the user knows why nothing was checked.
 */
export default defineRule({
  meta: {
    id: "not-target-form",
    category: "template",
    severity: "info",
    description: {
      zh: "绩效自评表、绩效评价报告不是绩效目标申报表，识别后不作检查。",
      en: "A self-assessment or an evaluation report is not a target declaration: recognised, not checked.",
    },
    messages: {
      "self-assessment": {
        zh: "这是绩效自评表，不是绩效目标申报表，未检查。",
        en: "This is a performance self-assessment, not a target declaration; it was not checked.",
      },
      "evaluation-report": {
        zh: "这是绩效评价报告，不是绩效目标申报表，未检查。",
        en: "This is a performance evaluation report, not a target declaration; it was not checked.",
      },
    },
  },
  check(ctx) {
    for (const n of ctx.model.notTargets ?? []) ctx.report({ messageId: n.kind, ref: n.ref });
  },
});
