import type { CellRef, NumberField, ProjectForm } from "../engine/model";
import { numberSetting } from "./options";
import { defineRule } from "./types";
import { departments, projects } from "./util";

/** 到期年度 2099 (or later) is the 一体化 convention for 经常性/长期 projects: open-ended. */
const OPEN_ENDED = 2099;

/** A year the rule can use: a whole four-digit number. Anything else is count-year's business. */
function yearOf(f: NumberField | undefined): number | null {
  if (!f || f.status !== "ok" || !f.value || !f.value.isInteger()) return null;
  const y = f.value.toNumber();
  return y >= 1900 && y <= 9999 ? y : null;
}

interface Candidate {
  year: number;
  ref: CellRef;
}

/**
 * The budget years the project may mean: its 预算金额 label (`2026年预算金额(元)`), its 年度目标 label,
 * else the department form's year (when all department forms agree on one).
 */
function budgetYears(p: ProjectForm, deptYear: Candidate | null): Candidate[] {
  const own: Candidate[] = [];
  if (p.budgetLabel?.year) own.push({ year: p.budgetLabel.year, ref: p.budgetLabel.ref });
  if (p.annualGoalLabel?.year) own.push({ year: p.annualGoalLabel.year, ref: p.annualGoalLabel.ref });
  return deptYear ? [...own, deptYear] : own;
}

/**
 * 起始年度 must not be after 到期年度, and the budget year must lie in [起始, 到期]: a project that has
 * not started or has ended gets no budget for that year. Where the labels and the department form
 * name different years (budget-year warns about that), the range is only an error when every one
 * of those years falls outside it. Only readable four-digit years are compared.
 */
export default defineRule({
  meta: {
    id: "period-years",
    category: "consistency",
    severity: "error",
    description: {
      zh: "起始年度不得晚于到期年度；预算年度须在实施周期（起始年度至到期年度）之内。",
      en: "起始年度 must not be after 到期年度, and the budget year must lie within the implementation period.",
    },
    messages: {
      "start-after-end": {
        zh: "起始年度 {start} 晚于到期年度 {end}。",
        en: "起始年度 {start} is after 到期年度 {end}.",
      },
      "before-start": {
        zh: "预算年度 {year} 早于起始年度 {start}：项目尚未开始，不应安排 {year} 年预算（实施周期 {start}—{end}）。",
        en: "The budget year {year} is before 起始年度 {start}: the project has not started, so it has no {year} budget (period {start}–{end}).",
      },
      "after-end": {
        zh: "预算年度 {year} 晚于到期年度 {end}：项目已到期，不应安排 {year} 年预算（实施周期 {start}—{end}）。",
        en: "The budget year {year} is after 到期年度 {end}: the project has ended, so it has no {year} budget (period {start}–{end}).",
      },
    },
    options: {
      openEnded: {
        type: "integer",
        default: OPEN_ENDED,
        min: 1000,
        max: 9999,
        description: {
          zh: "到期年度等于或晚于此年份的项目视为长期项目（无到期年度），预算年度不与之比较。",
          en: "A 到期年度 at or after this year marks an open-ended project: the budget year is not compared with it.",
        },
      },
    },
  },
  check(ctx) {
    const openEnded = numberSetting(ctx, "openEnded") ?? OPEN_ENDED;
    const deptYears = departments(ctx.model).filter((d) => d.year !== null && d.yearRef !== null);
    const agreed = deptYears.length > 0 && deptYears.every((d) => d.year === deptYears[0].year);
    const deptYear = agreed ? { year: deptYears[0].year!, ref: deptYears[0].yearRef! } : null;

    for (const p of projects(ctx.model)) {
      const start = yearOf(p.startYear);
      const end = yearOf(p.endYear);
      if (start === null || end === null || !p.startYear || !p.endYear) continue;
      if (start > end) {
        ctx.report({
          messageId: "start-after-end",
          ref: p.startYear.ref,
          related: [p.endYear.ref],
          args: { start, end },
        });
        continue;
      }
      const years = budgetYears(p, deptYear);
      if (years.length === 0) continue;
      const outside = (y: number) => y < start || (end < openEnded && y > end);
      if (!years.every((y) => outside(y.year))) continue;
      const [first] = years;
      const args = { year: first.year, start, end };
      if (first.year < start) {
        ctx.report({ messageId: "before-start", ref: p.startYear.ref, related: [first.ref], args });
      } else {
        ctx.report({ messageId: "after-end", ref: p.endYear.ref, related: [first.ref], args });
      }
    }
  },
});
