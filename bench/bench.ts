/**
 * npm run bench [-- --json]
 *
 * Workbooks of 1, 10, 200 and 500 project forms plus the department form, built from the example's
 * forms (bench/workbooks.ts), measured on this machine:
 * - reading the .xlsx and the engine's check (medians), the engine/read ratio and the peak memory of a
 *   process that reads and checks it (each size in a fresh process: bench/measure.ts);
 * - context.sync() calls per full check (read + marks) through the Office.js adapter on the in-memory
 *   Excel host;
 * - command-line throughput on a folder of 200 workbooks, in-process vs one worker per core (the
 *   built worker, started without tsx's hooks: see workerExecArgv in src/cli/batch.ts);
 * - the built command line (npm run build:node): one run on the example (wall, median of interleaved
 *   runs with the previous build when BENCH_BASELINE names one), a folder of 1000 small workbooks with
 *   --jobs 1, one worker per core and the default, and a worker's start (ready ms, CPU ms);
 * - a "distinct forms" workbook of 200 (every project its own name, goals, figures) beside the repeated one;
 * - at 200 forms, the first check in a fresh process after the pane's warm-up (`engineColdMs`) and the
 *   re-check after editing one sheet with the sheet readings kept, as the add-in does (`recheckMs`):
 *   bench/measure-cold.ts;
 * - the task pane's production bundle (raw, gzip) and time to first render in headless Chromium
 *   (null when `npm run build:addin` has not been run or Chromium is missing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runCheck } from "../src/app/run-check";
import { autoJobs, checkFiles, resolveWorker } from "../src/cli/batch";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../src/emulator/excel";
import type { MemorySheet, MemoryWorkbook } from "../src/emulator/excel/state";
import { bundleSize, firstRenderMs } from "./ui";
import { BENCH_DIR, benchWorkbookFile, EXAMPLE } from "./workbooks";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "perf-target-check.js");
const BUILT_WORKER = join(ROOT, "dist", "node", "cli", "worker.js");

const SIZES = [1, 10, 200, 500];
const CLI_FILES = 200;
const json = process.argv.includes("--json");
const log = (s: string) => (json ? process.stderr.write(s + "\n") : console.log(s));

function scaleMemory(base: MemoryWorkbook, n: number): MemoryWorkbook {
  const [dept, ...projects] = base.sheets;
  const sheets: MemorySheet[] = [structuredClone(dept)];
  for (let i = 0; i < n; i++) {
    const s = structuredClone(projects[i % projects.length]);
    s.name = `项目${i + 1}`;
    s.id = `{00000000-0001-0000-${(i + 2).toString(16).padStart(4, "0").toUpperCase()}-000000000000}`;
    sheets.push(s);
  }
  return {
    ...base,
    settings: new Map(),
    sheets,
    name: `bench-${n}.xlsx`,
    activeSheet: dept.name,
    nextSheetNumber: n + 10,
  };
}

async function syncsPerCheck(n: number, base: MemoryWorkbook): Promise<number> {
  const mem = createMemoryExcel(scaleMemory(base, n));
  const host = createExcelHost({
    run: mem.run,
    isSetSupported: mem.isSetSupported,
    lang: "zh",
    kind: "memory",
  });
  await runCheck(host, "zh"); // a first check leaves marks; the measured one must replace them too
  mem.resetSyncCount();
  await runCheck(host, "zh");
  return mem.syncCount;
}

function measureInChild(
  n: number,
  kind: "repeated" | "distinct" = "repeated",
): { readMs: number; engineMs: number; engineSteadyMs: number; peakMemMb: number } {
  const runs = n >= 200 ? ["11", "11"] : ["7", "41"];
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "measure.ts"), String(n), ...runs, kind],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** The first check in a fresh process (after the pane's warm-up) and the re-check after an edit. */
function coldAndRecheck(n: number): {
  warmUpMs: number;
  engineColdMs: number;
  recheckMs: number;
  recheckFullMs: number;
} {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "measure-cold.ts"), String(n), "11"],
    { encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop()!);
}

async function cliThroughput(): Promise<{ perSec1: number; perSecN: number; jobs: number }> {
  const dir = join(BENCH_DIR, "folder");
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < CLI_FILES; i++) {
    const f = join(dir, `submission-${String(i + 1).padStart(3, "0")}.xlsx`);
    if (!existsSync(f)) copyFileSync(EXAMPLE, f);
    files.push(f);
  }
  const jobs = availableParallelism();
  const time = async (j: number) => {
    const t = performance.now();
    const worker = resolveWorker(join(ROOT, "dist", "node", "cli")) ?? undefined;
    const report = await checkFiles(files, { jobs: j, lang: "zh", worker });
    if (report.files.length !== CLI_FILES) throw new Error("not every file was checked");
    return CLI_FILES / ((performance.now() - t) / 1000);
  };
  await time(1); // warm the file cache
  const perSec1 = await time(1);
  const perSecN = await time(jobs);
  return { perSec1, perSecN, jobs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall ms of one run of a command (its output discarded). */
function wall(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  if (r.error) throw r.error;
  return performance.now() - t;
}

/**
 * The built command line on the example: median wall of RUNS runs, interleaved with a baseline
 * build's (BENCH_BASELINE=/path/to/other/bin/perf-target-check.js) so both see the same load.
 */
function cliRun(runs = 11): { ms: number; baselineMs: number | null } {
  const base = process.env.BENCH_BASELINE ?? null;
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(wall([BIN, EXAMPLE]));
    if (base) theirs.push(wall([base, EXAMPLE]));
  }
  return { ms: Math.round(median(ours)), baselineMs: base ? Math.round(median(theirs)) : null };
}

const FOLDER_FILES = 1000;

/** A folder of 1000 small workbooks (the department form and one project form). */
async function smallFolder(): Promise<string> {
  const src = await benchWorkbookFile(1);
  const dir = join(BENCH_DIR, "folder-1000");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FOLDER_FILES; i++) {
    const f = join(dir, `s-${String(i).padStart(4, "0")}.xlsx`);
    if (!existsSync(f)) copyFileSync(src, f);
  }
  return dir;
}

/**
 * The built CLI on the folder: --jobs 1, one worker per core and the default, interleaved, medians
 * of 3 (bench/cli-batch.js measures other folder sizes).
 */
async function batch1000(): Promise<{
  jobs1Ms: number;
  jobsNMs: number;
  cores: number;
  defaultMs: number;
  jobs: number;
}> {
  const dir = await smallFolder();
  const cores = availableParallelism();
  const one: number[] = [];
  const all: number[] = [];
  const auto: number[] = [];
  const jobs = autoJobs(FOLDER_FILES);
  for (let i = 0; i < 3; i++) {
    one.push(wall([BIN, "--jobs", "1", dir]));
    all.push(wall([BIN, "--jobs", String(cores), dir]));
    auto.push(wall([BIN, dir]));
  }
  const ms = (xs: number[]) => Math.round(median(xs));
  return { jobs1Ms: ms(one), jobsNMs: ms(all), cores, defaultMs: ms(auto), jobs };
}

function workerReady(): { readyMs: number; cpuMs: number } {
  const out = execFileSync(process.execPath, [join(__dirname, "worker-ready.js"), BUILT_WORKER, "9"], {
    encoding: "utf8",
  });
  return JSON.parse(out.trim()) as { readyMs: number; cpuMs: number };
}

async function main() {
  const base = await memoryWorkbookFromXlsx(readFileSync(EXAMPLE), EXAMPLE);
  const syncs: Record<string, number> = {};
  const engineMs: Record<string, number> = {};
  const engineSteadyMs: Record<string, number> = {};
  const readMs: Record<string, number> = {};
  const peakMemMb: Record<string, number> = {};
  for (const n of SIZES) {
    const m = measureInChild(n);
    engineMs[n] = m.engineMs;
    engineSteadyMs[n] = m.engineSteadyMs;
    readMs[n] = m.readMs;
    peakMemMb[n] = m.peakMemMb;
    syncs[n] = await syncsPerCheck(n, base);
  }
  const distinct = measureInChild(200, "distinct");
  const cold = coldAndRecheck(200);
  const built = existsSync(BUILT_WORKER);
  if (!built)
    log("command line not built (npm run build:node): cliRunMs, batch1000Ms, workerReadyMs are null");
  const run = built ? cliRun() : null;
  const batch = built ? await batch1000() : null;
  const ready = built ? workerReady() : null;
  const cli = await cliThroughput();
  const bundle = bundleSize();
  const render = await firstRenderMs();
  const figures = {
    syncs,
    engineMs,
    engineSteadyMs,
    readMs,
    peakMemMb,
    cliFilesPerSec: Math.round(cli.perSecN * 10) / 10,
    cliSpeedup: Math.round((cli.perSecN / cli.perSec1) * 100) / 100,
    cliJobs: cli.jobs,
    bundleRawKb: bundle?.rawKb ?? null,
    bundleGzipKb: bundle?.gzipKb ?? null,
    firstRenderMs: render,
    cliRunMs: run?.ms ?? null,
    cliRunBaselineMs: run?.baselineMs ?? null,
    readWarmMs: readMs[200],
    readDistinct200Ms: distinct.readMs,
    engineDistinct200Ms: distinct.engineMs,
    engineSteadyDistinct200Ms: distinct.engineSteadyMs,
    batch1000Ms: batch ? { jobs1: batch.jobs1Ms, default: batch.defaultMs, jobsN: batch.jobsNMs } : null,
    batchCores: batch?.cores ?? null,
    batchJobs: batch?.jobs ?? null,
    workerReadyMs: ready?.readyMs ?? null,
    workerCpuMs: ready?.cpuMs ?? null,
    warmUpMs: cold.warmUpMs,
    engineColdMs: cold.engineColdMs,
    recheckMs: cold.recheckMs,
    recheckFullMs: cold.recheckFullMs,
  };
  if (json) {
    process.stdout.write(JSON.stringify(figures) + "\n");
    return;
  }
  log(
    "| project forms | read .xlsx ms | engine ms | engine ms, steady | engine / read | peak memory MB | context.sync() per check |",
  );
  log("|---:|---:|---:|---:|---:|---:|---:|");
  for (const n of SIZES) {
    const ratio = ((engineMs[n] / readMs[n]) * 100).toFixed(1);
    log(
      `| ${n} | ${readMs[n]} | ${engineMs[n]} | ${engineSteadyMs[n]} | ${ratio}% | ${peakMemMb[n]} | ${syncs[n]} |`,
    );
  }
  log(
    `| 200 distinct | ${distinct.readMs} | ${distinct.engineMs} | ${distinct.engineSteadyMs} | | ${distinct.peakMemMb} | |`,
  );
  log(
    "(engine ms: median of the checks after the first; steady: checks 31–40, once V8 has optimised the engine)",
  );
  log("");
  log(
    `200 forms: first check in a fresh process ${cold.engineColdMs} ms (after the pane's warm-up, ${cold.warmUpMs} ms); re-check after editing one sheet ${cold.recheckMs} ms (${cold.recheckFullMs} ms without the kept sheet readings)`,
  );
  if (run) {
    const base = run.baselineMs !== null ? ` (baseline ${run.baselineMs} ms)` : "";
    log(`one CLI run on the example: ${run.ms} ms wall${base}`);
  }
  if (batch) {
    log(
      `folder of ${FOLDER_FILES} small workbooks: ${batch.jobs1Ms} ms with --jobs 1, ${batch.jobsNMs} ms with --jobs ${batch.cores}, ${batch.defaultMs} ms by default (${batch.jobs} job(s) now)`,
    );
  }
  if (ready) log(`worker ready: ${ready.readyMs} ms, ${ready.cpuMs} ms CPU to start`);
  log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  log(
    `command line, ${CLI_FILES} workbooks: ${cli.perSec1.toFixed(1)} files/s in-process, ${cli.perSecN.toFixed(1)} files/s on ${cli.jobs} workers (speed-up ${figures.cliSpeedup}×)`,
  );
  log(
    bundle
      ? `task pane bundle: ${bundle.rawKb} KB raw, ${bundle.gzipKb} KB gzip`
      : "task pane bundle: not built (npm run build:addin)",
  );
  log(
    render !== null
      ? `first render in headless Chromium: ${render} ms (median of 5)`
      : "first render: n/a (needs the build and /usr/bin/chromium)",
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
