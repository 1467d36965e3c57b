import Decimal from "decimal.js";
import { parseIndicatorValue, type Quantity } from "../engine/value-grammar";
import type {
  CellRef,
  DepartmentForm,
  Form,
  Indicator,
  KeyTask,
  ProjectForm,
  TextField,
} from "../engine/model";
import { checkSum, formatAmount, halfUlp, inBase, notAbove, type Figure } from "../engine/numbers";
import { numberSetting } from "./options";
import { dice, nameKey, SIMILARITY_OPTION, SIMILARITY_THRESHOLD } from "./task-project";
import { defineRule, type MessageRef } from "./types";
import { departments, figure, money, projects } from "./util";

/** A monthly amount in 元: `月均15000元`, `每月…7000元`, `平均每月1.2万元`, `7000元/月`. */
const MONTHLY_BEFORE =
  /(?:月均|每月|每个月|月平均)[^。；;，,！!？?\d]{0,12}?(\d[\d,]*(?:\.\d+)?)(万)?元(?![/每])/g;
const MONTHLY_AFTER = /(\d[\d,]*(?:\.\d+)?)(万)?元(?:\/|每)月/g;
/** A satisfaction percentage: `满意度至95%以上`, `满意率不低于90%`; group 1 is the subject before it. */
const SATISFACTION =
  /([^。；;，,！!？?、\d%<>]{0,8})满意[度率]([^。；;，,！!？?\d%]{0,8}?\d+(?:\.\d+)?%(?:及以上|以上|及以下|以下|以内)?)/g;

interface Monthly {
  written: string;
  figure: Figure;
}

function monthlyAmounts(text: string): Monthly[] {
  const out: Monthly[] = [];
  for (const re of [MONTHLY_BEFORE, MONTHLY_AFTER]) {
    for (const m of text.matchAll(re)) {
      const digits = m[1].replace(/,/g, "");
      const decimals = digits.includes(".") ? digits.split(".")[1].length : 0;
      out.push({ written: m[0], figure: { value: new Decimal(digits), decimals, scale: m[2] ? 10000 : 1 } });
    }
  }
  return out;
}

function isEconomicCost(ind: Indicator): boolean {
  if (ind.level2 === "经济成本指标" || ind.level2 === "成本指标") return true;
  return ind.level1 === "成本指标" && ind.level2 === null;
}

function isSatisfaction(ind: Indicator): boolean {
  return ind.level1 === "满意度指标" || (ind.level2 ?? "").includes("满意度");
}

function single(ind: Indicator): Quantity | null {
  const p = ind.annual.parsed;
  return p.kind === "quantity" ? p.quantity : null;
}

/** A cost indicator stating a monthly amount in 元: unit `元/月`, or `元` with 每月/月均 in its name. */
function monthlyCost(ind: Indicator): Quantity | null {
  if (!isEconomicCost(ind)) return null;
  const q = single(ind);
  if (!q || q.unit?.base !== "元") return null;
  const per = q.unit.per;
  if (per.length === 1 && per[0] === "月") return q;
  if (per.length === 0 && /每月|月均|月平均|每个月/.test(ind.name)) return q;
  return null;
}

/** A project as the tasks are matched with it; `approx` and `slack` for a quick test of its budget. */
interface ListedProject {
  project: ProjectForm;
  key: string;
  budget: Figure | null;
  approx: Approx | null;
}
type ProjectList = readonly ListedProject[];

/** A figure as a JS number, and more than its allowance (half a unit in its last place) as a number. */
interface Approx {
  value: number;
  slack: number;
}

function approx(f: Figure | null): Approx | null {
  if (!f) return null;
  const value = inBase(f).toNumber();
  return { value, slack: halfUlp(f).toNumber() * 1.001 + Math.abs(value) * 1e-9 + 1e-9 };
}

/**
 * Could the two figures be the same amount within tolerance? A quick test in JS numbers rejects the
 * amounts far apart (their difference beyond both allowances, with room for binary rounding); the
 * others get the exact decimal check.
 */
function sameFigure(a: Figure, aa: Approx, b: Figure | null, bb: Approx | null): boolean {
  if (b === null || bb === null) return false;
  if (Math.abs(aa.value - bb.value) > aa.slack + bb.slack) return false;
  return checkSum([a], b).consistent;
}
const EXACT = new WeakMap<ProjectList, Map<string, ProjectForm>>();

/** The first project of the list for each name key. */
function exactIndex(list: ProjectList): Map<string, ProjectForm> {
  let index = EXACT.get(list);
  if (!index) {
    index = new Map();
    for (const p of list) if (p.key && !index.has(p.key)) index.set(p.key, p.project);
    EXACT.set(list, index);
  }
  return index;
}

/** The task's project, as task-project pairs them: by name (exact, contained, similar), else by an equal amount. */
function projectOf(task: KeyTask, list: ListedProject[], threshold: number) {
  const key = nameKey(task.name.text);
  // An exact name wins outright (the first such project in the list): found by index, not by a scan.
  const exact = key ? exactIndex(list).get(key) : undefined;
  if (exact) return exact;
  const amount = figure(task.amount);
  const amountApprox = approx(amount);
  let best: { project: ProjectForm; rank: number; score: number } | null = null;
  if (key) {
    for (const p of list) {
      if (!p.key) continue;
      let rank = -1;
      let score = 0;
      const [short, long] = key.length <= p.key.length ? [key, p.key] : [p.key, key];
      if (key === p.key) rank = 0;
      else if (short.length >= 4 && short.length * 2 >= long.length && long.includes(short)) {
        rank = 1;
        score = short.length / long.length;
      } else if ((score = dice(key, p.key)) >= threshold) rank = 2;
      if (rank >= 0 && (!best || rank < best.rank || (rank === best.rank && score > best.score)))
        best = { project: p.project, rank, score };
    }
  }
  const byAmount: ListedProject[] = [];
  if (amount !== null && amountApprox !== null)
    for (const p of list) if (sameFigure(amount, amountApprox, p.budget, p.approx)) byAmount.push(p);
  if (best && (best.rank === 0 || !byAmount.some((p) => p.project !== best.project))) return best.project;
  return byAmount.length === 1 ? byAmount[0].project : null;
}

interface Source {
  field: TextField;
  /** The form whose indicators the text speaks for (a task's project, or the form itself). */
  scope: Form;
  /** The project whose budget a monthly amount is checked against. */
  project: ProjectForm | null;
  /** Cells that tie the text to its scope (the task's name). */
  context: CellRef[];
  /** Where the text is: a message of the rule's catalogue, nested in the finding's message. */
  where: MessageRef;
}

function sourcesOf(dept: DepartmentForm, list: Parameters<typeof projectOf>[1], threshold: number): Source[] {
  const out: Source[] = [];
  if (dept.overallGoal)
    out.push({
      field: dept.overallGoal,
      scope: dept,
      project: null,
      context: [],
      where: { messageId: "where-overall" },
    });
  for (const task of dept.tasks) {
    const project = projectOf(task, list, threshold);
    const name = task.name.text;
    const columns: [TextField, Column][] = [
      [task.goal, "column-task-goal"],
      [task.content, "column-task-content"],
    ];
    for (const [field, column] of columns)
      out.push({
        field,
        scope: project ?? dept,
        project,
        context: [task.name.ref],
        where: { messageId: "where-task", args: { name, column: { messageId: column } } },
      });
  }
  return out;
}

type Column = "column-task-goal" | "column-task-content" | "column-period-goal" | "column-annual-goal";

const cmp = (d: Decimal) => (d.gt(0) ? ">" : "<");

/**
 * Figures stated in free text must not contradict the form's indicators and budget.
 * - A monthly amount in 元 (`月均15000元`, `每月…7000元`, `7000元/月`) in a key task's text (paired with
 *   its project as task-project pairs them) or in a project's goals: × 12 it must equal the project's
 *   预算金额 (within the figures' rounding, 12 × half a unit of the monthly figure plus half a cent), and
 *   it must agree with a monthly cost indicator of that project (`平均每月寄递费用 12000元`, `元/月`).
 * - A satisfaction percentage (`满意度至95%以上`, `满意率不低于90%`) must agree with the 满意度 indicator
 *   it speaks of: in the task's project, or in the text's own form. It is paired only when the form has
 *   a single satisfaction indicator, or exactly one whose name clearly is the text's subject; when the
 *   text could mean several, nothing is reported. A figure is taken to agree when the number is the
 *   same and the operators are the same or one is not written.
 * The 总体绩效目标 of a department names no project, so only its satisfaction figures are checked.
 */
export default defineRule({
  meta: {
    id: "text-figures",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "文字表述中的数字（月均金额、满意度目标）应与绩效指标和预算金额一致。",
      en: "Figures stated in free text (monthly amounts, satisfaction targets) must agree with the indicators and the budget.",
    },
    messages: {
      "monthly-budget": {
        zh: "{where}写明「{text}」：{monthly} 元/月 × 12 = {annual} 元 {cmp} 预算金额 {budget} 元（项目「{project}」），相差 {diff} 元。请核对文字中的月均金额或预算金额，使两者一致。",
        en: "{where} states '{text}': {monthly} yuan/month × 12 = {annual} yuan {cmp} the budget of {budget} yuan (project {project}), a difference of {diff}. Check the monthly amount in the text or the budget so that they agree.",
      },
      "detail-monthly-budget": {
        zh: "按所写数字的精度，允许相差 {allowance} 元（{monthly} 元/月末位的半个单位 × 12，加预算金额末位的半个单位）；超出即不一致。",
        en: "Rounding allows {allowance} yuan (half a unit in the last written place of {monthly} yuan/month × 12, plus half a unit of the budget); beyond that the figures disagree.",
      },
      "monthly-indicator": {
        zh: "{where}写明「{text}」（每月 {monthly} 元），与项目「{project}」的成本指标「{name}」「{value}」不一致。请改为一致。",
        en: "{where} states '{text}' ({monthly} yuan a month), which contradicts the cost indicator {name} '{value}' of the project {project}. Make them agree.",
      },
      "satisfaction-differs": {
        zh: "{where}写明「{text}」（满意度目标 {target}），与{form}的满意度指标「{name}」年度指标值「{value}」不一致。请改为一致。",
        en: "{where} states '{text}', a satisfaction target of {target}, but the satisfaction indicator {name} of {form} states '{value}'. Make them agree.",
      },
      "where-overall": { zh: "总体绩效目标", en: "The overall goal" },
      "where-task": { zh: "年度重点工作任务「{name}」的{column}", en: "The {column} of the key task {name}" },
      "where-project": { zh: "项目「{project}」的{column}", en: "The {column} of the project {project}" },
      "column-task-goal": { zh: "期望达到的目标", en: "expected result" },
      "column-task-content": { zh: "主要实施内容", en: "main content" },
      "column-period-goal": { zh: "实施周期总目标", en: "period goal" },
      "column-annual-goal": { zh: "年度目标", en: "annual goal" },
      "form-project": { zh: "项目「{project}」", en: "the project {project}" },
      "form-this": { zh: "本表", en: "this form" },
    },
    options: { similarity: SIMILARITY_OPTION },
  },
  check(ctx) {
    const threshold = numberSetting(ctx, "similarity") ?? SIMILARITY_THRESHOLD;
    const list = projects(ctx.model).map((p): ListedProject => {
      const budget = figure(p.budget);
      return { project: p, key: nameKey(p.name?.text ?? ""), budget, approx: approx(budget) };
    });
    const sources: Source[] = [];
    for (const dept of departments(ctx.model)) sources.push(...sourcesOf(dept, list, threshold));
    for (const p of projects(ctx.model)) {
      const goals: [TextField | undefined, Column][] = [
        [p.periodGoal, "column-period-goal"],
        [p.annualGoal, "column-annual-goal"],
      ];
      for (const [field, column] of goals)
        if (field)
          sources.push({
            field,
            scope: p,
            project: p,
            context: [],
            where: {
              messageId: "where-project",
              args: { project: p.displayName, column: { messageId: column } },
            },
          });
    }

    for (const src of sources) {
      const text = src.field.text.replace(/<[^>]*>/g, " ");
      if (!text) continue;
      const where = src.where;
      if (src.project) checkMonthly(src, text, where);
      checkSatisfaction(src, text, where);
    }

    function checkMonthly(src: Source, text: string, where: MessageRef): void {
      const p = src.project!;
      const budget = figure(p.budget);
      const monthlies = monthlyAmounts(text);
      for (const m of monthlies) {
        const monthly = m.figure.value.times(m.figure.scale ?? 1);
        if (budget && p.budget) {
          const yearly: Figure = { ...m.figure, scale: new Decimal(m.figure.scale ?? 1).times(12) };
          const c = checkSum([yearly], budget);
          if (!c.consistent) {
            ctx.report({
              messageId: "monthly-budget",
              ref: src.field.ref,
              related: [...src.context, p.budget.ref, ...(p.name ? [p.name.ref] : [])],
              args: {
                where,
                text: m.written,
                monthly: formatAmount(monthly, m.figure.decimals),
                annual: formatAmount(c.sum, m.figure.decimals),
                cmp: cmp(c.diff),
                budget: money(c.total),
                project: p.displayName,
                diff: money(c.diff.abs()),
              },
              detail: {
                messageId: "detail-monthly-budget",
                args: {
                  allowance: formatAmount(c.allowance),
                  monthly: formatAmount(monthly, m.figure.decimals),
                },
              },
              sum: {
                left: money(c.sum),
                right: money(c.total),
                diff: money(c.diff.abs()),
                allowance: formatAmount(c.allowance),
                unit: "元",
              },
            });
          }
        }
        const indicators = p.indicators
          .map((ind) => ({ ind, q: monthlyCost(ind) }))
          .filter((x): x is { ind: Indicator; q: Quantity } => x.q !== null);
        const fits = (q: Quantity) => {
          const f: Figure = {
            value: new Decimal(q.written),
            decimals: q.decimals,
            scale: q.value.div(q.written),
          };
          if (q.op === "≤" || q.op === "<") return notAbove(m.figure, f).ok;
          if (q.op === "≥" || q.op === ">") return notAbove(f, m.figure).ok;
          return checkSum([m.figure], f).consistent;
        };
        if (indicators.length === 0 || indicators.some((x) => fits(x.q))) continue;
        const { ind } = indicators[0];
        ctx.report({
          messageId: "monthly-indicator",
          ref: src.field.ref,
          related: [...src.context, ind.nameRef, ind.annual.ref],
          args: {
            where,
            text: m.written,
            monthly: formatAmount(monthly, m.figure.decimals),
            project: p.displayName,
            name: ind.name,
            value: ind.annual.raw.trim(),
          },
        });
      }
    }

    function checkSatisfaction(src: Source, text: string, where: MessageRef): void {
      // Most texts never mention satisfaction: skip the regex (it backtracks on long goal texts).
      if (!text.includes("满意")) return;
      const inds = src.scope.indicators.filter((ind) => {
        const q = single(ind);
        return isSatisfaction(ind) && q?.unit?.kind === "percent";
      });
      if (inds.length === 0) return;
      for (const m of text.matchAll(SATISFACTION)) {
        const parsed = parseIndicatorValue(m[2]);
        if (parsed.kind !== "quantity") continue;
        const t = parsed.quantity;
        let paired: Indicator[] = inds;
        if (inds.length > 1) {
          const subject = nameKey(`${m[1]}满意度`);
          paired = inds.filter((ind) => {
            const k = nameKey(ind.name);
            const [short, long] = subject.length <= k.length ? [subject, k] : [k, subject];
            return (
              subject === k || (short.length >= 4 && long.includes(short)) || dice(subject, k) >= threshold
            );
          });
        }
        if (paired.length !== 1) continue;
        const ind = paired[0];
        const q = single(ind)!;
        const sameOp = t.op === null || q.op === null || t.op === q.op;
        if (sameOp && t.value.equals(q.value)) continue;
        ctx.report({
          messageId: "satisfaction-differs",
          ref: src.field.ref,
          related: [...src.context, ind.nameRef, ind.annual.ref],
          args: {
            where,
            text: m[0],
            target: `${t.op ?? ""}${t.value.toString()}%`,
            form:
              src.scope.kind === "project"
                ? { messageId: "form-project", args: { project: src.scope.displayName } }
                : { messageId: "form-this" },
            name: ind.name,
            value: ind.annual.raw.trim(),
          },
        });
      }
    }
  },
});
