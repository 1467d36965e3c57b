import Decimal from "decimal.js";
import { formatAmount, halfUlp, inBase, type Figure } from "../engine/numbers";
import { allowanceUnder, tolerancePolicy } from "./options";
import { itemAt } from "./template-sums";
import { defineRule } from "./types";
import { departments, figure, money } from "./util";

/**
 * The 年度重点工作任务 are funded from project spending, so their planned funds (元) cannot add up to
 * more than 项目支出 (万元 × 10,000). Each figure stands for the interval its decimals allow: 699.34 万元
 * is at most 6,993,450 元. The seed's four tasks add up to 1,307,080 元, well within 6,993,400 元. Short
 * is normal (not every project is a key task). Silent when a task amount or 项目支出 is blank or unreadable.
 */
export default defineRule({
  meta: {
    id: "key-tasks-total",
    category: "amounts",
    severity: "error",
    description: {
      zh: "年度重点工作任务拟投入的资金（元）合计不应超过部门整体表「项目支出」（万元，按填报精度容差）。",
      en: "The key tasks' planned funds (yuan) must not add up to more than the department's 项目支出 (10k yuan), within rounding.",
    },
    messages: {
      above: {
        zh: "{count}项年度重点工作任务拟投入的资金合计 {sum} 元，超过「项目支出」{project} 万元（{projectYuan} 元）：相差 {diff} 元，容差 {allowance} 元。",
        en: "The {count} key tasks' planned funds add up to {sum} yuan, above 项目支出 {project} (10k yuan) = {projectYuan} yuan: difference {diff}, allowance {allowance}.",
      },
    },
  },
  check(ctx) {
    for (const d of departments(ctx.model)) {
      const project = d.budget.project;
      const total = figure(project, 10000);
      if (!project || !total || total.value.lt(0) || d.tasks.length === 0) continue;
      const items = d.tasks.map((t) => figure(t.amount));
      if (items.some((f) => f === null || f.value.lt(0))) continue; // the blank or bad amount is its own finding
      const terms = items as Figure[];
      const sum = terms.reduce((s, x) => s.plus(inBase(x)), new Decimal(0));
      const diff = sum.minus(inBase(total));
      const allowance = allowanceUnder(
        tolerancePolicy(ctx.options.tolerance),
        terms.reduce((s, x) => s.plus(halfUlp(x)), halfUlp(total)),
      );
      if (diff.lte(allowance)) continue;
      ctx.report({
        messageId: "above",
        ref: project.ref,
        related: d.tasks.map((t) => t.amount.ref),
        args: {
          count: terms.length,
          sum: money(sum),
          project: money(total.value, project.decimals),
          projectYuan: money(inBase(total)),
          diff: money(diff),
          allowance: formatAmount(allowance),
        },
        sum: {
          left: money(sum),
          right: money(inBase(total)),
          diff: money(diff),
          allowance: formatAmount(allowance),
          unit: "元",
          items: d.tasks.map((t, i) => itemAt(t.amount.ref, t.name.text, "名称", money(inBase(terms[i])))),
          total: itemAt(project.ref, "项目支出", "", money(inBase(total))),
        },
      });
    }
  },
});
