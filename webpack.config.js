// Builds the add-in: the task pane, the ribbon command's function file, and the browser demo
// (the same task pane against the in-memory Excel host). `npm run build` writes dist/addin.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      demo: "./src/demo/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The demo reads .xlsx in the browser: exceljs's browser build, no Node built-ins.
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
      new HtmlWebpackPlugin({ filename: "demo.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "examples/*.xlsx", to: "examples/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
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
