import { toA1 } from "../engine/address";
import type { CellRef } from "../engine/model";
import { defineRule } from "./types";

/**
 * A row of the template the reader could not find (预算整体情况, 财政供养人员数, 项目类型, 起始年度 …),
 * or no 绩效指标 table at all. The fields' own rules stay silent on what is missing; this rule says
 * it once. The reader places every missing row of a block at the same cell (the form's or the
 * block's first cell), so they are reported together, one finding per cell.
 */
export default defineRule({
  meta: {
    id: "missing-section",
    category: "template",
    severity: "error",
    description: {
      zh: "表中缺少模板规定的栏目或整张「绩效指标」表。",
      en: "A row of the template, or the whole 绩效指标 table, is missing from the form.",
    },
    messages: {
      "missing-section": {
        zh: "「{form}」中找不到{count}个模板栏目：{sections}。请按模板补上。",
        en: "{form}: {count} template row(s) not found: {sections}. Add them as in the template.",
      },
      "no-indicator-table": {
        zh: "「{form}」中找不到「绩效指标」表（表头应为 {header}）。",
        en: "{form}: no 绩效指标 table found (its header reads {header}).",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      const byCell = new Map<string, { ref: CellRef; sections: string[] }>();
      for (const issue of form.structureIssues) {
        if (issue.kind === "no-indicator-table") {
          // The header of the form's own template (its profile's data, or the Dongguan layout's).
          const header = String(issue.args.header ?? "");
          ctx.report({
            messageId: "no-indicator-table",
            ref: issue.ref,
            args: { form: form.displayName, header: { list: header.split("、") } },
          });
        } else if (issue.kind === "missing-section") {
          const key = toA1(issue.ref.row, issue.ref.col);
          const entry = byCell.get(key) ?? { ref: issue.ref, sections: [] };
          const section = String(issue.args.section ?? "");
          if (section && !entry.sections.includes(section)) entry.sections.push(section);
          byCell.set(key, entry);
        }
      }
      for (const { ref, sections } of byCell.values()) {
        ctx.report({
          messageId: "missing-section",
          ref,
          args: {
            form: form.displayName,
            count: sections.length,
            sections: { list: sections },
          },
        });
      }
    }
  },
});
