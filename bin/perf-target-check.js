#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is compiled to dist/node by `npm run build:node` (run by `prepare`).
// Node ≥ 22.1 keeps V8's compiled code of the bundle between runs (in the system's temp folder);
// Node 20 has no compile cache, and nothing is done there.
const nodeModule = require("node:module");
if (typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache();
require("../dist/node/cli/main.js").main(process.argv.slice(2));
