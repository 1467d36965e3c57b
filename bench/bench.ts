/**
 * npm run bench [-- --json]
 *
 * Workbooks of 1, 10, 200 and 500 project forms plus the department form, built from the example's
 * forms (bench/workbooks.ts), measured on this machine:
 * - reading the .xlsx and the engine's check (medians), the engine/read ratio and the peak memory of a
 *   process that reads and checks it (each size in a fresh process: bench/measure.ts);
 * - context.sync() calls per full check (read + marks) through the Office.js adapter on the in-memory
 *   Excel host;
 * - command-line throughput on a folder of 200 workbooks, one worker vs one per core;
 * - the task pane's production bundle (raw, gzip) and time to first render in headless Chromium
 *   (null when `npm run build:addin` has not been run or Chromium is missing).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runCheck } from "../src/app/run-check";
import { checkFiles } from "../src/cli/batch";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../src/emulator/excel";
import type { MemorySheet, MemoryWorkbook } from "../src/emulator/excel/state";
import { bundleSize, firstRenderMs } from "./ui";
import { BENCH_DIR, EXAMPLE } from "./workbooks";

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

function measureInChild(n: number): { readMs: number; engineMs: number; peakMemMb: number } {
  const runs = n >= 200 ? ["3", "11"] : ["7", "41"];
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(__dirname, "measure.ts"), String(n), ...runs],
    {
      encoding: "utf8",
    },
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
    const report = await checkFiles(files, { jobs: j, lang: "zh" });
    if (report.files.length !== CLI_FILES) throw new Error("not every file was checked");
    return CLI_FILES / ((performance.now() - t) / 1000);
  };
  await time(1); // warm the file cache
  const perSec1 = await time(1);
  const perSecN = await time(jobs);
  return { perSec1, perSecN, jobs };
}

async function main() {
  const base = await memoryWorkbookFromXlsx(readFileSync(EXAMPLE), EXAMPLE);
  const syncs: Record<string, number> = {};
  const engineMs: Record<string, number> = {};
  const readMs: Record<string, number> = {};
  const peakMemMb: Record<string, number> = {};
  for (const n of SIZES) {
    const m = measureInChild(n);
    engineMs[n] = m.engineMs;
    readMs[n] = m.readMs;
    peakMemMb[n] = m.peakMemMb;
    syncs[n] = await syncsPerCheck(n, base);
  }
  const cli = await cliThroughput();
  const bundle = bundleSize();
  const render = await firstRenderMs();
  const figures = {
    syncs,
    engineMs,
    readMs,
    peakMemMb,
    cliFilesPerSec: Math.round(cli.perSecN * 10) / 10,
    cliSpeedup: Math.round((cli.perSecN / cli.perSec1) * 100) / 100,
    cliJobs: cli.jobs,
    bundleRawKb: bundle?.rawKb ?? null,
    bundleGzipKb: bundle?.gzipKb ?? null,
    firstRenderMs: render,
  };
  if (json) {
    process.stdout.write(JSON.stringify(figures) + "\n");
    return;
  }
  log(
    "| project forms | read .xlsx ms | engine ms | engine / read | peak memory MB | context.sync() per check |",
  );
  log("|---:|---:|---:|---:|---:|---:|");
  for (const n of SIZES) {
    const ratio = ((engineMs[n] / readMs[n]) * 100).toFixed(1);
    log(`| ${n} | ${readMs[n]} | ${engineMs[n]} | ${ratio}% | ${peakMemMb[n]} | ${syncs[n]} |`);
  }
  log("");
  log(
    `command line, ${CLI_FILES} workbooks: ${cli.perSec1.toFixed(1)} files/s on 1 worker, ${cli.perSecN.toFixed(1)} files/s on ${cli.jobs} (speed-up ${figures.cliSpeedup}×)`,
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
