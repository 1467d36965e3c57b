#!/usr/bin/env node
"use strict";
// Thin launcher: the command line is compiled to dist/node by `npm run build:node` (run by `prepare`).
require("../dist/node/cli/main.js").main(process.argv.slice(2));
