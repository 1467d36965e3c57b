// Builds the add-in: the task pane, the ribbon command's function file, and the browser demo
// (the same task pane against the in-memory Excel host). `npm run build` writes dist/addin.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
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

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: ["./src/webview/polyfills.ts", "./src/taskpane/index.tsx"],
      commands: ["./src/webview/polyfills.ts", "./src/commands/commands.ts"],
      dialog: "./src/commands/dialog.ts",
      demo: ["./src/webview/polyfills.ts", "./src/demo/index.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      clean: true,
      // webpack's own runtime code, not passed through the loader: ES2020 too (no `||=`).
      environment: { logicalAssignment: false, asyncFunction: true, optionalChaining: true },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The demo reads .xlsx in the browser: exceljs's browser build, no Node built-ins.
      alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
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
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: ["dialog"],
      }),
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "examples/*.xlsx", to: "examples/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          // ES5, untranspiled, loaded before the bundle: tells users of too old a webview so.
          { from: "src/webview/guard.js", to: "guard.js" },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist/addin") },
      port: Number(process.env.PORT || 3000),
      // Office requires https for sideloading; the demo (`npm run demo`) runs on plain http.
      server: process.env.HTTPS === "0" ? "http" : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
