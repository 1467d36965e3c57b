/** Renders a diagnostic's message in a language from its rule's message data. */
import type { Diagnostic, Lang, Message, MessageArgs, Rule } from "./types";

export function interpolate(template: string, args: MessageArgs): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : whole,
  );
}

export function renderMessage(message: Message, args: MessageArgs, lang: Lang): string {
  return interpolate(lang === "en" ? message.en : message.zh, args);
}

export function formatDiagnostic(d: Diagnostic, rules: ReadonlyMap<string, Rule>, lang: Lang): string {
  const rule = rules.get(d.rule);
  const message = rule?.meta.messages[d.messageId];
  if (!message) return `${d.rule}/${d.messageId}`;
  const args: MessageArgs = {};
  for (const [k, v] of Object.entries(d.args)) args[k] = localizeArg(v, lang);
  return renderMessage(message, args, lang);
}

/** Quoted cell text longer than this is shortened in messages (a cell may hold 100k characters). */
const MAX_ARG_LENGTH = 120;

/** Args may carry both languages as `中文|English`; pick one, and keep it readable in length. */
function localizeArg(v: string | number, lang: Lang): string | number {
  if (typeof v !== "string") return v;
  let s = v;
  if (s.includes("\u241f")) {
    const [zh, en] = s.split("\u241f");
    s = lang === "en" ? en : zh;
  }
  return s.length > MAX_ARG_LENGTH ? `${s.slice(0, MAX_ARG_LENGTH - 1)}…` : s;
}

/** Pack a bilingual argument (see localizeArg). */
export function bilingual(zh: string, en: string): string {
  return `${zh}\u241f${en}`;
}
