/**
 * The one catalogue of words outside the rules (src/messages; the rules' own messages are checked by
 * the rule tester and test/catalogue.test.ts) has every message in both locales, zh-CN and English,
 * non-empty and with the same placeholders: a `{name}` in one language and not the other would render
 * as a literal brace or drop a figure. Walks the catalogue as data, so a new message is covered without
 * listing it; and every id the code names (`t("…")`, `ref("…")`, `messageId: "…"` outside the rules,
 * including the fixed part of a `t(\`terms.severity.${s}\`)`) is in the catalogue.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGES, messageIds } from "../src/messages";

interface Leaf {
  path: string;
  zh: unknown;
  en: unknown;
}

/** The messages of a catalogue: every object with a zh or an en key, wherever it is nested. */
function leaves(node: unknown, path: string, out: Leaf[] = []): Leaf[] {
  if (typeof node !== "object" || node === null) return out;
  const o = node as Record<string, unknown>;
  if ("zh" in o || "en" in o) {
    out.push({ path, zh: o.zh, en: o.en });
    return out;
  }
  for (const [k, v] of Object.entries(o)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const bad = (all: Leaf[]) =>
  all.filter(
    (l) =>
      typeof l.zh !== "string" ||
      typeof l.en !== "string" ||
      l.zh.trim() === "" ||
      l.en.trim() === "" ||
      placeholders(l.zh).join() !== placeholders(l.en).join(),
  );

describe.each(Object.keys(MESSAGES))("the %s namespace", (ns) => {
  const all = leaves(MESSAGES[ns as keyof typeof MESSAGES], ns);

  it("has messages", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it("has every message in zh and en, non-empty, with the same placeholders", () => {
    expect(bad(all).map((l) => `${l.path}: ${String(l.zh)} | ${String(l.en)}`)).toEqual([]);
  });
});

it("the renderer knows every message of the walk, by its dotted id", () => {
  expect(messageIds().sort()).toEqual(
    leaves(MESSAGES, "")
      .map((l) => l.path)
      .sort(),
  );
});

it("the walk finds a message whose English lacks a placeholder (the check can fail)", () => {
  const broken = { a: { zh: "共 {n} 个", en: "in all" }, b: { c: { zh: "好", en: "" } } };
  expect(bad(leaves(broken, "x")).map((l) => l.path)).toEqual(["x.a", "x.b.c"]);
});

/** Every .ts/.tsx file under src except the rules (whose ids are their own catalogue's). */
function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(SRC, "rules")) sources(p, out);
    } else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}
const SRC = path.join(__dirname, "../src");

/** Ids named in code: `t("id"`, `ref("id"`, `messageId: "id"`, a quoted id in an id table; and `t(\`a.b.${`. */
function namedIds(text: string): { fixed: string[]; prefixes: string[] } {
  const NS = Object.keys(MESSAGES).join("|");
  const fixed = [...text.matchAll(new RegExp(`["'](?:${NS})\\.[^"'\\s\`$]+["']`, "g"))].map((m) =>
    m[0].slice(1, -1),
  );
  const prefixes = [...text.matchAll(new RegExp(`\`((?:${NS})\\.[\\w.]*\\.)\\$\\{`, "g"))].map((m) => m[1]);
  return { fixed, prefixes };
}

it("every message id the code names is in the catalogue", () => {
  const ids = new Set(messageIds());
  const missing: string[] = [];
  let named = 0;
  for (const file of sources(SRC)) {
    const { fixed, prefixes } = namedIds(fs.readFileSync(file, "utf8"));
    named += fixed.length + prefixes.length;
    const where = path.relative(SRC, file);
    for (const id of fixed) if (!ids.has(id)) missing.push(`${where}: ${id}`);
    for (const p of prefixes) if (![...ids].some((id) => id.startsWith(p))) missing.push(`${where}: ${p}…`);
  }
  expect(named).toBeGreaterThan(200);
  expect(missing).toEqual([]);
});

it("the id scan finds an id the catalogue lacks (the check can fail)", () => {
  const { fixed, prefixes } = namedIds('t("pane.countForms", lang); t(`terms.nope.${x}`, lang)');
  expect(fixed).toEqual(["pane.countForms"]);
  expect(prefixes).toEqual(["terms.nope."]);
  expect(messageIds().some((id) => id.startsWith("terms.nope."))).toBe(false);
});
