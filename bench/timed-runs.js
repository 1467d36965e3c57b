"use strict";
/**
 * Shared by bench/cli-phases.js and bench/cli-batch.js: run each case (`node ARGS`, with
 * bench/cli-cpu.js reporting the process's CPU on stderr) RUNS times, interleaved, then print per case
 * the median and least wall and CPU ms.
 */
const { spawnSync } = require("node:child_process");
const { join } = require("node:path");
const { performance } = require("node:perf_hooks");

/** cases: [{ label, args }]; returns them with `wall` and `cpu` arrays of ms filled. */
function timeRuns(cases, runs) {
  const timed = cases.map((c) => ({ ...c, wall: [], cpu: [] }));
  for (let r = 0; r < runs; r++)
    for (const c of timed) {
      const t = performance.now();
      const x = spawnSync(process.execPath, ["-r", join(__dirname, "cli-cpu.js"), ...c.args], {
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
      });
      c.wall.push(performance.now() - t);
      const m = /CPU ([\d.]+)/.exec(x.stderr);
      c.cpu.push(m ? Number(m[1]) : NaN);
    }
  return timed;
}

function printRuns(timed, labelWidth) {
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const f = (x) => x.toFixed(0).padStart(6);
  for (const c of timed)
    console.log(
      `${c.label.padEnd(labelWidth)} wall ${f(med(c.wall))} (least ${f(Math.min(...c.wall))})  cpu ${f(med(c.cpu))} (least ${f(Math.min(...c.cpu))}) ms`,
    );
}

module.exports = { timeRuns, printRuns };
