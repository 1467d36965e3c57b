import Decimal from "decimal.js";
import { quantitiesOf, type Operator, type Quantity } from "../engine/value-grammar";
import type { CellRef, Indicator, IndicatorValue, ProjectForm } from "../engine/model";
import { formatAmount, halfUlp, type Figure } from "../engine/numbers";
import { normalizeText } from "../engine/text";
import {
  dayCountIn,
  fromQuantity,
  isMoney,
  isTimeDim,
  isUnitCost,
  kindOf,
  mulDims,
  perYear,
  rateIn,
  sameDims,
  type Dims,
} from "../engine/units";
import { placeNames } from "./options";
import { defineRule } from "./types";
import { figure, money, projects } from "./util";

const MAGNITUDE: Record<NonNullable<Quantity["magnitude"]>, number> = { 千: 1000, 万: 10000, 亿: 100000000 };

/** Which way the rebuilt total may be off from what the form means: the operators its figures carry. */
export type Bound = "exact" | "upper" | "lower" | "mixed";

/** One factor of a term, as shown: `25台`, `18,000元/台/年`, `12月`. */
interface Factor {
  text: string;
  value: Decimal;
  op: Operator | null;
  /** For the money factor: its precision, for the allowance. */
  figure?: Figure;
}

interface Term {
  factors: Factor[];
  value: Decimal;
  allowance: Decimal;
  refs: CellRef[];
}

export interface Derivation {
  /** `25台 × 18,000元/台/年 + 5台 × 1,416元/台 = 457,080元 = 预算金额`. */
  text: string;
  /** The left side only: `25台 × 18,000元/台/年 + 5台 × 1,416元/台 = 457,080元`. */
  expression: string;
  total: Decimal;
  budget: Decimal;
  diff: Decimal;
  allowance: Decimal;
  /** |total − budget| within the allowance. */
  consistent: boolean;
  bound: Bound;
  /** Every economic cost indicator of the form is a term, a whole (the budget itself) or blank. */
  complete: boolean;
  /** What the rule reports for it, or null. */
  finding: "exceeds" | "short" | null;
  /** The value cells used. */
  refs: CellRef[];
  budgetRef: CellRef;
}

function isEconomicCost(ind: Indicator): boolean {
  if (ind.level2 === "经济成本指标" || ind.level2 === "成本指标") return true;
  return ind.level1 === "成本指标" && ind.level2 === null;
}

/** The annual value, or the period value when the annual one is blank. */
function valueCell(ind: Indicator): IndicatorValue {
  return ind.annual.parsed.kind === "blank" ? ind.period : ind.annual;
}

/** Names that state the whole cost, not a part: 总成本控制数, 预算控制数, 支出总额. */
const WHOLE_NAME = /总成本|总额|控制数|预算|总计|总费用|总经费|总支出/;
/** A plain amount under one of these names is per head: 人均减免成本 `5元` is 5元/人. */
const PER_HEAD_NAME = /人均|每人/;
/** Words too common in indicator names to pair a standard with its quantity. */
const GENERIC =
  /标准|数量|人数|发放|支出|成本|指标|费用|经费|项目|事项|服务数|金额|控制|情况|[（）()、，,。.%]/g;

/** Name bigrams without the generic words and the configured place names (东莞市…). */
function bigrams(name: string, places: readonly string[]): Set<string> {
  // Memoised by name (and place names): a standard is compared with every quantity of its form.
  const key = places.length === 0 ? name : `${places.join("\u0000")}\u0001${name}`;
  let out = BIGRAMS.get(key);
  if (out === undefined) {
    out = computeBigrams(name, places);
    if (BIGRAMS.size >= 5000) BIGRAMS.clear();
    BIGRAMS.set(key, out);
  }
  return out;
}

/** Shared and never changed by their users (affinity only reads them). */
const BIGRAMS = new Map<string, Set<string>>();

function computeBigrams(name: string, places: readonly string[]): Set<string> {
  let s = normalizeText(name);
  for (const place of places) s = s.split(place).join("|");
  s = s.replace(GENERIC, "|");
  const out = new Set<string>();
  for (const chunk of s.split("|")) for (let i = 0; i + 1 < chunk.length; i++) out.add(chunk.slice(i, i + 2));
  return out;
}

function affinity(a: string, b: string, places: readonly string[]): number {
  const x = bigrams(a, places);
  let n = 0;
  for (const g of bigrams(b, places)) if (x.has(g)) n++;
  return n;
}

/** The candidate whose name shares most with `name`; null when none or a tie. */
function choose<T extends { ind: Indicator }>(name: string, cands: T[], places: readonly string[]): T | null {
  if (cands.length === 1) return cands[0];
  const scored = cands.map((c) => ({ c, s: affinity(name, c.ind.name, places) })).sort((a, b) => b.s - a.s);
  if (scored.length === 0 || scored[0].s === 0) return null;
  if (scored.length > 1 && scored[1].s === scored[0].s) return null;
  return scored[0].c;
}

interface QPart {
  q: Quantity;
  dims: Dims;
  rate: boolean;
}

interface QuantityIndicator {
  ind: Indicator;
  cell: IndicatorValue;
  parts: QPart[];
}

interface CostPart {
  q: Quantity;
  dims: Dims;
  perHead: boolean;
}

function num(q: Quantity): string {
  return formatAmount(q.value, q.magnitude ? undefined : q.decimals);
}

function unitText(dims: Dims, written: string): string {
  // Keep the unit as written where it says the same thing (名, 人次, 个工作日); otherwise rebuild it.
  const per = Object.entries(dims)
    .filter(([k, e]) => e < 0 && isTimeDim(k))
    .map(([k]) => k);
  return written.includes("/") || per.length === 0 ? written : `${written}/${per.join("/")}`;
}

function moneyFactor(p: CostPart): Factor {
  const unit = p.perHead ? "元/人" : p.q.unit!.text;
  return {
    text: `${num(p.q)}${unit}`,
    value: p.q.value,
    op: p.q.op,
    figure: {
      value: new Decimal(p.q.written),
      decimals: p.q.decimals,
      scale: p.q.magnitude ? MAGNITUDE[p.q.magnitude] : 1,
    },
  };
}

function boundOf(ops: (Operator | null)[]): Bound {
  let up = false;
  let low = false;
  for (const op of ops) {
    if (op === "≤" || op === "<") up = true;
    if (op === "≥" || op === ">") low = true;
  }
  return up && low ? "mixed" : up ? "upper" : low ? "lower" : "exact";
}

/**
 * The cost rebuilt from a project form's indicators (标准 × 数量 × 期数, plus lump sums), against its
 * budget. At most one derivation a form; none when a unit cost cannot be paired unambiguously, when a
 * unit is left over, or when the budget is blank.
 */
/**
 * Derivations by form, for the re-check after an edit: the add-in reuses the forms of unchanged
 * sheets (src/engine/read-forms.ts, SheetReadCache), and a model is never mutated, so a form's
 * derivation is computed once per set of place names.
 */
const DERIVED = new WeakMap<ProjectForm, { places: string; result: Derivation[] }>();

export function derivations(form: ProjectForm, places: readonly string[] = []): Derivation[] {
  const key = places.join("\u0000");
  const kept = DERIVED.get(form);
  if (kept && kept.places === key) return kept.result;
  const d = derive(form, places);
  const result = d ? [d] : [];
  DERIVED.set(form, { places: key, result });
  return result;
}

function derive(form: ProjectForm, places: readonly string[]): Derivation | null {
  const budgetCell = form.budget;
  const budget = figure(budgetCell);
  if (!budgetCell || !budget || budget.value.lte(0)) return null;

  // Quantities: the 数量指标 values in units the algebra knows.
  const quantities: QuantityIndicator[] = [];
  for (const ind of form.indicators) {
    if (ind.level2 !== "数量指标") continue;
    const cell = valueCell(ind);
    if (cell.parsed.kind === "range") continue;
    const text = normalizeText(cell.raw);
    const parts: QPart[] = [];
    for (const q of quantitiesOf(cell.parsed)) {
      const uq = fromQuantity(q, text);
      if (!uq || uq.dims["元"] !== undefined) continue;
      const baseKind = kindOf(Object.keys(uq.dims).find((k) => uq.dims[k] > 0) ?? "");
      if (baseKind !== "count" && baseKind !== "time") continue;
      parts.push({ q, dims: uq.dims, rate: rateIn(text) !== null && !q.unit!.text.includes("/") });
    }
    if (parts.length) quantities.push({ ind, cell, parts });
  }

  const dayCount = dayCountIn(form.annualGoal?.text ?? "") ?? dayCountIn(form.periodGoal?.text ?? "");
  const terms: Term[] = [];
  let complete = true;
  let unitCosts = 0;

  for (const ind of form.indicators) {
    if (!isEconomicCost(ind)) continue;
    const cell = valueCell(ind);
    const parsed = cell.parsed;
    if (parsed.kind === "blank") continue;
    const qs = quantitiesOf(parsed);
    const costs: CostPart[] = [];
    let accounted = qs.length > 0;
    for (const q of qs) {
      const uq = fromQuantity(q, "");
      if (!uq) {
        accounted = false;
        continue;
      }
      if (isUnitCost(uq.dims)) {
        if (parsed.kind === "range") return null; // a band of standards: no single rebuild
        costs.push({ q, dims: uq.dims, perHead: false });
      } else if (isMoney(uq.dims)) {
        const amount = q.value;
        if (PER_HEAD_NAME.test(ind.name) && !WHOLE_NAME.test(ind.name)) {
          if (parsed.kind === "range") return null;
          costs.push({ q, dims: { 元: 1, 人: -1 }, perHead: true });
        } else if (WHOLE_NAME.test(ind.name) || amount.gte(budget.value.minus(halfUlp(budget)))) {
          // The whole cost (cost-within-budget compares it): not a part.
        } else if (parsed.kind === "range") {
          accounted = false;
        } else {
          const f: Figure = {
            value: new Decimal(q.written),
            decimals: q.decimals,
            scale: q.magnitude ? MAGNITUDE[q.magnitude] : 1,
          };
          terms.push({
            factors: [{ text: `${num(q)}元`, value: amount, op: q.op, figure: f }],
            value: amount,
            allowance: halfUlp(f),
            refs: [cell.ref],
          });
        }
      } else {
        accounted = false;
      }
    }
    if (!accounted) complete = false;

    for (let i = 0; i < costs.length; i++) {
      const t = pair(ind, cell, costs[i], i, costs.length, quantities, dayCount, places);
      if (!t) return null; // a unit cost with no complete pairing: no derivation
      terms.push(t);
      unitCosts++;
    }
  }
  if (unitCosts === 0) return null;

  let total = new Decimal(0);
  let allowance = halfUlp(budget);
  const refs: CellRef[] = [];
  const ops: (Operator | null)[] = [];
  let decimals = 0;
  for (const t of terms) {
    total = total.plus(t.value);
    allowance = allowance.plus(t.allowance);
    for (const r of t.refs) if (!refs.some((x) => sameCell(x, r))) refs.push(r);
    for (const f of t.factors) {
      ops.push(f.op);
      if (f.figure && new Decimal(f.figure.scale ?? 1).eq(1))
        decimals = Math.max(decimals, f.figure.decimals);
    }
  }
  const budgetValue = budget.value.times(budget.scale ?? 1);
  const diff = total.minus(budgetValue);
  const consistent = diff.abs().lte(allowance);
  const bound = boundOf(ops);
  const expression = `${terms.map((t) => t.factors.map((f) => f.text).join(" × ")).join(" + ")} = ${formatAmount(total, decimals)}元`;
  let finding: Derivation["finding"] = null;
  if (diff.gt(allowance)) finding = "exceeds";
  else if (diff.lt(allowance.negated()) && complete && (bound === "exact" || bound === "upper"))
    finding = "short";
  const rel = consistent
    ? "= 预算金额"
    : `${diff.gt(0) ? ">" : "<"} 预算金额 ${money(budgetValue, Math.max(2, budget.decimals))}元`;
  return {
    text: `${expression} ${rel}`,
    expression,
    total,
    budget: budgetValue,
    diff,
    allowance,
    consistent,
    bound,
    complete,
    finding,
    refs,
    budgetRef: budgetCell.ref,
  };
}

/**
 * One unit cost times the quantities that cancel its denominators, then over the year: counts from
 * the 数量指标 (the one whose name shares most with the standard's when several fit; a compound
 * standard `组长400元/人/月，副组长200元/人/月` takes the parts of a compound count in order), time from a
 * 数量指标 in that time unit or the annual horizon (12 月, 1 年, the stated day count).
 */
function pair(
  ind: Indicator,
  cell: IndicatorValue,
  p: CostPart,
  index: number,
  siblings: number,
  quantities: QuantityIndicator[],
  dayCount: Decimal | null,
  places: readonly string[],
): Term | null {
  const moneyF = moneyFactor(p);
  let dims = p.dims;
  let value = p.q.value;
  const before: Factor[] = [];
  const after: Factor[] = [];
  const refs: CellRef[] = [cell.ref];

  // Counts: 台, 人, 人次 …
  for (const [dim, e] of Object.entries(p.dims)) {
    if (e >= 0 || isTimeDim(dim)) continue;
    if (e !== -1) return null;
    const cands = quantities.filter((c) =>
      c.parts.some(
        (qp) => qp.dims[dim] === 1 && Object.keys(qp.dims).every((k) => k === dim || isTimeDim(k)),
      ),
    );
    const chosen = choose(ind.name, cands, places);
    if (!chosen) return null;
    const fit = chosen.parts.filter((qp) => qp.dims[dim] === 1);
    const qp = fit.length === 1 ? fit[0] : fit.length === siblings ? fit[index] : null;
    if (!qp) return null;
    let qd = qp.dims;
    // `每月≤32人` against 元/人/月: 32 people each month, not 32 a month on top of the monthly standard.
    for (const [k, ke] of Object.entries(qd)) {
      if (ke < 0 && isTimeDim(k) && (dims[k] ?? 0) < 0) qd = mulDims(qd, { [k]: 1 });
    }
    dims = mulDims(dims, qd);
    value = value.times(qp.q.value);
    const shownUnit = qp.rate ? unitText(qd, qp.q.unit!.text) : qp.q.unit!.text;
    before.push({ text: `${num(qp.q)}${shownUnit}`, value: qp.q.value, op: qp.q.op });
    refs.push(chosen.cell.ref);
  }

  // Time: a stated count (250天) or the year.
  for (const [dim, e] of Object.entries(dims)) {
    if (dim === "元") continue;
    if (e > 0 || !isTimeDim(dim)) return null;
    for (let i = 0; i < -e; i++) {
      const cands = quantities.filter((c) => c.parts.some((qp) => sameDims(qp.dims, { [dim]: 1 })));
      if (cands.length) {
        const chosen = choose(ind.name, cands, places);
        const fit = chosen ? chosen.parts.filter((qp) => sameDims(qp.dims, { [dim]: 1 })) : [];
        if (!chosen || fit.length !== 1) return null;
        const qp = fit[0];
        value = value.times(qp.q.value);
        after.push({ text: `${num(qp.q)}${qp.q.unit!.text}`, value: qp.q.value, op: qp.q.op });
        refs.push(chosen.cell.ref);
      } else {
        const n = perYear(dim, dayCount);
        if (n === null) return null;
        value = value.times(n);
        if (dim !== "年") after.push({ text: `${formatAmount(n)}${dim}`, value: n, op: null });
      }
    }
    dims = mulDims(dims, { [dim]: -e });
  }
  if (!isMoney(dims)) return null;

  // Standards and counts are stipulated, not rounded: the term adds nothing to the allowance.
  return { factors: [...before, moneyF, ...after], value, allowance: new Decimal(0), refs };
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** How the rebuilt cost reads the operators of its figures: a nested message (none when exact). */
const BOUND_MESSAGE: Record<Exclude<Bound, "exact">, "bound-upper" | "bound-lower" | "bound-mixed"> = {
  upper: "bound-upper",
  lower: "bound-lower",
  mixed: "bound-mixed",
};

/**
 * R24 cost-rebuild: where a unit cost (成本指标 in 元/台/年, 元/台, 元/人/天, 元/人/月, 元/人次, or a plain
 * 元 under a 人均 name) can be multiplied out by the 数量指标 that cancel its units and by the year
 * (12 月, 1 年, a stated day count), the parts (plus lump sums stated in other cost indicators) should
 * rebuild the 预算金额. Reported when the rebuilt cost exceeds the budget beyond rounding, or falls
 * short of it when every cost indicator is accounted for and the figures are exact or maxima (a
 * shortfall at stated minima, `≥1500人`, proves nothing). Silent where no complete derivation exists.
 * Tolerance: unit standards and counts are stipulated figures, taken as exact; the allowance is half a
 * unit in the last shown place of the budget and of each lump sum (`160077.00元`).
 */
export default defineRule({
  meta: {
    id: "cost-rebuild",
    category: "amounts",
    severity: "warning",
    description: {
      zh: "由成本指标中的单价标准与数量指标相乘（按全年月数、天数）重建的成本，应与项目预算金额一致，至少不超过预算金额。",
      en: "The cost rebuilt from the unit-cost standards times the quantity indicators (over the year's months or days) should match the project budget, or at least not exceed it.",
    },
    messages: {
      exceeds: {
        zh: "按成本指标与数量指标重建的成本 {derivation}{bound}，超过本项目预算金额 {budget} 元：相差 {diff} 元，容差 {allowance} 元。",
        en: "The cost rebuilt from the cost and quantity indicators, {derivation}{bound}, exceeds the project budget of {budget} yuan: difference {diff}, allowance {allowance}.",
      },
      short: {
        zh: "按成本指标与数量指标重建的成本 {derivation}{bound}，低于本项目预算金额 {budget} 元：相差 {diff} 元，容差 {allowance} 元；成本指标均已计入，预算中有部分未由指标说明。",
        en: "The cost rebuilt from the cost and quantity indicators, {derivation}{bound}, falls short of the project budget of {budget} yuan: difference {diff}, allowance {allowance}; every cost indicator is counted, so part of the budget is not explained.",
      },
      "bound-upper": { zh: "（按指标值上限计）", en: " (at the stated maximum)" },
      "bound-lower": { zh: "（按指标值下限计）", en: " (at the stated minimum)" },
      "bound-mixed": { zh: "（指标值含上限与下限）", en: " (mixing stated maxima and minima)" },
    },
  },
  check(ctx) {
    const places = placeNames(ctx.options);
    for (const p of projects(ctx.model)) {
      for (const d of derivations(p, places)) {
        if (!d.finding) continue;
        const budget = money(d.budget, Math.max(2, p.budget?.decimals ?? 2));
        ctx.report({
          messageId: d.finding,
          ref: d.budgetRef,
          related: d.refs,
          args: {
            derivation: d.expression,
            bound: d.bound === "exact" ? "" : { messageId: BOUND_MESSAGE[d.bound] },
            budget,
            diff: money(d.diff),
            allowance: formatAmount(d.allowance),
          },
          sum: {
            left: money(d.total),
            right: budget,
            diff: money(d.diff),
            allowance: formatAmount(d.allowance),
            unit: "元",
          },
        });
      }
    }
  },
});
