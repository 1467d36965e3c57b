/**
 * One report-sheet plan (issue 13): the add-in's 检查记录 sheet and the annotated copy's 检查结果 sheet
 * have the same columns, header words and rows, planned by src/report/sheet.ts from the same check.
 */
import { buildView, reportPlan } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import { createLocator } from "../../src/report/label-path";
import { annotateLabels } from "../../src/report/labels";
import { fileReport } from "../../src/report/report";
import { reportSheetPlan, type ReportSheetRow } from "../../src/report/sheet";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function bothPlans(lang: "zh" | "en") {
  const snapshot = await readXlsxFile(EXAMPLE);
  const result = checkWorkbook(snapshot);
  const locator = createLocator(snapshot, result);
  const pane = reportPlan(buildView(result, [], lang), lang, new Date(2026, 2, 1, 9, 30), "x.xlsx", locator);
  const copy = annotateLabels(lang)(EXAMPLE, fileReport(EXAMPLE, result, lang, undefined, locator)).sheet;
  return { pane, copy, count: result.diagnostics.length };
}

describe("the report sheet, planned once", () => {
  it("检查记录 and 检查结果 have the same columns and the same rows", async () => {
    const { pane, copy, count } = await bothPlans("zh");
    const header = ["序号", "申报表", "工作表", "单元格", "指标路径", "级别", "类别", "问题", "说明", "规则"];
    expect(pane.header).toEqual(header);
    expect(copy.header).toEqual(header);
    expect(pane.sheetName).toBe("检查记录");
    expect(copy.sheetName).toBe("检查结果");
    expect(pane.rows).toHaveLength(count);
    expect(copy.rows).toHaveLength(count);
    expect(count).toBeGreaterThan(5);
    // Every column but the form's name (the pane shows the engine's display name) and 说明 (the clerk's
    // explanation in the add-in, the rule's description in the copy) is the same, row for row.
    const same = (cells: string[]) => [0, 2, 3, 4, 5, 6, 7, 9].map((c) => cells[c]);
    expect(pane.rows.map((r) => same(r.cells))).toEqual(copy.rows.map((r) => same(r.cells)));
    expect(pane.columns).toEqual(copy.columns);
    expect(header[pane.columns.severity]).toBe("级别");
    expect(header[pane.columns.cell]).toBe("单元格");
    // The pane's sheet now names the label path too.
    expect(pane.rows.map((r) => r.cells[4])).toContain(
      "成本指标 › 经济成本指标 › 人均机关事业单位派遣人员经费",
    );
    expect(pane.rows.map((r) => r.cells[6])).toContain("前后一致");
  });

  it("speaks English with the same columns", async () => {
    const { pane, copy } = await bothPlans("en");
    expect(pane.header).toEqual(copy.header);
    expect(pane.header[5]).toBe("Severity");
    expect(pane.header[6]).toBe("Category");
  });

  it("numbers the rows, names workbook-level findings and fits the widths within bounds", () => {
    const row: ReportSheetRow = {
      form: null,
      sheet: "Sheet1",
      cell: "A1",
      path: [],
      severity: "error",
      category: "template",
      message: "未找到申报表",
      explanation: "",
      rule: "no-form",
    };
    const long = {
      ...row,
      form: "某某单位".repeat(20),
      path: ["产出指标", "数量指标"],
      severity: "warning" as const,
    };
    const plan = reportSheetPlan([row, long], "zh", { sheetName: "s", heading: ["t"] });
    expect(plan.rows[0].cells.slice(0, 4)).toEqual(["1", "（工作簿）", "Sheet1", "A1"]);
    expect(plan.rows[1].cells[0]).toBe("2");
    expect(plan.rows[1].cells[4]).toBe("产出指标 › 数量指标");
    expect(plan.rows[1].cells[5]).toBe("警告");
    expect(plan.rows[1].at).toEqual({ sheet: "Sheet1", cell: "A1" });
    expect(plan.widths[1]).toBe(24); // capped
    expect(plan.widths[2]).toBe(8); // the minimum
    expect(reportSheetPlan([], "zh", { sheetName: "s", heading: [] }).none).toBe("未发现问题。");
  });
});
