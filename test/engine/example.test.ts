/**
 * The bundled example (the real 2026 seed) checked end to end: what the checker finds, and the
 * severity discipline — the only errors are truly must-fix blanks.
 */
import { checkWorkbook } from "../../src/checker";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import type { Diagnostic } from "../../src/core";

function summary(ds: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[`${d.rule}/${d.severity}`] = (out[`${d.rule}/${d.severity}`] ?? 0) + 1;
  return out;
}

const where = (ds: Diagnostic[], rule: string) =>
  ds.filter((d) => d.rule === rule).map((d) => `${d.sheet}!${d.cell}`);

describe("the example built from the seed", () => {
  it("per-sheet layout: the seed's real mistakes, and nothing else", async () => {
    const { model, diagnostics } = checkWorkbook(await readXlsxFile("examples/nancheng-2026-per-sheet.xlsx"));
    expect(model.forms.map((f) => f.kind)).toEqual(["department", ...Array(9).fill("project")]);
    expect(summary(diagnostics)).toEqual({
      "required-field/error": 2,
      "indicator-value/error": 1,
      "text-hygiene/warning": 4,
      "cost-operator/warning": 1,
      "unit-missing/warning": 1,
      "annual-typo/warning": 1,
      "unquantified/warning": 4,
      "dept-vs-project/warning": 3,
      "text-figures/warning": 4,
    });
    expect(where(diagnostics, "required-field")).toEqual(["部门整体!E9", "综合窗口管理工作经费!B12"]);
    expect(where(diagnostics, "indicator-value")).toEqual(["部门整体!F42"]);
    expect(where(diagnostics, "annual-typo")).toEqual(["综合窗口管理工作经费!F26"]);
    expect(where(diagnostics, "cost-operator")).toEqual(["部门整体!E19"]);
    // Cross-form and text figures (issue 6, 13): ≤18000元/台 vs ≤18000元/台/年, 300元/人 vs 300元/人/月,
    // 40 vs 22 meal-subsidy recipients (≤60 vs 60元/人/天 and ≥95% vs 100% agree); 15,000元/月 × 12 against 160,000 and against 12,000元/月,
    // 7,000元/月 × 12 against 90,000, 95% in a task's text against ≥90%.
    expect(where(diagnostics, "dept-vs-project")).toEqual(["部门整体!F20", "部门整体!F22", "部门整体!F30"]);
    expect(where(diagnostics, "text-figures")).toEqual([
      "部门整体!E14",
      "部门整体!E15",
      "部门整体!E15",
      "部门整体!E16",
    ]);
    // The four projects whose costs rebuild exactly (cost-rebuild) are consistent: no finding.
    expect(where(diagnostics, "cost-rebuild")).toEqual([]);
  });

  it("stacked layout: the same content findings, plus where the sheet is off the template", async () => {
    const { model, diagnostics } = checkWorkbook(await readXlsxFile("examples/nancheng-2026-stacked.xlsx"));
    expect(model.forms).toHaveLength(10);
    expect(new Set(model.forms.map((f) => f.sheet))).toEqual(new Set(["绩效目标表"]));
    const s = summary(diagnostics);
    // Every error is a blank the user must fill.
    expect(
      Object.keys(s)
        .filter((k) => k.endsWith("/error"))
        .sort(),
    ).toEqual(["indicator-value/error", "required-field/error"]);
    expect(where(diagnostics, "required-field")).toEqual(["绩效目标表!E13", "绩效目标表!B123"]);
    expect(s["shifted-layout/warning"]).toBe(13);
    // Content findings are the same as in the tidy layout.
    for (const rule of ["text-hygiene", "cost-operator", "unit-missing", "annual-typo", "unquantified"]) {
      expect(s[`${rule}/warning`]).toBeGreaterThan(0);
    }
  });

  it("the seed's sums hold within tolerance: no arithmetic finding", async () => {
    const { diagnostics } = checkWorkbook(await readXlsxFile("examples/nancheng-2026-per-sheet.xlsx"));
    expect(diagnostics.filter((d) => d.category === "amounts")).toEqual([]);
  });
});
