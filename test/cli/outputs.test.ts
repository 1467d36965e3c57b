/**
 * The machine outputs carry what the pane shows (issue 13): each finding's fixes (kind, what the fix
 * does in the output language, the cell edits) in JSON and as SARIF `result.fixes`, and every related
 * cell named by its label (JSON `related[].label`, the text output's 相关单元格 line), the address kept.
 */
import type * as Sarif from "sarif";
import { run } from "../../src/cli/main";
import { cellRegion } from "../../src/cli/format-sarif";
import type { Report, ReportDiagnostic } from "../../src/report/report";

jest.setTimeout(60_000);
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function cli(...args: string[]): Promise<string> {
  let out = "";
  await run(["--jobs", "1", ...args], { stdout: (s) => (out += s), stderr: () => undefined });
  return out;
}

const at = (ds: ReportDiagnostic[], rule: string, cell: string) =>
  ds.find((d) => d.rule === rule && `${d.sheet}!${d.cell}` === cell)!;

describe("JSON", () => {
  let zh: ReportDiagnostic[];
  let en: ReportDiagnostic[];
  beforeAll(async () => {
    zh = (JSON.parse(await cli("-f", "json", EXAMPLE)) as Report).files[0].diagnostics;
    en = (JSON.parse(await cli("-f", "json", "--lang", "en", EXAMPLE)) as Report).files[0].diagnostics;
  });

  it("carries each finding's fixes: kind, message in the output language, edits", () => {
    expect(at(zh, "text-hygiene", "伙食补助费!D14").fixes).toEqual([
      {
        kind: "safe",
        message: "删除标点「。」",
        edits: [{ sheet: "伙食补助费", cell: "D14", before: "支出标准。", after: "支出标准" }],
      },
    ]);
    const cost = at(zh, "cost-operator", "部门整体!E19").fixes!;
    expect(cost.map((f) => f.kind)).toEqual(["suggestion"]);
    expect(cost[0].edits.map((e) => `${e.cell} ${String(e.before)}→${String(e.after)}`)).toEqual([
      "E19 ≥9.5万→≤9.5万",
      "F19 ≥9.5万→≤9.5万",
    ]);
    const costEn = at(en, "cost-operator", "部门整体!E19").fixes!;
    expect(costEn[0].message).toMatch(/[A-Za-z]/);
    expect(costEn[0].message).not.toMatch(/[改为上限]/);
    expect(costEn[0].edits).toEqual(cost[0].edits);
    // A finding without a fix has no `fixes` key.
    expect(at(zh, "required-field", "部门整体!E9")).not.toHaveProperty("fixes");
    expect(zh.filter((d) => d.fixes).length).toBe(6);
  });

  it("names every related cell by its label, the address kept", () => {
    for (const d of zh) for (const r of d.related) expect(r.label).not.toBe("");
    expect(at(zh, "required-field", "部门整体!E9").related).toEqual([
      { sheet: "部门整体", cell: "D9", label: "市本级使用资金" },
    ]);
    // A cross-form finding: the project's cells after the project's name; its name cell by field and value.
    expect(at(zh, "dept-vs-project", "部门整体!F30").related).toEqual([
      { sheet: "部门整体", cell: "D30", label: "产出指标 › 数量指标 › 伙食补贴人数" },
      { sheet: "伙食补助费", cell: "D18", label: "伙食补助费 › 产出指标 › 数量指标 › 补贴人数" },
      { sheet: "伙食补助费", cell: "F18", label: "伙食补助费 › 产出指标 › 数量指标 › 补贴人数 › 年度指标值" },
      { sheet: "伙食补助费", cell: "B2", label: "项目名称「伙食补助费」" },
    ]);
    expect(at(en, "dept-vs-project", "部门整体!F30").related[3].label).toBe("项目名称 '伙食补助费'");
  });
});

describe("text", () => {
  it("lists the related cells by label, each with its address", async () => {
    const text = await cli(EXAMPLE);
    expect(text).toContain("      相关单元格：市本级使用资金（部门整体!D9）\n");
    expect(text).toContain("项目名称「伙食补助费」（伙食补助费!B2）");
    const en = await cli("--lang", "en", EXAMPLE);
    expect(en).toContain("      Related cells: 市本级使用资金 (部门整体!D9)\n");
  });
});

describe("SARIF", () => {
  it("gives a result's fixes as replacements of its cells, the new text inserted", async () => {
    const log = JSON.parse(await cli("-f", "sarif", EXAMPLE)) as Sarif.Log;
    const results = log.runs[0].results!;
    const withFixes = results.filter((r) => r.fixes);
    expect(withFixes).toHaveLength(6);
    const d14 = results.find(
      (r) =>
        r.ruleId === "text-hygiene" &&
        r.locations?.[0].logicalLocations?.[0].fullyQualifiedName === "伙食补助费!D14",
    )!;
    expect(d14.fixes).toEqual([
      {
        description: { text: "删除标点「。」。" },
        artifactChanges: [
          {
            artifactLocation: d14.locations![0].physicalLocation!.artifactLocation,
            replacements: [
              {
                deletedRegion: cellRegion("D14"),
                insertedContent: { text: "支出标准" },
                properties: { sheet: "伙食补助费", cell: "D14", kind: "safe" },
              },
            ],
          },
        ],
      },
    ]);
    // The deleted region is the result's own region (same line/column convention).
    expect(d14.fixes![0].artifactChanges[0].replacements[0].deletedRegion).toEqual(
      d14.locations![0].physicalLocation!.region,
    );
    // Related locations carry their labels as message.
    const required = results.find(
      (r) =>
        r.ruleId === "required-field" &&
        r.locations?.[0].logicalLocations?.[0].fullyQualifiedName === "部门整体!E9",
    )!;
    expect(required.relatedLocations).toEqual([
      expect.objectContaining({
        message: { text: "市本级使用资金" },
        logicalLocations: [expect.objectContaining({ fullyQualifiedName: "部门整体!D9" })],
      }),
    ]);
    const cost = results.find((r) => r.ruleId === "cost-operator")!;
    expect(cost.fixes![0].artifactChanges[0].replacements.map((x) => x.properties?.kind)).toEqual([
      "suggestion",
      "suggestion",
    ]);
  });
});
