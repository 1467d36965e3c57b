/**
 * The re-check after an edit reads only the sheets the change events named (issue 14), on the
 * in-memory Excel playing each behaviour real Excel may show: events at once, late (during a
 * re-check), never (a validation-list pick, Text to Columns), from a co-author (source "Remote"),
 * handlers that cannot be registered, no events at all (ExcelApi below 1.9); and sheets added,
 * deleted, renamed and moved between checks. Every automatic re-check must end with what a full
 * check of the same workbook finds; the explicit 检查表格 reads everything.
 */
import { readFileSync } from "node:fs";
import { runCheck, type CheckRun } from "../../src/app/run-check";
import { checkWorkbook } from "../../src/checker";
import {
  createMemoryExcel,
  memoryWorkbookFromXlsx,
  type MemoryExcel,
  type MemoryExcelOptions,
} from "../../src/emulator/excel";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { reachesOut } from "../../src/hosts/excel/read";
import type { WorkbookHost } from "../../src/hosts/host";
import { PaneController } from "../../src/taskpane/controller";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
const bytes = readFileSync(EXAMPLE);

async function setup(options: MemoryExcelOptions = {}) {
  const wb = await memoryWorkbookFromXlsx(bytes, EXAMPLE);
  const excel = createMemoryExcel(wb, { apiVersion: "1.14", ...options });
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    lang: "zh",
    kind: "memory",
  });
  const edits: string[] = [];
  return { wb, excel, host, edits };
}

async function watch(host: WorkbookHost, edits: string[]) {
  return host.onUserEdit((sheet) => edits.push(sheet));
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

/** What a full check of the workbook as it is now finds (a fresh host: nothing kept). */
async function fullCheck(excel: MemoryExcel) {
  const fresh = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
  return plain(checkWorkbook(await fresh.read()).diagnostics);
}

/** The automatic re-check (background, marks not painted): its run, cells read per sheet, syncs. */
async function recheck(excel: MemoryExcel, host: WorkbookHost) {
  excel.resetReads();
  excel.resetSyncCount();
  const run = await runCheck(host, "zh", { background: true, marks: false });
  return { run, reads: excel.reads(), syncs: excel.syncCount };
}

describe("the re-check after an edit reads only what changed", () => {
  it("one edit: one sheet read, in one sync, and the findings of a full check", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    excel.resetReads();
    excel.resetSyncCount();
    const first = await runCheck(host, "zh", { marks: false });
    const full = excel.reads();
    expect(Object.keys(full.sheets)).toHaveLength(wb.sheets.length);
    expect(excel.syncCount).toBe(2);

    const project = wb.sheets[1].name;
    await excel.userEdit(project, "B8", 1234567);
    expect(edits).toEqual([project]);
    const { run, reads, syncs } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual([project]);
    expect(reads.cells).toBe(full.sheets[project]);
    expect(reads.cells * 5).toBeLessThan(full.cells);
    expect(syncs).toBe(1);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
    expect(plain(run.result.diagnostics)).not.toEqual(plain(first.result.diagnostics));

    // Nothing changed since: the re-check reads no cell at all.
    const idle = await recheck(excel, host);
    expect(idle.reads.cells).toBe(0);
    expect(idle.syncs).toBe(1);
    expect(plain(idle.run.result.diagnostics)).toEqual(plain(run.result.diagnostics));
  });

  it("edits on three sheets: those three, still in one sync", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const names = [wb.sheets[0].name, wb.sheets[2].name, wb.sheets[5].name];
    await excel.userEdit(names[0], "C6", 99);
    await excel.userEdit(names[1], "B8", 5);
    await excel.userEdit(names[2], "B3", "改过的项目名称");
    const { run, reads, syncs } = await recheck(excel, host);
    expect(Object.keys(reads.sheets).sort()).toEqual([...names].sort());
    expect(syncs).toBe(1);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("the explicit 检查表格 reads every sheet, whatever the events said", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    await excel.userEdit(wb.sheets[1].name, "B8", 1);
    excel.resetReads();
    await runCheck(host, "zh", { marks: false });
    expect(Object.keys(excel.reads().sheets)).toHaveLength(wb.sheets.length);
  });

  it("an edit whose event never comes: the re-check misses it, 检查表格 finds it", async () => {
    const { wb, excel, host, edits } = await setup({ behaviours: { userEditEvents: "dropped" } });
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const a = wb.sheets[1].name;
    const b = wb.sheets[2].name;
    await excel.userEdit(a, "B8", 1234567); // a pick from a validation list: no event
    excel.behaviours.userEditEvents = "immediate";
    await excel.userEdit(b, "B8", 7654321);
    expect(edits).toEqual([b]);
    const auto = await recheck(excel, host);
    expect(Object.keys(auto.reads.sheets)).toEqual([b]);
    const explicit = await runCheck(host, "zh", { marks: false });
    const expected = await fullCheck(excel);
    expect(plain(explicit.result.diagnostics)).toEqual(expected);
    // The edit without an event matters: the automatic re-check could not have known it.
    expect(plain(auto.run.result.diagnostics)).not.toEqual(expected);
  });

  it("an edit without an event that moves the used range is read by the re-check all the same", async () => {
    const { wb, excel, host, edits } = await setup({ behaviours: { userEditEvents: "dropped" } });
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const a = wb.sheets[3].name;
    await excel.userEdit(a, "Z200", "补充说明");
    const { run, reads, syncs } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual([a]);
    expect(syncs).toBe(2);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
    expect(run.result.model.name).toBe(wb.name);
  });

  it("an event that comes late (during a re-check) marks its sheet again: the pane checks once more", async () => {
    const { wb, excel, host } = await setup();
    const runs: CheckRun[] = [];
    const pane = new PaneController(host, "zh", {
      recheckDelayMs: 1,
      runCheck: async (h, lang, options) => {
        const run = await runCheck(h, lang, options);
        runs.push(run);
        return run;
      },
    });
    pane.start();
    await settle(excel, pane);
    await pane.check();
    const a = wb.sheets[1].name;
    const b = wb.sheets[4].name;
    excel.behaviours.userEditEvents = "late";
    await excel.userEdit(a, "B8", 1234567); // its event is held until the next sync
    excel.behaviours.userEditEvents = "immediate";
    excel.resetReads();
    await excel.userEdit(b, "B8", 7654321); // starts the re-check; a's event comes during it
    await settle(excel, pane);
    expect(runs.length).toBe(3); // 检查表格, the re-check for b, the one more for a's late event
    expect(Object.keys(excel.reads().sheets).sort()).toEqual([a, b].sort());
    expect(plain(runs[runs.length - 1].result.diagnostics)).toEqual(await fullCheck(excel));
    expect(pane.getState().recheckPending).toBe(false);
    pane.stop();
  });

  it("a co-author's edit (Remote) starts no re-check but is read by the next one", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const remote = wb.sheets[2].name;
    const local = wb.sheets[6].name;
    await excel.remoteEdit(remote, "B8", 42);
    expect(edits).toEqual([]);
    await excel.userEdit(local, "B8", 43);
    expect(edits).toEqual([local]);
    const { run, reads } = await recheck(excel, host);
    expect(Object.keys(reads.sheets).sort()).toEqual([remote, local].sort());
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("a sheet renamed after its edit is read under its new name", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const old = wb.sheets[2].name;
    await excel.userEdit(old, "B8", 1000);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(old).name = "改名的项目";
      await context.sync();
    });
    const { run, reads } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual(["改名的项目"]);
    expect(run.result.model.forms.some((f) => f.sheet === "改名的项目")).toBe(true);
    expect(run.result.model.forms.some((f) => f.sheet === old)).toBe(false);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("sheets added, deleted, renamed without an edit and moved are seen from the sheet list", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const moved = wb.sheets[3].name;
    const renamed = wb.sheets[4].name;
    const deleted = wb.sheets[5].name;
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem(deleted).delete();
      sheets.getItem(renamed).name = "新名字";
      sheets.getItem(moved).position = 1;
      sheets.add("新表");
      await context.sync();
    });
    // An edit on the new sheet: its id is not known yet, its event still counts.
    await excel.userEdit("新表", "A1", "说明");
    expect(edits).toHaveLength(1);
    const { run, reads, syncs } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual(["新表"]);
    expect(syncs).toBe(1);
    expect(run.result.model.forms.map((f) => f.sheet)).not.toContain(deleted);
    expect(run.result.model.forms.map((f) => f.sheet)).toContain("新名字");
    expect(plain(run.result.model.forms.map((f) => f.sheet))).toEqual(
      plain(
        checkWorkbook(
          await createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" }).read(),
        ).model.forms.map((f) => f.sheet),
      ),
    );
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));

    // A sheet added with no edit (a copied form, say) is read because it is new: a second sync.
    await excel.run(async (context) => {
      context.workbook.worksheets.add("空表");
      await context.sync();
    });
    const added = await recheck(excel, host);
    expect(added.syncs).toBe(2);
    expect(plain(added.run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("a sheet whose formulas reach another sheet is read on every re-check", async () => {
    const { wb, excel, host, edits } = await setup();
    const linked = wb.sheets[7].name;
    const source = wb.sheets[1].name;
    await excel.userEdit(linked, "H40", `='${source}'!B8`);
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    await excel.userEdit(source, "B8", 88);
    const { reads, syncs } = await recheck(excel, host);
    expect(Object.keys(reads.sheets).sort()).toEqual([linked, source].sort());
    expect(syncs).toBe(1);
  });

  it("the add-in's own value writes (a fix) mark their sheet, even though their events say 'this add-in'", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const sheet = wb.sheets[1].name;
    const before = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet).getRange("B3");
      r.load("values");
      await context.sync();
      return r.values[0][0] as string;
    });
    const outcome = await host.applyEdits([{ sheet, cell: "B3", before, after: `${before}（改）` }]);
    expect(outcome.written).toBe(1);
    await excel.idle();
    expect(edits).toEqual([]);
    const { run, reads } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual([sheet]);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it.each([
    ["events fail to register", { behaviours: { eventRegistrationFails: true } }],
    ["no change events (ExcelApi 1.8)", { apiVersion: "1.8" }],
  ] as const)("%s: every re-check reads everything", async (_label, options) => {
    const { wb, excel, host, edits } = await setup(options);
    await expect(watch(host, edits)).rejects.toBeDefined();
    await runCheck(host, "zh", { marks: false });
    await excel.userEdit(wb.sheets[1].name, "B8", 5);
    const { run, reads } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toHaveLength(wb.sheets.length);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("after the handler is removed, and for edits before it was added, the next read is a full one", async () => {
    const { wb, excel, host, edits } = await setup();
    await runCheck(host, "zh", { marks: false });
    await excel.userEdit(wb.sheets[2].name, "B8", 5); // not watched yet
    const stop = await watch(host, edits);
    const first = await recheck(excel, host);
    expect(Object.keys(first.reads.sheets)).toHaveLength(wb.sheets.length);
    expect(plain(first.run.result.diagnostics)).toEqual(await fullCheck(excel));
    await stop();
    await excel.userEdit(wb.sheets[3].name, "B8", 6);
    const after = await recheck(excel, host);
    expect(Object.keys(after.reads.sheets)).toHaveLength(wb.sheets.length);
    expect(plain(after.run.result.diagnostics)).toEqual(await fullCheck(excel));
  });

  it("a failed re-check keeps what changed for the next one", async () => {
    const { wb, excel, host, edits } = await setup();
    await watch(host, edits);
    await runCheck(host, "zh", { marks: false });
    const a = wb.sheets[1].name;
    await excel.userEdit(a, "B8", 5);
    excel.setCellEditMode(true);
    await expect(host.read({ changedOnly: true })).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    excel.setCellEditMode(false);
    const { run, reads } = await recheck(excel, host);
    expect(Object.keys(reads.sheets)).toEqual([a]);
    expect(plain(run.result.diagnostics)).toEqual(await fullCheck(excel));
  });
});

describe("formulas that reach out of their sheet", () => {
  it.each([
    ["=SUM(B9:B12)", false],
    ["=$B$8*2", false],
    ["=SUM(A:A)+SUM(2:5)", false],
    ['=IF(A1>0,"见附表!",TRUE)', false],
    ["=ROUND(B8/10000,2)", false],
    ["=项目!B8", true],
    ["='a b'!C1", true],
    ["=[1]Sheet1!A1", true],
    ["=预算合计*2", true],
    ["=TODAY()", true],
    ["=INDIRECT(A1)", true],
  ])("%s → %s", (formula, expected) => {
    expect(reachesOut(formula)).toBe(expected);
  });
});

/** Waits until the pane and the workbook are quiet: no check running or scheduled, no event pending. */
async function settle(excel: MemoryExcel, pane: PaneController): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await excel.idle();
    await new Promise((r) => setTimeout(r, 5));
    const s = pane.getState();
    if (!s.checking && !s.recheckPending) {
      await new Promise((r) => setTimeout(r, 10));
      const t = pane.getState();
      if (!t.checking && !t.recheckPending) return;
    }
  }
  throw new Error("the pane never settled");
}
