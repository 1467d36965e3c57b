import type { YearLabel } from "../engine/model";
import { defineRule } from "./types";
import { departments, projects } from "./util";

/**
 * A project label carries the budget year (`2026年预算金额(元)`, `2026年度目标`). It should be the
 * department form's year (`(2026年)`), and the two labels of one project should agree: a form
 * copied from last year's declaration often keeps last year's label. A warning: the label may be
 * stale while the figures are right.
 *
 * Compared with the department only when the workbook has department forms that agree on one year.
 * Two labels of a project are compared with each other only when there is no such year (otherwise
 * each label that differs from it is reported against it, once).
 */
export default defineRule({
  meta: {
    id: "budget-year",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "项目表标签中的年度（如「2026年预算金额(元)」「2026年度目标」）应与部门整体表的年度一致。",
      en: "The year in a project's labels (2026年预算金额(元), 2026年度目标) should be the department form's year.",
    },
    messages: {
      "label-vs-department": {
        zh: "「{label}」中的年度 {labelYear} 与部门整体表的年度 {year} 不一致（项目「{project}」）。",
        en: "The year {labelYear} in '{label}' differs from the department form's year {year} (project {project}).",
      },
      "labels-disagree": {
        zh: "项目「{project}」的两个年度标签不一致：「{label}」为 {labelYear} 年，「{otherLabel}」为 {otherYear} 年。",
        en: "The year labels of project {project} disagree: '{label}' says {labelYear}, '{otherLabel}' says {otherYear}.",
      },
    },
  },
  check(ctx) {
    const deptYears = departments(ctx.model).filter((d) => d.year !== null && d.yearRef !== null);
    const agreed = deptYears.length > 0 && deptYears.every((d) => d.year === deptYears[0].year);
    const dept = agreed ? deptYears[0] : null;

    for (const p of projects(ctx.model)) {
      const labels = [p.budgetLabel, p.annualGoalLabel].filter(
        (l): l is YearLabel & { year: number } => l !== undefined && l.year !== null,
      );
      if (dept) {
        for (const l of labels) {
          if (l.year === dept.year) continue;
          ctx.report({
            messageId: "label-vs-department",
            ref: l.ref,
            related: [dept.yearRef!],
            args: { label: l.text, labelYear: l.year, year: dept.year!, project: p.displayName },
          });
        }
      } else if (labels.length === 2 && labels[0].year !== labels[1].year) {
        const [budget, goal] = labels;
        ctx.report({
          messageId: "labels-disagree",
          ref: goal.ref,
          related: [budget.ref],
          args: {
            project: p.displayName,
            label: goal.text,
            labelYear: goal.year,
            otherLabel: budget.text,
            otherYear: budget.year,
          },
        });
      }
    }
  },
});
