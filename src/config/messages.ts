/** The configuration's own words, zh-CN first: every validation message, as data. */
import { renderMessage } from "../rules/format-message";
import type { Lang, MessageArgs } from "../core";
import { MESSAGES } from "../messages";

export const CONFIG_MESSAGES = MESSAGES.config;

export type ConfigMessageId = keyof typeof CONFIG_MESSAGES;

export function configText(id: ConfigMessageId, lang: Lang, args: MessageArgs = {}): string {
  return renderMessage(CONFIG_MESSAGES[id], args, lang);
}
