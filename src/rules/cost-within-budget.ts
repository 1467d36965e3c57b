import Decimal from "decimal.js";
import { quantitiesOf, type Quantity } from "../engine/value-grammar";
import type { CellRef, Indicator, IndicatorValue, ProjectForm } from "../engine/model";
import { formatAmount, notAbove, type Figure } from "../engine/numbers";
import { normalizeText } from "../engine/text";
import { allowanceUnder, tolerancePolicy } from "./options";
import { itemAt } from "./template-sums";
import { defineRule } from "./types";
import { figure, money, projects } from "./util";

const MAGNITUDE: Record<NonNullable<Quantity["magnitude"]>, number> = { 千: 1000, 万: 10000, 亿: 100000000 };

/** The economic cost of the project: 经济成本指标, the older tree's 成本指标, or a 成本指标 row whose 二级 is unreadable. */
function isEconomicCost(ind: Indicator): boolean {
  if (ind.level2 === "经济成本指标" || ind.level2 === "成本指标") return true;
  return ind.level1 === "成本指标" && ind.level2 === null;
}

/** The amounts in 元 with no per-unit denominator (`≤4832039元`, `≤60万元`, `该两人全年经费合计160077.00元。`) as figures. */
function totals(v: IndicatorValue): { q: Quantity; figure: Figure }[] {
  return quantitiesOf(v.parsed)
    .filter((q) => q.unit?.text === "元")
    .map((q) => ({
      q,
      figure: {
        value: new Decimal(q.written),
        decimals: q.decimals,
        scale: q.magnitude ? MAGNITUDE[q.magnitude] : 1,
      },
    }));
}

/** The year span is one year: then the 实施周期 value is an annual figure too. */
function singleYear(p: ProjectForm): boolean {
  const s = p.startYear;
  const e = p.endYear;
  return (
    s?.status === "ok" &&
    e?.status === "ok" &&
    s.value !== null &&
    e.value !== null &&
    s.value.equals(e.value)
  );
}

interface Excess {
  value: IndicatorValue;
  amount: Decimal;
  diff: Decimal;
  allowance: Decimal;
}

/**
 * A cost indicator that states a total (an amount in 元 with no per-unit denominator) caps what the project
 * spends, so it cannot be above the project's 预算金额: in the seed six projects state the budget itself
 * (`≤4832039元`, `≤60万元`, `14955.23元` …) and all hold. Per-unit standards (`元/人/月`, `元/台`) are not
 * totals and are left to cost-rebuild. Tolerance as everywhere: `≤60万元` stands for [595,000, 605,000] 元.
 * The 年度指标值 is checked always; the 实施周期指标值 only for a one-year project, since over several
 * years the period total may rightly exceed one year's budget.
 */
export default defineRule({
  meta: {
    id: "cost-within-budget",
    category: "amounts",
    severity: "error",
    description: {
      zh: "成本指标中的总额（单位为元、没有「/人」「/台」等分母的金额）不应超过项目预算金额（按填报精度容差）。",
      en: "A total stated in a cost indicator (an amount in yuan with no per-unit denominator) must not exceed the project's budget, within rounding.",
    },
    messages: {
      "column-annual": { zh: "年度指标值", en: "annual value" },
      "column-period": { zh: "实施周期指标值", en: "period value" },
      above: {
        zh: "成本指标「{name}」的{column}「{value}」即 {amount} 元，超过本项目预算金额 {budget} 元：相差 {diff} 元，容差 {allowance} 元。",
        en: "The cost indicator {name} states '{value}' ({column}) = {amount} yuan, above the project budget of {budget} yuan: difference {diff}, allowance {allowance}.",
      },
    },
  },
  check(ctx) {
    for (const p of projects(ctx.model)) {
      const budgetCell = p.budget;
      const budget = figure(budgetCell);
      if (!budgetCell || !budget || budget.value.lt(0)) continue; // blank or bad: amount's or required-field's finding
      const policy = tolerancePolicy(ctx.options.tolerance);
      const excess = (v: IndicatorValue): Excess | null => {
        let worst: Excess | null = null;
        for (const t of totals(v)) {
          const r = notAbove(t.figure, budget);
          const allowance = allowanceUnder(policy, r.allowance);
          if (r.diff.gt(allowance) && (worst === null || r.diff.gt(worst.diff))) {
            worst = { value: v, amount: t.q.value, diff: r.diff, allowance };
          }
        }
        return worst;
      };
      for (const ind of p.indicators) {
        if (!isEconomicCost(ind)) continue;
        const oneCell = sameCell(ind.period.ref, ind.annual.ref);
        const annual = excess(ind.annual);
        const period = oneCell || !singleYear(p) ? null : excess(ind.period);
        const at = annual ?? period;
        if (!at) continue;
        const related: CellRef[] = annual && period ? [ind.period.ref, budgetCell.ref] : [budgetCell.ref];
        const column = at === annual ? { messageId: "column-annual" } : { messageId: "column-period" };
        ctx.report({
          messageId: "above",
          ref: at.value.ref,
          related,
          args: {
            name: ind.name,
            column,
            value: normalizeText(at.value.raw),
            amount: money(at.amount),
            budget: money(budget.value, Math.max(2, budget.decimals)),
            diff: money(at.diff),
            allowance: formatAmount(at.allowance),
          },
          sum: {
            left: money(at.amount),
            right: money(budget.value, Math.max(2, budget.decimals)),
            diff: money(at.diff),
            allowance: formatAmount(at.allowance),
            unit: "元",
            items: [itemAt(at.value.ref, ind.nameRaw.trim() || ind.name, "三级指标", money(at.amount))],
            total: itemAt(
              budgetCell.ref,
              budgetLabel(p),
              "",
              money(budget.value, Math.max(2, budget.decimals)),
            ),
          },
        });
      }
    }
  },
});

/** The budget's label as the form prints it (预算金额(元), 年度资金总额 …). */
function budgetLabel(p: ProjectForm): string {
  return (
    p.budgetLabel?.text || p.fields?.find((f) => f.labelRef === p.budget?.labelRef)?.display || "预算金额"
  );
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}
