/**
 * The one renderer (issue 13). `t(id, lang, args)` renders a message of the catalogue by its dotted id
 * (`t("pane.countForms", lang, { count })`): an unknown id, or a placeholder of the message left out of
 * `args`, is a type error. `render(ref, lang)` renders a reference (`{ messageId, args }`) whose
 * arguments may be references themselves (a message nested in another, rendered in the same language)
 * or lists of names (`{ list }`, quoted and joined as the language does; `quote: false`: zh unquoted); `ref(id, args)` builds a typed
 * one, for the app layer to hand the pane a message rather than a finished string. A rule's messages go
 * through the same function with the rule's own catalogue (src/rules/format-message.ts).
 */
import type { Lang, Message, MessageArg, MessageArgs, MessageRef } from "../core";
import { MESSAGES, type Catalogue } from "./catalogue";

type IsMessage<T> = T extends { readonly zh: string; readonly en: string } ? true : false;

/** Every dotted id of a message in `T`. */
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: IsMessage<T[K]> extends true ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageId = Paths<Catalogue>;

/** The message an id names. */
type At<T, Id extends string> = Id extends `${infer H}.${infer R}`
  ? H extends keyof T
    ? At<T[H], R>
    : never
  : Id extends keyof T
    ? T[Id]
    : never;

type WordChar =
  | "a"
  | "b"
  | "c"
  | "d"
  | "e"
  | "f"
  | "g"
  | "h"
  | "i"
  | "j"
  | "k"
  | "l"
  | "m"
  | "n"
  | "o"
  | "p"
  | "q"
  | "r"
  | "s"
  | "t"
  | "u"
  | "v"
  | "w"
  | "x"
  | "y"
  | "z"
  | "A"
  | "B"
  | "C"
  | "D"
  | "E"
  | "F"
  | "G"
  | "H"
  | "I"
  | "J"
  | "K"
  | "L"
  | "M"
  | "N"
  | "O"
  | "P"
  | "Q"
  | "R"
  | "S"
  | "T"
  | "U"
  | "V"
  | "W"
  | "X"
  | "Y"
  | "Z"
  | "0"
  | "1"
  | "2"
  | "3"
  | "4"
  | "5"
  | "6"
  | "7"
  | "8"
  | "9"
  | "_";

type AllWord<S extends string> = S extends `${infer C}${infer R}`
  ? C extends WordChar
    ? AllWord<R>
    : false
  : true;

/** The `{name}` placeholders of a template, as the renderer's /\{(\w+)\}/ finds them. */
type Holes<S extends string> = S extends `${string}{${infer After}`
  ? After extends `${infer P}}${infer Rest}`
    ? P extends ""
      ? Holes<After>
      : AllWord<P> extends true
        ? P | Holes<Rest>
        : Holes<After>
    : never
  : never;

/** The placeholders of the message an id names (the locale test keeps zh's and en's the same). */
export type PlaceholdersOf<Id extends MessageId> =
  At<Catalogue, Id> extends { readonly zh: infer Z extends string } ? Holes<Z> : never;

/** `t`'s arguments after the language: none when the message has no placeholder, else each of them. */
export type ArgsOf<Id extends MessageId> = Id extends MessageId
  ? [PlaceholdersOf<Id>] extends [never]
    ? [args?: MessageArgs]
    : [args: { [K in PlaceholdersOf<Id>]: MessageArg } & MessageArgs]
  : never;

/** Every message of the catalogue by its dotted id, built once. */
const BY_ID: ReadonlyMap<string, Message> = (() => {
  const out = new Map<string, Message>();
  const walk = (node: unknown, path: string) => {
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.zh === "string" && typeof o.en === "string") {
      out.set(path, { zh: o.zh, en: o.en });
      return;
    }
    for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(MESSAGES, "");
  return out;
})();

/** Every id of the catalogue (for the locale test). */
export function messageIds(): string[] {
  return [...BY_ID.keys()];
}

/** Where `render` looks a message up: the catalogue's (by dotted id) or a rule's (by its own id). */
export type MessageSource = (id: string) => Message | undefined;

export const catalogueSource: MessageSource = (id) => BY_ID.get(id);

/** A rule's `meta.messages` as a source. */
export function sourceOf(messages: Readonly<Record<string, Message>>): MessageSource {
  return (id) => (Object.prototype.hasOwnProperty.call(messages, id) ? messages[id] : undefined);
}

export interface RenderOptions {
  /** Where ids are looked up (default: the catalogue). */
  from?: MessageSource;
  /**
   * Text arguments longer than this are shortened with … (a rule quotes cell text, and a cell may
   * hold 100k characters). Default: none.
   */
  maxArgLength?: number;
}

/** Nesting deeper than this is a loop in a catalogue, not a message. */
const MAX_DEPTH = 4;

function interpolate(template: string, args: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : whole,
  );
}

/** A reference rendered, or null when its id (or a nested one's, too deep) is not in the source. */
export function resolve(ref: MessageRef, lang: Lang, options: RenderOptions = {}, depth = 0): string | null {
  const message = (options.from ?? catalogueSource)(ref.messageId);
  if (!message || depth > MAX_DEPTH) return null;
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ref.args ?? {})) args[k] = renderArg(v, lang, options, depth);
  return interpolate(lang === "en" ? message.en : message.zh, args);
}

/** A reference rendered; an unknown id renders as the id itself. */
export function render(ref: MessageRef, lang: Lang, options: RenderOptions = {}): string {
  return resolve(ref, lang, options) ?? ref.messageId;
}

/** A message of the catalogue by its id, with its placeholders' values. */
export function t<Id extends MessageId>(id: Id, lang: Lang, ...args: ArgsOf<Id>): string {
  return render({ messageId: id, args: args[0] }, lang);
}

/** A typed reference to a message of the catalogue, to be rendered later (by the pane, in its language). */
export function ref<Id extends MessageId>(id: Id, ...args: ArgsOf<Id>): MessageRef {
  return args[0] ? { messageId: id, args: args[0] } : { messageId: id };
}

/** A sum's unit in a language (元 → yuan); a unit the catalogue does not know is shown as written. */
export function unitWord(unit: string, lang: Lang): string {
  const w = catalogueSource(`terms.unit.${unit}`);
  return w ? w[lang] : unit;
}

function renderArg(v: MessageArg, lang: Lang, options: RenderOptions, depth: number): string | number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return shorten(v, options.maxArgLength);
  if ("list" in v) {
    const items = v.list.map((x) => shorten(x, options.maxArgLength));
    if (lang === "en") return items.join(", ");
    return (v.quote === false ? items : items.map((x) => `「${x}」`)).join("、");
  }
  return resolve(v, lang, options, depth + 1) ?? v.messageId;
}

function shorten(s: string, max: number | undefined): string {
  return max !== undefined && s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
