import { defineRule } from "./types";

/** A workbook (or sheet) checked without any recognisable form must say so, not pass silently. */
export default defineRule({
  meta: {
    id: "no-form",
    category: "template",
    severity: "warning",
    description: {
      zh: "工作簿中未找到部门整体预算绩效目标申报表或项目绩效目标表。",
      en: "No department or project performance-target form was found in the workbook.",
    },
    messages: {
      none: {
        zh: "未找到绩效目标表：没有「部门名称」或「项目名称」标签，工作簿未被检查。",
        en: "No performance-target form found: no 部门名称 or 项目名称 label; nothing was checked.",
      },
    },
  },
  check(ctx) {
    if (ctx.model.forms.length > 0) return;
    // A self-assessment or a form of an unknown template has its own finding.
    if ((ctx.model.notTargets?.length ?? 0) > 0 || (ctx.model.unrecognised?.length ?? 0) > 0) return;
    const sheet = ctx.model.sheetsWithoutForms[0];
    if (sheet === undefined) return;
    ctx.report({ messageId: "none", ref: { sheet, row: 0, col: 0 } });
  },
});
