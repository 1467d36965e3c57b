/**
 * A rule's messages through the one renderer (src/messages/render.ts): a diagnostic's message and its
 * 详情 are references into its rule's own catalogue (`meta.messages`, ESLint's model). An argument may be
 * a message of the same catalogue (nested to any depth) or a list of names, so that no rule assembles a
 * sentence in code; quoted cell text is shortened (a cell may hold 100k characters).
 */
import type { Diagnostic, Lang, MessageRef, Rule } from "./types";
import { resolve, sourceOf } from "../messages";

/** Quoted cell text longer than this is shortened in messages. */
const MAX_ARG_LENGTH = 120;

/** A reference into a rule's catalogue, rendered; null when the rule or the id is unknown. */
function renderRule(rule: Rule | undefined, ref: MessageRef, lang: Lang): string | null {
  return rule
    ? resolve(ref, lang, { from: sourceOf(rule.meta.messages), maxArgLength: MAX_ARG_LENGTH })
    : null;
}

export function formatDiagnostic(d: Diagnostic, rules: ReadonlyMap<string, Rule>, lang: Lang): string {
  const text = renderRule(rules.get(d.rule), { messageId: d.messageId, args: d.args }, lang);
  return text ?? `${d.rule}/${d.messageId}`;
}

/** The finding's 详情 (its reasoning), or null when it has none. */
export function formatDetail(d: Diagnostic, rules: ReadonlyMap<string, Rule>, lang: Lang): string | null {
  return d.detail ? renderRule(rules.get(d.rule), d.detail, lang) : null;
}
