/**
 * tsx bench/read-plain.ts [N] [RUNS] [A.js B.js ...]: the lean reader at N project forms (default 200),
 * warm, in plain Node (no tsx loader hooks): the reader is bundled by esbuild into
 * test-artifacts/bench/read-xlsx.js and timed by bench/read-warm.js in a fresh process. Given other
 * bundles (an older build of the same entry), each runs in its own process, interleaved with ours,
 * RUNS (default 7) times; printed: the median of each process's median warm read.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { BENCH_DIR, benchWorkbookFile } from "./workbooks";

async function main() {
  const n = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 7);
  const others = process.argv.slice(4);
  const file = await benchWorkbookFile(n);
  const ours = join(BENCH_DIR, "read-xlsx.js");
  await build({
    entryPoints: [join(__dirname, "..", "src", "hosts", "xlsx", "read-xlsx.ts")],
    outfile: ours,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  const bundles = [ours, ...others];
  const ms: number[][] = bundles.map(() => []);
  for (let r = 0; r < runs; r++)
    bundles.forEach((b, i) => {
      const out = execFileSync(process.execPath, [join(__dirname, "read-warm.js"), b, file, "15"], {
        encoding: "utf8",
      });
      ms[i].push((JSON.parse(out) as { readMs: number }).readMs);
    });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  bundles.forEach((b, i) => console.log(`${med(ms[i]).toFixed(1).padStart(7)} ms  ${b}`));
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
}

void main();
