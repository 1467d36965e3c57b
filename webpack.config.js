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

const common = (dev, settings) => ({
  devtool: dev || settings.sourceMaps ? "source-map" : false,
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    // .xlsx in the browser: exceljs's browser build, no Node built-ins.
    alias: { exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js") },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
      },
    ],
  },
  performance: { hints: false },
  // No `global` shim: webpack's shim falls back to `new Function("return this")`, which a strict
  // Content-Security-Policy forbids. Browsers have globalThis.
  node: { global: false },
});

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
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands.html", "./src/commands/commands.html", ["commands"]),
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
        ],
      }),
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
    entry: { checker: "./src/demo/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: "[name].[contenthash:8].js",
      clean: true,
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
