/**
 * Where the warm engine's time goes, rule by rule:
 *   tsx bench/profile-rules.ts [N] [RUNS] [repeated|distinct]
 * reads the bench workbook of N project forms once, then RUNS times reads the model (readWorkbook)
 * and runs each rule alone (checkModel with that one rule); prints the median ms of each, largest first.
 */
import { performance } from "node:perf_hooks";
import { checkModel } from "../src/checker";
import { offerableFixes } from "../src/engine/edits";
import { readWorkbook } from "../src/engine/read-forms";
import { readXlsxFile } from "../src/hosts/xlsx/read-xlsx";
import { ALL_RULES } from "../src/rules";
import { benchWorkbookFile } from "./workbooks";

async function main() {
  const n = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 30);
  const kind = process.argv[4] === "distinct" ? "distinct" : "repeated";
  const snapshot = await readXlsxFile(await benchWorkbookFile(n, kind));
  const times = new Map<string, number[]>();
  const add = (k: string, ms: number) => (times.get(k) ?? times.set(k, []).get(k)!).push(ms);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const model = readWorkbook(snapshot);
    add("(readWorkbook)", performance.now() - t);
    let all = 0;
    for (const rule of ALL_RULES) {
      t = performance.now();
      checkModel(model, {}, [rule]);
      const ms = performance.now() - t;
      all += ms;
      add(rule.meta.id, ms);
    }
    t = performance.now();
    offerableFixes(snapshot, checkModel(model));
    add("(checkModel+offerableFixes, all rules)", performance.now() - t);
    add("(sum of rules alone)", all);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const rows = [...times].map(([k, xs]) => [k, median(xs)] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, ms] of rows) console.log(`${ms.toFixed(2).padStart(8)} ms  ${k}`);
}

void main();
