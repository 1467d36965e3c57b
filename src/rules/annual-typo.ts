import type { ParsedValue } from "../engine/value-grammar";
import { defineRule } from "./types";

/**
 * Two-character words common in qualitative indicator values. A one-character difference is taken
 * for a typo only when it turns one of these into a non-word (提高 → 提稿) or doubles a character:
 * where both sides read as words (提升 / 提高, 良好 / 较好) or neither does (省级 / 市级), the two
 * values may simply be different targets, and a checker that cries wolf is switched off.
 */
const WORDS = new Set(
  (
    "提高 提升 提供 降低 减少 增加 增强 增长 扩大 改善 改进 优化 完善 加强 加快 保障 保证 保持 维护 维持 " +
    "推进 推动 促进 实现 完成 达到 达成 达标 符合 满足 有效 明显 显著 逐步 持续 稳定 稳步 良好 较好 较高 " +
    "优秀 优良 合格 一般 及时 准时 按时 按期 规范 安全 高效 便捷 便利 方便 快捷 质量 水平 效率 效益 效果 " +
    "服务 管理 工作 要求 标准 规定 群众 企业 满意 形象 能力 建设 发展 运行 运转 正常 有序 健全 完整 准确 " +
    "积极 作用 影响 环境 生态 经济 社会 基本 全面 大幅 不断 充分 切实 确保 顺利 落实 开展 执行 制度 机制 " +
    "体系 意识 素质 幸福 获得 和谐 公平 公正 透明 廉洁 节约 节能 绿色 健康 文明 普及 覆盖 宣传 培训 质效 " +
    "水准 提质 增效 降本 减负 惠民 便民 利民 营商 政务 办事 体验 需求 长效 常态 到位 全年 年度 目标 任务"
  ).split(" "),
);

/** Letters only: punctuation and spaces never make a typo worth a warning (有效提高。 / 有效提高). */
function letters(s: string): string[] {
  return [...s.replace(/[\s\p{P}\p{S}]/gu, "")];
}

function knownAround(chars: string[], i: number): boolean {
  const left = i > 0 ? chars[i - 1] + chars[i] : null;
  const right = i + 1 < chars.length ? chars[i] + chars[i + 1] : null;
  return (left !== null && WORDS.has(left)) || (right !== null && WORDS.has(right));
}

/**
 * Is `b` one character away from `a` (a substitution, or one character more or fewer), in a way
 * that reads as a typo? See WORDS.
 */
export function looksLikeTypo(a: string, b: string): boolean {
  const x = letters(a);
  const y = letters(b);
  if (x.join("") === y.join("")) return false;
  if (x.length === y.length) {
    const diffs: number[] = [];
    for (let i = 0; i < x.length && diffs.length < 2; i++) if (x[i] !== y[i]) diffs.push(i);
    if (diffs.length !== 1) return false;
    const i = diffs[0];
    return knownAround(x, i) !== knownAround(y, i);
  }
  if (Math.abs(x.length - y.length) !== 1) return false;
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  for (let k = i; k < short.length; k++) if (long[k + 1] !== short[k]) return false;
  // long[i] is the extra character.
  if (long[i] === long[i - 1] || long[i] === long[i + 1]) return true;
  const joinKnown = i > 0 && i < short.length && WORDS.has(short[i - 1] + short[i]);
  return knownAround(long, i) !== joinKnown;
}

function qualitative(v: ParsedValue): string | null {
  return v.kind === "qualitative" ? v.text : null;
}

/**
 * 年度指标值 and 实施周期指标值 that differ by one character in a qualitative value are almost always
 * a typo in one of them (the seed: 有效提高 / 有效提稿). Reported at the 年度 cell, where the seed's
 * typo is; the 实施周期 cell is related.
 */
export default defineRule({
  meta: {
    id: "annual-typo",
    category: "consistency",
    severity: "warning",
    description: {
      zh: "定性指标的年度指标值与实施周期指标值只差一个字，疑为笔误。",
      en: "A qualitative annual value one character away from the period value: probably a typo.",
    },
    messages: {
      typo: {
        zh: "三级指标「{name}」的年度指标值「{annual}」与实施周期指标值「{period}」只差一个字，疑为笔误。",
        en: "The annual value '{annual}' of the 三级 indicator '{name}' is one character away from its period value '{period}': probably a typo.",
      },
    },
  },
  check(ctx) {
    for (const form of ctx.model.forms) {
      for (const ind of form.indicators) {
        const { period, annual } = ind;
        if (period.ref.row === annual.ref.row && period.ref.col === annual.ref.col) continue;
        const p = qualitative(period.parsed);
        const a = qualitative(annual.parsed);
        if (p === null || a === null || !looksLikeTypo(p, a)) continue;
        ctx.report({
          messageId: "typo",
          ref: annual.ref,
          related: [period.ref],
          args: { name: ind.name, annual: a, period: p },
        });
      }
    }
  },
});
