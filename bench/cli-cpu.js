"use strict";
// Preloaded by bench/cli-phases.js (node -r): prints the process's CPU ms to stderr as it exits.
process.on("exit", () => {
  const c = process.cpuUsage();
  require("node:fs").writeSync(2, `\nCPU ${(c.user + c.system) / 1000}\n`);
});
