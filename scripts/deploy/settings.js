// Build settings of the add-in, from the environment: where the add-in is served (ADDIN_URL) and
// where office.js comes from (OFFICE_JS). Plain CommonJS so webpack.config.js, the scripts and the
// tests share one definition. Types: settings.d.ts beside this file.
"use strict";
/* global URL */

/** The URL every URL of manifest.xml is written against in the repository (the dev server). */
const DEV_URL = "https://localhost:3000/";

/**
 * Where office.js is loaded from. Microsoft supports only its CDNs; `local` serves a copy taken
 * from the @microsoft/office-js package beside the add-in, for intranets without internet.
 */
const OFFICE_JS = {
  cdn: {
    src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    origin: "https://appsforoffice.microsoft.com",
  },
  // Microsoft 365 operated by 21Vianet (tenants in China).
  "21vianet": {
    src: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    origin: "https://appsforoffice.cdn.partner.office365.cn",
  },
  local: { src: "office-js/office.js", origin: null },
};

/**
 * The files office.js loads for Excel, relative to the package's dist/ folder: the loader, the
 * Excel host files of every platform (office.js picks `excel-<platform>-<version>[-core].js` at run
 * time), and the strings of the two UI languages (office.js falls back to en-us for any other
 * locale). Telemetry scripts (telemetry/, ariatelemetry/) are deliberately left out.
 */
const OFFICE_JS_FILES = [
  "office.js",
  /^excel-(win32|mac|web|winrt|ios|android)-16\.\d\d(-core)?\.js$/,
  "o15apptofilemappingtable.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
];

class SettingsError extends Error {}

/** Normalises ADDIN_URL: an absolute https URL (http only for localhost), ending in "/". */
function addinUrl(value) {
  const raw = (value ?? "").trim() || DEV_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(`ADDIN_URL「${raw}」不是有效的网址 / is not a valid URL`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    throw new SettingsError(
      `ADDIN_URL「${raw}」必须以 https:// 开头（Office 只加载 https 的加载项）/ must be https`,
    );
  }
  if (url.search || url.hash) {
    throw new SettingsError(`ADDIN_URL「${raw}」不能带 ? 或 # / must not have a query or fragment`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

function officeJs(value) {
  const key = (value ?? "").trim().toLowerCase() || "cdn";
  const entry = OFFICE_JS[key];
  if (!entry) {
    throw new SettingsError(
      `OFFICE_JS「${value}」不认识，可选 ${Object.keys(OFFICE_JS).join(" / ")} / unknown, use one of those`,
    );
  }
  return { kind: key, ...entry };
}

/** Version for the manifest: four parts (Office requires n.n.n.n). */
function manifestVersion(packageVersion) {
  const parts = String(packageVersion)
    .split(/[.+-]/)
    .filter((p) => /^\d+$/.test(p))
    .slice(0, 4);
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** Every setting of a build, from an environment (process.env by default). */
function buildSettings(env = process.env, packageVersion = require("../../package.json").version) {
  return {
    addinUrl: addinUrl(env.ADDIN_URL),
    officeJs: officeJs(env.OFFICE_JS),
    version: manifestVersion(packageVersion),
    sourceMaps: env.SOURCE_MAPS === "1",
  };
}

/**
 * manifest.xml for a deployment: every dev-server URL rewritten against the add-in's URL, the
 * AppDomain set to its origin and the version stamped. Throws if a URL is left pointing elsewhere.
 */
function rewriteManifest(xml, settings) {
  const origin = new URL(settings.addinUrl).origin;
  let out = xml
    .split(DEV_URL)
    .join(settings.addinUrl)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${settings.version}</Version>`);
  // Comments may mention the dev server; no attribute may.
  const left = [...out.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith(settings.addinUrl));
  if (left.length > 0)
    throw new SettingsError(`manifest.xml 中有未改写的网址 / URLs not rewritten: ${left.join(", ")}`);
  return out;
}

/** The Content-Security-Policy of the pane and the command page for a given office.js origin. */
function contentSecurityPolicy(settings) {
  const office = settings.officeJs.origin ? ` ${settings.officeJs.origin}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** Whether a file of @microsoft/office-js's dist/ folder is one the add-in serves locally. */
function isOfficeJsFile(relativePath) {
  const p = relativePath.replace(/\\/g, "/");
  return OFFICE_JS_FILES.some((f) => (typeof f === "string" ? f === p : f.test(p)));
}

/**
 * The https options of the dev server: the office-addin-dev-certs certificate for localhost when
 * `npm start` (or `npx office-addin-dev-certs install`) has made one, else undefined (webpack-dev-server
 * then makes its own, untrusted, certificate).
 */
function devServerHttps(home = require("node:os").homedir()) {
  const fs = require("node:fs");
  const path = require("node:path");
  const dir = path.join(home, ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = {
  devServerHttps,
  DEV_URL,
  OFFICE_JS,
  SettingsError,
  addinUrl,
  officeJs,
  manifestVersion,
  buildSettings,
  rewriteManifest,
  contentSecurityPolicy,
  isOfficeJsFile,
};
