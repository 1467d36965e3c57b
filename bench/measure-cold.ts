/**
 * The first check in a fresh process and the re-check after an edit, at N project forms:
 *   tsx bench/measure-cold.ts N [RECHECK_RUNS] [repeated|distinct]
 * prints { "warmUpMs": the pane's warm-up (src/app/warm-up.ts), "engineColdMs": the first check of
 * the workbook after that warm-up, "recheckMs": median of re-checks after editing one sheet (each
 * run edits one more project sheet's budget; the sheet readings of the previous check are kept,
 * as the add-in keeps them: src/app/run-check.ts), "recheckFullMs": the same re-checks without the
 * kept readings }.
 */
import { performance } from "node:perf_hooks";
import { warmEngine } from "../src/app/warm-up";
import { checkModel } from "../src/checker";
import { readWorkbook, SheetReadCache } from "../src/engine/read-forms";
import type { CellValue, WorkbookSnapshot } from "../src/engine/snapshot";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { benchWorkbookFile } from "./workbooks";

const round = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The snapshot with project sheet i's budget (the first number of the sheet) changed. */
function edited(base: WorkbookSnapshot, i: number, run: number): WorkbookSnapshot {
  const sheets = base.sheets.slice();
  const s = sheets[i];
  let done = false;
  const values = s.values.map((row) =>
    row.map((v: CellValue): CellValue => {
      if (done || typeof v !== "number" || v < 10000) return v;
      done = true;
      return v + run + 1;
    }),
  );
  sheets[i] = { ...s, values, text: undefined };
  return { ...base, sheets };
}

async function main() {
  const n = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 11);
  const kind = process.argv[4] === "distinct" ? "distinct" : "repeated";
  const snapshot = await readXlsxFile(await benchWorkbookFile(n, kind));
  const warmUpMs = warmEngine();
  const cache = new SheetReadCache();
  let t = performance.now();
  checkModel(readWorkbook(snapshot, {}, cache));
  const engineColdMs = performance.now() - t;

  const kept: number[] = [];
  const full: number[] = [];
  let snap = snapshot;
  for (let run = 0; run < runs; run++) {
    // One more sheet edited than in the check before: exactly one sheet differs.
    snap = edited(snap, 1 + (run % (snapshot.sheets.length - 1)), run);
    t = performance.now();
    checkModel(readWorkbook(snap, {}, cache));
    kept.push(performance.now() - t);
    if (cache.stats.read !== 1) throw new Error(`re-check read ${cache.stats.read} sheets, not 1`);
    t = performance.now();
    checkModel(readWorkbook(snap));
    full.push(performance.now() - t);
  }
  process.stdout.write(
    JSON.stringify({
      warmUpMs: round(warmUpMs),
      engineColdMs: round(engineColdMs),
      recheckMs: round(median(kept)),
      recheckFullMs: round(median(full)),
    }) + "\n",
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
