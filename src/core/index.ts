/**
 * The shared vocabulary (issue 13), owned by neither the rules nor the hosts: language, severity,
 * category, cell address, diagnostic, sums, messages and fixes, with the severities' order and colours
 * (the words — severities', categories' and forms' names — are in src/messages/terms.ts). Pure data and
 * types: no Office, Node or DOM imports.
 */
export type {
  Category,
  CellAddress,
  CellEdit,
  Diagnostic,
  Fix,
  Lang,
  Message,
  MessageArg,
  MessageArgs,
  MessageRef,
  Severity,
  SumDetail,
  SumItem,
} from "./types";
export { CATEGORIES, zeroPerCategory } from "./categories";
export { SEVERITIES, SEVERITY_RANK, SEVERITY_COLOURS, argb, worse } from "./severity";
