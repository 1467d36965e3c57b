/** The package's root folder and version, found by walking up from this file (src/ or dist/node/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

function findRoot(): { root: string; version: string } {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "perf-target-check") return { root: dir, version: pkg.version ?? "0.0.0" };
    }
    dir = dirname(dir);
  }
  return { root: join(__dirname, "..", ".."), version: "0.0.0" };
}

const found = findRoot();
export const PACKAGE_ROOT = found.root;
export const VERSION = found.version;

/**
 * A rule's help page, docs/rules/<id>.md in the installed package, as an absolute file: URI — it
 * works offline, on an intranet, wherever the tool is installed. In English it points at the page's
 * English half (`#english`, the anchor of its `## English` heading as Markdown viewers make it).
 */
export function ruleDocUri(id: string, lang: "zh" | "en" = "zh"): string {
  const uri = pathToFileURL(join(PACKAGE_ROOT, "docs", "rules", `${id}.md`)).href;
  return lang === "en" ? `${uri}#english` : uri;
}

/** The tool's own documentation (README.md in the package). */
export function toolInfoUri(): string {
  return pathToFileURL(join(PACKAGE_ROOT, "README.md")).href;
}
