import { checkSum, formatAmount } from "../engine/numbers";
import { allowanceUnder, tolerancePolicy } from "./options";
import { itemAt } from "./template-sums";
import { defineRule } from "./types";
import { departments, figure, money, projects } from "./util";

/**
 * Σ project budgets (元) against the department's 项目支出 (万元), with the interval tolerance:
 * 699.34 万元 stands for [6,993,350, 6,993,450] 元. Over is an error; short is a warning, since a
 * project form may simply be missing from the workbook.
 */
export default defineRule({
  meta: {
    id: "project-sum",
    category: "amounts",
    severity: "error",
    description: {
      zh: "各项目预算金额（元）合计应与部门整体表「项目支出」（万元）一致（按填报精度容差）。",
      en: "The project budgets (yuan) must add up to the department's project expenditure (10k yuan), within rounding.",
    },
    messages: {
      over: {
        zh: "{count}个项目的预算金额合计 {sum} 元，超过「项目支出」{total} 万元（{totalYuan} 元）：相差 {diff} 元，容差 {allowance} 元。",
        en: "The {count} project budgets add up to {sum} yuan, above 项目支出 {total} (10k yuan) = {totalYuan} yuan: difference {diff}, allowance {allowance}.",
      },
      short: {
        zh: "{count}个项目的预算金额合计 {sum} 元，少于「项目支出」{total} 万元（{totalYuan} 元）：相差 {diff} 元，容差 {allowance} 元。可能缺少项目绩效目标表。",
        en: "The {count} project budgets add up to {sum} yuan, below 项目支出 {total} (10k yuan) = {totalYuan} yuan: difference {diff}, allowance {allowance}. A project form may be missing.",
      },
    },
  },
  check(ctx) {
    const [dept] = departments(ctx.model);
    const list = projects(ctx.model);
    if (!dept || list.length === 0) return;
    const total = figure(dept.budget.project, 10000);
    if (!total || !dept.budget.project) return;
    const items = list.map((p) => figure(p.budget));
    if (items.some((f) => f === null)) return; // a blank or bad budget is its own finding
    const result = checkSum(
      items.map((f) => f!),
      total,
    );
    // Under the configured tolerance policy (interval by default); the figures are in 元.
    const allowance = allowanceUnder(tolerancePolicy(ctx.options.tolerance), result.allowance);
    if (result.diff.abs().lte(allowance)) return;
    const over = result.diff.isPositive();
    ctx.report({
      messageId: over ? "over" : "short",
      severity: over ? "error" : "warning",
      ref: dept.budget.project.ref,
      sum: {
        left: money(result.sum),
        right: money(result.total),
        diff: money(result.diff.abs()),
        allowance: formatAmount(allowance),
        unit: "元",
        items: list.map((p, i) =>
          itemAt(
            p.budget!.ref,
            p.name?.text || p.displayName,
            "项目名称",
            money(items[i]!.value.times(items[i]!.scale ?? 1)),
          ),
        ),
        total: itemAt(dept.budget.project.ref, "项目支出", "", money(result.total)),
      },
      related: list.map((p) => p.budget!.ref),
      args: {
        count: list.length,
        sum: money(result.sum),
        total: money(total.value, dept.budget.project.decimals),
        totalYuan: money(result.total),
        diff: money(result.diff.abs()),
        allowance: formatAmount(allowance),
      },
    });
  },
});
