"use strict";
/**
 * node bench/cli-batch.js RUNS SIZES JOBS [BIN...] : the built command line on folders of SIZES small
 * workbooks (hard links to the bench's folder-1000, which `npm run bench` makes), with each of JOBS
 * (`-j N`; `auto` = no --jobs), interleaved, RUNS times each; prints per case the median and least
 * wall and CPU ms (all threads, bench/cli-cpu.js) and the load average before and after. E.g.
 *   node bench/cli-batch.js 5 50,100,200,1000 1,2,auto
 *   node bench/cli-batch.js 5 1000 1,2 bin/perf-target-check.js /tmp/old/bin/perf-target-check.js
 * Where the default number of workers (FILES_PER_WORKER in src/cli/batch.ts) comes from.
 */
const { timeRuns, printRuns } = require("./timed-runs");
const { existsSync, linkSync, mkdirSync, readdirSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { loadavg } = require("node:os");

const ROOT = join(__dirname, "..");
const SOURCE = join(ROOT, "test-artifacts", "bench", "folder-1000");
const runs = Number(process.argv[2] || 5);
const sizes = (process.argv[3] || "1000").split(",").map(Number);
const jobs = (process.argv[4] || "1,2,auto").split(",");
const bins = process.argv.length > 5 ? process.argv.slice(5) : [join(ROOT, "bin", "perf-target-check.js")];

if (!existsSync(SOURCE)) {
  console.error(`${SOURCE} is missing: run npm run bench once (it makes the folder)`);
  process.exit(2);
}
const all = readdirSync(SOURCE).sort();

/** A folder of n links to the small workbooks (more than 1000: each linked again, under other names). */
function folder(n) {
  if (n === all.length) return SOURCE;
  const dir = join(ROOT, "test-artifacts", "bench", `folder-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const name = i < all.length ? all[i] : `x-${String(i).padStart(5, "0")}.xlsx`;
    if (!existsSync(join(dir, name))) linkSync(join(SOURCE, all[i % all.length]), join(dir, name));
  }
  return dir;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const cases = [];
for (const n of sizes)
  for (const bin of bins)
    for (const j of jobs)
      cases.push({
        label: `${n} files${bins.length > 1 ? ` ${bin}` : ""} -j ${j}`,
        args: [resolve(bin), ...(j === "auto" ? [] : ["-j", j]), "-f", "json", "-o", "/dev/null", folder(n)],
      });
console.log(`load average before: ${load()}`);
printRuns(timeRuns(cases, runs), 22);
console.log(`load average after: ${load()}`);
