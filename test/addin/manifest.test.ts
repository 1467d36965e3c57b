/**
 * The manifest, checked offline: the official validator needs a web service, so the structural
 * rules it applies are asserted here, and the XML schema is checked with xmllint when present
 * (CI installs it and sets REQUIRE_XMLLINT=1 so that check cannot be skipped there).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

const xml = readFileSync("manifest.xml", "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
const doc = parser.parse(xml).OfficeApp;

/** Every element (depth-first) with its attributes, for searching. */
function walk(
  node: unknown,
  visit: (name: string, attrs: Record<string, string>) => void,
  name = "OfficeApp",
) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit, name));
  if (typeof node !== "object" || node === null) return;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) if (k.startsWith("@")) attrs[k.slice(1)] = String(v);
  visit(name, attrs);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@")) walk(v, visit, k);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("manifest.xml", () => {
  it("has a GUID id, a version and the Workbook host", () => {
    expect(doc.Id).toMatch(GUID);
    expect(String(doc.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(doc.Hosts.Host["@Name"]).toBe("Workbook");
    expect(doc.DefaultLocale).toBe("zh-CN");
  });

  it("requires ExcelApi 1.9 and no more", () => {
    const set = doc.Requirements.Sets.Set;
    expect(set["@Name"]).toBe("ExcelApi");
    expect(set["@MinVersion"]).toBe("1.9");
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set<string>();
    const used = new Set<string>();
    walk(doc, (_name, attrs) => {
      if (attrs.resid) used.add(attrs.resid);
    });
    const res = doc.VersionOverrides.Resources;
    for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      const items = res[group][group === "Images" ? "Image" : group === "Urls" ? "Url" : "String"];
      for (const item of Array.isArray(items) ? items : [items]) ids.add(item["@id"]);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) expect(ids).toContain(id);
  });

  it("uses https everywhere and ships every icon it names", () => {
    const urls: string[] = [];
    walk(doc, (_name, attrs) => {
      for (const v of Object.values(attrs)) if (/^[a-z]+:\/\//i.test(v)) urls.push(v);
    });
    urls.push(...[doc.AppDomains.AppDomain].flat());
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    const assets = urls.filter((u) => /\/assets\//.test(u)).map((u) => u.replace(/^https:\/\/[^/]+\//, ""));
    expect(assets.length).toBeGreaterThan(3);
    for (const a of assets) expect(existsSync(a)).toBe(true);
  });

  it("has the 检查表格 ExecuteFunction button and a task pane button, in Chinese and English", () => {
    const actions: string[] = [];
    walk(doc, (name, attrs) => {
      if (name === "Action") actions.push(attrs.type);
    });
    expect(actions.sort()).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(xml).toContain("FunctionName>checkWorkbook<");
    expect(xml).toContain('DefaultValue="检查表格"');
    expect(xml).toContain('Locale="en-US" Value="Check forms"');
  });

  // Microsoft's manifest schemas, fixed to compile (see manifest-schema/README.md for their source).
  const schema = join(__dirname, "manifest-schema", "OfficeAppManifestV1_1.xsd");
  const haveXmllint = (() => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  const canValidate = haveXmllint && existsSync(schema);
  if (process.env.REQUIRE_XMLLINT === "1" && !canValidate) {
    it("can run xmllint against the schema (required in CI)", () => {
      expect({ haveXmllint, schema: existsSync(schema) }).toEqual({ haveXmllint: true, schema: true });
    });
  }
  (canValidate ? it : it.skip)("validates against the add-in manifest XML schema (xmllint)", () => {
    const out = execFileSync("xmllint", ["--noout", "--schema", schema, "manifest.xml"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toBe("");
  });
});
