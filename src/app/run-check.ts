/**
 * One check of the open workbook through a host: read, run the engine, paint the marks.
 * Shared by the task pane's button and the ribbon's 检查表格 command.
 */
import { checkWorkbook, type CheckResult } from "../checker";
import { configFromSetting } from "../config/workbook";
import type { WorkbookHost } from "../hosts/host";
import type { Lang } from "../rules/types";
import { buildView, marksFor, type CheckView } from "./findings";

export interface CheckRun {
  result: CheckResult;
  view: CheckView;
  timings: { readMs: number; engineMs: number; writeMs: number };
  /** Problems with the workbook's configuration setting (then the defaults were used), as lines to show. */
  configMessages: string[];
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export async function runCheck(host: WorkbookHost, lang: Lang): Promise<CheckRun> {
  const t0 = now();
  const snapshot = await host.read();
  const explanations = await host.loadExplanations();
  const config = configFromSetting((await host.loadConfig?.()) ?? null, lang);
  const t1 = now();
  const result = checkWorkbook(snapshot, config.options);
  const view = buildView(result, explanations, lang);
  const t2 = now();
  await host.applyMarks(marksFor(view.findings));
  const t3 = now();
  return {
    result,
    view,
    timings: { readMs: t1 - t0, engineMs: t2 - t1, writeMs: t3 - t2 },
    configMessages: config.messages,
  };
}
