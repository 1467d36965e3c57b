/**
 * Units as data, and a tiny unit algebra for rebuilding a cost from the indicators
 * (标准 × 数量 × 期数). Pure: no Node, no DOM.
 *
 * - A unit is a product of dimensions with integer exponents: `元/台/年` = 元¹ · 台⁻¹ · 年⁻¹.
 * - Dimensions are canonical: `名` is `人`, `人次` is `人` (a head count per month and a count of
 *   visits per month are the same thing for a per-head standard), `个月` is `月`, `日` / `工作日` /
 *   `个工作日` are `天`, `个小时` is `小时`. 万元 is not a unit: the magnitude is already applied to the
 *   value by the value grammar (value-grammar.ts).
 * - Multiplication adds exponents, so `25台 × 18000元/台/年` is `450000元/年`.
 * - A rate can be carried by text rather than by the unit: `每月≤32人` and `受惠群众每月≥1500人` are
 *   `人/月`, like `≥1500人/月`.
 * - The annual horizon: a budget is for one year, so a remaining `/年` is multiplied by 1 年, `/季度`
 *   by 4, `/月` by 12 and `/天` by a day count stated on the form (`<250天（工作日）`, `约250个工作日`).
 */
import Decimal from "decimal.js";
import type { Quantity } from "./value-grammar";

export type DimensionKind = "money" | "count" | "time";

export interface UnitDef {
  /** The unit as written (after NFKC). */
  text: string;
  /** The canonical dimension it stands for. */
  dim: string;
  kind: DimensionKind;
}

function defs(kind: DimensionKind, pairs: [string, string][]): UnitDef[] {
  return pairs.map(([text, dim]) => ({ text, dim, kind }));
}

const same = (texts: string[]): [string, string][] => texts.map((t) => [t, t]);

/** The units the algebra understands. Anything else (%, 分, 平方米 …) makes a value unusable here. */
export const UNIT_DEFS: readonly UnitDef[] = [
  ...defs("money", [["元", "元"]]),
  ...defs("count", [
    ["人", "人"],
    ["名", "人"],
    ["人次", "人"],
    ["位", "人"],
    ...same([
      "台",
      "项",
      "件",
      "次",
      "个",
      "户",
      "套",
      "家",
      "场",
      "期",
      "份",
      "辆",
      "间",
      "所",
      "座",
      "张",
      "批",
      "处",
      "宗",
      "笔",
      "单",
      "趟",
      "课时",
      "学时",
      "餐",
      "条",
      "篇",
      "册",
      "本",
    ]),
  ]),
  ...defs("time", [
    ["年", "年"],
    ["季度", "季度"],
    ["个季度", "季度"],
    ["月", "月"],
    ["个月", "月"],
    ["周", "周"],
    ["星期", "周"],
    ["个星期", "周"],
    ["天", "天"],
    ["日", "天"],
    ["工作日", "天"],
    ["个工作日", "天"],
    ["小时", "小时"],
    ["个小时", "小时"],
    ["分钟", "分钟"],
  ]),
];

const BY_TEXT = new Map(UNIT_DEFS.map((d) => [d.text, d]));
const KIND_OF_DIM = new Map(UNIT_DEFS.map((d) => [d.dim, d.kind]));

/** The canonical dimension of a unit text (`名` → `人`, `个月` → `月`), or null when unknown. */
export function dimOf(text: string): string | null {
  return BY_TEXT.get(text)?.dim ?? null;
}

/** The kind of a canonical dimension. */
export function kindOf(dim: string): DimensionKind | null {
  return KIND_OF_DIM.get(dim) ?? null;
}

export function isTimeDim(dim: string): boolean {
  return kindOf(dim) === "time";
}

/** Exponents by canonical dimension; zero exponents are never stored. */
export type Dims = Readonly<Record<string, number>>;

export interface UnitQuantity {
  value: Decimal;
  dims: Dims;
}

/** Dims of a unit given as base and denominators (`{ base: "元", per: ["台", "年"] }`), or null if a part is unknown. */
export function unitDims(unit: { base: string; per: readonly string[] }): Dims | null {
  // Memoised by the unit's parts (the rules ask for the same few units for every indicator); the
  // result is shared, and Dims are read-only: mulDims always makes a new one.
  const key = unit.per.length === 0 ? unit.base : `${unit.base}/${unit.per.join("/")}`;
  let dims = DIMS_MEMO.get(key);
  if (dims === undefined) {
    dims = computeUnitDims(unit);
    if (DIMS_MEMO.size >= 5000) DIMS_MEMO.clear();
    DIMS_MEMO.set(key, dims);
  }
  return dims;
}

const DIMS_MEMO = new Map<string, Dims | null>();

function computeUnitDims(unit: { base: string; per: readonly string[] }): Dims | null {
  const parts: [string, number][] = [[unit.base, 1], ...unit.per.map((p): [string, number] => [p, -1])];
  let out: Dims = {};
  for (const [text, exp] of parts) {
    const dim = dimOf(text);
    if (dim === null) return null;
    out = mulDims(out, { [dim]: exp });
  }
  return out;
}

/** `元/台/年` → { 元: 1, 台: -1, 年: -1 }; null when a part is unknown. */
export function parseUnit(text: string): Dims | null {
  const [base, ...per] = text.split("/");
  if (!base) return null;
  return unitDims({ base, per });
}

export function mulDims(a: Dims, b: Dims): Dims {
  const out: Record<string, number> = { ...a };
  for (const [k, e] of Object.entries(b)) {
    const n = (out[k] ?? 0) + e;
    if (n === 0) delete out[k];
    else out[k] = n;
  }
  return out;
}

export function mul(a: UnitQuantity, b: UnitQuantity): UnitQuantity {
  return { value: a.value.times(b.value), dims: mulDims(a.dims, b.dims) };
}

export function sameDims(a: Dims, b: Dims): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** Numerators first, then `/` and each denominator: { 元: 1, 台: -1, 年: -1 } → `元/台/年`. */
export function formatDims(d: Dims): string {
  const num: string[] = [];
  const den: string[] = [];
  for (const [k, e] of Object.entries(d)) {
    for (let i = 0; i < Math.abs(e); i++) (e > 0 ? num : den).push(k);
  }
  return [num.join("·") || "1", ...den].join("/");
}

/** Money per something: 元 to the first power, and only denominators besides. */
export function isUnitCost(d: Dims): boolean {
  const others = Object.entries(d).filter(([k]) => k !== "元");
  return d["元"] === 1 && others.length > 0 && others.every(([, e]) => e < 0);
}

/** A plain amount of money. */
export function isMoney(d: Dims): boolean {
  return sameDims(d, { 元: 1 });
}

/** Words that make a count a rate: `每月≤32人` is 人/月. Longest first. */
export const RATE_WORDS: readonly [string, string][] = [
  ["每季度", "季度"],
  ["每个月", "月"],
  ["每月", "月"],
  ["月均", "月"],
  ["每年", "年"],
  ["年均", "年"],
  ["每周", "周"],
  ["每天", "天"],
  ["每日", "天"],
  ["日均", "天"],
];

/** The time dimension a rate word in `text` names (`受惠群众每月≥1500人` → 月), or null. */
export function rateIn(text: string): string | null {
  for (const [w, dim] of RATE_WORDS) if (text.includes(w)) return dim;
  return null;
}

/**
 * A parsed quantity as a unit quantity, or null when it has no unit or a unit the algebra does not know.
 * `context` is the text around the number (the cell's text): a rate word there adds a time denominator
 * when the unit has none.
 */
export function fromQuantity(q: Quantity, context = ""): UnitQuantity | null {
  if (!q.unit) return null;
  let dims = unitDims(q.unit);
  if (!dims) return null;
  const rate = rateIn(context);
  const hasTimePer = Object.entries(dims).some(([k, e]) => e < 0 && isTimeDim(k));
  const baseDim = dimOf(q.unit.base);
  if (rate && !hasTimePer && baseDim !== null && kindOf(baseDim) === "count") {
    dims = mulDims(dims, { [rate]: -1 });
  }
  return { value: q.value, dims };
}

/** How many of a time dimension one budget year holds: 年 1, 季度 4, 月 12, 天 the stated day count. */
export function perYear(dim: string, dayCount: Decimal | null = null): Decimal | null {
  switch (dim) {
    case "年":
      return new Decimal(1);
    case "季度":
      return new Decimal(4);
    case "月":
      return new Decimal(12);
    case "天":
      return dayCount;
    default:
      return null;
  }
}

export interface HorizonFactor {
  dim: string;
  count: Decimal;
}

/**
 * Multiply out the remaining time denominators over one budget year: 450000元/年 → 450000元 (× 1 年),
 * 7500元/月 → 90000元 (× 12 月). Null when a denominator cannot be cancelled (a day rate with no day
 * count, a count left over).
 */
export function annualize(
  uq: UnitQuantity,
  dayCount: Decimal | null = null,
): { value: Decimal; factors: HorizonFactor[] } | null {
  let value = uq.value;
  const factors: HorizonFactor[] = [];
  for (const [k, e] of Object.entries(uq.dims)) {
    if (k === "元") continue;
    if (e > 0) return null;
    const n = perYear(k, dayCount);
    if (n === null) return null;
    for (let i = 0; i < -e; i++) {
      value = value.times(n);
      factors.push({ dim: k, count: n });
    }
  }
  if (uq.dims["元"] !== 1) return null;
  return { value, factors };
}

/**
 * A day count stated in free text: `覆盖2026年度约250个工作日` → 250, `全年250天` → 250. The number must be
 * followed by 工作日 / 个工作日 / 天 and be a plausible count of days in a year (1–366).
 */
export function dayCountIn(text: string): Decimal | null {
  const m = /(\d+(?:\.\d+)?)\s*(?:个工作日|工作日|天)/.exec(text);
  if (!m) return null;
  const n = new Decimal(m[1]);
  return n.gt(0) && n.lte(366) ? n : null;
}
