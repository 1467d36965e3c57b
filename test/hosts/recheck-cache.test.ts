/**
 * The add-in's re-check after an edit (issue 14): each sheet's reading is kept by the host's
 * check runner, and a re-check reads (models) only the sheets whose values changed, while every
 * rule still runs on the whole workbook; the result equals a full check of the edited workbook.
 * Also the pane's warm-up workbook: read as the two forms it holds, no rule fails on it.
 */
import { memoryHost } from "../support/memory-host";
import { runCheck } from "../../src/app/run-check";
import { WARM_UP_SNAPSHOT, warmEngine } from "../../src/app/warm-up";
import { checkWorkbook } from "../../src/checker";
import { SheetReadCache, readWorkbook } from "../../src/engine/read-forms";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

const setup = () => memoryHost(EXAMPLE);

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("re-check after an edit", () => {
  it("re-models only the edited sheet, and finds what a full check finds", async () => {
    const { wb, excel, host } = await setup();
    const sheets = wb.sheets.length;
    const first = await runCheck(host, "zh");
    expect(first.sheets).toEqual({ read: sheets, reused: 0 });

    const again = await runCheck(host, "zh");
    expect(again.sheets).toEqual({ read: 0, reused: sheets });
    expect(plain(again.result.diagnostics)).toEqual(plain(first.result.diagnostics));

    // The second sheet is a project form; its budget (B8) changes.
    const project = wb.sheets[1].name;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(project).getRange("B8").values = [[1234567]];
      await context.sync();
    });
    const edited = await runCheck(host, "zh");
    expect(edited.sheets).toEqual({ read: 1, reused: sheets - 1 });
    expect(edited.result.model.forms.find((f) => f.sheet === project)?.kind).toBe("project");

    const full = checkWorkbook(await host.read());
    expect(plain(edited.result.diagnostics)).toEqual(plain(full.diagnostics));
    expect(plain(edited.result.model)).toEqual(plain(full.model));
    // The edit matters: the findings are not those before it.
    expect(plain(edited.result.diagnostics)).not.toEqual(plain(first.result.diagnostics));
  });

  it("sees an edit made in place in the very snapshot object the host handed out last time", () => {
    const cache = new SheetReadCache();
    const snapshot = JSON.parse(JSON.stringify(WARM_UP_SNAPSHOT)) as typeof WARM_UP_SNAPSHOT;
    const before = readWorkbook(snapshot, {}, cache);
    const sheet = snapshot.sheets[snapshot.sheets.length - 1];
    const row = sheet.values.findIndex((r) => r?.some((v) => typeof v === "string" && v.length > 0));
    const col = sheet.values[row].findIndex((v) => typeof v === "string" && v.length > 0);
    sheet.values[row][col] = "（已改）";
    if (sheet.text) sheet.text[row][col] = "（已改）";
    const after = readWorkbook(snapshot, {}, cache);
    expect(cache.stats.read).toBe(1);
    expect(plain(after)).toEqual(plain(readWorkbook(snapshot)));
    expect(plain(after)).not.toEqual(plain(before));
  });

  it("reads a renamed sheet again", async () => {
    const { wb, excel, host } = await setup();
    await runCheck(host, "zh");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(wb.sheets[2].name).name = "改名的项目";
      await context.sync();
    });
    const after = await runCheck(host, "zh");
    expect(after.sheets).toEqual({ read: 1, reused: wb.sheets.length - 1 });
    expect(after.result.model.forms.some((f) => f.sheet === "改名的项目")).toBe(true);
  });
});

describe("the pane's warm-up workbook", () => {
  it("holds a department form and a project form, and no rule fails on it", () => {
    const { model, diagnostics } = checkWorkbook(WARM_UP_SNAPSHOT);
    expect(model.forms.map((f) => f.kind)).toEqual(["department", "project"]);
    expect(model.forms.every((f) => f.indicators.length >= 6)).toBe(true);
    expect(diagnostics.filter((d) => d.rule === "internal")).toEqual([]);
  });

  it("runs once", () => {
    expect(warmEngine()).toBeGreaterThan(0);
    expect(warmEngine()).toBe(0);
  });
});
