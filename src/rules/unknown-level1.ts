import { LEVEL1 } from "../engine/vocabulary";
import { normalizeLabel } from "../engine/text";
import { cellFix, fixList, likelyMeant } from "./fixes";
import { defineRule } from "./types";

/** Row labels of a total or weight row, not a 一级 label; nothing hangs under them. */
const TOTAL_ROW = /^(合计|小计|总计|权重合计)$/;

/**
 * A label in the 一级指标 column that is none of the four 一级. The reader has already taken
 * shifted rows, 二级 labels and 三级 names typed into that column as layout notes (shifted-layout
 * reports them); what is left here is a label the tree cannot place, so the indicators below it
 * hang under no 一级 at all. A 合计 row (weights) is not a label and stays silent.
 */
export default defineRule({
  meta: {
    id: "unknown-level1",
    category: "indicators",
    severity: "error",
    description: {
      zh: "「一级指标」列只能填成本指标、产出指标、效益指标、满意度指标。",
      en: "The 一级指标 column accepts only 成本指标, 产出指标, 效益指标 and 满意度指标.",
    },
    messages: {
      "unknown-level1": {
        zh: "「{label}」不是规定的一级指标（应为{allowed}之一），其下的指标无法归类。",
        en: "'{label}' is not a 一级 indicator of the framework (expected one of {allowed}); the indicators below it cannot be placed.",
      },
      fixLabel: { zh: "改为「{label}」", en: "Change it to '{label}'" },
    },
  },
  check(ctx) {
    const allowed = { list: LEVEL1, quote: false } as const;
    for (const form of ctx.model.forms) {
      for (const issue of form.structureIssues) {
        if (issue.kind !== "unknown-level1") continue;
        const label = String(issue.args.label ?? "");
        if (TOTAL_ROW.test(normalizeLabel(label))) continue;
        // The 一级 a typo most likely meant (产出指示 → 产出指标): a suggestion, where the cell holds the label.
        const meant = likelyMeant(
          label,
          LEVEL1.map((l1) => ({ text: l1, means: l1 })),
        );
        const fixes =
          meant && issue.raw !== undefined && issue.raw.trim() === label
            ? fixList(cellFix("suggestion", "fixLabel", issue.ref, issue.raw, meant, { label: meant }))
            : [];
        ctx.report({ messageId: "unknown-level1", ref: issue.ref, args: { label, allowed }, fixes });
      }
    }
  },
});
