import type { CellRef, Form, Indicator, Level2Slot } from "../engine/model";
import {
  LEVEL2_PARENTS,
  REQUIRED_LEVEL1,
  REQUIRED_LEVEL2,
  level2Display,
  type Level1,
  type Level2,
} from "../engine/vocabulary";
import { isPlaceholderRow } from "../engine/placeholder";
import { defineRule } from "./types";

/** A group of the tree that must hold at least one 三级 indicator. */
type Group = { kind: "level2"; level2: Level2 } | { kind: "level1"; level1: Level1 };

function groupName(g: Group): string {
  return g.kind === "level2" ? level2Display(g.level2) : g.level1;
}

function requiredGroups(form: Form): Group[] {
  if (form.treeRequired !== undefined) {
    // The form's own tree (template profile); null: the tree demands nothing (发改 tree, flat list).
    if (form.treeRequired === null) return [];
    return [
      ...form.treeRequired.level2.map((l2): Group => ({ kind: "level2", level2: l2 })),
      ...form.treeRequired.level1.map((l1): Group => ({ kind: "level1", level1: l1 })),
    ];
  }
  // The older tree (成本指标 as a 二级 under 产出指标) has no 经济成本指标: its 成本指标 takes the place.
  const level2 = REQUIRED_LEVEL2.map((l2): Level2 =>
    form.olderTree && l2 === "经济成本指标" ? "成本指标" : l2,
  );
  return [
    ...level2.map((l2): Group => ({ kind: "level2", level2: l2 })),
    ...REQUIRED_LEVEL1.map((l1): Group => ({ kind: "level1", level1: l1 })),
  ];
}

function underLevel1(level1: Level1 | null, level2: Level2 | null, target: Level1): boolean {
  if (level1 !== null) return level1 === target;
  return level2 !== null && LEVEL2_PARENTS[level2].includes(target);
}

function inGroup(ind: Indicator, g: Group): boolean {
  return g.kind === "level2" ? ind.level2 === g.level2 : underLevel1(ind.level1, ind.level2, g.level1);
}

function slotsOf(form: Form, g: Group): Level2Slot[] {
  return form.slots.filter((s) =>
    g.kind === "level2" ? s.level2 === g.level2 : underLevel1(s.level1, s.level2, g.level1),
  );
}

function unclassifiedUnderParent(indicators: Indicator[], g: Group): boolean {
  if (g.kind !== "level2") return false;
  const parents = LEVEL2_PARENTS[g.level2];
  return indicators.some((i) => i.level2 === null && i.level1 !== null && parents.includes(i.level1));
}

/**
 * Could the group's indicators hide behind a label the structure rules already report? Then an
 * empty group is a consequence of that finding, not a second fault.
 */
function hiddenByStructure(form: Form, g: Group): boolean {
  const orphans = form.indicators.some((i) => i.level2 === null && !isPlaceholderRow(i));
  if (!orphans) return false;
  return form.structureIssues.some((issue) => {
    if (issue.kind === "unknown-level1") return true;
    if (issue.kind !== "unknown-level2") return false;
    const under = String(issue.args.level1 ?? "");
    if (under === "") return true;
    return g.kind === "level2" ? LEVEL2_PARENTS[g.level2].includes(under as Level1) : under === g.level1;
  });
}

/**
 * Every form needs at least one 三级 indicator under 经济成本指标, 数量指标, 质量指标 and 时效指标,
 * and at least one under 效益指标 and under 满意度指标 (the 一体化 systems enforce 产出 and 效益 as
 * 强制性审核; 101号 adds 成本 and 满意度). An indicator row counts even when its values are blank:
 * indicator-value reports those. A placeholder row (`无 | 无 | 无`) does not count.
 *
 * Reported at the empty 二级 row when the form has it, else once at the table header, listing every
 * group that has no row at all. Only a warning where the parent 一级 holds indicators with no 二级
 * label (the group's indicators may be among them). Silent where the group may hide behind a label
 * unknown-level1 / level2-parent report, and on a form without an indicator table (missing-section).
 */
export default defineRule({
  meta: {
    id: "required-indicators",
    category: "required",
    severity: "error",
    description: {
      zh: "经济成本指标、数量指标、质量指标、时效指标下各至少一个三级指标，效益指标和满意度指标下各至少一个三级指标。",
      en: "At least one 三级 indicator under each of 经济成本指标, 数量指标, 质量指标 and 时效指标, and at least one under 效益指标 and under 满意度指标.",
    },
    messages: {
      "empty-level2": {
        zh: "「{group}」下没有填报三级指标：此项至少需要一个三级指标。",
        en: "No 三级 indicator under {group}: at least one is required.",
      },
      "empty-level1": {
        zh: "「{group}」下没有任何三级指标（{slots}均为空）：至少需要一个三级指标。",
        en: "No 三级 indicator anywhere under {group} ({slots} all empty): at least one is required.",
      },
      "missing-groups": {
        zh: "绩效指标表中没有以下指标的行，也没有其三级指标：{groups}。每项至少需要一个三级指标。",
        en: "The indicator table has no rows for {groups}, and no 三级 indicator under them. Each needs at least one.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      if (!form.indicatorHeader) continue;
      const indicators = form.indicators.filter((i) => !isPlaceholderRow(i));
      const noRows: { group: Group; severity: "warning" | undefined }[] = [];
      for (const g of requiredGroups(form)) {
        if (indicators.some((i) => inGroup(i, g))) continue;
        if (hiddenByStructure(form, g)) continue;
        const slots = slotsOf(form, g);
        // Indicators under the parent 一级 with no 二级 label may well be this group's: warn only.
        const severity = unclassifiedUnderParent(indicators, g) ? "warning" : undefined;
        if (slots.length === 0) {
          noRows.push({ group: g, severity });
          continue;
        }
        const related: CellRef[] = slots.slice(1).map((s) => s.ref);
        if (g.kind === "level2") {
          ctx.report({
            messageId: "empty-level2",
            ref: slots[0].ref,
            related,
            severity,
            args: { group: groupName(g) },
          });
        } else {
          const names = [...new Set(slots.map((s) => level2Display(s.level2)))];
          ctx.report({
            messageId: "empty-level1",
            ref: slots[0].ref,
            related,
            args: {
              group: g.level1,
              slots: { list: names },
            },
          });
        }
      }
      if (noRows.length > 0) {
        const names = noRows.map((n) => groupName(n.group));
        ctx.report({
          messageId: "missing-groups",
          ref: form.indicatorHeader,
          severity: noRows.every((n) => n.severity === "warning") ? "warning" : undefined,
          args: { groups: { list: names } },
        });
      }
    }
  },
});
