/**
 * A driver for CPU profiles of the engine:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-engine.ts [N] [RUNS] [repeated|distinct]
 * reads the bench workbook of N project forms once, checks it RUNS times, prints the median ms.
 * `tsx bench/profile-top.ts /tmp/prof/<file>.cpuprofile` lists the top self-time functions.
 */
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/checker";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { benchWorkbookFile } from "./workbooks";

async function main() {
  const n = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 30);
  const kind = process.argv[4] === "distinct" ? "distinct" : "repeated";
  const snapshot = await readXlsxFile(await benchWorkbookFile(n, kind));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checkWorkbook(snapshot);
    times.push(performance.now() - t);
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  console.log(`first ${first.toFixed(1)} ms, median ${times[times.length >> 1].toFixed(1)} ms`);
}

void main();
