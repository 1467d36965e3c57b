import type { CellRef, Form, StructureIssue } from "../engine/model";
import { LEVEL2_PARENTS, level2Display, matchLevel1, type Level1, type Level2 } from "../engine/vocabulary";
import { cellFix, fixList, likelyMeant } from "./fixes";
import { defineRule, type Fix, type MessageArg } from "./types";

const ALL_LEVEL2 = Object.keys(LEVEL2_PARENTS) as Level2[];

/** The 二级 labels a 一级 accepts (both trees), as the template prints them. */
function allowedUnder(level1: Level1 | null): MessageArg {
  const list = ALL_LEVEL2.filter((l2) => level1 === null || LEVEL2_PARENTS[l2].includes(level1));
  return { list: list.map(level2Display), quote: false };
}

/**
 * The 二级 label a typo most likely meant, among those its 一级 accepts (both spellings the template
 * uses: 社会效益 / 社会效益指标). Under 满意度指标 a satisfaction label has one possible 二级.
 */
function meantLabel(label: string, level1: Level1 | null): string | null {
  const allowed = ALL_LEVEL2.filter((l2) => level1 === null || LEVEL2_PARENTS[l2].includes(level1));
  if (level1 === "满意度指标" && label.includes("满意")) return level2Display("服务对象满意度指标");
  const candidates = allowed.flatMap((l2) =>
    [...new Set([l2, level2Display(l2)])].map((text) => ({ text, means: l2 })),
  );
  return likelyMeant(label, candidates);
}

/** The suggestion replacing the label by the one meant, where the cell holds the label as read. */
function typoFix(issue: StructureIssue, label: string, level1: Level1 | null): Fix[] {
  const meant = meantLabel(label, level1);
  if (!meant || issue.raw === undefined || issue.raw.trim() !== label) return [];
  return fixList(cellFix("suggestion", "fixLabel", issue.ref, issue.raw, meant, { label: meant }));
}

/** The 一级 label cell of the group a 二级 issue sits in, when an indicator row tells us. */
function level1RefOf(form: Form, issue: StructureIssue): CellRef | null {
  const ind = form.indicators.find(
    (i) => i.level2Ref && i.level2Ref.row === issue.ref.row && i.level2Ref.col === issue.ref.col,
  );
  return ind?.level1Ref ?? null;
}

/**
 * A 二级 label the tree does not know, or one under the wrong 一级 (质量指标 under 效益指标).
 * Both trees are accepted (成本指标 under 产出指标, 可持续影响 under 效益指标). The message lists the
 * 二级 the 一级 accepts, and says that a 三级 name typed in the 二级 column belongs one column right.
 *
 * 满意度指标 has a single 二级, so a differently worded satisfaction label there (群众满意度,
 * 满意度指标) is unambiguous: a warning, not an error.
 */
export default defineRule({
  meta: {
    id: "level2-parent",
    category: "indicators",
    severity: "error",
    description: {
      zh: "二级指标须是指标体系中的名称，并位于其所属的一级指标下。",
      en: "A 二级 label must belong to the indicator framework and sit under its own 一级.",
    },
    messages: {
      "unknown-level2": {
        zh: "「{label}」不是规定的二级指标（{level1}下可填：{allowed}）。若它是三级指标名称，请移到「三级指标」列。",
        en: "'{label}' is not a 二级 indicator of the framework (allowed under {level1}: {allowed}). If it is a 三级 name, move it to the 三级指标 column.",
      },
      fixLabel: { zh: "改为「{label}」", en: "Change it to '{label}'" },
      "level2-wrong-parent": {
        zh: "二级指标「{label}」应位于「{expected}」下，却填在「{level1}」下。",
        en: "The 二级 indicator '{label}' belongs under {expected} but sits under {level1}.",
      },
      "level1-named": { zh: "「{name}」", en: "{name}" },
      "level1-unnamed": { zh: "所在一级指标", en: "its 一级" },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const issue of form.structureIssues) {
        const label = String(issue.args.label ?? "");
        const level1Text = String(issue.args.level1 ?? "");
        const l1 = level1Text ? matchLevel1(level1Text) : null;
        const l1Ref = level1RefOf(form, issue);
        const related = l1Ref && (l1Ref.row !== issue.ref.row || l1Ref.col !== issue.ref.col) ? [l1Ref] : [];
        if (issue.kind === "unknown-level2") {
          const satisfaction = l1 === "满意度指标" && label.includes("满意");
          ctx.report({
            messageId: "unknown-level2",
            ref: issue.ref,
            related,
            severity: satisfaction ? "warning" : undefined,
            args: {
              label,
              level1: l1
                ? { messageId: "level1-named", args: { name: l1 } }
                : { messageId: "level1-unnamed" },
              allowed: allowedUnder(l1),
            },
            fixes: typoFix(issue, label, l1),
          });
        } else if (issue.kind === "level2-wrong-parent") {
          ctx.report({
            messageId: "level2-wrong-parent",
            ref: issue.ref,
            related,
            args: { label, level1: level1Text, expected: String(issue.args.expected ?? "") },
          });
        }
      }
    }
  },
});
