/**
 * The grammar of an indicator value cell (实施周期指标值 / 年度指标值).
 *
 * The values found on 绩效目标表 forms are short free text: `≥95%`, `≤60万元`, `300元/人/月`,
 * `81140-165696元/年/人`, `30分钟内`, `受惠群众每月≥1500人`, `1月份完成25台设备的安装和调试`,
 * `有效提升`. The grammar is small and closed, so this is a hand-written scanner over the
 * normalised text rather than a parser library or a pile of regular expressions:
 *
 * ```
 * value    := blank | deadline | [prefix] quantity [suffix] | [prefix] range [suffix]
 *           | compound (two or more quantities / ranges) | qualitative (no number)
 * quantity := [pre-op] number [magnitude] [unit] [post-op]
 * range    := [pre-op] number [magnitude] [unit] sep number [magnitude] [unit] [post-op]
 * pre-op   := ≥ | ≤ | > | < | = | 不低于 | 不少于 | 至少 | 达到 | 不超过 | 控制在 | 大于 | 低于 ...
 * post-op  := 以上 | 及以上 | 以下 | 及以下 | 以内 | 之内 | 内
 * number   := digits [, ddd]* [. digits] | 半小时 | 一小时 | 半天 | 一天
 * unit     := table-unit ( ("/" | "·" | "・" | ".") table-unit )*   e.g. 元/人/月, 元/(人·月)
 * sep      := - | – | — | ~ | 〜 | 至 | 到
 * ```
 *
 * Decisions worth knowing (see also the comments on each table):
 * - `达到` reads as `≥`: a target "reached" is a floor, not an exact figure.
 * - `以上` / `以下` / `以内` include the number itself (≥ / ≤), as in Chinese statutory usage
 *   ("本法所称以上、以下、以内，包括本数").
 * - An operator symbol before the number wins over a word; a word before the number wins over a
 *   word after the unit. A trailing word that agrees with the chosen operator (`≥95%以上`,
 *   `控制在60万元以内`) is consumed; one that contradicts it (`≥95%以下`) is left in the suffix.
 * - `8-10万元`: a magnitude or unit written only after the high number applies to the low one.
 * - A calendar phrase (`1月份`, `12月底`, `6月30日`, `2026年底`, `年底`) next to `前` / `完成` /
 *   `内` / `截至` makes the whole cell a deadline, even when other numbers follow it. A calendar
 *   phrase with a day, `份`, `底` / `末` or a year is a deadline on its own when the cell holds no
 *   other number. A four-digit year (`2026年`) is never read as a quantity.
 * - `半小时` is 30 分钟 (written "30"); `一小时` is 1 小时, `半天` 0.5 天, `一天` 1 天.
 * - `分` is a score (kind "other"), not minutes; minutes are written `分钟`.
 * - Units are a closed table; `个月` / `个工作日` / `个小时` are kept as written (base `个月`).
 *   `㎡` and `m²` reach the grammar as `m2` (NFKC) and are kept as `m2`.
 * - Unit text is rebuilt from its parts with `/`: `元/人·月`, `元/人.月` and `元/(人·月)` all give
 *   `元/人/月`.
 * - In a compound value, the prefix text of each part is dropped and ranges are flattened into
 *   their low and high quantities.
 * - HTML residue (`<p>`, `</p>`, `<br/>`, `&nbsp;` ...) is removed before parsing.
 * - For null / undefined input, `raw` is "".
 */
import Decimal from "decimal.js";
import { normalizeText } from "./text";

export type Operator = "≥" | "≤" | ">" | "<" | "=";
export type UnitKind = "money" | "percent" | "count" | "time" | "measure" | "other";

export interface Unit {
  /** Normalised unit without magnitude, parts joined by `/`: "元/人/月", "%", "人", "元", "天". */
  text: string;
  /** First component: "元", "%", "人", "台", "天" ... */
  base: string;
  /** Denominators: "元/人/月" -> ["人", "月"]. */
  per: string[];
  /** Kind of the base. */
  kind: UnitKind;
}

export interface Quantity {
  /** null when no operator was written ("100%", "5元", "3项"). */
  op: Operator | null;
  /** The operator as written: "≥", "不低于", "以上", "内", "至少" ... */
  opText: string | null;
  /** The number with magnitude applied: "≥9.5万" -> 95000, "半小时内" -> 30 (minutes). */
  value: Decimal;
  /** The digits as written, without thousands separators: "9.5", "160077.00". */
  written: string;
  /** Decimals as written: "160077.00" -> 2. */
  decimals: number;
  magnitude: "万" | "亿" | "千" | null;
  /** null when no unit follows ("≥9.5万", "≥95"). */
  unit: Unit | null;
}

export type ParsedValue =
  | { kind: "blank"; raw: string }
  | { kind: "quantity"; raw: string; prefix: string; suffix: string; quantity: Quantity }
  | { kind: "range"; raw: string; prefix: string; suffix: string; low: Quantity; high: Quantity }
  | { kind: "compound"; raw: string; parts: Quantity[] }
  | { kind: "deadline"; raw: string; month: number | null; text: string }
  | { kind: "qualitative"; raw: string; text: string };

// ---------------------------------------------------------------------------------------------
// Tables

type Magnitude = "万" | "亿" | "千";
const MAGNITUDES: Record<Magnitude, Decimal> = {
  万: new Decimal(10000),
  亿: new Decimal(100000000),
  千: new Decimal(1000),
};

interface UnitEntry {
  text: string;
  kind: UnitKind;
}

function entries(kind: UnitKind, texts: string[]): UnitEntry[] {
  return texts.map((text) => ({ text, kind }));
}

/** The closed unit table, longest first so `人次` wins over `人` and `千米` over magnitude `千`. */
const UNITS: UnitEntry[] = [
  ...entries("money", ["元"]),
  ...entries("percent", ["%", "‰"]),
  ...entries("count", [
    "人次",
    "人",
    "台",
    "套",
    "项",
    "件",
    "个",
    "次",
    "名",
    "户",
    "家",
    "场",
    "期",
    "份",
    "篇",
    "条",
    "辆",
    "间",
    "所",
    "座",
    "册",
    "本",
    "张",
    "批",
    "门",
    "处",
    "宗",
    "笔",
    "单",
    "趟",
    "课时",
    "学时",
    "餐",
    "种",
    "类",
    "组",
  ]),
  ...entries("time", [
    "个工作日",
    "工作日",
    "个月",
    "个小时",
    "小时",
    "分钟",
    "秒",
    "天",
    "日",
    "个星期",
    "星期",
    "周",
    "月",
    "年",
    "个季度",
    "季度",
  ]),
  ...entries("measure", [
    "平方米",
    "立方米",
    "m2",
    "m3",
    "公里",
    "千米",
    "米",
    "吨",
    "公斤",
    "千克",
    "亩",
    "公顷",
    "GB",
    "TB",
    "Mbps",
    "千瓦时",
    "千瓦",
  ]),
  // 分 on these forms is a score (满意度 ≥90分); 周岁 / 岁 are ages.
  ...entries("other", ["分", "周岁", "岁"]),
].sort((a, b) => b.text.length - a.text.length);

/** Operator words written before the number. `达到` is read as `≥` (a floor to reach). */
const PRE_OP_WORDS: [string, Operator][] = [
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["至少", "≥"],
  ["最少", "≥"],
  ["达到", "≥"],
  ["不超过", "≤"],
  ["不高于", "≤"],
  ["不多于", "≤"],
  ["不大于", "≤"],
  ["最多", "≤"],
  ["控制在", "≤"],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["不足", "<"],
  ["等于", "="],
];

/** Operator words written after the number and unit; 以上/以下/以内 include the number. */
const POST_OP_WORDS: [string, Operator][] = [
  ["及以上", "≥"],
  ["以上", "≥"],
  ["及以下", "≤"],
  ["以下", "≤"],
  ["以内", "≤"],
  ["之内", "≤"],
  ["内", "≤"],
];

/** `内` is not "within" when it starts one of these words (内容, 内部 ...). */
const NOT_WITHIN_AFTER_内 = "容部涵外勤业";

const OP_SYMBOLS: Operator[] = ["≥", "≤", ">", "<", "="];

const RANGE_SEPARATORS = ["-", "–", "—", "~", "〜", "至", "到"];

/** Separators between a unit and its denominators after the first `/`. */
const PER_JOINERS = "/·・.";

/** Chinese time words that stand for a number (Chinese numerals are otherwise not numbers). */
const TIME_WORDS: { word: string; written: string; unit: string }[] = [
  { word: "半个小时", written: "30", unit: "分钟" },
  { word: "半小时", written: "30", unit: "分钟" },
  { word: "一个小时", written: "1", unit: "小时" },
  { word: "一小时", written: "1", unit: "小时" },
  { word: "半天", written: "0.5", unit: "天" },
  { word: "一天", written: "1", unit: "天" },
];

const CHINESE_NUMERALS = "零〇一二三四五六七八九十百千万亿两几多半";

/** Words right after a calendar phrase that make it a deadline. */
const DEADLINE_AFTER = ["之前", "以前", "前", "完成", "截止", "止", "内"];
/** Words right before a calendar phrase that make it a deadline. */
const DEADLINE_BEFORE = ["截至", "截止", "完成", "完成于", "定于", "计划于"];
/** `完成` followed by one of these is a noun (完成率, 完成数), not a deadline verb. */
const NOT_VERB_AFTER_完成 = "率数量值度情";

const HTML_TAGS = ["p", "br", "span", "div", "font", "b", "strong", "i", "em", "u"];
const HTML_ENTITIES: [string, string][] = [
  ["&nbsp;", " "],
  ["&lt;", "<"],
  ["&gt;", ">"],
  ["&amp;", "&"],
];

// ---------------------------------------------------------------------------------------------
// Character helpers

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z"));
}

function isAscii(s: string): boolean {
  for (const ch of s) if (ch.charCodeAt(0) > 127) return false;
  return true;
}

function skipSpaces(t: string, i: number): number {
  while (t[i] === " ") i++;
  return i;
}

function skipSpacesBack(t: string, i: number, floor: number): number {
  while (i > floor && t[i - 1] === " ") i--;
  return i;
}

/** The longest word of `words` starting at `i`, or null. */
function wordAt<T extends string | [string, unknown]>(t: string, i: number, words: T[]): T | null {
  let best: T | null = null;
  for (const w of words) {
    const s = typeof w === "string" ? w : w[0];
    if (t.startsWith(s, i) && (best === null || s.length > wordLength(best))) best = w;
  }
  return best;
}

/** The longest word of `words` ending at `end` and starting at or after `floor`, or null. */
function wordBefore<T extends string | [string, unknown]>(
  t: string,
  end: number,
  floor: number,
  words: T[],
): T | null {
  let best: T | null = null;
  for (const w of words) {
    const s = typeof w === "string" ? w : w[0];
    const start = end - s.length;
    if (start >= floor && t.startsWith(s, start) && (best === null || s.length > wordLength(best))) best = w;
  }
  return best;
}

function wordLength(w: string | [string, unknown]): number {
  return typeof w === "string" ? w.length : w[0].length;
}

// ---------------------------------------------------------------------------------------------
// Cleaning

/** Removes the HTML residue copied from other systems: a few inline tags and entities. */
function stripHtml(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    if (s[i] === "<") {
      const end = htmlTagEnd(s, i);
      if (end > i) {
        out += " ";
        i = end;
        continue;
      }
    }
    if (s[i] === "&") {
      const entity = HTML_ENTITIES.find(([e]) => s.slice(i, i + e.length).toLowerCase() === e);
      if (entity) {
        out += entity[1];
        i += entity[0].length;
        continue;
      }
    }
    out += s[i];
    i++;
  }
  return out;
}

/** End of a known HTML tag starting at `i` (`<p>`, `</p>`, `<br/>`, `<span class="x">`), else `i`. */
function htmlTagEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === "/") j++;
  let name = "";
  while (isAsciiLetter(s[j])) name += s[j++];
  if (!HTML_TAGS.includes(name.toLowerCase())) return i;
  if (s[j] !== ">" && s[j] !== " " && s[j] !== "/") return i;
  const close = s.indexOf(">", j);
  return close < 0 ? i : close + 1;
}

function clean(input: string): string {
  return normalizeText(stripHtml(normalizeText(input)));
}

// ---------------------------------------------------------------------------------------------
// Numbers, units, operators

interface NumberToken {
  start: number;
  end: number;
  written: string;
  decimals: number;
}

/** Digits, optional `,ddd` thousands groups (only after a 1-3 digit head), optional decimals. */
function scanNumber(t: string, i: number): NumberToken | null {
  if (!isDigit(t[i])) return null;
  let j = i;
  while (isDigit(t[j])) j++;
  let intPart = t.slice(i, j);
  if (intPart.length <= 3) {
    while (
      t[j] === "," &&
      isDigit(t[j + 1]) &&
      isDigit(t[j + 2]) &&
      isDigit(t[j + 3]) &&
      !isDigit(t[j + 4])
    ) {
      intPart += t.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let frac = "";
  if (t[j] === "." && isDigit(t[j + 1])) {
    let k = j + 1;
    while (isDigit(t[k])) k++;
    frac = t.slice(j + 1, k);
    j = k;
  }
  return { start: i, end: j, written: frac ? `${intPart}.${frac}` : intPart, decimals: frac.length };
}

/** The longest table unit at `i`. ASCII units match case-insensitively and must end a word. */
function unitEntryAt(t: string, i: number): UnitEntry | null {
  for (const e of UNITS) {
    if (isAscii(e.text)) {
      const s = t.slice(i, i + e.text.length);
      if (s.toLowerCase() === e.text.toLowerCase() && !isAsciiLetter(t[i + e.text.length])) return e;
    } else if (t.startsWith(e.text, i)) {
      return e;
    }
  }
  return null;
}

function makeUnit(base: UnitEntry, per: string[]): Unit {
  return { text: [base.text, ...per].join("/"), base: base.text, per, kind: base.kind };
}

/** A unit with its denominators at `i`: `元`, `元/人/月`, `元/人·月`, `元/(人·月)`. */
function scanUnit(t: string, i: number): { unit: Unit; end: number } | null {
  const base = unitEntryAt(t, i);
  if (!base) return null;
  const per: string[] = [];
  let j = i + base.text.length;
  for (;;) {
    const ch = t[j];
    if (ch === "/" && t[j + 1] === "(") {
      const group = scanPerGroup(t, j + 2);
      if (!group) break;
      per.push(...group.per);
      j = group.end;
      continue;
    }
    if (ch === "/" || (per.length > 0 && ch !== undefined && PER_JOINERS.includes(ch))) {
      const next = unitEntryAt(t, j + 1);
      if (!next) break;
      per.push(next.text);
      j += 1 + next.text.length;
      continue;
    }
    break;
  }
  return { unit: makeUnit(base, per), end: j };
}

/** `人·月)` after `/(`: units joined by `/·・.`, closed by `)`. */
function scanPerGroup(t: string, i: number): { per: string[]; end: number } | null {
  const per: string[] = [];
  let j = i;
  for (;;) {
    const e = unitEntryAt(t, j);
    if (!e) return null;
    per.push(e.text);
    j += e.text.length;
    if (t[j] === ")") return { per, end: j + 1 };
    if (t[j] === undefined || !PER_JOINERS.includes(t[j])) return null;
    j++;
  }
}

/** Core of a quantity: number, magnitude and unit, no operators. */
interface Core {
  start: number;
  end: number;
  written: string;
  decimals: number;
  magnitude: Magnitude | null;
  unit: Unit | null;
  /** A time word (半小时 ...) rather than digits: never the low end of a range. */
  word: boolean;
}

function scanCore(t: string, i: number): Core | null {
  const tw = TIME_WORDS.find((w) => t.startsWith(w.word, i));
  if (tw) {
    const before = t[i - 1];
    if (before !== undefined && (isDigit(before) || CHINESE_NUMERALS.includes(before))) return null;
    const unitEntry = UNITS.find((u) => u.text === tw.unit);
    if (!unitEntry) return null;
    const dot = tw.written.indexOf(".");
    return {
      start: i,
      end: i + tw.word.length,
      written: tw.written,
      decimals: dot < 0 ? 0 : tw.written.length - dot - 1,
      magnitude: null,
      unit: makeUnit(unitEntry, []),
      word: true,
    };
  }
  const num = scanNumber(t, i);
  if (!num) return null;
  const core: Core = { ...num, magnitude: null, unit: null, word: false };
  let j = skipSpaces(t, num.end);
  const direct = scanUnit(t, j);
  if (direct) return { ...core, unit: direct.unit, end: direct.end };
  const mag = t[j];
  if (mag === "万" || mag === "亿" || mag === "千") {
    core.magnitude = mag;
    core.end = j + 1;
    j = skipSpaces(t, j + 1);
    const after = scanUnit(t, j);
    if (after) {
      core.unit = after.unit;
      core.end = after.end;
    }
  }
  return core;
}

interface OpMatch {
  op: Operator;
  opText: string;
  start: number;
  end: number;
}

/** An operator symbol or word right before `numStart` (spaces allowed), not before `floor`. */
function scanPreOp(t: string, numStart: number, floor: number): OpMatch | null {
  const end = skipSpacesBack(t, numStart, floor);
  const ch = t[end - 1];
  if (end > floor && OP_SYMBOLS.includes(ch as Operator)) {
    return { op: ch as Operator, opText: ch, start: end - 1, end };
  }
  const w = wordBefore(t, end, floor, PRE_OP_WORDS);
  return w ? { op: w[1], opText: w[0], start: end - w[0].length, end } : null;
}

/** An operator word right after a quantity (spaces allowed): 以上, 以内, 内 ... */
function scanPostOp(t: string, i: number): OpMatch | null {
  const start = skipSpaces(t, i);
  const w = wordAt(t, start, POST_OP_WORDS);
  if (!w) return null;
  const end = start + w[0].length;
  if (w[0] === "内" && t[end] !== undefined && NOT_WITHIN_AFTER_内.includes(t[end])) return null;
  return { op: w[1], opText: w[0], start, end };
}

function isLowerBound(op: Operator): boolean {
  return op === "≥" || op === ">";
}

function isUpperBound(op: Operator): boolean {
  return op === "≤" || op === "<";
}

/** A trailing word that says the same as the operator already chosen. */
function agrees(chosen: Operator, trailing: Operator): boolean {
  return (isLowerBound(chosen) && isLowerBound(trailing)) || (isUpperBound(chosen) && isUpperBound(trailing));
}

function toQuantity(core: Core, op: OpMatch | null): Quantity {
  const base = new Decimal(core.written);
  return {
    op: op ? op.op : null,
    opText: op ? op.opText : null,
    value: core.magnitude ? base.times(MAGNITUDES[core.magnitude]) : base,
    written: core.written,
    decimals: core.decimals,
    magnitude: core.magnitude,
    unit: core.unit,
  };
}

function sameUnit(a: Unit, b: Unit): boolean {
  return a.text === b.text;
}

// ---------------------------------------------------------------------------------------------
// Calendar phrases

interface DatePhrase {
  start: number;
  end: number;
  month: number | null;
  /** Unambiguously a calendar reference: 1月份, 12月底, 6月30日, 2026年12月, 2026年底, 年底. */
  strong: boolean;
  /** A bare year `2026年`: kept out of the quantities, a deadline only when anchored. */
  yearOnly: boolean;
  /** Next to 前 / 完成 / 内 / 截至 ...: the cell is a deadline. */
  anchored: boolean;
}

function readInt(t: string, i: number): { n: number; end: number; len: number } | null {
  let j = i;
  while (isDigit(t[j])) j++;
  if (j === i) return null;
  return { n: Number(t.slice(i, j)), end: j, len: j - i };
}

/** After `M月` at `afterMonth`: the qualifier (份, 底, 末, 初, 旬, D日/号) and where it ends. */
function monthQualifier(t: string, afterMonth: number): { end: number; strong: boolean } {
  const q = t[afterMonth];
  if (q === "份" || q === "底" || q === "末" || q === "初") {
    // 1月份底 is unusual but harmless.
    const end = afterMonth + 1;
    return { end: t[end] === "底" || t[end] === "末" ? end + 1 : end, strong: true };
  }
  const xun = wordAt(t, afterMonth, ["上旬", "中旬", "下旬"]);
  if (xun) return { end: afterMonth + xun.length, strong: true };
  const day = readInt(t, afterMonth);
  if (day && day.n >= 1 && day.n <= 31 && (t[day.end] === "日" || t[day.end] === "号")) {
    return { end: day.end + 1, strong: true };
  }
  return { end: afterMonth, strong: false };
}

function isAnchored(t: string, start: number, end: number): boolean {
  const after = skipSpaces(t, end);
  const w = wordAt(t, after, DEADLINE_AFTER);
  if (w !== null) {
    const next = t[after + w.length];
    const noun = w === "完成" && next !== undefined && NOT_VERB_AFTER_完成.includes(next);
    if (!noun) return true;
  }
  const before = skipSpacesBack(t, start, 0);
  return wordBefore(t, before, 0, DEADLINE_BEFORE) !== null;
}

/** Calendar phrases, weak unanchored bare months (`12月` in `≥12月`) excluded. */
function findDatePhrases(t: string): DatePhrase[] {
  const found: DatePhrase[] = [];
  let i = 0;
  while (i < t.length) {
    const prev = t[i - 1];
    const boundary = prev === undefined || !(isDigit(prev) || prev === "." || prev === ",");
    if (isDigit(t[i]) && boundary) {
      const first = readInt(t, i);
      if (!first) break;
      let phrase: Omit<DatePhrase, "anchored"> | null = null;
      if (t[first.end] === "年" && first.len === 4 && first.n >= 1900 && first.n <= 2100) {
        const k = first.end + 1;
        const m = readInt(t, k);
        if (m && m.n >= 1 && m.n <= 12 && t[m.end] === "月") {
          const q = monthQualifier(t, m.end + 1);
          phrase = { start: i, end: q.end, month: m.n, strong: true, yearOnly: false };
        } else if (t[k] === "底" || t[k] === "末") {
          phrase = { start: i, end: k + 1, month: 12, strong: true, yearOnly: false };
        } else if (t[k] === "内") {
          phrase = { start: i, end: k + 1, month: null, strong: false, yearOnly: false };
        } else {
          phrase = { start: i, end: k, month: null, strong: false, yearOnly: true };
        }
      } else if (t[first.end] === "月" && first.n >= 1 && first.n <= 12 && prev !== "/") {
        const q = monthQualifier(t, first.end + 1);
        phrase = { start: i, end: q.end, month: first.n, strong: q.strong, yearOnly: false };
      }
      if (phrase) {
        const anchored = isAnchored(t, phrase.start, phrase.end);
        if (phrase.strong || phrase.yearOnly || anchored) found.push({ ...phrase, anchored });
        i = phrase.end;
      } else {
        i = first.end;
      }
      continue;
    }
    const yearWord = wordAt(t, i, ["年底", "年末", "年内"]);
    if (yearWord && !(prev !== undefined && (isDigit(prev) || CHINESE_NUMERALS.includes(prev)))) {
      const end = i + yearWord.length;
      const strong = yearWord !== "年内";
      const anchored = isAnchored(t, i, end);
      if (strong || anchored) {
        found.push({ start: i, end, month: strong ? 12 : null, strong, yearOnly: false, anchored });
      }
      i = end;
      continue;
    }
    i++;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Quantities

type Item =
  | { kind: "quantity"; start: number; end: number; quantity: Quantity }
  | { kind: "range"; start: number; end: number; low: Quantity; high: Quantity };

function findItems(t: string, skip: DatePhrase[]): Item[] {
  const items: Item[] = [];
  let floor = 0;
  let i = 0;
  while (i < t.length) {
    const span = skip.find((d) => i >= d.start && i < d.end);
    if (span) {
      i = span.end;
      continue;
    }
    const core = scanCore(t, i);
    if (!core) {
      i++;
      continue;
    }
    const pre = scanPreOp(t, core.start, floor);
    const start = pre ? pre.start : core.start;

    let high: Core | null = null;
    if (!core.word) {
      const sepAt = skipSpaces(t, core.end);
      const sep = wordAt(t, sepAt, RANGE_SEPARATORS);
      if (sep) {
        const k = skipSpaces(t, sepAt + sep.length);
        const inSkip = skip.some((d) => k >= d.start && k < d.end);
        const second = !inSkip && isDigit(t[k]) ? scanCore(t, k) : null;
        if (second && (!core.unit || !second.unit || sameUnit(core.unit, second.unit))) high = second;
      }
    }
    const last = high ?? core;
    let end = last.end;
    const post = scanPostOp(t, last.end);

    if (high) {
      const low: Core = { ...core };
      if (!low.unit && !low.magnitude && high.magnitude) low.magnitude = high.magnitude;
      if (!low.unit && high.unit) low.unit = high.unit;
      const hi: Core = { ...high };
      if (!hi.unit && low.unit) hi.unit = low.unit;
      if (post) end = post.end;
      items.push({ kind: "range", start, end, low: toQuantity(low, pre), high: toQuantity(hi, post) });
    } else {
      let op: OpMatch | null = pre;
      if (post && !pre) {
        op = post;
        end = post.end;
      } else if (post && pre && agrees(pre.op, post.op)) {
        end = post.end;
      }
      items.push({ kind: "quantity", start, end, quantity: toQuantity(core, op) });
    }
    floor = end;
    i = end;
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Parses one indicator value cell. Never throws. */
const memo = new Map<string, ParsedValue>();

/**
 * Parses a value cell. Memoised: forms repeat the same values (`100%`, `≥90%`) hundreds of times
 * in a large workbook. Results are shared, so callers must not mutate them.
 */
export function parseIndicatorValue(input: string | null | undefined): ParsedValue {
  if (input === null || input === undefined) return { kind: "blank", raw: "" };
  let parsed = memo.get(input);
  if (parsed === undefined) {
    parsed = parseUncached(input);
    if (memo.size >= 20000) memo.clear();
    memo.set(input, parsed);
  }
  return parsed;
}

function parseUncached(input: string | null | undefined): ParsedValue {
  const raw = input ?? "";
  if (input === null || input === undefined) return { kind: "blank", raw };
  const t = clean(input);
  if (t === "") return { kind: "blank", raw };

  const dates = findDatePhrases(t);
  const anchored = dates.find((d) => d.anchored);
  if (anchored) return { kind: "deadline", raw, month: anchored.month, text: t };

  const items = findItems(t, dates);
  if (items.length === 0) {
    const strong = dates.find((d) => d.strong);
    if (strong) return { kind: "deadline", raw, month: strong.month, text: t };
    return { kind: "qualitative", raw, text: t };
  }
  if (items.length === 1) {
    const item = items[0];
    const prefix = t.slice(0, item.start).trim();
    const suffix = t.slice(item.end).trim();
    if (item.kind === "range") return { kind: "range", raw, prefix, suffix, low: item.low, high: item.high };
    return { kind: "quantity", raw, prefix, suffix, quantity: item.quantity };
  }
  const parts = items.flatMap((it) => (it.kind === "range" ? [it.low, it.high] : [it.quantity]));
  return { kind: "compound", raw, parts };
}

/** The quantities of a parsed value (quantity -> [q], range -> [low, high], compound -> parts, else []). */
export function quantitiesOf(v: ParsedValue): Quantity[] {
  switch (v.kind) {
    case "quantity":
      return [v.quantity];
    case "range":
      return [v.low, v.high];
    case "compound":
      return v.parts;
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

/**
 * The canonical text of a parsed value: what `parseIndicatorValue` reads back as the same kind,
 * operators, numbers and units.
 *
 * - quantity: operator symbol, the digits as written, the magnitude as written, the unit text:
 *   `≥95%`, `≤60万元`, `300元/人/月`, `≤30分钟` (for `半小时内`). Prefix and suffix text is dropped.
 * - range: `81140-165696元/年/人`, `8-10万元`; the low end's magnitude and unit are written only
 *   when they differ from the high end's; a low operator goes in front (`≥80-90%`), a high one
 *   after the unit as `以上` / `以下`.
 * - compound: its quantities joined by `；`.
 * - deadline and qualitative: the normalised text; blank: "".
 *
 * Where plain concatenation would read differently a space is kept: `5千 米` (5000 米, not 5 千米)
 * and `2026 年` (2026 years, not the year 2026).
 */
export function formatIndicatorValue(v: ParsedValue): string {
  switch (v.kind) {
    case "blank":
      return "";
    case "quantity":
      return formatQuantity(v.quantity, true);
    case "range": {
      const { low, high } = v;
      const sameTail =
        low.magnitude === high.magnitude && (low.unit?.text ?? null) === (high.unit?.text ?? null);
      const lowText = (low.op ?? "") + (sameTail ? low.written : formatQuantity(low, false));
      const post = high.op === null ? "" : isLowerBound(high.op) ? "以上" : "以下";
      return `${lowText}-${formatQuantity(high, false)}${post}`;
    }
    case "compound":
      return v.parts.map((q) => formatQuantity(q, true)).join("；");
    case "deadline":
    case "qualitative":
      return v.text;
  }
}

/** Digits, magnitude and unit (with the operator symbol in front when `withOp`). */
function formatQuantity(q: Quantity, withOp: boolean): string {
  let s = (withOp && q.op ? q.op : "") + q.written;
  const unit = q.unit?.text ?? "";
  if (q.magnitude) {
    s += q.magnitude;
    // 5千 + 米 must not read as 5 千米.
    if (unit && unitEntryAt(q.magnitude + unit, 0)) s += " ";
  } else if (unit.startsWith("年") && /^\d{4}$/.test(q.written) && +q.written >= 1900 && +q.written <= 2100) {
    // 2026年 alone is a calendar year, not a quantity of years.
    s += " ";
  }
  return s + unit;
}
