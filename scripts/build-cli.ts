// npm run build:node: the command line and its checking worker, each bundled into one file
// (dist/node/cli/main.js, dist/node/cli/worker.js) by esbuild, so a run resolves and loads a handful
// of files instead of ~200 modules.
//
// exceljs is not bundled and not loaded at start: only the writers (--annotate, new) use it, so it is
// replaced by a stub that requires the real package the first time a writer touches it. The worker
// never imports it at all.
import { build, type Plugin } from "esbuild";
import { rmSync } from "node:fs";

const lazyExceljs: Plugin = {
  name: "lazy-exceljs",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.namespace === "lazy-exceljs"
        ? { path: "exceljs", external: true }
        : { path: "exceljs", namespace: "lazy-exceljs" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-exceljs" }, () => ({
      loader: "js",
      contents: `
let real;
const load = () => (real ??= require("exceljs"));
// Property reads load exceljs; the bundler's interop probes (__esModule, own keys) do not.
module.exports = new Proxy({}, {
  get(_, key) { return key === "__esModule" ? undefined : load()[key]; },
  has(_, key) { return key in load(); },
});
`,
    }));
  },
};

async function main() {
  rmSync("dist/node", { recursive: true, force: true });
  await build({
    entryPoints: { main: "src/cli/main.ts", worker: "src/cli/worker.ts" },
    outdir: "dist/node/cli",
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    legalComments: "none",
    plugins: [lazyExceljs],
    // ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url); in a CommonJS bundle
    // import.meta is empty, so it is defined from the bundle's own file.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: "warning",
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
