/**
 * One size measured in a fresh process, so its peak memory is its own:
 *   tsx bench/measure.ts N [READ_RUNS] [ENGINE_RUNS] [repeated|distinct]
 * prints { "readMs": median of warm reads (after one untimed read), "engineMs": median of the
 * ENGINE_RUNS checks after one untimed check, "engineSteadyMs": median of checks 31–40 (by then V8 has
 * optimised the hot code: at 200 forms the time per check falls for about 20 checks; see the README),
 * "peakMemMb": peak RSS of this process }.
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/checker";
import type { WorkbookSnapshot } from "../src/engine/snapshot";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { benchWorkbookFile } from "./workbooks";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const n = Number(process.argv[2]);
  const readRuns = Number(process.argv[3] ?? 5);
  const engineRuns = Number(process.argv[4] ?? 21);
  const kind = process.argv[5] === "distinct" ? "distinct" : "repeated";
  const file = await benchWorkbookFile(n, kind);
  const reads: number[] = [];
  let snapshot: WorkbookSnapshot | null = await readXlsxFile(file); // warm-up: compiling the reader
  for (let i = 0; i < readRuns; i++) {
    const t = performance.now();
    snapshot = await readXlsxFile(file);
    reads.push(performance.now() - t);
  }
  checkWorkbook(snapshot!); // warm-up: the first call pays for compiling the engine
  const checks: number[] = [];
  for (let i = 0; i < engineRuns; i++) {
    const t = performance.now();
    checkWorkbook(snapshot!);
    checks.push(performance.now() - t);
  }
  const peakMemMb = Math.round(process.resourceUsage().maxRSS / 1024);
  for (let i = 1 + engineRuns; i < 30; i++) checkWorkbook(snapshot!);
  const steady: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    checkWorkbook(snapshot!);
    steady.push(performance.now() - t);
  }
  process.stdout.write(
    JSON.stringify({
      readMs: round(median(reads)),
      engineMs: round(median(checks)),
      engineSteadyMs: round(median(steady)),
      peakMemMb,
    }) + "\n",
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
