/**
 * Checks many files, in parallel on a pool of worker threads, and reports them in input order.
 *
 * `checkFiles(files, { jobs, lang })` is the code path of the command line (and of the benchmark):
 *  - jobs = 1, or a single file: in-process, one file after the other, no worker;
 *  - jobs > 1: min(jobs, files) workers; each holds the next TASKS_PER_WORKER files, reads + checks
 *    them and posts each ReportFile back. Results land in their input slot, whatever order they finish in;
 *  - jobs not given: autoJobs(files) — the free cores (defaultJobs), one worker per FILES_PER_WORKER files at most.
 *
 * A worker that dies (an uncaught exception, out of memory, process.exit) turns the file it was
 * checking into an error entry (code "internal", naming the file) and is replaced; the other files
 * go on (files it held besides are checked again, each alone, so that the one to blame is known).
 * A worker that cannot even start (no compiled worker.js, tsx missing, a broken build) is not
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
 * Measured (the built CLI, `node bench/cli-batch.js`, this 2-core machine, small workbooks of the
 * department form and one project form; other sessions kept the load average at 7–11, so figures
 * are medians of interleaved runs with the least in brackets):
 *
 * | files | --jobs 1 ms | --jobs 2 ms |
 * |---:|---:|---:|
 * | 100 | 830 (825) | 1064 (963) |
 * | 500 | 2422 (1906) | 2875 (2128) |
 * | 1000 | 3732–4588 (3064–3194) | 3846–4361 (3248–3652) |
 * | 1500 | 5617 (4056) | 4423 (4225) |
 * | 2000 | 7491 (6479) | 6183 (5691) |
 * | 4000 | 13129 (11633) | 10039 (9100) |
 *
 * A worker is ready in ~45 ms (~40 ms CPU), but that is not what it costs: each worker is a V8
 * isolate of its own that compiles the engine's hot code again (TurboFan, on V8's background
 * threads) and runs its first few hundred files slower. Per-thread CPU on 1000 files: in-process,
 * 2.65 s on the main thread + 1.45 s on V8's background threads (so --jobs 1 already keeps ~1.5
 * cores busy); on two workers, 2 × 1.6 s + 2.2 s + 0.36 s on the main thread — ~1.3 s of CPU more,
 * which on two cores eats the second core's gain up to ~1000–1500 files. So without an explicit
 * --jobs, one worker per FILES_PER_WORKER files, up to the free cores: up to 1499 files in-process
 * (--jobs 1), two workers from 1500.
 */
export const FILES_PER_WORKER = 750;

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

/**
 * The parent's command-line flags for a worker, less the preloads and loader hooks (--require,
 * --import, --loader): the worker is a self-contained script. Under tsx (the bench, `tsx …`) those
 * are tsx's hooks, and every worker inheriting them starts its own module-hooks thread: measured
 * ~300 ms and ~210 ms of CPU to start a worker instead of ~45 ms and ~40 ms. (A "tsx" source
 * registers the hook it needs itself.) Undefined when there is nothing to take out: the worker then
 * inherits the flags as Node does by default (V8 flags included, which an explicit list may not hold).
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] | undefined {
  const withValue = /^(--require|-r|--import|--loader|--experimental-loader)$/;
  const joined = /^(--require|--import|--loader|--experimental-loader)=/;
  const out: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    if (withValue.test(parent[i])) i++;
    else if (!joined.test(parent[i])) out.push(parent[i]);
  }
  return out.length === parent.length ? undefined : out;
}

function spawnWorker(source: WorkerSource): Worker {
  // stdout: true keeps anything a library prints off our stdout (JSON/SARIF); it goes to stderr.
  const make = (execArgv: string[] | undefined) =>
    source.kind === "script"
      ? new Worker(source.path, { stdout: true, execArgv })
      : new Worker(
          `require(${JSON.stringify(source.tsx)}).register();\nrequire(${JSON.stringify(source.path)});\n`,
          { eval: true, stdout: true, execArgv },
        );
  const execArgv = workerExecArgv();
  try {
    return make(execArgv);
  } catch (e) {
    // A flag left in the list that a worker may not be given (a V8 or per-process flag): inherit.
    if (execArgv && (e as { code?: string }).code === "ERR_WORKER_INVALID_EXEC_ARGV") return make(undefined);
    throw e;
  }
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

/**
 * Tasks a worker holds at once: the one it checks and the next, so that it never waits a round trip
 * through the main thread for its next file (the main thread may be busy: progress, another worker's
 * result). More would only unbalance the end of a run.
 */
export const TASKS_PER_WORKER = 2;

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
  /**
   * Files that were in a worker's hands, with others, when it died: which one killed it is not
   * known, so each is checked again alone (on a worker holding nothing else), and a second death
   * names its file.
   */
  const suspects: number[] = [];
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
    const remaining = () => next < total || suspects.length > 0;
    const drainInProcess = async () => {
      if (inProcess) return;
      inProcess = true;
      while (remaining()) {
        const i = suspects.length > 0 ? suspects.shift()! : next++;
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
      /** The tasks this worker holds, in the order given. */
      const held: number[] = [];
      /** It holds a suspect (alone). */
      let alone = false;
      let reason: string | undefined;

      const post = (id: number) => {
        held.push(id);
        const message: WorkerTask = { id, file: files[id], lang, options: optionsFor(files[id]) };
        worker.postMessage(message);
      };
      const give = () => {
        if (alone) return;
        if (suspects.length > 0) {
          // A suspect goes to a worker that holds nothing else; until then this one takes no more.
          if (held.length === 0) {
            alone = true;
            post(suspects.shift()!);
          }
          return;
        }
        while (held.length < TASKS_PER_WORKER && next < total) post(next++);
        if (held.length === 0) void worker.terminate();
      };
      worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "ready") {
          ready = true;
          give();
        } else if (reply.type === "result") {
          const at = held.indexOf(reply.id);
          if (at < 0) return;
          held.splice(at, 1);
          alone = false;
          complete(reply.id, reply.report);
          give();
        }
      });
      worker.on("error", (e: Error) => {
        reason ??= e.message || e.name;
      });
      worker.on("exit", (code) => {
        workers.delete(worker);
        if (held.length === 1) {
          const file = files[held[0]];
          const why = reason ?? t("cli.workerExitCode", lang, { code });
          complete(
            held[0],
            failedFileReport(file, "internal", t("cli.workerCrashed", lang, { file, reason: why })),
          );
        } else suspects.push(...held);
        held.length = 0;
        if (!remaining()) return;
        if (ready)
          start(); // died on a file: replace it
        else if (workers.size === 0) void drainInProcess(); // could not start at all
      });
    };

    for (let i = 0; i < size; i++) start();
  });
}
