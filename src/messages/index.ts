/**
 * The one catalogue of words outside the rules and its one renderer (issue 13). Imports nothing but
 * src/core. See catalogue.ts for the namespaces and render.ts for `t`, `render` and `ref`.
 */
export { MESSAGES, type Catalogue } from "./catalogue";
export {
  catalogueSource,
  messageIds,
  ref,
  render,
  resolve,
  sourceOf,
  t,
  unitWord,
  type ArgsOf,
  type MessageId,
  type MessageSource,
  type PlaceholdersOf,
  type RenderOptions,
} from "./render";
