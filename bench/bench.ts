/**
 * npm run bench [-- --json]
 *
 * Prints, for workbooks of 1, 10 and 200 project forms (plus the department form) built from the
 * example's forms: the number of context.sync() calls for a full check (read + marks) through the
 * Office.js adapter on the in-memory Excel host, and the engine's time (median of repeated runs);
 * then the task pane's production bundle size and time to first render in headless Chromium (when
 * `npm run build:addin` has been run and Chromium is installed; otherwise null).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { runCheck } from "../src/app/run-check";
import { checkWorkbook } from "../src/checker";
import type { WorkbookSnapshot } from "../src/engine/snapshot";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../src/hosts/memory";
import type { MemorySheet, MemoryWorkbook } from "../src/hosts/memory/state";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { bundleSize, firstRenderMs } from "./ui";

const SIZES = [1, 10, 200];
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
const json = process.argv.includes("--json");

/** The department sheet plus n project sheets cycled from the example's nine. */
function scaleSnapshot(base: WorkbookSnapshot, n: number): WorkbookSnapshot {
  const [dept, ...projects] = base.sheets;
  const sheets = [dept];
  for (let i = 0; i < n; i++) sheets.push({ ...projects[i % projects.length], name: `项目${i + 1}` });
  return { name: `bench-${n}.xlsx`, sheets };
}

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
    ...structuredClone({ ...base, sheets: [] }),
    sheets,
    name: `bench-${n}.xlsx`,
    activeSheet: dept.name,
    nextSheetNumber: n + 10,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const snapshot = await readXlsxFile(EXAMPLE);
  const memBase = await memoryWorkbookFromXlsx(readFileSync(EXAMPLE), EXAMPLE);
  const syncs: Record<string, number> = {};
  const engineMs: Record<string, number> = {};
  for (const n of SIZES) {
    const snap = scaleSnapshot(snapshot, n);
    checkWorkbook(snap); // warm-up
    const runs = n >= 200 ? 15 : 41;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      checkWorkbook(snap);
      times.push(performance.now() - t);
    }
    engineMs[n] = Math.round(median(times) * 100) / 100;

    const mem = createMemoryExcel(scaleMemory(memBase, n));
    const host = createExcelHost({
      run: mem.run,
      isSetSupported: mem.isSetSupported,
      lang: "zh",
      kind: "memory",
    });
    await runCheck(host, "zh"); // a first check leaves marks; the measured one must also replace them
    mem.resetSyncCount();
    await runCheck(host, "zh");
    syncs[n] = mem.syncCount;
  }
  const bundle = bundleSize();
  const render = await firstRenderMs();
  if (json) {
    const ui = {
      bundleRawKb: bundle?.rawKb ?? null,
      bundleGzipKb: bundle?.gzipKb ?? null,
      firstRenderMs: render,
    };
    process.stdout.write(JSON.stringify({ syncs, engineMs, ...ui }) + "\n");
    return;
  }
  console.log("project forms | context.sync() per full check | engine ms (median)");
  console.log("------------- | ----------------------------- | ------------------");
  for (const n of SIZES) {
    const cells = [
      String(n).padStart(13),
      String(syncs[n]).padStart(29),
      engineMs[n].toFixed(2).padStart(18),
    ];
    console.log(cells.join(" | "));
  }
  console.log("");
  console.log(
    bundle
      ? `task pane bundle: ${bundle.rawKb} KB raw, ${bundle.gzipKb} KB gzip`
      : "task pane bundle: not built (npm run build:addin)",
  );
  console.log(
    render !== null
      ? `first render in headless Chromium: ${render} ms (median of 5)`
      : "first render: n/a (needs the build and /usr/bin/chromium)",
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
