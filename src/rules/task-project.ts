import Decimal from "decimal.js";
import type { KeyTask, ProjectForm } from "../engine/model";
import { checkSum, formatAmount, type Figure } from "../engine/numbers";
import { normalizeText } from "../engine/text";
import { allowanceUnder, numberSetting, tolerancePolicy, type TolerancePolicy } from "./options";
import { defineRule, type OptionSpec } from "./types";
import { departments, figure, money, projects } from "./util";

/** Words that end many task and project names without telling them apart. */
const GENERIC_SUFFIX = /(工作经费|专项经费|经费|费用|工作|项目|支出|资金)$/;

/** A name for matching: NFKC, lower case, no spaces, punctuation or quotes, generic endings cut. */
const nameKeys = new Map<string, string>();

/** A name reduced for matching (memoised: names are compared many times in a large workbook). */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (nameKeys.size > 5000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  let t = normalizeText(name)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
  for (;;) {
    const next = t.replace(GENERIC_SUFFIX, "");
    if (next === t || next.length < 2) return t;
    t = next;
  }
}

const bigramMemo = new Map<string, Map<string, number>>();

/** Memoised: each project name is compared with every task. */
function bigrams(s: string): Map<string, number> {
  let m = bigramMemo.get(s);
  if (!m) {
    m = countBigrams(s);
    if (bigramMemo.size > 5000) bigramMemo.clear();
    bigramMemo.set(s, m);
  }
  return m;
}

function countBigrams(s: string): Map<string, number> {
  const chars = [...s];
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice similarity of the character-bigram multisets (0..1). */
/**
 * Memoised by the pair (bounded): the same names are compared again by task-project, text-figures
 * and dept-vs-project, for every task and every project of a large workbook, and on each check.
 */
export function dice(a: string, b: string): number {
  const key = `${a}\u0000${b}`;
  let d = diceMemo.get(key);
  if (d === undefined) {
    d = computeDice(a, b);
    if (diceMemo.size >= 50000) diceMemo.clear();
    diceMemo.set(key, d);
  }
  return d;
}

const diceMemo = new Map<string, number>();

function computeDice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of A.values()) na += v;
  for (const v of B.values()) nb += v;
  for (const [k, v] of A) both += Math.min(v, B.get(k) ?? 0);
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

/**
 * How clearly a task names a project. The similarity threshold is 0.75: on the seed, the closest
 * pair of a task and a project that are NOT the same work (立体停车场…停车经费 / 公众办事材料寄递费用)
 * scores 0.41, and the closest true pair that is not exact or contained (立体停车场…停车经费 /
 * 办理业务群众停车费减免经费) scores 0.50 — so a true pair may go unmatched, but no false one matches.
 * Containment needs the shorter name to have at least 4 characters and half the longer one's length.
 */
export const SIMILARITY_THRESHOLD = 0.75;

type How = "exact" | "contains" | "similar";

function matchNames(a: string, b: string, threshold: number): { how: How; score: number } | null {
  if (!a || !b) return null;
  if (a === b) return { how: "exact", score: 1 };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && short.length * 2 >= long.length && long.includes(short)) {
    return { how: "contains", score: short.length / long.length };
  }
  const score = dice(a, b);
  return score >= threshold ? { how: "similar", score } : null;
}

/** The option every name-pairing rule declares: task-project, dept-vs-project, text-figures. */
export const SIMILARITY_OPTION: OptionSpec = {
  type: "number",
  default: SIMILARITY_THRESHOLD,
  min: 0.5,
  max: 1,
  description: {
    zh: "名称相似度阈值（字符二元组 Sørensen–Dice 系数，0.5–1）：达到该值的两个名称视为同一事项。",
    en: "Name similarity threshold (Sørensen–Dice over character bigrams, 0.5–1): two names at or above it are the same item.",
  },
};

interface Candidate {
  project: ProjectForm;
  budget: Figure;
  how: How;
  score: number;
}

const RANK: Record<How, number> = { exact: 0, contains: 1, similar: 2 };

function sameAmount(a: Figure, b: Figure, policy: TolerancePolicy): boolean {
  const c = checkSum([a], b);
  return c.diff.abs().lte(allowanceUnder(policy, c.allowance));
}

function sumFigure(figs: Figure[]): Figure {
  return {
    value: figs.reduce((s, f) => s.plus(f.value.times(f.scale ?? 1)), new Decimal(0)),
    decimals: Math.max(...figs.map((f) => f.decimals)),
  };
}

/**
 * A 年度重点工作任务 that names a project form (exactly, or clearly: one name contains the other, or
 * they are very similar) should plan the project's 预算金额. The amounts are compared with the
 * interval tolerance of their shown decimals. No warning when the task's amount is that of one of
 * the projects it names, or of all of them together, or when several tasks naming one project add
 * up to its budget; and a merely similar name does not count when the task's amount is exactly
 * another project's budget (the seed's tasks match their projects by amount).
 */
export default defineRule({
  meta: {
    id: "task-project",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "与项目同名的年度重点工作任务，其拟投入的资金应等于该项目的预算金额。",
      en: "A key task named like a project form should plan that project's budget.",
    },
    messages: {
      "amount-differs": {
        zh: "年度重点工作任务「{task}」拟投入的资金 {amount} 元，与项目「{project}」的预算金额 {budget} 元不一致：相差 {diff} 元（容差 {allowance} 元）。",
        en: "The key task '{task}' plans {amount} yuan, but the project '{project}' has a budget of {budget} yuan: difference {diff}, allowance {allowance}.",
      },
    },
    options: { similarity: SIMILARITY_OPTION },
  },
  check(ctx) {
    const threshold = numberSetting(ctx, "similarity") ?? SIMILARITY_THRESHOLD;
    const policy = tolerancePolicy(ctx.options.tolerance);
    const same = (a: Figure, b: Figure) => sameAmount(a, b, policy);
    const list = projects(ctx.model)
      .map((p) => ({ project: p, key: nameKey(p.name?.text ?? ""), budget: figure(p.budget) }))
      .filter(
        (p): p is { project: ProjectForm; key: string; budget: Figure } => p.key !== "" && p.budget !== null,
      );
    if (list.length === 0) return;

    for (const dept of departments(ctx.model)) {
      const matched = new Map<KeyTask, Candidate[]>();
      for (const task of dept.tasks) {
        const key = nameKey(task.name.text);
        if (!key || !figure(task.amount)) continue;
        const cands: Candidate[] = [];
        for (const p of list) {
          const m = matchNames(key, p.key, threshold);
          if (m) cands.push({ project: p.project, budget: p.budget, ...m });
        }
        cands.sort((a, b) => RANK[a.how] - RANK[b.how] || b.score - a.score);
        if (cands.length > 0) matched.set(task, cands);
      }

      for (const [task, cands] of matched) {
        const amount = figure(task.amount)!;
        if (cands.some((c) => same(amount, c.budget))) continue;
        if (cands.length > 1 && same(amount, sumFigure(cands.map((c) => c.budget)))) continue;
        const best = cands[0];
        // Several tasks for one project (the work split in two) may add up to its budget.
        const siblings = [...matched]
          .filter(([, cs]) => cs[0].project === best.project)
          .map(([t]) => figure(t.amount)!);
        if (siblings.length > 1 && same(sumFigure(siblings), best.budget)) continue;
        // A fuzzy name is weaker evidence than an amount that is exactly another project's budget.
        if (best.how !== "exact" && list.some((p) => p.project !== best.project && same(amount, p.budget)))
          continue;

        const check = checkSum([amount], best.budget);
        const allowance = allowanceUnder(policy, check.allowance);
        ctx.report({
          messageId: "amount-differs",
          ref: task.amount.ref,
          related: [task.name.ref, best.project.name!.ref, best.project.budget!.ref],
          sum: {
            left: money(check.sum),
            right: money(check.total),
            diff: money(check.diff.abs()),
            allowance: formatAmount(allowance),
            unit: "元",
          },
          args: {
            task: task.name.text,
            amount: money(check.sum),
            project: best.project.displayName,
            budget: money(check.total),
            diff: money(check.diff.abs()),
            allowance: formatAmount(allowance),
          },
        });
      }
    }
  },
});
