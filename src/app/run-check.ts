/**
 * One check of the open workbook through a host: read, run the engine, paint the marks.
 * Shared by the task pane's button and the ribbon's 检查表格 command.
 */
import { checkModel, type CheckResult } from "../checker";
import { readWorkbook, SheetReadCache } from "../engine/read-forms";
import { configFromSetting } from "../config/workbook";
import type { MarksOutcome, WorkbookHost } from "../hosts/host";
import type { Lang, MessageRef } from "../core";
import { createLocator, type Locator } from "../report/label-path";
import { buildView, marksFor, type CheckView } from "./findings";
import { ref } from "../messages";

export interface CheckRun {
  result: CheckResult;
  view: CheckView;
  /** What painting the marks did; null when the marks were not written (see RunCheckOptions.marks). */
  marks: MarksOutcome | null;
  timings: { readMs: number; engineMs: number; writeMs: number };
  /** Sheets the engine read this time and sheets whose reading was reused (unchanged since the last check). */
  sheets?: { read: number; reused: number };
  /** Problems with the workbook's configuration setting (then the defaults were used), as lines to show. */
  configMessages: string[];
  /** Where each finding sits in its form (label paths for the 检查记录 sheet), built on first use. */
  locate?: () => Locator;
}

export interface RunCheckOptions {
  /** Not asked for by the user (the re-check after an edit): waits out cell-edit mode. */
  background?: boolean;
  /** Paint the marks (default true). */
  marks?: boolean;
  /** Read only the sheets changed since the last read (default: when background). */
  changedOnly?: boolean;
}

/**
 * Each host's sheet readings, kept between checks: a re-check after an edit reads (models) only the
 * sheets whose values changed; every rule, the cross-form ones too, still runs on the whole model.
 */
const readings = new WeakMap<WorkbookHost, SheetReadCache>();

function readingsOf(host: WorkbookHost): SheetReadCache {
  let cache = readings.get(host);
  if (!cache) readings.set(host, (cache = new SheetReadCache()));
  return cache;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export async function runCheck(
  host: WorkbookHost,
  lang: Lang,
  options: RunCheckOptions = {},
): Promise<CheckRun> {
  const call = { background: options.background === true };
  const t0 = now();
  // The re-check after an edit reads only what changed (where the host can tell); 检查表格 reads everything.
  const snapshot = await host.read({ ...call, changedOnly: options.changedOnly ?? call.background });
  const explanations = await host.loadExplanations();
  const config = configFromSetting((await host.loadConfig?.()) ?? null, lang);
  const t1 = now();
  const cache = readingsOf(host);
  const model = readWorkbook(snapshot, { templates: config.options.templates }, cache);
  const result: CheckResult = { model, diagnostics: checkModel(model, config.options) };
  // The locator names related cells by their labels; it is also the 检查记录 sheet's label paths.
  const locator: Locator = createLocator(snapshot, result);
  const view = buildView(result, explanations, lang, locator);
  const t2 = now();
  const marks = options.marks === false ? null : await host.applyMarks(marksFor(view.findings), call);
  const t3 = now();
  return {
    result,
    view,
    marks,
    timings: { readMs: t1 - t0, engineMs: t2 - t1, writeMs: t3 - t2 },
    sheets: { ...cache.stats },
    configMessages: config.messages,
    locate: () => locator,
  };
}

/** Notes for the user about marks that could not be written as asked (messages for the pane to render). */
export function markNotes(outcome: MarksOutcome | null): MessageRef[] {
  if (!outcome) return [];
  const out: MessageRef[] = [];
  const protectedSheets = outcome.skipped.filter((s) => s.reason === "protected").map((s) => s.sheet);
  const unreadable = outcome.skipped.filter((s) => s.reason === "unreadable").map((s) => s.sheet);
  if (protectedSheets.length)
    out.push(ref("app.marksSkippedProtected", { sheets: protectedSheets.join("、") }));
  if (unreadable.length) out.push(ref("app.marksSkippedUnreadable", { sheets: unreadable.join("、") }));
  if (outcome.truncated > 0)
    out.push(ref("app.marksTruncated", { kept: outcome.marked, left: outcome.truncated }));
  return out;
}
