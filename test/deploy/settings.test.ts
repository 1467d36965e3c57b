/**
 * Build settings for a deployment: the add-in's URL, the office.js origin, the manifest rewritten
 * against them (and still valid against Microsoft's schema), and the pane's CSP.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addinUrl,
  buildSettings,
  contentSecurityPolicy,
  isOfficeJsFile,
  manifestVersion,
  officeJs,
  rewriteManifest,
  SettingsError,
} from "../../scripts/deploy/settings";

const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
const schema = join(__dirname, "..", "addin", "manifest-schema", "OfficeAppManifestV1_1.xsd");

function urlsOf(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g)].map(
    (m) => m[1] ?? m[2],
  );
}

describe("ADDIN_URL", () => {
  it.each([
    ["https://example.test/ptc", "https://example.test/ptc/"],
    ["https://example.test/ptc/", "https://example.test/ptc/"],
    ["https://intranet.example:8443/", "https://intranet.example:8443/"],
    ["http://localhost:3000", "http://localhost:3000/"],
    [undefined, "https://localhost:3000/"],
    ["  ", "https://localhost:3000/"],
  ])("%s → %s", (input, expected) => expect(addinUrl(input)).toBe(expected));

  it.each([
    "http://intranet.example/ptc/",
    "ftp://x/",
    "not a url",
    "https://x.test/a?b=1",
    "https://x.test/#a",
  ])("refuses %s with a message naming the value", (input) => {
    expect(() => addinUrl(input)).toThrow(SettingsError);
    expect(() => addinUrl(input)).toThrow(input.trim());
  });
});

describe("OFFICE_JS", () => {
  it("defaults to Microsoft's CDN, knows 21Vianet and the local copy, refuses anything else", () => {
    expect(officeJs(undefined).src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(officeJs("21Vianet").origin).toBe("https://appsforoffice.cdn.partner.office365.cn");
    expect(officeJs("local")).toEqual({ kind: "local", src: "office-js/office.js", origin: null });
    expect(() => officeJs("unpkg")).toThrow(/unpkg/);
  });

  it("drives the CSP: only the add-in's origin and the chosen office.js origin", () => {
    const cdn = contentSecurityPolicy(buildSettings({}));
    expect(cdn).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    const local = contentSecurityPolicy(buildSettings({ OFFICE_JS: "local" }));
    expect(local).toContain("script-src 'self';");
    expect(local).not.toMatch(/https?:/);
    const cn = contentSecurityPolicy(buildSettings({ OFFICE_JS: "21vianet" }));
    expect(cn).toContain("connect-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    for (const csp of [cdn, local, cn]) expect(csp).not.toContain("unsafe-eval");
  });

  it("copies only the files office.js loads for Excel and the zh-CN / en-US strings", () => {
    for (const f of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-web-16.00-core.js",
      "excel-mac-16.00.js",
      "zh-cn/office_strings.js",
      "en-us/office_strings.js",
    ])
      expect(isOfficeJsFile(f)).toBe(true);
    for (const f of [
      "word-win32-16.01.js",
      "excel-win32-16.01.debug.js",
      "telemetry/oteljs_agave.js",
      "de-de/office_strings.js",
      "office.d.ts",
    ])
      expect(isOfficeJsFile(f)).toBe(false);
  });
});

describe("the deployed manifest", () => {
  const settings = buildSettings({ ADDIN_URL: "https://example.test/ptc/" }, "1.4.2");
  const xml = rewriteManifest(manifest, settings);

  it("names only the add-in's origin, under its path, and stamps the version", () => {
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith("https://example.test")).toBe(true);
    for (const u of urls.filter((x) => x !== "https://example.test"))
      expect(u.startsWith("https://example.test/ptc/")).toBe(true);
    expect(xml).not.toContain('"https://localhost');
    expect(xml).toContain("<AppDomain>https://example.test</AppDomain>");
    expect(xml).toContain("<Version>1.4.2.0</Version>");
    expect(xml).toContain('<SourceLocation DefaultValue="https://example.test/ptc/taskpane.html"/>');
  });

  it("leaves the repository's manifest for the dev server unchanged by default", () => {
    const dev = rewriteManifest(manifest, buildSettings({}, "0.1.0"));
    expect(urlsOf(dev).every((u) => u.startsWith("https://localhost:3000"))).toBe(true);
  });

  it("refuses a manifest with a URL it cannot rewrite", () => {
    const odd = manifest.replace(
      'DefaultValue="https://localhost:3000/help.html"',
      'DefaultValue="https://elsewhere.test/help.html"',
    );
    expect(() => rewriteManifest(odd, settings)).toThrow(/elsewhere\.test/);
  });

  it("has four-part versions", () => {
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("2.3.4-beta.1")).toBe("2.3.4.1");
  });

  const xmllint = (() => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  (xmllint || process.env.REQUIRE_XMLLINT === "1" ? it : it.skip)(
    "validates against the manifest schema",
    () => {
      const file = join(mkdtempSync(join(tmpdir(), "ptc-manifest-")), "manifest.xml");
      writeFileSync(file, xml);
      expect(
        execFileSync("xmllint", ["--noout", "--schema", schema, file], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        }),
      ).toBe("");
    },
  );
});
