"use strict";
/**
 * node bench/read-warm.js BUNDLE FILE [RUNS]: BUNDLE exports readXlsxFile (bench/read-plain.ts builds
 * it); prints { "readMs": median of RUNS warm reads of FILE, after 3 untimed ones }.
 */
const { performance } = require("node:perf_hooks");
const { resolve } = require("node:path");

async function main() {
  const { readXlsxFile } = require(resolve(process.argv[2]));
  const file = process.argv[3];
  const runs = Number(process.argv[4] || 15);
  for (let i = 0; i < 3; i++) await readXlsxFile(file);
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await readXlsxFile(file);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ readMs: Math.round(ms[ms.length >> 1] * 10) / 10 }) + "\n");
}

main();
