/**
 * Every catalogue of words outside the rules (the rules' own messages are checked by the rule tester
 * and test/catalogue.test.ts) has every message in both locales, zh-CN and English, non-empty and with
 * the same placeholders: a `{name}` in one language and not the other would render as a literal brace
 * or drop a figure. Walks each catalogue as data, so a new message is covered without listing it.
 */
import { CATEGORY_LABEL, FORM_KIND_LABEL, SEVERITY_LABEL } from "../src/core";
import { UI } from "../src/app/messages";
import { CLI_MESSAGES } from "../src/cli/messages";
import { CONFIG_MESSAGES } from "../src/config/messages";
import { REPORT_WORDS } from "../src/report/words";
import { FIXES, INSERT, PANE, UNIT_WORDS } from "../src/taskpane/strings";

const CATALOGUES: Record<string, unknown> = {
  "core/categories": CATEGORY_LABEL,
  "core/terms severities": SEVERITY_LABEL,
  "core/terms form kinds": FORM_KIND_LABEL,
  "app/messages": UI,
  "cli/messages": CLI_MESSAGES,
  "config/messages": CONFIG_MESSAGES,
  "report/words": REPORT_WORDS,
  "taskpane/strings PANE": PANE,
  "taskpane/strings INSERT": INSERT,
  "taskpane/strings FIXES": FIXES,
  "taskpane/strings UNIT_WORDS": UNIT_WORDS,
};

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
  for (const [k, v] of Object.entries(o)) leaves(v, `${path}.${k}`, out);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(CATALOGUES))("the %s catalogue", (name, catalogue) => {
  const all = leaves(catalogue, name);

  it("has messages", () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it("has every message in zh and en, non-empty, with the same placeholders", () => {
    const bad = all.filter(
      (l) =>
        typeof l.zh !== "string" ||
        typeof l.en !== "string" ||
        l.zh.trim() === "" ||
        l.en.trim() === "" ||
        placeholders(l.zh).join() !== placeholders(l.en).join(),
    );
    expect(bad.map((l) => `${l.path}: ${String(l.zh)} | ${String(l.en)}`)).toEqual([]);
  });
});

it("the walk finds a message whose English lacks a placeholder (the check can fail)", () => {
  const broken = { a: { zh: "共 {n} 个", en: "in all" }, b: { c: { zh: "好", en: "" } } };
  const bad = leaves(broken, "x").filter(
    (l) =>
      typeof l.en !== "string" ||
      l.en === "" ||
      placeholders(String(l.zh)).join() !== placeholders(l.en).join(),
  );
  expect(bad.map((l) => l.path)).toEqual(["x.a", "x.b.c"]);
});
