/** The messages between the batch pool (main thread) and a checking worker thread. */
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import type { ReportFile } from "../report/report";

/** Main → worker: check one file. `id` is the file's index in the input list. */
export interface WorkerTask {
  id: number;
  file: string;
  lang: Lang;
  /** The configuration this file is checked with (see src/config). */
  options?: CheckOptions;
}

/** Worker → main: `ready` once its modules are loaded, then one `result` per task. */
export type WorkerReply = { type: "ready" } | { type: "result"; id: number; report: ReportFile };
