"use strict";
/**
 * Plain Node (not tsx: its loader hooks would follow every worker thread), run by bench.ts:
 *   node bench/worker-ready.js WORKER_JS [RUNS]
 * starts the built checking worker RUNS times, one after the other, and prints
 * { "readyMs": median ms from new Worker() to its "ready" message, "cpuMs": median CPU the process
 * spent over that time (all threads) }.
 */
const { performance } = require("node:perf_hooks");
const { Worker } = require("node:worker_threads");
const { resolve } = require("node:path");

async function once(path) {
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const w = new Worker(path, { stdout: true });
  await new Promise((ok, fail) => {
    w.once("message", () => ok());
    w.once("error", fail);
  });
  const ms = performance.now() - t;
  const c = process.cpuUsage(cpu0);
  await w.terminate();
  return { ms, cpu: (c.user + c.system) / 1000 };
}

async function main() {
  const path = resolve(process.argv[2]);
  const runs = Number(process.argv[3] || 7);
  const ms = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(path);
    ms.push(r.ms);
    cpu.push(r.cpu);
  }
  const med = (xs) => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1] * 10) / 10;
  process.stdout.write(JSON.stringify({ readyMs: med(ms), cpuMs: med(cpu) }) + "\n");
}

main();
