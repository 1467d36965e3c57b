/**
 * The one catalogue of words outside the rules (issue 13): every namespace's data, assembled into one
 * typed tree (`MESSAGES.pane.countForms`), zh-CN first. A message is referred to by its dotted id
 * (`"pane.countForms"`) and rendered by src/messages/render.ts. Rules keep their own `meta.messages` in
 * their rule file (ESLint's model) and are rendered by the same function.
 */
import { app } from "./app";
import { cli } from "./cli";
import { config } from "./config";
import { demo } from "./demo";
import { fixes } from "./fixes";
import { insert } from "./insert";
import { pane } from "./pane";
import { reader } from "./reader";
import { report } from "./report";
import { terms } from "./terms";

export const MESSAGES = { terms, app, pane, insert, fixes, cli, config, report, demo, reader } as const;

export type Catalogue = typeof MESSAGES;
