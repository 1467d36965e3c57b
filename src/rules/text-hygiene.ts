import { reportOnce } from "./util";
import type { TextField } from "../engine/model";
import { cellFix, fixList } from "./fixes";
import { defineRule, type Fix, type MessageArg, type MessageArgs } from "./types";
import type { CellRef } from "../engine/model";

type MessageId =
  | "html"
  | "doubled"
  | "punctuation"
  | "placeholder"
  | "spaces"
  | "fixHtml"
  | "fixDoubled"
  | "fixPunctuation"
  | "fixSpaces";
type Problem = { messageId: MessageId; args: MessageArgs; fix?: { messageId: MessageId; after: string } };

/** The problems' safe fixes as data on the cell they were found in. */
function withFixes(found: Problem[], ref: CellRef, raw: string): (Problem & { fixes?: Fix[] })[] {
  return found.map((p) => {
    const fixes = p.fix ? fixList(cellFix("safe", p.fix.messageId, ref, raw, p.fix.after, p.args)) : [];
    return fixes.length ? { ...p, fixes } : p;
  });
}

/** Tags and entities copied from web systems (`<p>…</p>`, `<br/>`, `&nbsp;`). */
const HTML_TAG =
  /<\/?(?:p|br|span|div|font|b|strong|i|em|u|a|img|table|tbody|thead|tr|td|th|li|ul|ol|h[1-6]|sup|sub|hr|section|article|o:p)\b[^<>]*\/?>/i;
const HTML_ENTITY = /&(?:nbsp|lt|gt|amp|quot|apos|ensp|emsp|#\d{1,6}|#x[0-9a-f]{1,6});/i;
const ENTITY_TEXT: Record<string, string> = {
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * The text without its HTML residue: tags removed (a line break for `<br>`), entities decoded (`&nbsp;`
 * a space). Nothing else changes; edges left blank by a removed tag are trimmed when the text had none.
 */
export function withoutHtml(raw: string): string {
  const tags = new RegExp(HTML_TAG.source, "gi");
  const entities = new RegExp(HTML_ENTITY.source, "gi");
  let t = raw.replace(tags, (m) => (/^<br\b/i.test(m) ? "\n" : ""));
  t = t.replace(entities, (m) => {
    const name = m.slice(1, -1).toLowerCase();
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITY_TEXT[name] ?? m;
  });
  return raw.trim() === raw ? t.trim() : t;
}

/** CJK ideographs (the blocks a form's text uses), by UTF-16 code unit. */
function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Longest phrase looked for: longer repeats are copy-paste, not a slip of the keyboard. */
const MAX_DOUBLED = 12;

/**
 * Every adjacent doubled run of two or more ideographs (`优化优化`), leftmost first, the shortest
 * phrase at each position. Single characters are not counted: `工作作风`, `质保金金额` and
 * reduplications (`常常`) are normal Chinese; `一步一步`-style phrases are skipped by the caller. A scan over UTF-16 code units with no allocation until a match: long
 * goal texts are common, and a regex with a backreference backtracks badly on them.
 */
function* doubledRuns(text: string): Generator<{ phrase: string; doubled: string }> {
  const n = text.length;
  for (let i = 0; i + 3 < n;) {
    let found = 0;
    if (isHan(text.charCodeAt(i))) {
      for (let len = 2; len <= MAX_DOUBLED && i + 2 * len <= n && !found; len++) {
        if (!isHan(text.charCodeAt(i + len - 1))) break; // the phrase must be ideographs only
        let same = true;
        for (let k = 0; k < len && same; k++) same = text.charCodeAt(i + k) === text.charCodeAt(i + len + k);
        if (same) found = len;
      }
    }
    if (!found) {
      i++;
      continue;
    }
    const phrase = text.slice(i, i + found);
    yield { phrase, doubled: phrase + phrase };
    i += 2 * found;
  }
}

/** Stray punctuation at the end of a name, or `.%` left from a unit column (`发放及时率.%`). */
const TRAILING_PUNCT = /[。.．,，;；、:：]$/;
const DOT_PERCENT = /[.。．][%％]/;

/** Leading or trailing whitespace as stored (full-width and no-break spaces included). */
const EDGE_SPACE = /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/;

/**
 * Text residue a reviewer sends back: HTML copied from another system (seed line 15), a doubled phrase
 * (`通过优化优化“企莞家”`, line 15), stray punctuation in a name (`发放及时率.%` line 135, `支出标准。`
 * line 230), and spaces around a name (the budget systems reject them: `checkSpaceValue`). Checked on
 * the text as stored. Names are the 三级 indicator names, 部门名称, 项目名称 and the key tasks' names;
 * HTML and doubled phrases are also looked for in every text field and indicator value.
 */
export default defineRule({
  meta: {
    id: "text-hygiene",
    category: "wording",
    severity: "warning",
    description: {
      zh: "文字中不应有网页代码、重复的词语，名称中不应有多余的标点或首尾空格。",
      en: "Text must be free of HTML residue and doubled phrases; names must not carry stray punctuation or leading/trailing spaces.",
    },
    messages: {
      html: {
        zh: "「{field}」含有网页代码「{snippet}」（从其他系统复制带入），请删除。",
        en: "{field} contains HTML markup '{snippet}' (copied from another system); remove it.",
      },
      doubled: {
        zh: "「{field}」中「{phrase}」连续重复出现（「{doubled}」），疑为笔误。",
        en: "In {field}, '{phrase}' is written twice in a row ('{doubled}'): probably a typo.",
      },
      fixHtml: { zh: "删除网页代码", en: "Remove the HTML markup" },
      fixDoubled: { zh: "「{doubled}」改为「{phrase}」", en: "Change '{doubled}' to '{phrase}'" },
      fixPunctuation: { zh: "删除标点「{mark}」", en: "Remove the punctuation '{mark}'" },
      fixSpaces: { zh: "删除首尾空格", en: "Remove the leading and trailing spaces" },
      punctuation: {
        zh: "名称「{text}」含有多余的标点「{mark}」，请删除。",
        en: "The name '{text}' has the stray punctuation '{mark}'; remove it.",
      },
      placeholder: {
        zh: "名称「{text}」中留有模板占位符「{snippet}」，请删除或填写实际数值。",
        en: "The name '{text}' still carries the template placeholder '{snippet}'; remove it or state the figure.",
      },
      spaces: {
        zh: "「{field}」首尾有多余的空格，请删除。",
        en: "{field} has leading or trailing spaces; remove them.",
      },
      // The {field} of a named indicator or task, in each language's own quotes (not 『』 in English).
      "field-indicator": { zh: "三级指标『{name}』", en: "三级 indicator '{name}'" },
      "field-indicator-value": { zh: "『{name}』的指标值", en: "指标值 of '{name}'" },
      "field-task-content": {
        zh: "年度重点工作任务『{task}』的主要实施内容",
        en: "主要实施内容 of key task '{task}'",
      },
      "field-task-goal": {
        zh: "年度重点工作任务『{task}』的期望达到的目标",
        en: "期望达到的目标 of key task '{task}'",
      },
    },
  },
  check(ctx) {
    const field = (f: TextField | undefined, label: MessageArg, isName = false) => {
      if (!f || f.raw.trim() === "") return;
      for (const p of withFixes(problems(f.raw, label, isName), f.ref, f.raw))
        ctx.report({
          messageId: p.messageId,
          ref: f.ref,
          args: p.args,
          ...(p.fixes ? { fixes: p.fixes } : {}),
        });
    };
    for (const form of ctx.model.forms) {
      if (form.kind === "department") {
        field(form.name, "部门名称", true);
        field(form.overallGoal, "总体绩效目标");
        field(form.otherTasks, "其他需完成的任务");
        for (const t of form.tasks) {
          const task = t.name.text;
          field(t.name, "年度重点工作任务名称", true);
          field(
            t.content,
            task ? { messageId: "field-task-content", args: { task } } : "年度重点工作任务的主要实施内容",
          );
          field(
            t.goal,
            task ? { messageId: "field-task-goal", args: { task } } : "年度重点工作任务的期望达到的目标",
          );
        }
      } else {
        field(form.name, "项目名称", true);
        field(form.type, "项目类型");
        field(form.level, "项目等级");
        field(form.owner, "主管部门");
        field(form.user, "用款单位");
        field(form.periodGoal, "实施周期总目标");
        field(form.annualGoal, "年度目标");
      }
      for (const ind of form.indicators) {
        // Most indicators are clean: known clean texts are skipped before any label is built.
        if (isClean(ind.nameRaw, true) && isClean(ind.period.raw, false) && isClean(ind.annual.raw, false))
          continue;
        if (ind.nameRaw.trim() !== "") {
          const found = problems(
            ind.nameRaw,
            { messageId: "field-indicator", args: { name: ind.name } },
            true,
          );
          for (const p of withFixes(found, ind.nameRef, ind.nameRaw)) {
            ctx.report({
              messageId: p.messageId,
              ref: ind.nameRef,
              args: p.args,
              ...(p.fixes ? { fixes: p.fixes } : {}),
            });
          }
        }
        const label: MessageArg = ind.name
          ? { messageId: "field-indicator-value", args: { name: ind.name } }
          : "指标值";
        reportOnce(ctx, ind, (v) =>
          v.raw.trim() === "" ? [] : withFixes(problems(v.raw, label, false), v.ref, v.raw),
        );
      }
    }
  },
});

const PLACEHOLDER = /\(?\s*[≥≤<>=]?\s*\*{2,}[^()\s,，]{0,6}\s*\)?/;

/**
 * Texts known to have none of the problems (as names, and as other text), shared by every check: forms
 * repeat the same names and phrases, and a re-check sees the same cells again. Bounded: cleared past CLEAN_LIMIT.
 */
const CLEAN_LIMIT = 100_000;
const cleanNames = new Set<string>();
const cleanTexts = new Set<string>();

/** The problems of one cell, at most one per kind. */
/** Known to have no problem, or blank (a blank cell is never looked at). */
function isClean(raw: string, isName: boolean): boolean {
  return (isName ? cleanNames : cleanTexts).has(raw) || raw.trim() === "";
}

function problems(raw: string, field: MessageArg, isName: boolean): Problem[] {
  const clean = isName ? cleanNames : cleanTexts;
  if (clean.has(raw)) return [];
  const found = findProblems(raw, field, isName);
  if (found.length === 0) {
    if (clean.size >= CLEAN_LIMIT) clean.clear();
    clean.add(raw);
  }
  return found;
}

function findProblems(raw: string, field: MessageArg, isName: boolean): Problem[] {
  const found: Problem[] = [];
  const html = raw.includes("<") || raw.includes("&") ? (HTML_TAG.exec(raw) ?? HTML_ENTITY.exec(raw)) : null;
  if (html)
    found.push({
      messageId: "html",
      args: { field, snippet: html[0] },
      fix: { messageId: "fixHtml", after: withoutHtml(raw) },
    });
  for (const { phrase, doubled } of doubledRuns(raw)) {
    if (phrase.length === 2 && phrase[0] === "一") continue; // 一步一步, 一个一个
    // The first doubled run is the one reported: the fix writes its phrase once, nothing else.
    found.push({
      messageId: "doubled",
      args: { field, phrase, doubled },
      fix: { messageId: "fixDoubled", after: raw.replace(doubled, phrase) },
    });
    break;
  }
  if (isName) {
    const text = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ""); // as written, but trimmed
    const dot = DOT_PERCENT.exec(raw);
    const mark = dot?.[0] ?? TRAILING_PUNCT.exec(text)?.[0];
    if (mark) {
      // `.%` loses its dot (the % says the unit); a trailing mark is dropped, spaces around it kept.
      const at = dot ? dot.index : raw.lastIndexOf(mark);
      const after = raw.slice(0, at) + raw.slice(at + 1);
      found.push({
        messageId: "punctuation",
        args: { text, mark },
        fix: { messageId: "fixPunctuation", after },
      });
    }
    // The 指标库's placeholders (`(≥**%)`, `≥**人`, `(≤**万元)`) left in a filled form.
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) found.push({ messageId: "placeholder", args: { text, snippet: placeholder[0] } });
    if (EDGE_SPACE.test(raw))
      found.push({
        messageId: "spaces",
        args: { field },
        fix: { messageId: "fixSpaces", after: raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "") },
      });
  }
  return found;
}
