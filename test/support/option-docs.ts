/**
 * How a help page lists a rule's options (its `meta.options`): one line each, name, default and
 * meaning, Chinese in 选项 and English in the English section. test/catalogue.test.ts checks every
 * page against these lines, so a new or changed option fails there until its page says so.
 */
import type { OptionSpec, RuleMeta } from "../../src/rules/types";

function shownDefault(spec: OptionSpec): string {
  if (spec.type === "words") return spec.default.length === 0 ? "[]" : JSON.stringify(spec.default);
  return spec.default === null ? "null" : String(spec.default);
}

function range(spec: OptionSpec, lang: "zh" | "en"): string {
  if (spec.type === "words") return lang === "zh" ? "词表" : "word list";
  const kind =
    spec.type === "integer" ? (lang === "zh" ? "整数" : "integer") : lang === "zh" ? "数" : "number";
  const bounds = spec.min !== undefined && spec.max !== undefined ? ` ${spec.min}–${spec.max}` : "";
  const nul = spec.nullable ? (lang === "zh" ? "，可为 null" : ", or null") : "";
  return `${kind}${bounds}${nul}`;
}

export function optionLines(meta: RuleMeta): { zh: string[]; en: string[] } {
  const zh: string[] = [];
  const en: string[] = [];
  for (const [name, spec] of Object.entries(meta.options ?? {})) {
    const d = shownDefault(spec);
    zh.push(`- \`${name}\`（${range(spec, "zh")}，默认 \`${d}\`）：${spec.description.zh}`);
    en.push(`- \`${name}\` (${range(spec, "en")}, default \`${d}\`): ${spec.description.en}`);
  }
  return { zh, en };
}
