/**
 * The Office.js adapter: WorkbookHost over Excel's JavaScript API, in four parts — read.ts (the
 * workbook in two round trips), marks.ts (conditional-format marks, diffed), writes.ts (selection,
 * explanations, report, template edits), events.ts (user edits). Every Office.js member it calls is
 * in the manifest's minimum (ExcelApi 1.9) or guarded by isSetSupported; scripts/check-api-sets.ts
 * checks that in `npm test`.
 */
import type { WorkbookHost } from "../host";
import { createCore, type ExcelHostDeps } from "./common";
import { createEvents } from "./events";
import { createFixWrites } from "./fixes";
import { createMarks } from "./marks";
import { createReader } from "./read";
import { createWrites } from "./writes";

export type { ExcelHostDeps, ExcelRun } from "./common";
export { officeRun } from "./common";
export {
  HostError,
  MARKS_KEY,
  EXPLANATION_PREFIX,
  EXPLANATIONS_KEY,
  CONFIG_KEY,
  REPORT_SHEET_KEY,
} from "./common";
export { isMarkFormula, LEGACY_MARK_FORMULA, markFormula, MAX_MARKS } from "./marks";

export function createExcelHost(deps: ExcelHostDeps): WorkbookHost {
  const core = createCore(deps);
  const reader = createReader(core);
  const marks = createMarks(core);
  const writes = createWrites(core);
  const events = createEvents(core);
  const fixWrites = createFixWrites(core);
  let explanations: Awaited<ReturnType<typeof reader.read>>["explanations"] | null = null;
  /** The CheckConfig setting as of the last read (null: none). */
  let config: unknown = null;
  return {
    info() {
      return {
        kind: deps.kind ?? "excel",
        lang: deps.lang,
        capabilities: { mergedAreas: core.api("1.13"), changeEvents: true, undoPreserved: core.api("1.20") },
      };
    },
    async read(options) {
      const r = await reader.read(options);
      explanations = r.explanations;
      config = r.config;
      return r.snapshot;
    },
    async loadConfig() {
      return config;
    },
    applyMarks: (list, options) => marks.apply(list, options),
    async clearMarks() {
      return (await marks.clear()).count;
    },
    select: writes.select,
    async loadExplanations() {
      if (explanations) {
        const e = explanations;
        explanations = null;
        return e;
      }
      return reader.loadExplanations();
    },
    async saveExplanation(key, explanation) {
      explanations = null;
      await writes.saveExplanation(key, explanation);
    },
    writeReport: writes.writeReport,
    onUserEdit: events.onUserEdit,
    getSelection: writes.getSelection,
    applyRowInsert: writes.applyRowInsert,
    addSheet: writes.addSheet,
    applyEdits: fixWrites.applyEdits,
  };
}
