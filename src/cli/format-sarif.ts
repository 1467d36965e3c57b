/**
 * SARIF 2.1.0: one result per diagnostic, valid for Microsoft's SARIF validator
 * (`sarif-multitool validate`, no error and no warning; see test/cli/sarif.test.ts).
 *
 *  - Artifact URIs: an absolute path becomes a file: URI by pathToFileURL (a Windows path such as
 *    `C:\报表\a.xlsx` → `file:///C:/%E6%8A%A5%E8%A1%A8/a.xlsx`, whatever the platform the report is
 *    made on); a relative path stays relative, percent-encoded, against `uriBaseId` %SRCROOT% (the
 *    working folder, in `originalUriBaseIds`).
 *  - Region: a cell is `startLine` = row, `startColumn` = column (1-based), as GitHub code scanning
 *    needs; the logical location names `Sheet!Cell`.
 *  - Rules: id, a PascalCase name, descriptions, default level, `helpUri` to docs/rules/<id>.md.
 *  - Fixes: a finding's fixes (safe ones and suggestions) as `result.fixes`, each edit a replacement whose
 *    `deletedRegion` is the cell (the same line/column convention as the result's region) and whose
 *    `insertedContent` is the cell's new text; the replacement's properties name its sheet and cell
 *    and the fix's kind (safe / suggestion).
 *  - partialFingerprints "perfTargetCheck/v1": see label-path.ts — equal across re-checks of an
 *    unchanged finding, so that `--baseline previous.sarif` shows only new findings.
 */
import { isAbsolute as posixIsAbsolute } from "node:path/posix";
import { win32 } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import { CATALOGUE } from "../checker";
import { columnIndex } from "../engine/address";
import type { Lang, Severity } from "../core";
import { ruleDocUri, toolInfoUri } from "./package-info";
import type { Report } from "../report/report";

const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", info: "note" };
export const FINGERPRINT_KEY = "perfTargetCheck/v1";
const SRCROOT = "%SRCROOT%";

function isWindowsPath(file: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(file) || /^\\\\[^\\]+\\/.test(file);
}

/** The artifact location of a file as given on the command line. */
export function artifactLocation(file: string): Sarif.ArtifactLocation {
  if (isWindowsPath(file)) return { uri: pathToFileURL(win32.normalize(file), { windows: true }).href };
  if (process.platform !== "win32" && posixIsAbsolute(file)) return { uri: pathToFileURL(file).href };
  if (process.platform === "win32" && win32.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const rel = file.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  return { uri: rel.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

/** `C12` → 1-based line 12, column 3. */
export function cellRegion(cell: string): Sarif.Region {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
  const line = Number(m[2]);
  const column = columnIndex(m[1]) + 1;
  return { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 };
}

function logical(sheet: string, cell: string): Sarif.LogicalLocation {
  return { name: cell, fullyQualifiedName: `${sheet}!${cell}`, kind: "element" };
}

/** kebab-case id → a PascalCase name, `required-field` → `RequiredFieldCheck` (SARIF1001: name ≠ id). */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()) + "Check";
}

/** The text of a message with a trailing full stop (SARIF2001 wants messages to end with one). */
function sentence(s: string): string {
  return /[.。!！?？]$/.test(s) ? s : `${s}${/[\u3000-\u9fff]/.test(s.slice(-1)) ? "。" : "."}`;
}

export interface SarifOptions {
  /** The working folder for relative paths (default: process.cwd()). */
  cwd?: string;
  /** Set when compared against a baseline: every result is then "new". */
  baseline?: boolean;
}

export function formatSarif(
  report: Report,
  lang: Lang,
  version: string,
  options: SarifOptions = {},
): Sarif.Log {
  const rules = CATALOGUE.map((r) => r.meta);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const at = (file: string): Sarif.ArtifactLocation => {
    const loc = artifactLocation(file);
    let i = artifactIndex.get(loc.uri!);
    if (i === undefined) {
      i = artifacts.length;
      artifactIndex.set(loc.uri!, i);
      artifacts.push({ location: loc, roles: ["analysisTarget"] });
    }
    return { ...loc, index: i };
  };
  for (const file of report.files) {
    const artifact = at(file.file);
    if (file.error) {
      notifications.push({
        level: "error",
        message: { text: sentence(file.error.message) },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
      continue;
    }
    for (const d of file.diagnostics) {
      results.push({
        ruleId: d.rule,
        ruleIndex: index.get(d.rule),
        level: LEVEL[d.severity],
        message: { text: sentence(d.message) },
        locations: [
          {
            physicalLocation: { artifactLocation: artifact, region: cellRegion(d.cell) },
            logicalLocations: [logical(d.sheet, d.cell)],
          },
        ],
        ...(d.related.length > 0
          ? {
              relatedLocations: d.related.map((r, i) => ({
                id: i + 1,
                ...(r.label ? { message: { text: r.label } } : {}),
                physicalLocation: { artifactLocation: artifact, region: cellRegion(r.cell) },
                logicalLocations: [logical(r.sheet, r.cell)],
              })),
            }
          : {}),
        ...(d.fixes?.length
          ? {
              fixes: d.fixes.map((f): Sarif.Fix => ({
                description: { text: sentence(f.message) },
                artifactChanges: [
                  {
                    artifactLocation: artifact,
                    replacements: f.edits.map((e) => ({
                      deletedRegion: cellRegion(e.cell),
                      insertedContent: { text: e.after === null ? "" : String(e.after) },
                      properties: { sheet: e.sheet, cell: e.cell, kind: f.kind },
                    })),
                  },
                ],
              })),
            }
          : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
        ...(options.baseline ? { baselineState: "new" as const } : {}),
        properties: {
          sheet: d.sheet,
          cell: d.cell,
          category: d.category,
          path: d.path,
          ...(d.detail ? { detail: d.detail } : {}),
        },
      });
    }
  }
  const cwd = options.cwd ?? process.cwd();
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "perf-target-check",
            version,
            semanticVersion: version,
            informationUri: toolInfoUri(),
            rules: rules.map((m) => ({
              id: m.id,
              name: ruleName(m.id),
              shortDescription: { text: sentence(lang === "en" ? m.description.en : m.description.zh) },
              fullDescription: { text: sentence(lang === "en" ? m.description.en : m.description.zh) },
              helpUri: ruleDocUri(m.id, lang),
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith("/") ? cwd : cwd + "/").href } },
        artifacts,
        results,
        invocations: [
          { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications },
        ],
      },
    ],
  };
}
