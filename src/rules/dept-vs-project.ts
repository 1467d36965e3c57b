import type { Quantity } from "../engine/indicator-value";
import type { CellRef, Indicator, ProjectForm } from "../engine/model";
import { normalizeText } from "../engine/text";
import { bilingual } from "./format-message";
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
 *   one indicator under that 二级 with the same compound unit (`元/人/天`) and the same number — the same
 *   standard under a shorter name (人均伙食补贴标准 ≤60元/人/天 vs 伙食补助费's 支出标准。 60元/人/天).
 */
type How = "exact" | "similar" | "contains" | "standard";
const RANK: Record<How, number> = { exact: 0, similar: 1, contains: 2, standard: 3 };

const HOW_TEXT: Record<Exclude<How, "similar">, string> = {
  exact: bilingual("名称相同", "same name"),
  contains: bilingual(
    "名称包含且限定词出自项目名称",
    "one name contains the other, qualified by the project's name",
  ),
  standard: bilingual(
    "同一项目中唯一单位与数值相同的指标",
    "the project's only indicator with that unit and figure",
  ),
};

interface Pair {
  project: ProjectForm;
  ind: Indicator;
  how: How;
  score: number;
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

function matchByName(
  dept: string,
  proj: string,
  projectKey: string,
  threshold: number,
): { how: How; score: number } | null {
  if (!dept || !proj) return null;
  if (dept === proj) return { how: "exact", score: 1 };
  const [short, long] = dept.length <= proj.length ? [dept, proj] : [proj, dept];
  if (long.includes(short)) {
    if ([...short].length < 4) return null;
    // The words the longer name adds must come from the project (its name) to tie the pair.
    const extra = long.replace(short, "");
    return sharesBigram(extra, projectKey) ? { how: "contains", score: short.length / long.length } : null;
  }
  const score = dice(dept, proj);
  return score >= threshold ? { how: "similar", score } : null;
}

const opOf = (q: Quantity) => q.op ?? "=";
const unitOf = (q: Quantity) => q.unit?.text ?? null;

/** Same operator (none written reads as =), same number (magnitude applied), same unit when both have one. */
function agree(a: Quantity, b: Quantity): boolean {
  const ua = unitOf(a);
  const ub = unitOf(b);
  return opOf(a) === opOf(b) && a.value.equals(b.value) && (ua === null || ub === null || ua === ub);
}

function shown(q: Quantity): string {
  return `${q.op ?? "="}${q.value.toString()}${q.unit?.text ?? ""}`;
}

/**
 * A department-form 三级 indicator that is the same indicator as one in a project form (same 二级, and
 * the same or clearly the same name, see `How`) must state the same 年度指标值: operator, number and
 * unit. Only single quantities are compared (a range, a compound value or a qualitative one is left
 * to other rules); a unit missing on one side is unit-missing's finding, not this one's. When a
 * department indicator pairs with several project indicators and one of them agrees, it is taken
 * as that one's and nothing is reported; otherwise one finding, against the strongest pair.
 */
export default defineRule({
  meta: {
    id: "dept-vs-project",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "部门整体绩效目标表中的三级指标，与项目绩效目标表中的同一指标（二级指标相同、名称相同或明显相同）应在运算符、数值和单位上一致。",
      en: "A department-form indicator that is the same indicator as one in a project form (same level-2 heading, same or clearly the same name) must state the same operator, figure and unit.",
    },
    messages: {
      "value-differs": {
        zh: "部门指标「{name}」的年度指标值「{value}」（即 {dept}）与项目「{project}」的指标「{other}」「{otherValue}」（即 {proj}）数值不一致；配对依据：{how}。",
        en: "The department indicator {name} states '{value}' ({dept}), but the indicator {other} of the project {project} states '{otherValue}' ({proj}): the figures differ. Paired by: {how}.",
      },
      "unit-differs": {
        zh: "部门指标「{name}」的年度指标值「{value}」单位为 {dept}，而项目「{project}」的指标「{other}」「{otherValue}」单位为 {proj}；配对依据：{how}。",
        en: "The department indicator {name} states '{value}' in {dept}, but the indicator {other} of the project {project} states '{otherValue}' in {proj}. Paired by: {how}.",
      },
      "operator-differs": {
        zh: "部门指标「{name}」的年度指标值「{value}」运算符为 {dept}，而项目「{project}」的指标「{other}」「{otherValue}」运算符为 {proj}（未写运算符按 = 理解）；配对依据：{how}。",
        en: "The department indicator {name} states '{value}' with {dept}, but the indicator {other} of the project {project} states '{otherValue}' with {proj} (no operator reads as =). Paired by: {how}.",
      },
    },
    options: { similarity: SIMILARITY_OPTION },
  },
  check(ctx) {
    const threshold = numberSetting(ctx, "similarity") ?? SIMILARITY_THRESHOLD;
    // Each project's quantity indicators grouped by 二级, with their name keys, computed once:
    // every department indicator is compared with every project.
    const list = projects(ctx.model).map((p) => {
      const byLevel2 = new Map<Indicator["level2"], { ind: Indicator; key: string }[]>();
      for (const ind of p.indicators) {
        const group = byLevel2.get(ind.level2) ?? [];
        group.push({ ind, key: nameKey(ind.name) });
        byLevel2.set(ind.level2, group);
      }
      return { project: p, key: nameKey(p.name?.text ?? ""), byLevel2 };
    });
    if (list.length === 0) return;
    for (const dept of departments(ctx.model)) {
      for (const di of dept.indicators) {
        const dq = single(di);
        if (!dq || di.level2 === null) continue;
        const dKey = nameKey(di.name);
        const pairs: Pair[] = [];
        for (const { project, key, byLevel2 } of list) {
          const group = byLevel2.get(di.level2) ?? [];
          const same = group.map((g) => g.ind);
          for (const { ind: pi, key: piKey } of group) {
            if (!single(pi)) continue;
            const m = matchByName(dKey, piKey, key, threshold);
            if (m) pairs.push({ project, ind: pi, ...m });
          }
          // The same standard under a shorter name: the project's only indicator with this compound unit.
          if (key && sharesBigram(dKey, key) && dq.unit && dq.unit.per.length > 0) {
            const unit = dq.unit.text;
            const withUnit = same.filter((pi) => single(pi)?.unit?.text === unit);
            if (withUnit.length === 1 && single(withUnit[0])!.value.equals(dq.value)) {
              const pi = withUnit[0];
              if (!pairs.some((x) => x.ind === pi))
                pairs.push({ project, ind: pi, how: "standard", score: 0 });
            }
          }
        }
        if (pairs.length === 0 || pairs.some((x) => agree(dq, single(x.ind)!))) continue;
        pairs.sort((a, b) => RANK[a.how] - RANK[b.how] || b.score - a.score);
        const best = pairs[0];
        const pq = single(best.ind)!;

        let messageId: "value-differs" | "unit-differs" | "operator-differs";
        let dText: string;
        let pText: string;
        if (!dq.value.equals(pq.value)) {
          messageId = "value-differs";
          dText = shown(dq);
          pText = shown(pq);
        } else if (unitOf(dq) !== null && unitOf(pq) !== null && unitOf(dq) !== unitOf(pq)) {
          messageId = "unit-differs";
          dText = unitOf(dq)!;
          pText = unitOf(pq)!;
        } else {
          messageId = "operator-differs";
          dText = opOf(dq);
          pText = opOf(pq);
        }
        const related: CellRef[] = [di.nameRef, best.ind.nameRef, best.ind.annual.ref];
        if (best.project.name) related.push(best.project.name.ref);
        ctx.report({
          messageId,
          ref: di.annual.ref,
          related,
          args: {
            name: di.name,
            value: normalizeText(di.annual.raw),
            dept: dText,
            project: best.project.displayName,
            other: best.ind.name,
            otherValue: normalizeText(best.ind.annual.raw),
            proj: pText,
            how:
              best.how === "similar"
                ? bilingual(
                    `名称相近（相似度 ${best.score.toFixed(2)}）`,
                    `similar names (Dice ${best.score.toFixed(2)})`,
                  )
                : HOW_TEXT[best.how],
          },
        });
      }
    }
  },
});
