// Two builds from one config:
// - the add-in (default): task pane, ribbon command page, icons, help and manifest.xml, written to
//   dist/addin ready to copy to any https static server. ADDIN_URL sets the URL it is served from
//   (every URL of the manifest is rewritten against it), OFFICE_JS where office.js comes from
//   (cdn | 21vianet | local); see scripts/deploy/settings.js and docs/deploy.md.
// - the web checker (`--env web`): the same task pane against the in-memory Excel, beside a grid
//   of the opened workbook, written to dist/web: a static page for staff without a supported Excel.
//   No office.js, nothing leaves the browser. `--env examples` adds the bundled example (npm run demo).
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DefinePlugin } = require("webpack");
const deploy = require("./scripts/deploy/settings");
const browserslist = require("browserslist");
const { EsbuildPlugin } = require("esbuild-loader");

/**
 * The language level: the webviews of every Office that meets the manifest (package.json
 * "browserslist"), as esbuild targets. esbuild lowers syntax only (class static blocks, `??=`, ...);
 * the one newer built-in the code uses (Object.hasOwn) is polyfilled in src/webview/polyfills.ts,
 * and `npm test` checks the built bundles with es-check (scripts/check-bundles.js).
 */
const ESBUILD_FAMILIES = {
  chrome: "chrome",
  edge: "edge",
  safari: "safari",
  ios_saf: "ios",
  firefox: "firefox",
};
/**
 * Also lowered although the targets have them: class fields (ES2022) and `??=` (ES2021), so the bundles are plain
 * ES2020 and es-check can hold them to it.
 */
const SUPPORTED = {
  "class-field": false,
  "class-static-field": false,
  "class-private-field": false,
  "class-private-method": false,
  "class-private-accessor": false,
  "class-private-static-field": false,
  "class-private-static-method": false,
  "class-private-static-accessor": false,
  "class-private-brand-check": false,
  "class-static-blocks": false,
  "logical-assignment": false,
};
const TARGET = [
  ...new Set(
    browserslist(undefined, { path: __dirname }).flatMap((entry) => {
      const [family, version] = entry.split(" ");
      const name = ESBUILD_FAMILIES[family];
      return name ? [`${name}${version.split("-")[0]}`] : [];
    }),
  ),
];

const common = (dev, settings) => ({
  devtool: dev || settings.sourceMaps ? "source-map" : false,
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // .xlsx in the browser: exceljs's browser build, no Node built-ins.
    alias: {
      exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
      // The web checker's CSV report: csv-stringify's browser build (it carries its own Buffer).
      "csv-stringify/sync$": path.resolve(__dirname, "node_modules/csv-stringify/dist/esm/sync.js"),
    },
  },
  module: {
    rules: [
      {
        // TypeScript and every dependency, down to the target (untranspiled node_modules carried
        // class static blocks into the bundle). esbuild, not babel: one fast tool for lowering
        // and minifying, already in the tree through tsx; the code needs no babel plugin.
        test: /\.[cm]?[jt]sx?$/,
        loader: "esbuild-loader",
        options: { target: TARGET, supported: SUPPORTED, tsconfig: "tsconfig.web.json", jsx: "automatic" },
      },
    ],
  },
  optimization: {
    minimizer: [
      new EsbuildPlugin({ target: TARGET, supported: SUPPORTED, css: false, exclude: /guard\.js$/ }),
    ],
  },
  performance: { hints: false },
  // No `global` shim: webpack's shim falls back to `new Function("return this")`, which a strict
  // Content-Security-Policy forbids. Browsers have globalThis.
  node: { global: false },
});

/**
 * The rules' help pages (怎么改): docs/rules/<id>.md rendered with marked at build time, our own CSS,
 * no script, nothing from outside — the pane opens them in an Office dialog or a new window, offline.
 * Each page is split at its `## English` heading: the Chinese half becomes help/rules/<id>.html
 * (`lang="zh-CN"`), the English half help/rules/en/<id>.html (`lang="en"`; its `**<id> — name**`
 * line becomes the h1 and its `###` sections h2), each linking to the other; README.md gives both
 * indexes. The pane opens the page in its language (src/taskpane/help.ts says why two pages).
 */
const HELP_CSS = `
body { font-family: "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Segoe UI", sans-serif;
  max-width: 46em; margin: 0 auto; padding: 16px 20px 40px; line-height: 1.65; color: #242424; font-size: 14px; }
h1 { font-size: 20px; margin: 8px 0 4px; color: #0e5c2f; }
h2 { font-size: 16px; margin: 22px 0 6px; padding-bottom: 2px; border-bottom: 1px solid #e0e0e0; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 3px; border-radius: 3px; font-size: 13px; }
pre { background: #f3f3f3; padding: 8px 10px; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
blockquote { margin: 4px 0; padding: 4px 10px; border-left: 3px solid #c50f1f; background: #fdf3f4; }
blockquote p { margin: 2px 0; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #d1d1d1; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
a { color: #0f6cbd; }
nav { font-size: 13px; color: #616161; }
`;

/**
 * A help page's two halves as markdown: the Chinese (before `## English`) and the English, with its
 * title line made the h1 and its sections raised one level, so that both pages read h1 → h2.
 */
function helpHalves(md) {
  const at = md.indexOf("\n## English\n");
  if (at < 0) return { zh: md, en: null };
  const en = md
    .slice(at + "\n## English\n".length)
    .replace(/^\s*\*\*(.+?)\*\*\s*$/m, "# $1")
    .replace(/^### /gm, "## ");
  return { zh: md.slice(0, at + 1), en: /^#\s/m.test(en) ? en : `# Rules\n\n${en}` };
}

function helpPages() {
  const dir = path.join(__dirname, "docs", "rules");
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const WORDS = {
    zh: { lang: "zh-CN", all: "全部规则", site: "绩效目标表检查", other: "English", otherLang: "en" },
    en: {
      lang: "en",
      all: "All rules",
      site: "Performance Target Form Checker",
      other: "中文",
      otherLang: "zh-CN",
    },
  };
  return {
    apply(compiler) {
      const { sources, Compilation } = compiler.webpack;
      compiler.hooks.thisCompilation.tap("HelpPages", (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: "HelpPages", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => {
            // marked is an ES module; Node (≥ 20.19) requires it synchronously.
            const { Marked } = require("marked");
            const marked = new Marked({ gfm: true });
            compilation.contextDependencies.add(dir);
            for (const file of fs
              .readdirSync(dir)
              .filter((f) => f.endsWith(".md"))
              .sort()) {
              const halves = helpHalves(fs.readFileSync(path.join(dir, file), "utf8"));
              const id = file === "README.md" ? "index" : file.slice(0, -3);
              for (const lang of ["zh", "en"]) {
                const md = halves[lang];
                if (md === null) continue;
                const w = WORDS[lang];
                const title = (/^#\s+(.+)$/m.exec(md)?.[1] ?? id).trim();
                // Links between pages: x.md → x.html; README.md → index.html (in the same language's
                // folder). Other documents are not shipped.
                const body = marked
                  .parse(md)
                  .replace(/href="README\.md(#[^"]*)?"/g, 'href="index.html$1"')
                  .replace(/href="([a-z0-9-]+)\.md(#[^"]*)?"/g, 'href="$1.html$2"')
                  .replace(/<a href="(\.\.\/[^"]*|[^":]*\.md[^"]*)">([\s\S]*?)<\/a>/g, "$2");
                // The same page in the other language, when it has one.
                const other = lang === "zh" ? (halves.en === null ? null : `en/${id}.html`) : `../${id}.html`;
                const links = [
                  id === "index" ? null : `<a href="index.html">${w.all}</a>`,
                  other &&
                    `<a href="${other}" lang="${w.otherLang}" hreflang="${w.otherLang}">${w.other}</a>`,
                ].filter(Boolean);
                const nav = links.length ? `<nav>${links.join(" · ")}</nav>` : "";
                const html = `<!doctype html>
<html lang="${w.lang}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:" />
<title>${escape(title)} · ${w.site}</title>
<style>${HELP_CSS}</style>
</head>
<body>
<main>
${nav}
${body}
</main>
</body>
</html>
`;
                const out = lang === "en" ? `help/rules/en/${id}.html` : `help/rules/${id}.html`;
                compilation.emitAsset(out, new sources.RawSource(html));
              }
            }
          },
        );
      });
    },
  };
}

/** The files of @microsoft/office-js that office.js loads for Excel (OFFICE_JS=local only). */
function officeJsCopy() {
  const dist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  return {
    from: "**/*",
    context: dist,
    to: "office-js/",
    // Microsoft's files as shipped: not minified again (Terser would rewrite them and add licence files).
    info: { minimized: true },
    filter: (file) => deploy.isOfficeJsFile(path.relative(dist, file)),
  };
}

function addin(dev, settings) {
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      templateParameters: {
        officeJsSrc: settings.officeJs.src,
        csp: deploy.contentSecurityPolicy(settings),
      },
    });
  return {
    ...common(dev, settings),
    name: "addin",
    entry: {
      taskpane: ["./src/webview/polyfills.ts", "./src/taskpane/index.tsx"],
      commands: ["./src/webview/polyfills.ts", "./src/commands/commands.ts"],
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      clean: true,
      // webpack's own runtime code, not passed through the loader: ES2020 too (no `||=`).
      environment: { logicalAssignment: false, asyncFunction: true, optionalChaining: true },
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands.html", "./src/commands/commands.html", ["commands"]),
      page("dialog.html", "./src/commands/dialog.html", ["dialog"]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => deploy.rewriteManifest(content.toString("utf8"), settings),
          },
          ...(settings.officeJs.kind === "local" ? [officeJsCopy()] : []),
          // ES5, untranspiled, loaded before the bundle: tells users of too old a webview so.
          { from: "src/webview/guard.js", to: "guard.js" },
        ],
      }),
      helpPages(),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/addin") },
      port: Number(process.env.PORT || 3000),
      // Office requires https; the certificate is office-addin-dev-certs' trusted one when
      // `npm start` has made it, else webpack-dev-server's own.
      server: process.env.HTTPS === "0" ? "http" : httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
}

function httpsServer() {
  const options = deploy.devServerHttps();
  return options ? { type: "https", options } : "https";
}

function web(dev, settings, withExamples) {
  return {
    ...common(dev, settings),
    name: "web",
    entry: { checker: ["./src/webview/polyfills.ts", "./src/demo/index.tsx"] },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      clean: true,
      environment: { logicalAssignment: false, asyncFunction: true, optionalChaining: true },
    },
    plugins: [
      new DefinePlugin({
        __PTC_EXAMPLE__: JSON.stringify(withExamples ? "examples/nancheng-2026-per-sheet.xlsx" : ""),
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/demo/demo.html",
        chunks: ["checker"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-32.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          ...(withExamples ? [{ from: "examples/*.xlsx", to: "examples/[name][ext]" }] : []),
        ],
      }),
      helpPages(),
    ],
  };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  let settings;
  try {
    settings = deploy.buildSettings();
  } catch (e) {
    if (e instanceof deploy.SettingsError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (!fs.existsSync(path.join(__dirname, "manifest.xml"))) throw new Error("manifest.xml is missing");
  return env.web ? web(dev, settings, Boolean(env.examples)) : addin(dev, settings);
};
