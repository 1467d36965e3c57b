/**
 * Checks many files, in parallel on a pool of worker threads, and reports them in input order.
 *
 * `checkFiles(files, { jobs, lang })` is the code path of the command line (and of the benchmark):
 *  - jobs = 1, or a single file: in-process, one file after the other, no worker;
 *  - jobs > 1: min(jobs, files) workers; each takes the next file, reads + checks it and posts its
 *    ReportFile back. Results land in their input slot, whatever order they finish in;
 *  - jobs not given: autoJobs(files) — the free cores (defaultJobs), one worker per FILES_PER_WORKER files at most.
 *
 * A worker that dies (an uncaught exception, out of memory, process.exit) turns the file it was
 * checking into an error entry (code "internal", naming the file) and is replaced; the other files
 * go on. A worker that cannot even start (no compiled worker.js, tsx missing, a broken build) is not
 * replaced: when none is left, the remaining files are checked in-process.
 *
 * Where the worker comes from (resolveWorker):
 *  1. `worker.js` next to this file — the compiled build, dist/node/cli (bin → dist);
 *  2. else `worker.ts` next to this file, loaded through tsx's CommonJS require hook in the worker —
 *     running from the sources (ts-jest, `tsx bench/…`); tsx is a dev dependency;
 *  3. else none: in-process.
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lang } from "../core";
import type { CheckOptions } from "../rules/types";
import { checkFile } from "./check-file";
import { failedFileReport, type Report, type ReportFile } from "../report/report";
import type { WorkerReply, WorkerTask } from "./worker-protocol";
import { t } from "../messages";

/** How to start a checking worker: a JavaScript file, or a TypeScript file through tsx. */
export type WorkerSource = { kind: "script"; path: string } | { kind: "tsx"; path: string; tsx: string };

export interface CheckFilesOptions {
  /** Worker threads; 1 = in-process. Default: autoJobs(files.length). */
  jobs?: number;
  /** Message language. Default zh. */
  lang?: Lang;
  /** Called after each file is done (in completion order), with the count done so far. */
  onProgress?: (done: number, total: number) => void;
  /** The configuration each file is checked with (src/config); default: none. */
  optionsFor?: (file: string) => CheckOptions;
  /** Override worker resolution (tests); null forces in-process. */
  worker?: WorkerSource | null;
}

/**
 * The cores that are free: the machine's, less the ones other processes keep busy (the one-minute
 * load average; 0 where the system has none, e.g. Windows). At least 1.
 */
export function defaultJobs(cores: number = availableParallelism(), load: number = loadavg()[0]): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/**
 * Measured (npm run bench, this 2-core machine): a lean worker takes ~115 ms of CPU to start
 * (`workerReadyMs`: the engine and the reader, no exceljs, no commander) and one small workbook ~6 ms
 * to read, check and report (`batch1000Ms` / 1000), so a worker costs about 20 files. Without an
 * explicit --jobs, take one worker per FILES_PER_WORKER (about 1.5× that) files, up to the free
 * cores, so that small runs stay in-process and a worker always earns its start.
 */
export const FILES_PER_WORKER = 32;

export function autoJobs(fileCount: number, free: number = defaultJobs()): number {
  return Math.max(1, Math.min(free, Math.floor(fileCount / FILES_PER_WORKER)));
}

/** Finds the worker script for the code at `dir` (this module's folder by default). */
export function resolveWorker(dir: string = __dirname): WorkerSource | null {
  const js = join(dir, "worker.js");
  if (existsSync(js)) return { kind: "script", path: js };
  const ts = join(dir, "worker.ts");
  if (!existsSync(ts)) return null;
  try {
    return { kind: "tsx", path: ts, tsx: require.resolve("tsx/cjs/api", { paths: [dir] }) };
  } catch {
    return null;
  }
}

function spawnWorker(source: WorkerSource): Worker {
  // stdout: true keeps anything a library prints off our stdout (JSON/SARIF); it goes to stderr.
  if (source.kind === "script") return new Worker(source.path, { stdout: true });
  const code = `require(${JSON.stringify(source.tsx)}).register();\nrequire(${JSON.stringify(source.path)});\n`;
  return new Worker(code, { eval: true, stdout: true });
}

/** Checks `files` and returns the report, files in input order. */
export async function checkFiles(files: readonly string[], options: CheckFilesOptions = {}): Promise<Report> {
  const lang = options.lang ?? "zh";
  const jobs = Math.max(1, Math.floor(options.jobs ?? autoJobs(files.length)));
  const size = Math.min(jobs, files.length);
  const source = options.worker === undefined ? resolveWorker() : options.worker;
  const progress = options.onProgress ?? (() => undefined);
  const optionsFor = options.optionsFor ?? (() => ({}));
  const results =
    size > 1 && source
      ? await checkInPool(files, lang, size, source, progress, optionsFor)
      : await checkInProcess(files, lang, progress, optionsFor);
  return { version: 1, files: results };
}

async function checkInProcess(
  files: readonly string[],
  lang: Lang,
  progress: (done: number, total: number) => void,
  optionsFor: (file: string) => CheckOptions,
): Promise<ReportFile[]> {
  const results: ReportFile[] = [];
  for (const file of files) {
    results.push(await checkFile(file, lang, optionsFor(file)));
    progress(results.length, files.length);
  }
  return results;
}

function checkInPool(
  files: readonly string[],
  lang: Lang,
  size: number,
  source: WorkerSource,
  progress: (done: number, total: number) => void,
  optionsFor: (file: string) => CheckOptions,
): Promise<ReportFile[]> {
  const total = files.length;
  const results: (ReportFile | undefined)[] = new Array<ReportFile | undefined>(total);
  const workers = new Set<Worker>();
  let next = 0; // the next file to hand out
  let done = 0;
  let inProcess = false;

  return new Promise<ReportFile[]>((resolve) => {
    const finish = () => {
      if (done < total) return;
      for (const w of workers) void w.terminate();
      resolve(results as ReportFile[]);
    };
    const complete = (index: number, report: ReportFile) => {
      if (results[index]) return;
      results[index] = report;
      done++;
      progress(done, total);
      finish();
    };
    const drainInProcess = async () => {
      if (inProcess) return;
      inProcess = true;
      while (next < total) {
        const i = next++;
        complete(i, await checkFile(files[i], lang, optionsFor(files[i])));
      }
    };

    const start = () => {
      let worker: Worker;
      try {
        worker = spawnWorker(source);
      } catch {
        if (workers.size === 0) void drainInProcess();
        return;
      }
      workers.add(worker);
      worker.stdout.on("data", (chunk: Buffer) => process.stderr.write(chunk));
      let ready = false;
      let task: number | undefined;
      let reason: string | undefined;

      const give = () => {
        if (next >= total) {
          void worker.terminate();
          return;
        }
        task = next++;
        const message: WorkerTask = { id: task, file: files[task], lang, options: optionsFor(files[task]) };
        worker.postMessage(message);
      };
      worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "ready") {
          ready = true;
          give();
        } else if (reply.type === "result" && reply.id === task) {
          task = undefined;
          complete(reply.id, reply.report);
          give();
        }
      });
      worker.on("error", (e: Error) => {
        reason ??= e.message || e.name;
      });
      worker.on("exit", (code) => {
        workers.delete(worker);
        if (task !== undefined) {
          const file = files[task];
          const why = reason ?? t("cli.workerExitCode", lang, { code });
          complete(
            task,
            failedFileReport(file, "internal", t("cli.workerCrashed", lang, { file, reason: why })),
          );
          task = undefined;
        }
        if (next >= total) return;
        if (ready)
          start(); // died on a file: replace it
        else if (workers.size === 0) void drainInProcess(); // could not start at all
      });
    };

    for (let i = 0; i < size; i++) start();
  });
}
