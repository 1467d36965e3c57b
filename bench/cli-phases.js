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
const { timeRuns, printRuns } = require("./timed-runs");
const { loadavg } = require("node:os");

const runs = Number(process.argv[2]);
const cmds = process.argv.slice(3).map((s) => {
  const i = s.indexOf("=");
  return { label: s.slice(0, i), args: s.slice(i + 1).split(" ") };
});
printRuns(timeRuns(cmds, runs), 14);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
