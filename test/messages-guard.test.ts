/**
 * No seventh catalogue (issue 13): eslint.config.js forbids a `{ zh: "…", en: "…" }` message literal
 * outside src/messages, src/rules (rule metas) and src/templates (profile data). This runs that rule on
 * small sources placed where it applies and where it does not, so the guard itself is tested.
 */
import { ESLint } from "eslint";
import * as path from "node:path";

// The config passed as data: jest's VM cannot run ESLint's dynamic import of eslint.config.js.
const CONFIG = require("../eslint.config.js") as ESLint.Options["overrideConfig"];
const eslint = new ESLint({
  cwd: path.join(__dirname, ".."),
  overrideConfigFile: true,
  overrideConfig: CONFIG,
});

async function guardHits(code: string, file: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(__dirname, "..", file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").length;
}

const LITERAL = 'export const WORDS = { hello: { zh: "你好", en: "Hello" } };\n';
const TEMPLATE = "export const jobs = (n: number) => ({ zh: `默认 ${n}`, en: `default ${n}` });\n";

describe("the message-literal guard", () => {
  it.each([
    ["src/app/new-words.ts"],
    ["src/taskpane/components/New.tsx"],
    ["src/cli/new-words.ts"],
    ["src/hosts/excel/new-words.ts"],
  ])(
    "rejects a { zh, en } literal in %s",
    async (file) => {
      expect(await guardHits(LITERAL, file)).toBe(1);
      expect(await guardHits(TEMPLATE, file)).toBe(1);
    },
    30000,
  );

  it.each([["src/messages/new-words.ts"], ["src/rules/new-rule.ts"], ["src/templates/profiles/new.ts"]])(
    "allows it in %s",
    async (file) => {
      expect(await guardHits(LITERAL, file)).toBe(0);
    },
    30000,
  );

  it("allows a rule's meta outside src/rules (the internal rule) and data copied from a profile", async () => {
    const meta = 'export const R = { meta: { messages: { a: { zh: "甲", en: "A" } } } };\n';
    const copy = "export const name = (p: { zh: string; en: string }) => ({ zh: p.zh, en: p.en });\n";
    expect(await guardHits(meta, "src/checker-like.ts")).toBe(0);
    expect(await guardHits(copy, "src/app/copy.ts")).toBe(0);
  }, 30000);
});
