/**
 * Fixes written through the Office.js adapter on the in-memory Excel (WorkbookHost.applyEdits): one batch
 * of a fixed number of round trips whatever the number of edits, refused whole when a cell changed since
 * the check, holds a formula or sits on a protected sheet; the re-check no longer has the findings.
 */
import { memoryHost } from "../support/memory-host";
import { collectEdits, offeredFixes } from "../../src/app/fixes";
import { checkWorkbook } from "../../src/checker";
import { findSheet } from "../../src/emulator/excel/state";
import type { CellEdit, Diagnostic } from "../../src/core";

// Reading and checking the example (several times) takes seconds on a loaded machine.
jest.setTimeout(60_000);
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

const setup = () => memoryHost(EXAMPLE);

const key = (d: Diagnostic) => `${d.rule}|${d.messageId}|${d.sheet}!${d.cell}`;

async function safeEdits(host: Awaited<ReturnType<typeof setup>>["host"]) {
  const { diagnostics } = checkWorkbook(await host.read());
  return { diagnostics, ...collectEdits(offeredFixes(diagnostics, "safe")) };
}

async function valueOf(excel: Awaited<ReturnType<typeof setup>>["excel"], sheet: string, cell: string) {
  return excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(cell);
    r.load("values");
    await context.sync();
    return r.values[0][0] as unknown;
  });
}

describe("applyEdits on the in-memory Excel", () => {
  it("writes one edit and all the safe edits in the same 3 round trips; the re-check has lost those findings", async () => {
    const one = await setup();
    const first = await safeEdits(one.host);
    one.excel.resetSyncCount();
    const single = await one.host.applyEdits(first.edits.slice(0, 1));
    expect(single).toEqual({ written: 1, refused: [] });
    expect(one.excel.syncCount).toBe(3);

    const all = await setup();
    const { diagnostics, edits, applied } = await safeEdits(all.host);
    expect(edits.length).toBeGreaterThan(2);
    all.excel.resetSyncCount();
    expect(await all.host.applyEdits(edits)).toEqual({ written: edits.length, refused: [] });
    expect(all.excel.syncCount).toBe(3);
    for (const e of edits) expect(await valueOf(all.excel, e.sheet, e.cell)).toBe(e.after);
    const after = checkWorkbook(await all.host.read()).diagnostics.map(key);
    for (const a of applied) expect(after).not.toContain(key(a.diagnostic));
    // Every other finding is still there.
    const fixed = new Set(applied.map((a) => key(a.diagnostic)));
    expect(diagnostics.map(key).filter((k) => !fixed.has(k) && !after.includes(k))).toEqual([]);
  });

  it("refuses the whole batch when a cell changed since the check, and writes nothing", async () => {
    const { excel, host } = await setup();
    const { edits } = await safeEdits(host);
    const target = edits[edits.length - 1];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(target.sheet).getRange(target.cell).values = [["用户刚改过"]];
      await context.sync();
    });
    excel.resetSyncCount();
    const outcome = await host.applyEdits(edits);
    expect(outcome.written).toBe(0);
    expect(outcome.refused).toEqual([{ edit: target, reason: "changed" }]);
    expect(excel.syncCount).toBe(2); // read, compare, nothing written
    for (const e of edits.slice(0, -1)) expect(await valueOf(excel, e.sheet, e.cell)).toBe(e.before);
  });

  it("refuses an edit of a formula cell, on a protected sheet or a missing sheet", async () => {
    const { wb, excel, host } = await setup();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("H1").formulas = [['="a"&"b"']];
      await context.sync();
    });
    const formula: CellEdit = { sheet: "部门整体", cell: "H1", before: null, after: "x" };
    expect((await host.applyEdits([formula])).refused.map((r) => r.reason)).toEqual(["formula"]);

    const { edits } = await safeEdits(host);
    findSheet(wb, edits[0].sheet)!.protected = true;
    const locked = await host.applyEdits(edits);
    expect(locked.written).toBe(0);
    expect(new Set(locked.refused.map((r) => r.reason))).toEqual(new Set(["protected"]));
    findSheet(wb, edits[0].sheet)!.protected = false;

    const gone: CellEdit = { sheet: "没有这张表", cell: "A1", before: null, after: "x" };
    expect((await host.applyEdits([gone, ...edits])).refused).toEqual([{ edit: gone, reason: "missing" }]);
    expect(await valueOf(excel, edits[0].sheet, edits[0].cell)).toBe(edits[0].before);
  });

  it("keeps number-like text as text (Excel would read 60.00 as a number)", async () => {
    const { excel, host } = await setup();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("H2").values = [["'６０.００"]];
      await context.sync();
    });
    const outcome = await host.applyEdits([
      { sheet: "部门整体", cell: "H2", before: "６０.００", after: "60.00" },
    ]);
    expect(outcome.written).toBe(1);
    expect(await valueOf(excel, "部门整体", "H2")).toBe("60.00");
  });
});
