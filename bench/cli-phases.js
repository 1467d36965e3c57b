"use strict";
/**
 * node bench/cli-phases.js RUNS LABEL=ARGS... : runs each `node ARGS` RUNS times, interleaved, and
 * prints the median (and least) wall and CPU ms of each, and the load average. For the phases of a
 * command line run, e.g.
 *   node bench/cli-phases.js 21 "empty=-e 0" "load=-e require('./dist/node/cli/main.js')" \
 *     "run=bin/perf-target-check.js examples/nancheng-2026-per-sheet.xlsx" \
 *     "old=/path/to/old/bin/perf-target-check.js examples/nancheng-2026-per-sheet.xlsx"
 * (ARGS are split at spaces.)
 */
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");
const { loadavg } = require("node:os");

const runs = Number(process.argv[2]);
const cmds = process.argv.slice(3).map((s) => {
  const i = s.indexOf("=");
  return { label: s.slice(0, i), args: s.slice(i + 1).split(" "), wall: [], cpu: [] };
});
for (let r = 0; r < runs; r++)
  for (const c of cmds) {
    const t = performance.now();
    const x = spawnSync(process.execPath, ["-r", join(__dirname, "cli-cpu.js"), ...c.args], {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    c.wall.push(performance.now() - t);
    const m = /CPU ([\d.]+)/.exec(x.stderr);
    c.cpu.push(m ? Number(m[1]) : NaN);
  }
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const f = (x) => x.toFixed(0).padStart(5);
for (const c of cmds)
  console.log(
    `${c.label.padEnd(14)} wall ${f(med(c.wall))} (least ${f(Math.min(...c.wall))})  cpu ${f(med(c.cpu))} (least ${f(Math.min(...c.cpu))}) ms`,
  );
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
