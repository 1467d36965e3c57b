/** Terms every catalogue shares: now in src/messages/terms.ts (re-exported here while call sites move). */
import { MESSAGES } from "../messages";

export const SEVERITY_LABEL = MESSAGES.terms.severity;
export const FORM_KIND_LABEL = MESSAGES.terms.formKind;
