/**
 * npx tsx bench/ab-engine.ts OTHER_CHECKOUT [N] [ROUNDS] [repeated|distinct]
 *
 * Same-process A/B of the engine: the bench workbook of N project forms (default 200) is read once with
 * this checkout's reader, then this checkout's `checkWorkbook` and OTHER_CHECKOUT's (an older commit in a
 * git worktree) are run alternately, ROUNDS (default 15) rounds after 5 warm-up rounds each, and the
 * medians printed.
 * Alternating in one process cancels most of the machine's load and JIT differences.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../src/checker";
import { readXlsxBytes } from "../src/hosts/xlsx/lean/browser";
import { benchWorkbookFile } from "./workbooks";

type Check = (s: unknown) => unknown;

async function main(): Promise<void> {
  const other = resolve(process.argv[2] ?? "");
  const n = Number(process.argv[3] ?? 200);
  const rounds = Number(process.argv[4] ?? 15);
  const kind = process.argv[5] === "distinct" ? "distinct" : "repeated";
  const file = await benchWorkbookFile(n, kind);
  const snapshot = readXlsxBytes(readFileSync(file), file);
  const theirs = ((await import(join(other, "src", "checker.ts"))) as { checkWorkbook: Check }).checkWorkbook;
  const ours = checkWorkbook as unknown as Check;
  const times: Record<"ours" | "theirs", number[]> = { ours: [], theirs: [] };
  for (let round = 0; round < rounds + 5; round++) {
    for (const [name, f] of [
      ["theirs", theirs],
      ["ours", ours],
    ] as const) {
      const t = performance.now();
      f(snapshot);
      if (round >= 5) times[name].push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    JSON.stringify({
      forms: n,
      kind,
      other,
      oursMs: +median(times.ours).toFixed(1),
      theirsMs: +median(times.theirs).toFixed(1),
    }),
  );
}

void main();
