/**
 * Renders a diagnostic's message in a language from its rule's message data. An argument may be a
 * message of the same catalogue (`{ messageId, args }`, rendered in the same language, nested to any
 * depth) or a list of names (`{ list }`, quoted and joined as the language does), so that no rule
 * assembles a sentence in code.
 */
import type { Diagnostic, Lang, Message, MessageArg, MessageArgs, MessageRef, Rule } from "./types";

export function interpolate(template: string, args: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : whole,
  );
}

/** A template with plain arguments (the add-in's and the command line's own words). */
export function renderMessage(message: Message, args: MessageArgs, lang: Lang): string {
  return interpolate(lang === "en" ? message.en : message.zh, args);
}

/** Nesting deeper than this is a loop in a catalogue, not a message. */
const MAX_DEPTH = 4;

/** A message of `catalogue` by reference, its arguments localised and nested messages rendered. */
export function renderRef(
  catalogue: Readonly<Record<string, Message>>,
  ref: MessageRef,
  lang: Lang,
  depth = 0,
): string | null {
  const message = Object.prototype.hasOwnProperty.call(catalogue, ref.messageId)
    ? catalogue[ref.messageId]
    : undefined;
  if (!message || depth > MAX_DEPTH) return null;
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ref.args ?? {})) args[k] = renderArg(catalogue, v, lang, depth);
  return interpolate(lang === "en" ? message.en : message.zh, args);
}

export function formatDiagnostic(d: Diagnostic, rules: ReadonlyMap<string, Rule>, lang: Lang): string {
  const rule = rules.get(d.rule);
  const text = rule ? renderRef(rule.meta.messages, { messageId: d.messageId, args: d.args }, lang) : null;
  return text ?? `${d.rule}/${d.messageId}`;
}

/** The finding's 详情 (its reasoning), or null when it has none. */
export function formatDetail(d: Diagnostic, rules: ReadonlyMap<string, Rule>, lang: Lang): string | null {
  const rule = rules.get(d.rule);
  return rule && d.detail ? renderRef(rule.meta.messages, d.detail, lang) : null;
}

/** Quoted cell text longer than this is shortened in messages (a cell may hold 100k characters). */
const MAX_ARG_LENGTH = 120;

function renderArg(
  catalogue: Readonly<Record<string, Message>>,
  v: MessageArg,
  lang: Lang,
  depth: number,
): string | number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return shorten(v);
  if ("list" in v) {
    const items = v.list.map((x) => shorten(x));
    return lang === "en" ? items.join(", ") : items.map((x) => `「${x}」`).join("、");
  }
  return renderRef(catalogue, v, lang, depth + 1) ?? v.messageId;
}

/** Keep quoted cell text readable in length (a cell may hold 100k characters). */
function shorten(s: string): string {
  return s.length > MAX_ARG_LENGTH ? `${s.slice(0, MAX_ARG_LENGTH - 1)}…` : s;
}
