/**
 * SARIF 2.1.0: one result per diagnostic. A spreadsheet cell has no line/column, so each result
 * names the file as its physical location and `Sheet!Cell` as its logical location.
 */
import type * as Sarif from "sarif";
import { ALL_RULES } from "../rules";
import type { Lang, Severity } from "../rules/types";
import type { Report } from "./report";

const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", info: "note" };

function uri(file: string): string {
  return file.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

function logical(sheet: string, cell: string): Sarif.LogicalLocation {
  return { name: cell, fullyQualifiedName: `${sheet}!${cell}`, kind: "element" };
}

export function formatSarif(report: Report, lang: Lang, version: string): Sarif.Log {
  const rules = ALL_RULES.map((r) => r.meta);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const file of report.files) {
    const artifactLocation = { uri: uri(file.file) };
    if (file.error) {
      notifications.push({
        level: "error",
        message: { text: file.error.message },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      continue;
    }
    for (const d of file.diagnostics) {
      results.push({
        ruleId: d.rule,
        ruleIndex: index.get(d.rule),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation }, logicalLocations: [logical(d.sheet, d.cell)] }],
        relatedLocations: d.related.map((r, i) => ({
          id: i + 1,
          physicalLocation: { artifactLocation },
          logicalLocations: [logical(r.sheet, r.cell)],
        })),
        properties: { sheet: d.sheet, cell: d.cell, category: d.category },
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "perf-target-check",
            version,
            rules: rules.map((m) => ({
              id: m.id,
              name: m.id,
              shortDescription: { text: lang === "en" ? m.description.en : m.description.zh },
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category },
            })),
          },
        },
        artifacts: report.files.map((f) => ({ location: { uri: uri(f.file) } })),
        results,
        invocations: [
          { executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications },
        ],
      },
    ],
  };
}
