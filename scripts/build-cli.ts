// npm run build:node: the command line and its checking worker, each bundled into one file
// (dist/node/cli/main.js, dist/node/cli/worker.js) by esbuild, so a run resolves and loads a handful
// of files instead of ~200 modules.
//
// What a check does not need is not in those files and is not loaded at start (issue 14: a run's
// start is mostly reading and compiling the bundle, so every kilobyte not there counts):
//  - exceljs is not bundled: only the writers (--annotate, --fix, new) use it, and the real package
//    is required the first time one of them touches it;
//  - zod (the configuration's validation, 750 KB bundled: a run without a configuration file or
//    --rule/--template never validates anything), tinyglobby (glob arguments only) and csv-stringify
//    (--csv only) are each bundled into their own file, dist/node/cli/vendor/<name>.js, required the
//    first time one of their exports is used.
// Each is replaced in the bundle by a small stub (LAZY below) with the same named exports. The worker
// imports none of them.
//
// The bundles are minified: at start Node reads and compiles the whole file (V8 pre-parses every
// function), and the minified file is about half the size. Names are kept (--keep-names) so stack
// traces and class names read as in the sources.
import { build, type Plugin } from "esbuild";
import { rmSync } from "node:fs";

interface Lazy {
  /** What the stub requires: the real package (external, not bundled) or our vendor file. */
  from: "package" | "vendor";
  /** Exported functions: stubbed by a function that calls the real one. */
  functions?: string[];
  /** Exported objects (a namespace such as zod's `z`): stubbed by a proxy over the real one. */
  objects?: string[];
  /** Exported classes: stubbed by a proxy that constructs the real one. */
  classes?: string[];
  /** The package is CommonJS and imported as a default / namespace (exceljs): stub module.exports. */
  wholeModule?: boolean;
}

const LAZY: Record<string, Lazy> = {
  exceljs: { from: "package", wholeModule: true },
  zod: { from: "vendor", objects: ["z"] },
  tinyglobby: { from: "vendor", functions: ["globSync", "isDynamicPattern"] },
  "csv-stringify/sync": { from: "vendor", functions: ["stringify"] },
  // Node's own modules that cost milliseconds to load and are used only on some paths: commander
  // requires child_process for executable subcommands (we have none); worker threads serve --jobs > 1.
  "node:child_process": { from: "package", wholeModule: true },
  "node:worker_threads": { from: "package", classes: ["Worker"] },
};

/** The worker needs worker_threads at once (its parentPort), so it is not stubbed there. */
const WORKER_LAZY = Object.fromEntries(Object.entries(LAZY).filter(([k]) => k !== "node:worker_threads"));

const vendorFile = (pkg: string) => `vendor/${pkg.replace(/\W+/g, "-")}.js`;

function stub(pkg: string, spec: Lazy): string {
  const target = spec.from === "package" ? pkg : `./${vendorFile(pkg)}`;
  const head = `let real;\nconst load = () => (real ??= require(${JSON.stringify(target)}));\n`;
  if (spec.wholeModule)
    return (
      head +
      // Property reads load the package; the bundler's interop probes (__esModule, own keys) do not.
      `module.exports = new Proxy({}, {
  get(_, key) { return key === "__esModule" ? undefined : load()[key]; },
  has(_, key) { return key in load(); },
});\n`
    );
  const fns = (spec.functions ?? []).map((f) => `export function ${f}(...a) { return load().${f}(...a); }\n`);
  const objs = (spec.objects ?? []).map(
    (o) =>
      `export const ${o} = new Proxy({}, {
  get(_, key) { return load().${o}[key]; },
  has(_, key) { return key in load().${o}; },
});\n`,
  );
  const classes = (spec.classes ?? []).map(
    (c) =>
      `export const ${c} = new Proxy(class {}, {
  construct(_, args) { return Reflect.construct(load().${c}, args); },
  get(_, key) { return load().${c}[key]; },
});\n`,
  );
  return head + fns.join("") + objs.join("") + classes.join("");
}

const lazyPackages = (lazy: Record<string, Lazy>): Plugin => ({
  name: "lazy-packages",
  setup(b) {
    const names = Object.keys(lazy).map((n) => n.replace(/[/.]/g, "\\$&"));
    const filter = new RegExp(`^(${names.join("|")}|\\./vendor/.*)$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === "lazy"
        ? { path: args.path, external: true }
        : { path: args.path, namespace: "lazy" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, (args) => ({
      loader: "js",
      contents: stub(args.path, lazy[args.path]),
    }));
  },
});

const common = {
  bundle: true,
  // ESM dependencies (tinyglobby's fdir) call createRequire(import.meta.url); in a CommonJS bundle
  // import.meta is empty, so it is defined from the bundle's own file.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  // BUILD_NO_MINIFY=1 npm run build:node: readable bundles, for a CPU profile with the sources' names.
  minify: !process.env.BUILD_NO_MINIFY,
  keepNames: true,
  logLevel: "warning",
} as const;

async function main() {
  rmSync("dist/node", { recursive: true, force: true });
  const entries: [string, Record<string, Lazy>][] = [
    ["main", LAZY],
    ["worker", WORKER_LAZY],
  ];
  for (const [name, lazy] of entries)
    await build({
      ...common,
      entryPoints: { [name]: `src/cli/${name}.ts` },
      outdir: "dist/node/cli",
      plugins: [lazyPackages(lazy)],
    });
  const vendored = Object.entries(LAZY).filter(([, s]) => s.from === "vendor");
  await Promise.all(
    vendored.map(([pkg]) =>
      build({
        ...common,
        stdin: {
          contents: `module.exports = require(${JSON.stringify(pkg)});`,
          resolveDir: ".",
          loader: "js",
        },
        outfile: `dist/node/cli/${vendorFile(pkg)}`,
      }),
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
