/**
 * The rule catalogue kept in step: every rule registered in src/rules/index.ts has its source file,
 * its case table and its help page under the same id; each page states the category and default
 * severity its rule's meta declares, has every section in both halves (Chinese `##`, then `## English` with
 * the same six sections as `###`), none empty, and quotes (in 错误示例 and Wrong, one for one) only
 * messages the rule's templates can render in that language, each pair the same message — so a reworded
 * message fails here until its page is updated (`npx jest -c scripts/rule-messages/jest.config.js` writes
 * what each case produces, in both languages, to quote); lists every option of its meta (name, range, default,
 * meaning, zh then en; test/support/option-docs.ts); no page or case table exists for a rule that is not
 * registered; docs/rules/README.md indexes every rule in each half; and no engine
 * module shares a rule's id (the value grammar is src/engine/value-grammar.ts, the rule indicator-value).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ALL_RULES, RULES_BY_ID } from "../src/rules/index";
import { MESSAGES } from "../src/messages";
import type { Rule } from "../src/rules/types";
import { optionLines } from "./support/option-docs";

const ROOT = path.resolve(__dirname, "..");
const RULES_SRC = path.join(ROOT, "src/rules");
const RULES_TEST = path.join(ROOT, "test/rules");
const DOCS = path.join(ROOT, "docs/rules");
const INDEX = path.join(DOCS, "README.md");

const ids = ALL_RULES.map((r) => r.meta.id);

/**
 * The sections every page has, in this order: the Chinese half (`##`), then `## English` and the English
 * half (`###`), section for section the same.
 */
const SECTIONS_ZH = [
  "## 检查内容",
  "## 为什么会被退回",
  "## 错误示例",
  "## 正确示例",
  "## 怎么改",
  "## 选项",
];
const SECTIONS_EN = [
  "### What it checks",
  "### Why reviewers reject it",
  "### Wrong",
  "### Right",
  "### How to fix",
  "### Options",
];
const ENGLISH = "## English";

function read(file: string): string {
  return fs.readFileSync(file, "utf8").replace(/\r\n/g, "\n");
}

function basenames(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length));
}

/** The page's heading and the line after it: `# id — 中文名`, then the category/severity line. */
function pageHead(id: string): { title: string; meta: string } {
  const lines = read(path.join(DOCS, `${id}.md`)).split("\n");
  const meta = lines.slice(1).find((l) => l.trim() !== "") ?? "";
  return { title: lines[0], meta };
}

/** A message template as a pattern of the rendered text: each `{placeholder}` matches any text. */
function messagePattern(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*?")}$`);
}

/** The text of a page's section, up to the next heading of its level or above (`##` or `###`). */
function section(text: string, heading: string): string {
  const at = text.indexOf(`\n${heading}\n`);
  if (at < 0) return "";
  const start = at + heading.length + 2;
  const ends = [
    text.indexOf("\n## ", start),
    heading.startsWith("### ") ? text.indexOf("\n### ", start) : -1,
  ];
  const next = Math.min(...ends.filter((i) => i >= 0), text.length);
  return text.slice(start, next);
}

/** A page's two halves: the Chinese before `## English`, the English from it on. */
function halves(text: string): { zh: string; en: string } {
  const at = text.indexOf(`\n${ENGLISH}\n`);
  return at < 0 ? { zh: text, en: "" } : { zh: text.slice(0, at + 1), en: text.slice(at) };
}

/** The messages a section quotes, one `> ` line each. */
function quotes(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("> "))
    .map((l) => l.slice(2).trim());
}

/**
 * The English half's title and meta lines: `**<id> — English name**`, then
 * `Category: `x` (Label) · Default severity: `y``.
 */
function englishHead(text: string): { title: string; meta: string } {
  const lines = halves(text)
    .en.split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "");
  return { title: lines[0] ?? "", meta: lines[1] ?? "" };
}

/** `类别：`x`` and `默认严重性：`y`` as a page's second line states them. */
function statedMeta(line: string): { category: string | null; severity: string | null } {
  return {
    category: /类别[：:]\s*`([a-z-]+)`/.exec(line)?.[1] ?? null,
    severity: /默认严重性[：:]\s*`([a-z-]+)`/.exec(line)?.[1] ?? null,
  };
}

/** The rows of the index table in one half of the index, by the id in their first cell. */
function indexRows(half: "zh" | "en"): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of halves(read(INDEX))[half].split("\n")) {
    if (!line.startsWith("|")) continue;
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    const id =
      /^\[`?([a-z0-9-]+)`?\]\(/.exec(cells[0] ?? "")?.[1] ?? /^`([a-z0-9-]+)`$/.exec(cells[0] ?? "")?.[1];
    if (id) rows.set(id, cells);
  }
  return rows;
}

describe("rule catalogue", () => {
  it("names no engine module or engine test like a rule (one id, one thing)", () => {
    const taken = (dir: string, ext: RegExp) =>
      fs
        .readdirSync(path.join(ROOT, dir))
        .filter((f) => ext.test(f))
        .map((f) => f.replace(ext, ""))
        .filter((base) => ids.includes(base));
    expect(taken("src/engine", /\.ts$/)).toEqual([]);
    expect(taken("test/engine", /\.test\.ts$/)).toEqual([]);
  });

  it("registers each id once", () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULES_BY_ID.size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(0);
  });

  describe.each(ids.map((id) => [id] as const))("%s", (id) => {
    const rule = RULES_BY_ID.get(id) as Rule;

    it("has src/rules/<id>.ts exporting this very rule", () => {
      const file = path.join(RULES_SRC, `${id}.ts`);
      expect(fs.existsSync(file)).toBe(true);
      const mod = require(file) as { default?: Rule };
      expect(mod.default).toBe(rule);
    });

    it("has its case table test/rules/<id>.test.ts, which imports the rule's own file", () => {
      const file = path.join(RULES_TEST, `${id}.test.ts`);
      expect(fs.existsSync(file)).toBe(true);
      expect(read(file)).toMatch(new RegExp(`from "\\.\\./\\.\\./src/rules/${id}"`));
    });

    it("has docs/rules/<id>.md whose first lines name the id and state its meta", () => {
      const file = path.join(DOCS, `${id}.md`);
      expect(fs.existsSync(file)).toBe(true);
      const { title, meta } = pageHead(id);
      expect(title).toMatch(new RegExp(`^# ${id} — \\S`));
      expect(statedMeta(meta)).toEqual({ category: rule.meta.category, severity: rule.meta.severity });
      // The category's reviewer label, as the pane and the command line show it (src/messages/terms.ts).
      expect(meta).toContain(
        `\`${rule.meta.category}\`（${MESSAGES.terms.category[rule.meta.category].zh}）`,
      );
    });

    it("has every section of a help page in both halves, in order, with text in each", () => {
      const text = read(path.join(DOCS, `${id}.md`));
      const { zh, en } = halves(text);
      expect(en).not.toBe("");
      for (const [half, headings] of [
        [zh, SECTIONS_ZH],
        [en, SECTIONS_EN],
      ] as const) {
        let at = 0;
        for (const heading of headings) {
          const i = half.indexOf(`\n${heading}\n`, at);
          expect({ heading, found: i >= 0 }).toEqual({ heading, found: true });
          at = i + heading.length + 1;
          expect({ heading, empty: section(half, heading).trim() === "" }).toEqual({ heading, empty: false });
        }
      }
      // Each half has its own headings only: no English section in the Chinese half and no 中文 one in the English.
      for (const h of SECTIONS_EN) expect(zh).not.toContain(`\n${h}\n`);
      for (const h of SECTIONS_ZH) expect(en).not.toContain(`\n${h}\n`);
    });

    it("opens its English half with the id, an English name and the meta in English", () => {
      const { title, meta } = englishHead(read(path.join(DOCS, `${id}.md`)));
      expect(title).toMatch(new RegExp(`^\\*\\*${id} — [A-Za-z][^*]*\\*\\*$`));
      expect(meta).toContain(
        `Category: \`${rule.meta.category}\` (${MESSAGES.terms.category[rule.meta.category].en})`,
      );
      expect(meta).toContain(`Default severity: \`${rule.meta.severity}\``);
    });

    it("quotes in 错误示例 only messages the rule can produce, at least one", () => {
      const zh = quotes(section(read(path.join(DOCS, `${id}.md`)), "## 错误示例"));
      expect(zh.length).toBeGreaterThan(0);
      const templates = Object.values(rule.meta.messages).map((m) => messagePattern(m.zh));
      expect(zh.filter((q) => !templates.some((t) => t.test(q)))).toEqual([]);
    });

    it("quotes in Wrong the same findings in English, one for one: each pair is one message of the rule", () => {
      const text = read(path.join(DOCS, `${id}.md`));
      const zh = quotes(section(text, "## 错误示例"));
      const en = quotes(section(text, "### Wrong"));
      expect(en.length).toBe(zh.length);
      const messages = Object.values(rule.meta.messages).map((m) => ({
        zh: messagePattern(m.zh),
        en: messagePattern(m.en),
      }));
      const unmatched = en
        .map((q, i) => ({ zh: zh[i], en: q }))
        .filter((pair) => !messages.some((m) => m.zh.test(pair.zh) && m.en.test(pair.en)));
      expect(unmatched).toEqual([]);
    });

    it("lists in 选项 and in Options every option of its meta with its default and meaning, or says none", () => {
      const text = read(path.join(DOCS, `${id}.md`));
      const zh = section(text, "## 选项");
      const en = section(text, "### Options");
      const { zh: zhLines, en: enLines } = optionLines(rule.meta);
      if (zhLines.length === 0) {
        expect(zh.trim()).toMatch(/^无/);
        expect(en.trim()).toMatch(/^None/);
        return;
      }
      expect(zh.trim()).not.toBe("无。");
      expect(zhLines.filter((l) => !zh.includes(l))).toEqual([]);
      expect(enLines.filter((l) => !en.includes(l))).toEqual([]);
    });

    it.each(["zh", "en"] as const)(
      "is listed in docs/rules/README.md (%s half) with its link, category and severity",
      (half) => {
        const row = indexRows(half).get(id);
        expect(row).toBeDefined();
        const [first, category, severity, description] = row ?? [];
        expect(first).toContain(`(${id}.md)`);
        expect(category).toContain(
          `\`${rule.meta.category}\` ${MESSAGES.terms.category[rule.meta.category][half]}`,
        );
        expect(severity).toContain(`\`${rule.meta.severity}\``);
        expect((description ?? "").length).toBeGreaterThan(0);
      },
    );
  });

  it("has no help page for an unregistered id", () => {
    const pages = basenames(DOCS, ".md").filter((n) => n !== "README");
    expect(pages.filter((p) => !RULES_BY_ID.has(p))).toEqual([]);
  });

  it("has no case table for an unregistered id", () => {
    expect(basenames(RULES_TEST, ".test.ts").filter((t) => !RULES_BY_ID.has(t))).toEqual([]);
  });

  it("registers every rule module in src/rules", () => {
    const unregistered: string[] = [];
    for (const name of basenames(RULES_SRC, ".ts")) {
      const mod = require(path.join(RULES_SRC, `${name}.ts`)) as { default?: Partial<Rule> };
      const meta = mod.default?.meta;
      if (meta && typeof mod.default?.check === "function" && !RULES_BY_ID.has(meta.id))
        unregistered.push(name);
    }
    expect(unregistered).toEqual([]);
  });

  it.each(["zh", "en"] as const)("indexes (%s half) no rule that is not registered, each once", (half) => {
    const listed = [...halves(read(INDEX))[half].matchAll(/^\|\s*\[`?([a-z0-9-]+)`?\]\(/gm)].map((m) => m[1]);
    expect(listed.filter((id) => !RULES_BY_ID.has(id))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...ids].sort());
  });
});
