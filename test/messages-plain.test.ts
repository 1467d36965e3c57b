/**
 * Rule messages in plain words (issue 13): a finding's main message says what is wrong and what to do;
 * the reasoning (how two indicators were paired, a similarity score, a rounding allowance on a figure
 * written in prose) goes in its 详情, a message whose id starts with `detail-`. And no rule assembles
 * a sentence in code: nested words are messages of the catalogue, referred to by id.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { INTERNAL_RULE } from "../src/checker";
import { ALL_RULES } from "../src/rules/index";
import type { Rule } from "../src/rules/types";

const RULES: readonly Rule[] = [...ALL_RULES, INTERNAL_RULE as Rule];

/** Words that explain the checker's reasoning rather than the form's problem. */
const JARGON = ["配对依据", "相似度", "即 ≥", "即 ≤", "（即 {", "similarity", "Dice", "Paired by"];
/** Rules whose figures come from free text: a rounding allowance there is reasoning, not the problem. */
const PROSE_RULES = new Set(["text-figures"]);
const PROSE_JARGON = ["容差", "allowance"];
/** Rules still packing `中文␟English` arguments (owned by the sum-rule work; to move to message ids). */
const BILINGUAL_PENDING = new Set(["amount", "missing-section", "cost-within-budget"]);

const isDetail = (id: string) => id.startsWith("detail-");

describe("rule messages in plain words", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))(
    "%s: main messages carry no reasoning jargon",
    (_id, rule) => {
      const words = PROSE_RULES.has(rule.meta.id) ? [...JARGON, ...PROSE_JARGON] : JARGON;
      const hits: string[] = [];
      for (const [id, m] of Object.entries(rule.meta.messages)) {
        if (isDetail(id)) continue;
        for (const text of [m.zh, m.en])
          for (const w of words) if (text.includes(w)) hits.push(`${id}: ${w}`);
      }
      expect(hits).toEqual([]);
    },
  );

  it("catches the old dept-vs-project wording (the check can fail)", () => {
    const old = "部门指标「{name}」的年度指标值「{value}」（即 {dept}）…；配对依据：{how}。";
    expect(JARGON.filter((w) => old.includes(w))).toEqual(["配对依据", "（即 {"]);
  });
});

describe("no sentence assembled in code", () => {
  const src = (id: string) => fs.readFileSync(path.join(__dirname, "../src/rules", `${id}.ts`), "utf8");

  it.each(ALL_RULES.filter((r) => !BILINGUAL_PENDING.has(r.meta.id)).map((r) => [r.meta.id]))(
    "%s packs no bilingual() argument",
    (id) => {
      expect(src(id)).not.toMatch(/\bbilingual\(/);
    },
  );

  it.each(ALL_RULES.map((r) => [r.meta.id, r] as const))(
    "%s: every message id its source names is in its catalogue",
    (id, rule) => {
      const named = [...src(id).matchAll(/messageId: "([a-z0-9-]+)"/g)].map((m) => m[1]);
      expect(named.filter((n) => !(n in rule.meta.messages))).toEqual([]);
    },
  );
});
