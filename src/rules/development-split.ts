import Decimal from "decimal.js";
import type { NumberField } from "../engine/model";
import { formatAmount, halfUlp, inBase, type Figure } from "../engine/numbers";
import { DEPARTMENT_LABELS as D } from "../engine/template";
import { allowanceUnder, tolerancePolicy } from "./options";
import { itemAt } from "./template-sums";
import { defineRule } from "./types";
import { departments, figure } from "./util";

/** A term, or null when blank, unreadable or negative (required-field's or amount's finding). */
function term(f: NumberField | undefined): Figure | null {
  const fig = figure(f);
  return fig && fig.value.gte(0) ? fig : null;
}

function total(terms: Figure[]): Decimal {
  return terms.reduce((sum, x) => sum.plus(inBase(x)), new Decimal(0));
}

function allowanceOf(terms: Figure[]): Decimal {
  return terms.reduce((sum, x) => sum.plus(halfUlp(x)), new Decimal(0));
}

/**
 * The 事业发展性支出 block of the department form splits one amount two ways: by kind (财政专项资金 +
 * 其他事业发展性支出) and by budget level (市本级使用资金 + 拟用于对下转移支付资金); both splits must
 * add up to the same total. And development spending is project spending, so it cannot exceed 项目支出.
 * All in 万元, with the interval tolerance of the figures as shown. Each check is silent when one of its
 * terms is blank or unreadable (seed: 市本级使用资金 blank, so only the second check runs: 0.00 + 0.00 ≤
 * 699.34 holds).
 */
export default defineRule({
  meta: {
    id: "development-split",
    category: "amounts",
    severity: "error",
    description: {
      zh: "事业发展性支出：财政专项资金 + 其他事业发展性支出 = 市本级使用资金 + 拟用于对下转移支付资金，且不超过项目支出（万元，按填报精度容差）。",
      en: "Development spending: 财政专项资金 + 其他事业发展性支出 = 市本级使用资金 + 拟用于对下转移支付资金, and not above 项目支出 (10k yuan, within rounding).",
    },
    messages: {
      split: {
        zh: "事业发展性支出按类别与按预算级次的合计不一致：财政专项资金 + 其他事业发展性支出 = {development} 万元，市本级使用资金 + 拟用于对下转移支付资金 = {levels} 万元，相差 {diff} 万元，容差 {allowance} 万元。",
        en: "The development spending splits disagree: 财政专项资金 + 其他事业发展性支出 = {development} but 市本级使用资金 + 拟用于对下转移支付资金 = {levels} (10k yuan): difference {diff}, allowance {allowance}.",
      },
      aboveProject: {
        zh: "财政专项资金 + 其他事业发展性支出 = {development} 万元，超过「项目支出」{project} 万元：相差 {diff} 万元，容差 {allowance} 万元。",
        en: "财政专项资金 + 其他事业发展性支出 = {development}, above 项目支出 {project} (10k yuan): difference {diff}, allowance {allowance}.",
      },
    },
  },
  check(ctx) {
    const policy = tolerancePolicy(ctx.options.tolerance);
    for (const d of departments(ctx.model)) {
      const { special, otherDevelopment, cityLevel, transfer, project } = d.budget;
      const s = term(special);
      const o = term(otherDevelopment);
      if (!special || !otherDevelopment || !s || !o) continue;
      const development = total([s, o]);

      const c = term(cityLevel);
      const t = term(transfer);
      if (cityLevel && transfer && c && t) {
        const terms = [s, o, c, t];
        const levels = total([c, t]);
        const diff = development.minus(levels);
        const allowance = allowanceUnder(policy, allowanceOf(terms), 10000); // 万元
        if (diff.abs().gt(allowance)) {
          const decimals = Math.max(2, ...terms.map((x) => x.decimals));
          ctx.report({
            messageId: "split",
            ref: cityLevel.ref,
            related: [special.ref, otherDevelopment.ref, transfer.ref],
            args: {
              development: formatAmount(development, decimals),
              levels: formatAmount(levels, decimals),
              diff: formatAmount(diff.abs(), decimals),
              allowance: formatAmount(allowance),
            },
            sum: {
              left: formatAmount(development, decimals),
              right: formatAmount(levels, decimals),
              diff: formatAmount(diff.abs(), decimals),
              allowance: formatAmount(allowance),
              unit: "万元",
              items: [
                itemAt(special.ref, D.budget.special.display, "", formatAmount(inBase(s), decimals)),
                itemAt(
                  otherDevelopment.ref,
                  D.budget.otherDevelopment.display,
                  "",
                  formatAmount(inBase(o), decimals),
                ),
              ],
            },
          });
        }
      }

      const p = term(project);
      if (project && p) {
        const terms = [s, o, p];
        const diff = development.minus(inBase(p));
        const allowance = allowanceUnder(policy, allowanceOf(terms), 10000); // 万元
        if (diff.gt(allowance)) {
          const decimals = Math.max(2, ...terms.map((x) => x.decimals));
          ctx.report({
            messageId: "aboveProject",
            ref: special.ref,
            related: [otherDevelopment.ref, project.ref],
            args: {
              development: formatAmount(development, decimals),
              project: formatAmount(inBase(p), decimals),
              diff: formatAmount(diff, decimals),
              allowance: formatAmount(allowance),
            },
            sum: {
              left: formatAmount(development, decimals),
              right: formatAmount(inBase(p), decimals),
              diff: formatAmount(diff, decimals),
              allowance: formatAmount(allowance),
              unit: "万元",
              items: [
                itemAt(special.ref, D.budget.special.display, "", formatAmount(inBase(s), decimals)),
                itemAt(
                  otherDevelopment.ref,
                  D.budget.otherDevelopment.display,
                  "",
                  formatAmount(inBase(o), decimals),
                ),
              ],
              total: itemAt(project.ref, D.budget.project.display, "", formatAmount(inBase(p), decimals)),
            },
          });
        }
      }
    }
  },
});
