/**
 * The faults of issue 11, each against the stricter in-memory Excel, under every platform profile
 * and both conditional-format id semantics (ids as stable names, or as positions that shift, with
 * new rules landing last).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rangeToA1 } from "../../src/engine/address";
import { reportPlan, buildView, marksFor } from "../../src/app/findings";
import { runCheck } from "../../src/app/run-check";
import {
  createMemoryExcel,
  memoryWorkbookFromXlsx,
  PROFILES,
  type MemoryBehaviours,
  type MemoryProfile,
} from "../../src/emulator/excel";
import type { MemoryWorkbook } from "../../src/emulator/excel/state";
import { createExcelHost, isMarkFormula, REPORT_SHEET_KEY } from "../../src/hosts/excel/excel-host";
import { MAX_ADDRESS_CHARS } from "../../src/hosts/excel/marks";
import { PaneController } from "../../src/taskpane/controller";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
const PROFILE_NAMES = Object.keys(PROFILES) as MemoryProfile[];
const SEMANTICS: Partial<MemoryBehaviours>[] = [
  { conditionalFormatIds: "stable", newRuleAt: "first" },
  { conditionalFormatIds: "positional", newRuleAt: "last" },
];
const MATRIX = PROFILE_NAMES.flatMap((profile) =>
  SEMANTICS.map((b) => [profile, b.conditionalFormatIds!, b] as const),
);

async function setup(profile: MemoryProfile, behaviours: Partial<MemoryBehaviours> = {}) {
  const wb = await memoryWorkbookFromXlsx(readFileSync(EXAMPLE), EXAMPLE);
  const excel = createMemoryExcel(wb, { profile, behaviours });
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
  return { wb, excel, host };
}

function markedCells(wb: MemoryWorkbook): string[] {
  const out: string[] = [];
  for (const s of wb.sheets)
    for (const cf of s.conditionalFormats) {
      if (!isMarkFormula(cf.formula)) continue;
      for (const r of cf.ranges)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) out.push(`${s.name}!${row},${col}`);
    }
  return out.sort();
}

function userRule(wb: MemoryWorkbook, sheet: string) {
  return wb.sheets.find((s) => s.name === sheet)!.conditionalFormats.filter((cf) => cf.formula === "=E9=0");
}

async function addUserRule(excel: Awaited<ReturnType<typeof setup>>["excel"]) {
  await excel.run(async (context) => {
    const cf = context.workbook.worksheets
      .getItem("部门整体")
      .getRange("E9:F10")
      .conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=E9=0";
    cf.custom.format.fill.color = "#00FF00";
    await context.sync();
  });
}

describe.each(MATRIX)("on %s with %s conditional-format ids", (profile, _ids, behaviours) => {
  it("fault 6: marks are one rule per severity per sheet, replaced exactly, the user's rule kept, ours first", async () => {
    const { wb, excel, host } = await setup(profile, behaviours);
    await addUserRule(excel);
    for (let i = 0; i < 3; i++) {
      const run = await runCheck(host, "zh");
      const want = marksFor(run.view.findings).length;
      expect(markedCells(wb)).toHaveLength(want);
    }
    const dept = wb.sheets.find((s) => s.name === "部门整体")!;
    const ours = dept.conditionalFormats.filter((cf) => isMarkFormula(cf.formula));
    expect(ours.length).toBeLessThanOrEqual(2);
    expect(isMarkFormula(dept.conditionalFormats[0].formula)).toBe(true);
    expect(userRule(wb, "部门整体")).toHaveLength(1);
    await host.clearMarks();
    expect(markedCells(wb)).toEqual([]);
    expect(userRule(wb, "部门整体")).toHaveLength(1);
  });

  it("fault 6: syncs do not grow with sheets: a check is at most 6, whatever the workbook", async () => {
    const { excel, host } = await setup(profile, behaviours);
    excel.resetSyncCount();
    await runCheck(host, "zh");
    expect(excel.syncCount).toBeLessThanOrEqual(6);
  });

  it("fault 6: a rule that cannot be read does not fail the check; that sheet is left and reported", async () => {
    const { wb, excel, host } = await setup(profile, behaviours);
    await addUserRule(excel);
    userRule(wb, "部门整体")[0].unreadable = true;
    const run = await runCheck(host, "zh");
    expect(run.marks?.skipped).toEqual([{ sheet: "部门整体", reason: "unreadable" }]);
    expect(markedCells(wb).some((c) => c.startsWith("综合窗口管理工作经费!"))).toBe(true);
  });

  it("fault 2: selecting a sum finding works (one cell where RangeAreas.select is missing)", async () => {
    const { wb, host } = await setup(profile, behaviours);
    await host.select({ sheet: "综合窗口管理工作经费", cell: "F26" }, [
      { sheet: "综合窗口管理工作经费", cell: "E26" },
    ]);
    const sheet = wb.sheets.find((s) => s.name === "综合窗口管理工作经费")!;
    expect(sheet.selection[0]).toEqual({ top: 25, left: 5, bottom: 25, right: 5 });
    expect(sheet.selection).toHaveLength(excel18(profile) ? 2 : 1);
  });

  it("fault 3: only what changed is written; where undo is not kept, the automatic re-check writes nothing", async () => {
    const { excel, host } = await setup(profile, behaviours);
    const controller = new PaneController(host, "zh", { recheckDelayMs: 1 });
    await controller.check();
    const undo = excel.undoClears;
    await runCheck(host, "zh");
    expect(excel.undoClears).toBe(undo); // nothing changed, nothing written
    controller.start();
    await new Promise((r) => setTimeout(r, 10));
    await excel.userEdit("部门整体", "E9", 123);
    await new Promise((r) => setTimeout(r, 30));
    while (controller.getState().checking) await new Promise((r) => setTimeout(r, 5));
    const preserved = PROFILES[profile].behaviours.undoPreserved;
    expect(controller.getState().marksStale).toBe(!preserved);
    if (!preserved) expect(excel.undoClears).toBe(undo);
    controller.stop();
  });

  it("fault 4: a background run waits out cell-edit mode; an explicit one retries quietly", async () => {
    const { excel, host } = await setup(profile, behaviours);
    excel.setCellEditMode(true);
    const background = runCheck(host, "zh", { background: true, marks: false });
    await new Promise((r) => setTimeout(r, 10));
    excel.setCellEditMode(false);
    await expect(background).resolves.toBeTruthy();

    const controller = new PaneController(host, "zh", { recheckDelayMs: 5 });
    controller.start();
    await new Promise((r) => setTimeout(r, 10));
    excel.setCellEditMode(true);
    await controller.check();
    expect(controller.getState().status).toBeNull(); // never 检查失败
    expect(controller.getState().recheckPending).toBe(true);
    excel.setCellEditMode(false);
    await new Promise((r) => setTimeout(r, 30));
    while (controller.getState().checking) await new Promise((r) => setTimeout(r, 5));
    expect(controller.getState().view).not.toBeNull();
    controller.stop();
  });

  it("fault 7: a protected sheet gets no marks and no rows, with a clear message; the others do", async () => {
    const { wb, host } = await setup(profile, behaviours);
    wb.sheets.find((s) => s.name === "部门整体")!.protected = true;
    const run = await runCheck(host, "zh");
    expect(run.marks?.skipped).toEqual([{ sheet: "部门整体", reason: "protected" }]);
    expect(markedCells(wb).some((c) => c.startsWith("部门整体!"))).toBe(false);
    await expect(
      host.applyRowInsert({ sheet: "部门整体", steps: [], select: { row: 0, col: 0 } } as never),
    ).rejects.toThrow("工作表「部门整体」受保护");
    wb.structureProtected = true;
    await expect(host.writeReport(reportPlan(run.view, "zh", new Date(), "x"))).rejects.toThrow(
      "工作簿结构受保护",
    );
  });

  it("fault 8: clicking a finding on a hidden sheet says so", async () => {
    const { wb, host } = await setup(profile, behaviours);
    wb.sheets.find((s) => s.name === "伙食补助费")!.visibility = "Hidden";
    await expect(host.select({ sheet: "伙食补助费", cell: "A1" }, [])).rejects.toThrow("已隐藏");
  });

  it("fault 9: the add-in's own marks (format changes fire onChanged) trigger no re-check", async () => {
    const { excel, host } = await setup(profile, { ...behaviours, formatChangesFireOnChanged: true });
    const edits: string[] = [];
    await host.read();
    const stop = await host.onUserEdit((s) => edits.push(s));
    await runCheck(host, "zh");
    await host.clearMarks();
    await excel.idle();
    expect(edits).toEqual([]);
    await stop();
  });

  it("fault 11: the report replaces only the sheet the add-in made, never a user's 检查记录", async () => {
    const { wb, excel, host } = await setup(profile, behaviours);
    await excel.run(async (context) => {
      context.workbook.worksheets.add("检查记录").getRange("A1").values = [["用户自己的"]];
      await context.sync();
    });
    const run = await runCheck(host, "zh");
    const plan = reportPlan(buildView(run.result, [], "zh"), "zh", new Date(), "x");
    const first = await host.writeReport(plan);
    const second = await host.writeReport(plan);
    expect(first).toBe("检查记录 (2)");
    expect(second).toBe("检查记录 (2)");
    expect(
      wb.sheets
        .filter((s) => s.name.startsWith("检查记录"))
        .map((s) => s.name)
        .sort(),
    ).toEqual(["检查记录", "检查记录 (2)"]);
    expect(wb.settings.get(REPORT_SHEET_KEY)).toBe(wb.sheets.find((s) => s.name === "检查记录 (2)")!.id);
  });

  it("fault 12: saving one explanation keeps another author's", async () => {
    const { excel, host } = await setup(profile, behaviours);
    const other = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
    await host.loadExplanations();
    await other.saveExplanation("b", { key: "b", text: "另一位作者", at: "2026-01-01T00:00:00Z" });
    await host.saveExplanation("a", { key: "a", text: "我的", at: "2026-01-01T00:00:00Z" });
    const all = await createExcelHost({
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      lang: "zh",
    }).loadExplanations();
    expect(all.map((e) => e.key).sort()).toEqual(["a", "b"]);
  });

  it("fault 14: the insert tab reads the active cell, also after a multi-area selection", async () => {
    const { wb, host } = await setup(profile, behaviours);
    const sheet = wb.sheets.find((s) => s.name === "综合窗口管理工作经费")!;
    wb.activeSheet = sheet.name;
    sheet.selection = [
      { top: 25, left: 5, bottom: 25, right: 5 },
      { top: 25, left: 4, bottom: 25, right: 4 },
    ];
    expect(await host.getSelection()).toEqual({ sheet: sheet.name, cell: "F26" });
  });
});

function excel18(profile: MemoryProfile): boolean {
  const [maj, min] = PROFILES[profile].apiVersion.split(".").map(Number);
  return maj > 1 || min >= 18;
}

describe("faults outside the matrix", () => {
  it("fault 5: the write of marks is bounded (rule addresses and request size), and reads use values only", async () => {
    const { wb, excel, host } = await setup("web");
    const marks = Array.from({ length: 5000 }, (_, i) => ({
      sheet: "部门整体",
      cell: `${String.fromCharCode(65 + (i % 2) * 2)}${1 + i * 2}`,
      severity: "error" as const,
    }));
    const out = await host.applyMarks(marks);
    expect(out.marked).toBe(5000);
    const ours = wb.sheets[0].conditionalFormats.filter((cf) => isMarkFormula(cf.formula));
    expect(ours.length).toBeGreaterThan(1); // split by address length
    expect(excel.maxRequestBytes).toBeLessThan(1024 * 1024);
    for (const cf of ours)
      expect(cf.ranges.map((r) => rangeToA1(r)).join(",").length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
  });

  it("fault 5: RangeExceedsLimit falls back to the sliced read", async () => {
    const { excel, host } = await setup("m365");
    let failed = false;
    const flaky = createExcelHost({
      run: (batch, options) =>
        excel.run(async (context) => {
          if (!failed) {
            failed = true;
            throw Object.assign(new Error("too many cells"), { code: "RangeExceedsLimit" });
          }
          return batch(context);
        }, options),
      isSetSupported: excel.isSetSupported,
      lang: "zh",
    });
    const snap = await flaky.read();
    expect(snap.sheets.length).toBe((await host.read()).sheets.length);
  });

  it("fault 13: copyFrom gets a Range: formats come from the right sheet while another is active", async () => {
    // Covered with the sheet-less address resolving against the active sheet (one plausible behaviour).
    const { wb, host } = await setup("m365", { sheetlessCopyFromActiveSheet: true });
    wb.activeSheet = "部门整体";
    const sheet = wb.sheets.find((s) => s.name === "综合窗口管理工作经费")!;
    const fill = sheet.cells.get(27)?.get(1)?.format.fill ?? null;
    await host.applyRowInsert({
      sheet: sheet.name,
      steps: [{ beforeRow: 28, count: 1, formatFromRow: 27, merges: [], cells: [] }],
      select: { row: 28, col: 1 },
    } as never);
    expect(sheet.cells.get(28)?.get(1)?.format.fill ?? null).toEqual(fill);
  });

  it("fault 11: report times are local, not UTC", () => {
    // In a child process: the time zone of this one is fixed when it starts.
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        'const { localStamp } = require("./src/app/findings.ts"); process.stdout.write(localStamp(new Date("2026-03-01T16:30:00Z")));',
      ],
      { env: { ...process.env, TZ: "Asia/Shanghai" }, encoding: "utf8" },
    );
    expect(out).toBe("2026-03-02 00:30");
  });
});
