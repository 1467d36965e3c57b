/**
 * What the add-in's re-check after one edit reads, on the in-memory Excel (issue 14): cells whose
 * values are loaded, sheets read and context.sync() calls, for 检查表格 (every sheet) and for the
 * automatic re-check (only the sheets the events named), on the example and the bench workbooks.
 *
 *   npx tsx bench/recheck-reads.ts [N...]     (default: the example, 200)
 */
import { readFileSync } from "node:fs";
import { runCheck } from "../src/app/run-check";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../src/emulator/excel";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { EXAMPLE, benchWorkbookBuffer } from "./workbooks";

async function measure(label: string, bytes: Uint8Array) {
  const wb = await memoryWorkbookFromXlsx(bytes, label);
  const excel = createMemoryExcel(wb, { profile: "m365" });
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
  await host.onUserEdit(() => undefined);
  const step = async (background: boolean, changedOnly?: boolean) => {
    excel.resetReads();
    excel.resetSyncCount();
    const t = performance.now();
    const run = await runCheck(host, "zh", { background, marks: false, changedOnly });
    const ms = performance.now() - t;
    const r = excel.reads();
    return {
      cells: r.cells,
      sheets: Object.keys(r.sheets).length,
      syncs: excel.syncCount,
      ms,
      readMs: run.timings.readMs,
    };
  };
  const full = await step(false);
  const project = wb.sheets[1].name;
  await excel.userEdit(project, "B8", 1234567);
  const before = await step(true, false); // the re-check as it was: every sheet read again
  await excel.userEdit(project, "B8", 7654321);
  const after = await step(true);
  const f = (x: typeof full) =>
    `${x.cells} cells / ${x.sheets} sheets, ${x.syncs} syncs, read ${x.readMs.toFixed(1)} ms, check ${x.ms.toFixed(1)} ms`;
  console.log(`${label} (${wb.sheets.length} sheets)`);
  console.log(`  检查表格 (full):            ${f(full)}`);
  console.log(`  re-check, before (all):     ${f(before)}`);
  console.log(`  re-check, after (changed):  ${f(after)}`);
}

(async () => {
  const args = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  await measure("example", new Uint8Array(readFileSync(EXAMPLE)));
  for (const n of args.length ? args : [200])
    await measure(`bench ${n}`, new Uint8Array(await benchWorkbookBuffer(n)));
})();
