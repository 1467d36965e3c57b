import type { Quantity } from "../engine/value-grammar";
import { isTimeDim, parseUnit, type Dims } from "../engine/units";
import { formatInterval, intervalOf, overlaps, within } from "../engine/value-interval";
import type { CellRef, Indicator, ProjectForm } from "../engine/model";
import { normalizeText } from "../engine/text";
import { numberSetting } from "./options";
import { dice, nameKey, SIMILARITY_OPTION, SIMILARITY_THRESHOLD } from "./task-project";
import { defineRule } from "./types";
import { departments, projects } from "./util";

/**
 * How a department indicator was paired with a project indicator, strongest first.
 * - exact: the same name (NFKC, no punctuation, generic endings cut, as task-project's nameKey).
 * - similar: Sørensen–Dice of the character bigrams ≥ 0.75 (task-project's threshold), when neither
 *   name contains the other. On the seed the one true pair of this kind, 运维系统验收合格率 /
 *   系统运维验收合格率, scores exactly 0.75; the closest pairs that are not the same indicator in the
 *   same 二级 score 0.67 (办事群众满意度 / 群众办事满意度), 0.60 and 0.50.
 * - contains: one name contains the other (the shorter of at least 4 characters), and the words the
 *   department adds are the project's own: they share a bigram with the project's name (伙食补贴人数 ⊃
 *   补贴人数 in 伙食补助费; 窗口服务之星奖励标准 ⊃ 奖励标准 in 综合窗口管理工作经费). Without that
 *   anchor a generic name is not the same indicator: 办事群众满意度 ⊃ 群众满意度 in 政务信息化项目运维费用
 *   is the department's own satisfaction survey, not the project's.
 * - standard: the department name shares a bigram with the project's name, and the project has exactly
 *   one indicator under that 二级 with the same number and a compound unit of the same family (the unit
 *   without its time denominators: `元/台` and `元/台/年` are one) — the same standard under a shorter
 *   name (人均伙食补贴标准 ≤60元/人/天 vs 伙食补助费's 支出标准。 60元/人/天; 自助终端机租赁费 ≤18000元/台
 *   vs 专用设备租赁费支出's 租赁费 ≤18000元/台/年).
 */
type How = "exact" | "similar" | "contains" | "standard";
const RANK: Record<How, number> = { exact: 0, similar: 1, contains: 2, standard: 3 };

interface Pair {
  project: ProjectForm;
  ind: Indicator;
  how: How;
  score: number;
  /** Where it was found: the first shared bigram of the names (-1: the same name), then the indicator's place. */
  order: [number, number];
}

/** Ranked first: the stronger kind, the higher score, then the one found first. */
function stronger(a: Pair, b: Pair): boolean {
  if (RANK[a.how] !== RANK[b.how]) return RANK[a.how] < RANK[b.how];
  if (a.score !== b.score) return a.score > b.score;
  return a.order[0] !== b.order[0] ? a.order[0] < b.order[0] : a.order[1] < b.order[1];
}

/** What compare reads of a quantity: the operator, the number and the unit. */
function quantityKey(q: Quantity): string {
  return `${q.op ?? ""}\u0000${q.value.toString()}\u0000${q.unit ? q.unit.text : "\u0001"}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const NO_KEYS: string[] = [];
const NO_PROJECTS: number[] = [];
const NO_ENTRIES: Entry[] = [];

/** A project's quantity indicator, indexed once. */
interface Entry {
  project: ProjectForm;
  projectKey: string;
  ind: Indicator;
  key: string;
  q: Quantity;
  /** Its place among the indexed indicators (project order, then table order). */
  seq: number;
}

const bigramMemo = new Map<string, Set<string>>();

/** Memoised: every department indicator is compared with every project's indicators. */
function bigramSet(s: string): Set<string> {
  let out = bigramMemo.get(s);
  if (out) return out;
  const chars = [...s];
  out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  if (bigramMemo.size > 5000) bigramMemo.clear();
  bigramMemo.set(s, out);
  return out;
}

function sharesBigram(a: string, b: string): boolean {
  const B = bigramSet(b);
  for (const x of bigramSet(a)) if (B.has(x)) return true;
  return false;
}

/** The single quantity of a value cell, or null (blank, qualitative, range, compound). */
function single(ind: Indicator): Quantity | null {
  const p = ind.annual.parsed;
  return p.kind === "quantity" ? p.quantity : null;
}

/**
 * How a department name key relates to a project indicator's name key, or null. A contained name
 * needs the words the longer name adds to come from the project's name: `extra` is what to look for
 * there (see How).
 */
function nameRelation(
  dept: string,
  proj: string,
  threshold: number,
): { how: How; score: number; extra?: string } | null {
  if (!dept || !proj) return null;
  if (dept === proj) return { how: "exact", score: 1 };
  const [short, long] = dept.length <= proj.length ? [dept, proj] : [proj, dept];
  if (long.includes(short)) {
    if ([...short].length < 4) return null;
    // The words the longer name adds must come from the project (its name) to tie the pair.
    return { how: "contains", score: short.length / long.length, extra: long.replace(short, "") };
  }
  const score = dice(dept, proj);
  return score >= threshold ? { how: "similar", score } : null;
}

/** The unit without its time denominators (`元/台/年` → `元/台`): a standard and its yearly form are one family. */
function unitFamily(q: Quantity): string | null {
  if (!q.unit) return null;
  const per = q.unit.per.filter((p) => {
    const dims = parseUnit(p);
    const keys = dims ? Object.keys(dims) : [];
    return !(keys.length === 1 && isTimeDim(keys[0]));
  });
  return [q.unit.base, ...per].join("/");
}

type Difference =
  { kind: "conflicts" } | { kind: "looser" } | { kind: "unit" } | { kind: "period"; period: string };

/** The time denominators of a unit's dims (`元/台/年` → 年). */
function timeDenominators(d: Dims): string[] {
  return Object.entries(d)
    .filter(([k, e]) => e < 0 && isTimeDim(k))
    .map(([k]) => k);
}

/**
 * How the project's value falls short of agreeing with the department's, or null when it agrees.
 * Units first: both written and different in kind (by their dimensions; by their text when the units
 * are not ones the unit algebra knows) is a finding whatever the numbers; a unit missing on one side
 * is unit-missing's. Then the numbers as intervals: meeting the project's target must meet the
 * department's (100% meets ≥95%, 60 meets ≤60); disjoint targets conflict.
 */
function compare(dq: Quantity, pq: Quantity): Difference | null {
  if (dq.unit && pq.unit && dq.unit.text !== pq.unit.text) {
    const dd = parseUnit(dq.unit.text);
    const pd = parseUnit(pq.unit.text);
    if (!dd || !pd) return { kind: "unit" };
    const dt = timeDenominators(dd);
    const pt = timeDenominators(pd);
    const sameRest =
      unitFamily(dq) !== null && unitFamily(dq) === unitFamily(pq) && dt.length + pt.length === 1;
    if (sameRest) return { kind: "period", period: [...dt, ...pt][0] };
    const keys = new Set([...Object.keys(dd), ...Object.keys(pd)]);
    if ([...keys].some((k) => dd[k] !== pd[k])) return { kind: "unit" };
  }
  const di = intervalOf(dq);
  const pi = intervalOf(pq);
  if (within(pi, di)) return null;
  return overlaps(pi, di) ? { kind: "looser" } : { kind: "conflicts" };
}

/** The per-period words of the messages, by canonical time dimension. */
const PERIOD_MESSAGE: Record<string, PeriodMessage> = {
  年: "period-year",
  季度: "period-quarter",
  月: "period-month",
  周: "period-week",
  天: "period-day",
  小时: "period-hour",
};
type PeriodMessage =
  | "period-year"
  | "period-quarter"
  | "period-month"
  | "period-week"
  | "period-day"
  | "period-hour"
  | "period-other";

/**
 * A department-form 三级 indicator that is the same indicator as one in a project form (same 二级, and
 * the same or clearly the same name, see `How`) must state a target that the project's meets, in the
 * same unit. Only single quantities are compared (a range, a compound value or a qualitative one is
 * left to other rules). When a department indicator pairs with several project indicators and one of
 * them agrees, it is taken as that one's and nothing is reported; otherwise one finding, against the
 * strongest pair, with the pairing and the two intervals in its 详情.
 *
 * Indexed: the project indicators are grouped by 二级 and by name key (exact pairs), by the character
 * bigrams of their names (the only candidates for a contained or similar name, which always share one)
 * and by project, 二级 and unit family (standards); each department indicator looks up its candidates,
 * so the cost grows with the forms and the pairs found, not with forms × indicators.
 */
export default defineRule({
  meta: {
    id: "dept-vs-project",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "部门整体绩效目标表中的三级指标，与项目绩效目标表中的同一指标（二级指标相同、名称相同或明显相同）应目标一致：单位相同，达到项目的指标值即达到部门的指标值。",
      en: "A department-form indicator that is the same indicator as one in a project form (same level-2 heading, same or clearly the same name) must agree with it: the same unit, and a project target that meets the department's.",
    },
    messages: {
      "value-conflicts": {
        zh: "部门指标「{name}」的年度指标值「{value}」与项目「{project}」的指标「{other}」「{otherValue}」相互矛盾，两者不可能同时达到。请核对后把两处改为同一目标值。",
        en: "The department indicator {name} states '{value}' and the indicator {other} of the project {project} states '{otherValue}': both cannot be met. Check them and state the same target in both.",
      },
      "value-looser": {
        zh: "项目「{project}」的指标「{other}」为「{otherValue}」，达到它不一定达到部门指标「{name}」的年度指标值「{value}」。请核对后把两处改为同一目标值。",
        en: "The indicator {other} of the project {project} states '{otherValue}'; meeting it does not meet the department indicator {name}, '{value}'. Check them and state the same target in both.",
      },
      "unit-differs": {
        zh: "部门指标「{name}」的年度指标值「{value}」按 {dept} 计，项目「{project}」的指标「{other}」「{otherValue}」却按 {proj} 计。请确认计量口径，把两处单位改为一致。",
        en: "The department indicator {name} states '{value}' in {dept}, but the indicator {other} of the project {project} states '{otherValue}' in {proj}. Check what is measured and use the same unit in both.",
      },
      "period-differs": {
        zh: "部门指标「{name}」的年度指标值「{value}」与项目「{project}」的指标「{other}」「{otherValue}」一个写了{period}、一个没有写（{dept} 与 {proj}）。请写明是否{period}，把两处单位改为一致。",
        en: "The department indicator {name} states '{value}' and the indicator {other} of the project {project} states '{otherValue}': one is {period}, the other does not say ({dept} and {proj}). State whether it is {period} and use the same unit in both.",
      },
      "period-year": { zh: "按年计", en: "per year" },
      "period-month": { zh: "按月计", en: "per month" },
      "period-quarter": { zh: "按季度计", en: "per quarter" },
      "period-week": { zh: "按周计", en: "per week" },
      "period-day": { zh: "按天计", en: "per day" },
      "period-hour": { zh: "按小时计", en: "per hour" },
      "period-other": { zh: "按时间周期计", en: "per period" },
      "detail-exact": {
        zh: "配对依据：二级指标「{level2}」下名称相同。部门指标值的范围 {deptRange}，项目 {projRange}。",
        en: "Paired by: the same name under {level2}. Department range {deptRange}, project {projRange}.",
      },
      "detail-similar": {
        zh: "配对依据：二级指标「{level2}」下名称相近（字符相似度 {score}，阈值 {threshold}）。部门指标值的范围 {deptRange}，项目 {projRange}。",
        en: "Paired by: similar names under {level2} (Dice {score}, threshold {threshold}). Department range {deptRange}, project {projRange}.",
      },
      "detail-contains": {
        zh: "配对依据：二级指标「{level2}」下一个名称包含另一个，多出的字与项目名称「{project}」相同。部门指标值的范围 {deptRange}，项目 {projRange}。",
        en: "Paired by: under {level2} one name contains the other, qualified by words of the project's name {project}. Department range {deptRange}, project {projRange}.",
      },
      "detail-standard": {
        zh: "配对依据：部门指标名称与项目名称「{project}」有相同的字，且该项目在二级指标「{level2}」下只有这一个单位同类（{unit}，不计时间周期）、数值相同的标准。部门指标值的范围 {deptRange}，项目 {projRange}。",
        en: "Paired by: the name shares words with the project {project}, whose only standard under {level2} in a unit of that kind ({unit}, periods aside) has the same figure. Department range {deptRange}, project {projRange}.",
      },
    },
    options: { similarity: SIMILARITY_OPTION },
  },
  check(ctx) {
    const threshold = numberSetting(ctx, "similarity") ?? SIMILARITY_THRESHOLD;
    const projectForms = projects(ctx.model);
    if (projectForms.length === 0) return;

    // The index, built once over every project's quantity indicators. Names are indexed by their
    // distinct keys: a name is compared once with each distinct candidate key, not once per indicator
    // carrying it (a large workbook repeats its indicators' names in many projects).
    const byKey = new Map<string, Entry[]>(); // 二级 + name key
    const keysByBigram = new Map<string, string[]>(); // 二级 + a bigram of the name key → distinct keys
    const byFamily = new Map<string, Entry[]>(); // project index + 二级 + unit family (compound units only)
    const projectsByBigram = new Map<string, number[]>(); // a bigram of the project's name key
    let seq = 0;
    projectForms.forEach((project, pIndex) => {
      const projectKey = nameKey(project.name?.text ?? "");
      for (const bg of bigramSet(projectKey)) push(projectsByBigram, bg, pIndex);
      for (const ind of project.indicators) {
        const q = single(ind);
        if (!q || ind.level2 === null) continue;
        const e: Entry = { project, projectKey, ind, key: nameKey(ind.name), q, seq: seq++ };
        if (e.key) {
          const k = `${ind.level2}\u0000${e.key}`;
          const list = byKey.get(k);
          if (list) list.push(e);
          else {
            byKey.set(k, [e]);
            for (const bg of bigramSet(e.key)) push(keysByBigram, `${ind.level2}\u0000${bg}`, e.key);
          }
        }
        const family = unitFamily(q);
        if (family && q.unit && q.unit.per.length > 0)
          push(byFamily, `${pIndex}\u0000${ind.level2}\u0000${family}`, e);
      }
    });

    for (const dept of departments(ctx.model)) {
      for (const di of dept.indicators) {
        const dq = single(di);
        if (!dq || di.level2 === null) continue;
        const dKey = nameKey(di.name);
        if (!dKey) continue;
        const pairs: Pair[] = [];
        const paired = new Set<Indicator>();
        // Names: the exact key, and the keys sharing a bigram (contained and similar names always do).
        // A pair's place in the order of discovery (phase, first shared bigram, indicator) breaks ties
        // between equally strong pairs.
        const dBigrams = [...bigramSet(dKey)];
        const keys = new Map<string, number>(); // candidate key → its first shared bigram
        for (let i = 0; i < dBigrams.length; i++)
          for (const k of keysByBigram.get(`${di.level2}\u0000${dBigrams[i]}`) ?? NO_KEYS)
            if (!keys.has(k)) keys.set(k, i);
        if (byKey.has(`${di.level2}\u0000${dKey}`)) keys.set(dKey, -1);
        for (const [k, first] of keys) {
          const m = nameRelation(dKey, k, threshold);
          if (!m) continue;
          for (const e of byKey.get(`${di.level2}\u0000${k}`)!) {
            if (m.extra !== undefined && !sharesBigram(m.extra, e.projectKey)) continue;
            pairs.push({ project: e.project, ind: e.ind, how: m.how, score: m.score, order: [first, e.seq] });
            paired.add(e.ind);
          }
        }
        // The same standard under a shorter name: the only indicator of its unit family (元/台 and
        // 元/台/年 are one) and its number in a project whose name shares words with the department's.
        const family = unitFamily(dq);
        if (family && dq.unit && dq.unit.per.length > 0) {
          const near = new Set<number>();
          for (const bg of dBigrams) for (const i of projectsByBigram.get(bg) ?? NO_PROJECTS) near.add(i);
          let n = 0;
          for (const pIndex of near) {
            let same: Entry | null = null;
            let count = 0;
            for (const e of byFamily.get(`${pIndex}\u0000${di.level2}\u0000${family}`) ?? NO_ENTRIES)
              if (e.q.value.equals(dq.value)) {
                same = e;
                count++;
              }
            if (count === 1 && !paired.has(same!.ind)) {
              pairs.push({
                project: same!.project,
                ind: same!.ind,
                how: "standard",
                score: 0,
                order: [1e9, n++],
              });
              paired.add(same!.ind);
            }
          }
        }
        if (pairs.length === 0) continue;
        // Nothing to report when one pair agrees; otherwise the strongest pair, the first found of equals.
        const diffs = new Map<string, Difference | null>(); // by the project quantity, as compare reads it
        let best: Pair | null = null;
        let diff: Difference | null = null;
        let agrees = false;
        for (const x of pairs) {
          const pq = single(x.ind)!;
          const qk = quantityKey(pq);
          let d = diffs.get(qk);
          if (d === undefined) diffs.set(qk, (d = compare(dq, pq)));
          if (d === null) {
            agrees = true;
            break;
          }
          if (best === null || stronger(x, best)) {
            best = x;
            diff = d;
          }
        }
        if (agrees || !best || !diff) continue;
        const pq = single(best.ind)!;

        const related: CellRef[] = [di.nameRef, best.ind.nameRef, best.ind.annual.ref];
        if (best.project.name) related.push(best.project.name.ref);
        const common = {
          name: di.name,
          value: normalizeText(di.annual.raw),
          project: best.project.displayName,
          other: best.ind.name,
          otherValue: normalizeText(best.ind.annual.raw),
        };
        const units = { dept: dq.unit?.text ?? "", proj: pq.unit?.text ?? "" };
        const messageId =
          diff.kind === "conflicts"
            ? "value-conflicts"
            : diff.kind === "looser"
              ? "value-looser"
              : diff.kind === "unit"
                ? "unit-differs"
                : "period-differs";
        const args =
          diff.kind === "unit"
            ? { ...common, ...units }
            : diff.kind === "period"
              ? { ...common, ...units, period: { messageId: PERIOD_MESSAGE[diff.period] ?? "period-other" } }
              : common;
        ctx.report({
          messageId,
          ref: di.annual.ref,
          related,
          args,
          detail: {
            messageId: `detail-${best.how}`,
            args: {
              level2: di.level2,
              project: best.project.displayName,
              score: best.score.toFixed(2),
              threshold: threshold.toFixed(2),
              unit: pq.unit?.text ?? "",
              deptRange: formatInterval(intervalOf(dq)),
              projRange: formatInterval(intervalOf(pq)),
            },
          },
        });
      }
    }
  },
});
