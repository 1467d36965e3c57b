/**
 * The report sheet from the one plan (src/report/sheet.ts), in both hosts (issue 13): the add-in's
 * 检查记录 (Office.js, on the in-memory Excel) and the annotated copy's 检查结果 (exceljs). Each
 * finding's cell is a link to that cell (`'Sheet'!B8`); a check without findings has one row saying so.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { buildView, reportPlan } from "../../src/app/findings";
import { runCheck } from "../../src/app/run-check";
import { checkWorkbook } from "../../src/checker";
import { createMemoryExcel, memoryWorkbookFromXlsx, type MemorySheet } from "../../src/emulator/excel";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { buildAnnotatedCopy } from "../../src/hosts/xlsx/annotate";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import { annotateLabels } from "../../src/report/labels";
import { createLocator } from "../../src/report/label-path";
import { fileReport } from "../../src/report/report";
import { cellLink, reportSheetPlan } from "../../src/report/sheet";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
const bytes = readFileSync(EXAMPLE);

async function setup() {
  const wb = await memoryWorkbookFromXlsx(bytes, EXAMPLE);
  const excel = createMemoryExcel(wb, { profile: "m365" });
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
  return { wb, excel, host };
}

/** The place a documentReference names: its sheet (unquoted) and cell. */
function place(ref: string): { sheet: string; cell: string } {
  const bang = ref.lastIndexOf("!");
  return { sheet: ref.slice(1, bang - 1).replace(/''/g, "'"), cell: ref.slice(bang + 1) };
}

const cellAt = (s: MemorySheet, row: number, col: number) => s.cells.get(row)?.get(col);

describe("links to the cells", () => {
  it("quotes the sheet always, doubles its quotes, drops $; no link without a cell", () => {
    expect(cellLink("部门整体", "E9")).toBe("'部门整体'!E9");
    expect(cellLink("O'Brien 表", "$B$8")).toBe("'O''Brien 表'!B8");
    expect(cellLink("Sheet1", "A1:B2")).toBe("'Sheet1'!A1:B2");
    expect(cellLink("Sheet1", "")).toBeNull();
    expect(cellLink("", "A1")).toBeNull();
  });
});

describe("the add-in's 检查记录 sheet", () => {
  it("links each finding's cell to that cell, on the sheet it names", async () => {
    const { wb, host } = await setup();
    const run = await runCheck(host, "zh");
    const plan = reportPlan(buildView(run.result, [], "zh"), "zh", new Date("2026-11-27T12:00:00Z"), "x");
    expect(plan.rows.length).toBeGreaterThan(3);
    const name = await host.writeReport(plan);
    const sheet = wb.sheets.find((s) => s.name === name)!;
    const first = plan.heading.length + 2;
    plan.rows.forEach((r, i) => {
      const cell = cellAt(sheet, first + i, plan.columns.cell)!;
      expect(cell.value).toBe(r.at.cell);
      expect(cell.hyperlink?.documentReference).toBe(r.link);
      const target = place(cell.hyperlink!.documentReference!);
      expect(target).toEqual({ sheet: r.at.sheet, cell: r.at.cell });
      expect(wb.sheets.some((s) => s.name === target.sheet)).toBe(true);
      expect(cell.format.font?.color).toBe("#0563C1");
      // Only the cell column links.
      expect(cellAt(sheet, first + i, plan.columns.cell + 1)?.hyperlink).toBeUndefined();
    });
    // Read back through Office.js as Excel would: Range.hyperlink.
    const link = await createMemoryExcel(wb, { profile: "m365" }).run(async (context) => {
      const r = context.workbook.worksheets.getItem(name).getCell(first, plan.columns.cell);
      r.load("hyperlink");
      await context.sync();
      return r.hyperlink;
    });
    expect(link).toMatchObject({ documentReference: plan.rows[0].link, textToDisplay: plan.rows[0].at.cell });
  });

  it("says so in one row when there are no findings", async () => {
    const { wb, host } = await setup();
    const plan = reportSheetPlan([], "zh", { sheetName: "检查记录", heading: ["绩效目标表检查记录", "x"] });
    const name = await host.writeReport(plan);
    const sheet = wb.sheets.find((s) => s.name === name)!;
    const headerRow = plan.heading.length + 1;
    expect(cellAt(sheet, headerRow, 0)?.value).toBe("序号");
    expect(cellAt(sheet, headerRow + 1, plan.columns.none)?.value).toBe("未发现问题。");
    expect(cellAt(sheet, headerRow + 1, 0)?.value ?? null).toBeNull();
    expect(sheet.cells.has(headerRow + 2)).toBe(false);
  });
});

describe("the annotated copy's 检查结果 sheet", () => {
  async function annotated(input: Uint8Array, diagnostics: "all" | "none") {
    const snapshot = await readXlsxFile(EXAMPLE);
    const result = checkWorkbook(snapshot);
    if (diagnostics === "none") result.diagnostics = [];
    const report = fileReport("x.xlsx", result, "zh", undefined, createLocator(snapshot, result));
    const out = await buildAnnotatedCopy(input, report, annotateLabels("zh")("x.xlsx", report));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    return { report, ws: wb.getWorksheet("检查结果")! };
  }

  it("links each finding's cell with the plan's link (as #'Sheet'!B8)", async () => {
    const { report, ws } = await annotated(new Uint8Array(bytes), "all");
    const rows = report.diagnostics.length;
    expect(rows).toBeGreaterThan(3);
    for (let i = 0; i < rows; i++) {
      const d = report.diagnostics[i];
      expect(ws.getRow(5 + i).getCell(4).value).toEqual({
        text: d.cell,
        hyperlink: `#${cellLink(d.sheet, d.cell)}`,
      });
    }
  });

  it("says so in one row when there are no findings", async () => {
    const { ws } = await annotated(new Uint8Array(bytes), "none");
    expect(ws.getRow(4).getCell(1).value).toBe("序号");
    expect(ws.getRow(5).getCell(2).value).toBe("未发现问题。");
    expect(ws.getRow(5).getCell(1).value ?? null).toBeNull();
    expect(ws.rowCount).toBe(5);
  });
});
