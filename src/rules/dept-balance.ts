import Decimal from "decimal.js";
import type { NumberField } from "../engine/model";
import { formatAmount, halfUlp, inBase, type Figure } from "../engine/numbers";
import { DEPARTMENT_LABELS as D } from "../engine/template";
import { allowanceUnder, tolerancePolicy } from "./options";
import { evaluateSum, itemAt, sumReport } from "./template-sums";
import { defineRule } from "./types";
import { departments, figure } from "./util";

/** A term of the balance, or null when blank, unreadable or negative (amount's finding, not ours). */
function term(f: NumberField | undefined): Figure | null {
  const fig = figure(f);
  return fig && fig.value.gte(0) ? fig : null;
}

/**
 * The department's budget must balance: what it spends (基本支出 + 项目支出) is what it receives
 * (财政拨款 + 其他资金), in 万元. Each figure stands for the interval its decimals allow (973.20 means
 * [973.195, 973.205]), so the two sides are consistent when |Σ spend − Σ income| is within the sum of
 * the four half-units; the seed's 973.20 + 699.34 = 1,672.54 + 0.00 holds exactly. Silent when a term
 * is blank or unreadable: that is required-field's or amount's finding.
 */
export default defineRule({
  meta: {
    id: "dept-balance",
    category: "amounts",
    severity: "error",
    description: {
      zh: "部门整体表收支应平衡：基本支出 + 项目支出 = 财政拨款 + 其他资金（万元，按填报精度容差）。",
      en: "The department budget must balance: 基本支出 + 项目支出 = 财政拨款 + 其他资金 (10k yuan, within rounding).",
    },
    messages: {
      "unit-wan": { zh: "万元", en: "10k yuan" },
      "unit-yuan": { zh: "元", en: "yuan" },
      unbalanced: {
        zh: "收支不平衡：基本支出 + 项目支出 = {spending} 万元，财政拨款 + 其他资金 = {income} 万元，相差 {diff} 万元，容差 {allowance} 万元。",
        en: "The budget does not balance: 基本支出 + 项目支出 = {spending} but 财政拨款 + 其他资金 = {income} (10k yuan): difference {diff}, allowance {allowance}.",
      },
      total: {
        zh: "收支不平衡：「{total}」为 {totalAmount} {unit}，而{parts} = {partsAmount} {unit}：相差 {diff} {unit}，容差 {allowance} {unit}。",
        en: "The budget does not balance: {total} is {totalAmount} {unit}, but {parts} = {partsAmount} {unit}: difference {diff} {unit}, allowance {allowance} {unit}.",
      },
      totalColumn: {
        zh: "收支不平衡（「{column}」一栏）：「{total}」为 {totalAmount} {unit}，而{parts} = {partsAmount} {unit}：相差 {diff} {unit}，容差 {allowance} {unit}。",
        en: "The budget does not balance (column {column}): {total} is {totalAmount} {unit}, but {parts} = {partsAmount} {unit}: difference {diff} {unit}, allowance {allowance} {unit}.",
      },
    },
  },
  check(ctx) {
    for (const d of departments(ctx.model)) {
      const { basic, project, fiscal, other } = d.budget;
      const figures = [basic, project, fiscal, other].map(term);
      if (!basic || !project || !fiscal || !other || figures.some((f) => f === null)) continue;
      const terms = figures as Figure[];
      const [b, p, f, o] = terms;
      const spending = inBase(b).plus(inBase(p));
      const income = inBase(f).plus(inBase(o));
      const diff = spending.minus(income);
      const interval = terms.reduce((sum, x) => sum.plus(halfUlp(x)), new Decimal(0));
      const allowance = allowanceUnder(tolerancePolicy(ctx.options.tolerance), interval, 10000); // 万元
      if (diff.abs().lte(allowance)) continue;
      const decimals = Math.max(2, ...terms.map((x) => x.decimals));
      ctx.report({
        messageId: "unbalanced",
        ref: fiscal.ref,
        related: [basic.ref, project.ref, other.ref],
        args: {
          spending: formatAmount(spending, decimals),
          income: formatAmount(income, decimals),
          diff: formatAmount(diff.abs(), decimals),
          allowance: formatAmount(allowance),
        },
        sum: {
          left: formatAmount(spending, decimals),
          right: formatAmount(income, decimals),
          diff: formatAmount(diff.abs(), decimals),
          allowance: formatAmount(allowance),
          unit: "万元",
          items: [
            itemAt(basic.ref, D.budget.basic.display, "", formatAmount(inBase(b), decimals)),
            itemAt(project.ref, D.budget.project.display, "", formatAmount(inBase(p), decimals)),
          ],
        },
      });
    }
    // Forms read by a template profile: the income and spending sums its profile assigns to this rule
    // (资金总额 = 按收入性质分 … = 按支出性质分 …; 收入构成 and 支出构成 against their 合计).
    for (const form of ctx.model.forms) {
      for (const sum of form.sums ?? []) {
        if (sum.rule !== "dept-balance") continue;
        const o = evaluateSum(sum, ctx.options);
        if (!o) continue;
        ctx.report(sumReport(sum, o, sum.total.field ? "totalColumn" : "total"));
      }
    }
  },
});
