import { evaluateSum, sumReport } from "./template-sums";
import { defineRule } from "./types";

/**
 * The sums a form's template implies, from its profile as data: 年度资金总额 = 其中：财政拨款 + 其他资金
 * (and the 中期 half), 本年度预计投入 = 中央 + 省级 + 市级 + 本级 + 其他, 项目总投资 = 中央补助安排 +
 * 省级财政安排 + 其他资金, a cost table against its 合计. Each figure stands for the interval its shown
 * decimals allow (50.00 万元 is [49.995, 50.005]); a blank part counts as 0. Reported on the total, with
 * every item and its label. Silent when the total is blank or a part is not a number (required-field's or
 * amount's finding). The Dongguan forms' sums are project-sum's, dept-balance's and development-split's.
 */
export default defineRule({
  meta: {
    id: "budget-sum",
    category: "amounts",
    severity: "error",
    description: {
      zh: "模板规定的金额合计关系（如 年度资金总额 = 其中：财政拨款 + 其他资金）应成立（按填报精度容差）。",
      en: "The sums the template implies (e.g. 年度资金总额 = 其中：财政拨款 + 其他资金) must hold, within rounding.",
    },
    messages: {
      "unit-wan": { zh: "万元", en: "10k yuan" },
      "unit-yuan": { zh: "元", en: "yuan" },
      mismatch: {
        zh: "「{total}」为 {totalAmount} {unit}，而{parts} = {partsAmount} {unit}：相差 {diff} {unit}，容差 {allowance} {unit}。",
        en: "{total} is {totalAmount} {unit}, but {parts} = {partsAmount} {unit}: difference {diff} {unit}, allowance {allowance} {unit}.",
      },
      above: {
        zh: "{parts} = {partsAmount} {unit}，超过「{total}」{totalAmount} {unit}：相差 {diff} {unit}，容差 {allowance} {unit}。",
        en: "{parts} = {partsAmount} {unit}, above {total} ({totalAmount} {unit}): difference {diff} {unit}, allowance {allowance} {unit}.",
      },
      mismatchColumn: {
        zh: "「{column}」一栏：「{total}」为 {totalAmount} {unit}，而{parts} = {partsAmount} {unit}：相差 {diff} {unit}，容差 {allowance} {unit}。",
        en: "Column {column}: {total} is {totalAmount} {unit}, but {parts} = {partsAmount} {unit}: difference {diff} {unit}, allowance {allowance} {unit}.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const sum of form.sums ?? []) {
        if (sum.rule !== "budget-sum") continue;
        const o = evaluateSum(sum, ctx.options);
        if (!o) continue;
        const messageId = sum.atMost ? "above" : sum.total.field ? "mismatchColumn" : "mismatch";
        ctx.report(sumReport(sum, o, messageId));
      }
    }
  },
});
