/**
 * The Office.js adapter, run against the in-memory Excel host (loaded from the example .xlsx):
 * round-trip counts, marks that replace and clear exactly, selection, settings, report, events,
 * the 5 MB fallback and the ExcelApi 1.9 fallback.
 */
import { memoryHost } from "../support/memory-host";
import { readFileSync } from "node:fs";
import { runCheck } from "../../src/app/run-check";
import { buildView, marksFor, reportPlan } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import { createExcelHost, isMarkFormula, MARKS_KEY } from "../../src/hosts/excel/excel-host";
import {
  createMemoryExcel,
  formatSignature,
  memoryWorkbookFromXlsx,
  type MemoryExcel,
} from "../../src/emulator/excel";
import type { MemoryWorkbook } from "../../src/emulator/excel/state";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";

const setup = (file = EXAMPLE, options: Parameters<typeof createMemoryExcel>[1] = {}) =>
  memoryHost(file, options);

function ourMarks(wb: MemoryWorkbook) {
  return wb.sheets.flatMap((s) =>
    s.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)).map((cf) => ({ sheet: s.name, cf })),
  );
}

/** Cells covered by our marks (a mark is one rule per severity per sheet over several areas). */
function markedCells(wb: MemoryWorkbook): number {
  return ourMarks(wb).reduce(
    (n, m) => n + m.cf.ranges.reduce((k, r) => k + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0),
    0,
  );
}

function withSyncs<T>(excel: MemoryExcel, fn: () => Promise<T>): Promise<{ value: T; syncs: number }> {
  excel.resetSyncCount();
  return fn().then((value) => ({ value, syncs: excel.syncCount }));
}

describe("the Office.js adapter on the in-memory Excel host", () => {
  it.each([EXAMPLE, STACKED])(
    "reads %s into the same snapshot the .xlsx reader makes (2 round trips)",
    async (file) => {
      const { excel, host } = await setup(file);
      const { value: snap, syncs } = await withSyncs(excel, () => host.read());
      expect(syncs).toBe(2);
      const fromFile = await readXlsxFile(file);
      expect(snap.sheets.map((s) => s.name)).toEqual(fromFile.sheets.map((s) => s.name));
      // The engine sees the same workbook either way.
      const a = checkWorkbook(snap).diagnostics.map((d) => `${d.sheet}!${d.cell} ${d.rule}`);
      const b = checkWorkbook(fromFile).diagnostics.map((d) => `${d.sheet}!${d.cell} ${d.rule}`);
      expect(a).toEqual(b);
      const dept = snap.sheets[0];
      expect(dept.merges.length).toBeGreaterThan(5);
    },
  );

  it("a full check is 5 round trips whatever the sheets; an unchanged re-check writes nothing", async () => {
    const { excel, host } = await setup();
    await runCheck(host, "zh");
    const undo = excel.undoClears;
    // Read: 2. Marks: sheets, our rules, their cells (the write is skipped: nothing changed).
    const { value: run, syncs } = await withSyncs(excel, () => runCheck(host, "zh"));
    expect(syncs).toBe(5);
    expect(run.marks?.rulesWritten).toBe(0);
    expect(excel.undoClears).toBe(undo);
    expect(run.view.counts).toMatchObject({ forms: 10, errors: 3, warnings: 18 });
  });

  it("marks are conditional formats over the cells: re-checking replaces them, clearing restores the workbook exactly", async () => {
    const { wb, host, excel } = await setup();
    const before = formatSignature(wb);
    const first = await runCheck(host, "zh");
    const expected = marksFor(first.view.findings);
    expect(markedCells(wb)).toBe(expected.length);
    const e9 = ourMarks(wb).find(
      (m) => m.sheet === "部门整体" && m.cf.ranges.some((r) => r.top === 8 && r.left === 4),
    );
    expect(e9?.cf.fillColor?.toUpperCase()).toBe("#FFC7CE");
    // Cell formats themselves are untouched.
    expect(wb.sheets[0].cells.get(8)?.get(4)?.format.fill).toBe(
      (await memoryWorkbookFromXlsx(readFileSync(EXAMPLE))).sheets[0].cells.get(8)?.get(4)?.format.fill,
    );
    await runCheck(host, "zh");
    await runCheck(host, "zh");
    expect(markedCells(wb)).toBe(expected.length); // replaced, not stacked
    const { value: removed, syncs } = await withSyncs(excel, () => host.clearMarks());
    expect(removed).toBe(expected.length);
    expect(syncs).toBeLessThanOrEqual(4);
    expect(ourMarks(wb)).toHaveLength(0);
    expect(formatSignature(wb)).toBe(before);
  });

  it("clearing finds the marks of an earlier session (a fresh add-in instance, as after reopening)", async () => {
    const { wb, excel, host } = await setup();
    await runCheck(host, "zh");
    expect(wb.settings.get(MARKS_KEY)).toBeTruthy();
    const reopened = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
    expect(await reopened.clearMarks()).toBeGreaterThan(0);
    expect(ourMarks(wb)).toHaveLength(0);
  });

  it("clears marks that moved with their cells when rows were inserted above them", async () => {
    const { wb, excel, host } = await setup();
    await runCheck(host, "zh");
    const before = markedCells(wb);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("1:1").insert("Down");
      await context.sync();
    });
    const fresh = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
    expect(await fresh.clearMarks()).toBe(before);
    expect(ourMarks(wb)).toHaveLength(0);
  });

  it("leaves the user's own conditional formats alone", async () => {
    const { wb, excel, host } = await setup();
    await excel.run(async (context) => {
      const cf = context.workbook.worksheets
        .getItem("部门整体")
        .getRange("E9:F10")
        .conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=E9=0";
      cf.custom.format.fill.color = "#00FF00";
      await context.sync();
    });
    const before = formatSignature(wb);
    await runCheck(host, "zh");
    await host.clearMarks();
    expect(formatSignature(wb)).toBe(before);
    expect(wb.sheets[0].conditionalFormats.some((cf) => cf.formula === "=E9=0")).toBe(true);
  });

  it("selects a finding's cell with its related cells and activates its sheet", async () => {
    const { wb, host } = await setup(EXAMPLE, { profile: "m365" });
    await host.select({ sheet: "综合窗口管理工作经费", cell: "F26" }, [
      { sheet: "综合窗口管理工作经费", cell: "E26" },
      { sheet: "部门整体", cell: "C7" },
    ]);
    expect(wb.activeSheet).toBe("综合窗口管理工作经费");
    const sheet = wb.sheets.find((s) => s.name === "综合窗口管理工作经费")!;
    expect(sheet.selection).toEqual([
      { top: 25, left: 5, bottom: 25, right: 5 },
      { top: 25, left: 4, bottom: 25, right: 4 },
    ]);
  });

  it("saves explanations in the workbook's settings and reads them back", async () => {
    const { excel, host } = await setup();
    await host.saveExplanation("annual-typo|typo|S!F26", {
      key: "annual-typo|typo|S!F26",
      text: "笔误已更正",
      at: "2026-11-27T10:00:00Z",
    });
    const again = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
    expect(await again.loadExplanations()).toEqual([
      { key: "annual-typo|typo|S!F26", text: "笔误已更正", at: "2026-11-27T10:00:00Z" },
    ]);
  });

  it("writes the report sheet, replacing a previous one; that write is not taken for a user edit", async () => {
    const { wb, excel, host } = await setup(EXAMPLE, { profile: "m365" });
    const edits: string[] = [];
    const stop = await host.onUserEdit((s) => edits.push(s));
    const run = await runCheck(host, "zh");
    const plan = reportPlan(
      buildView(run.result, [], "zh"),
      "zh",
      new Date("2026-11-27T12:00:00Z"),
      "example",
    );
    await host.writeReport(plan);
    await host.writeReport(plan);
    await excel.idle();
    const reports = wb.sheets.filter((s) => s.name === "检查记录");
    expect(reports).toHaveLength(1);
    const a1 = reports[0].cells.get(0)?.get(0)?.value;
    expect(a1).toBe("绩效目标表检查记录");
    expect(reports[0].cells.get(plan.heading.length + 2)?.get(1)?.value).toBe(plan.rows[0].cells[1]);
    expect(edits).toEqual([]);
    await excel.userEdit("部门整体", "E9", 0);
    expect(edits).toEqual(["部门整体"]);
    await stop();
    await excel.userEdit("部门整体", "E9", 1);
    expect(edits).toEqual(["部门整体"]);
  });

  it("reads a workbook over the response limit in slices, to the same snapshot", async () => {
    const whole = await (await setup()).host.read();
    const { host, excel } = await setup(EXAMPLE, { payloadLimitBytes: 15000 });
    const sliced = await host.read();
    expect(excel.syncCount).toBeGreaterThan(3);
    expect(sliced.sheets.map((s) => [s.name, s.values.length])).toEqual(
      whole.sheets.map((s) => [s.name, s.values.length]),
    );
    expect(checkWorkbook(sliced).diagnostics.length).toBe(checkWorkbook(whole).diagnostics.length);
  });

  it("works without merged areas on ExcelApi 1.9", async () => {
    const { host, excel } = await setup(EXAMPLE, { apiVersion: "1.9" });
    expect(host.info().capabilities.mergedAreas).toBe(false);
    const { value: run, syncs } = await withSyncs(excel, () => runCheck(host, "zh"));
    // Read 2; marks 3 (no rules of ours yet: no sync for their cells).
    expect(syncs).toBe(5);
    expect(run.view.counts.errors).toBe(3);
  });
});
