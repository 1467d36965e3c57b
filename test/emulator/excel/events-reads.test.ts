/**
 * The in-memory Excel's switchable event behaviours (userEditEvents, eventRegistrationFails,
 * remoteEdit), its count of the cells each batch read (reads()), Worksheet.position and Range.hyperlink.
 */
import { createMemoryExcel, getCell, type MemoryExcel } from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

type Changed = Excel.WorksheetChangedEventArgs;

async function listen(excel: MemoryExcel): Promise<Changed[]> {
  const seen: Changed[] = [];
  await excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (e) => {
      seen.push(e);
    });
    await context.sync();
  });
  return seen;
}

async function readA1(excel: MemoryExcel, sheet: string) {
  return excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange("A1");
    r.load("values");
    await context.sync();
    return r.values[0][0];
  });
}

describe("change events, switchable", () => {
  it("immediate (default): the event is delivered before userEdit resolves", async () => {
    const excel = createMemoryExcel(await loadExample());
    const seen = await listen(excel);
    await excel.userEdit("部门整体", "C6", 1);
    expect(seen.map((e) => [e.source, e.address])).toEqual([["Local", "C6"]]);
  });

  it("late: held until the next sync of any batch has run (the new value is read by that batch)", async () => {
    const excel = createMemoryExcel(await loadExample(), { behaviours: { userEditEvents: "late" } });
    const seen = await listen(excel);
    await excel.userEdit("部门整体", "A1", "新值");
    await excel.idle();
    expect(seen).toHaveLength(0);
    expect(await readA1(excel, "部门整体")).toBe("新值");
    await excel.idle();
    expect(seen.map((e) => e.address)).toEqual(["A1"]);
  });

  it("dropped: the value changes, no event ever comes", async () => {
    const excel = createMemoryExcel(await loadExample(), { behaviours: { userEditEvents: "dropped" } });
    const seen = await listen(excel);
    await excel.userEdit("部门整体", "A1", "新值");
    await readA1(excel, "部门整体");
    await excel.idle();
    expect(seen).toHaveLength(0);
    expect(getCell(excel.workbook.sheets[0], 0, 0)?.value).toBe("新值");
  });

  it("remoteEdit: a co-author's edit, source Remote", async () => {
    const excel = createMemoryExcel(await loadExample(), { apiVersion: "1.14" });
    const seen = await listen(excel);
    await excel.remoteEdit("部门整体", "C6", 5);
    expect(seen.map((e) => [e.source, e.triggerSource])).toEqual([["Remote", "Unknown"]]);
    expect(getCell(excel.workbook.sheets[0], 5, 2)?.value).toBe(5);
  });

  it("eventRegistrationFails: adding a handler fails its sync; no handler is registered", async () => {
    const excel = createMemoryExcel(await loadExample(), { behaviours: { eventRegistrationFails: true } });
    expect((await caught(() => listen(excel))).code).toBe("GeneralException");
    excel.behaviours.eventRegistrationFails = false;
    const seen = await listen(excel);
    await excel.userEdit("部门整体", "C6", 1);
    expect(seen).toHaveLength(1);
  });
});

describe("reads()", () => {
  it("counts the cells whose values were loaded, per sheet, until resetReads()", async () => {
    const excel = createMemoryExcel(await loadExample());
    const [a, b] = excel.workbook.sheets.map((s) => s.name);
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem(a).getRange("A1:C4").load("values");
      sheets.getItem(b).getRange("B2").load("values");
      sheets.getItem(b).getRange("A1:Z100").load("text,numberFormat,formulas"); // not values
      await context.sync();
    });
    expect(excel.reads()).toEqual({ cells: 13, sheets: { [a]: 12, [b]: 1 } });
    excel.resetReads();
    expect(excel.reads()).toEqual({ cells: 0, sheets: {} });
  });
});

describe("Worksheet.position", () => {
  it("moves a sheet; out of range is InvalidArgument", async () => {
    const excel = createMemoryExcel(await loadExample());
    const names = excel.workbook.sheets.map((s) => s.name);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(names[3]).position = 0;
      await context.sync();
    });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual([names[3], ...names.filter((_, i) => i !== 3)]);
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(names[0]).position = names.length;
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });
});

describe("Range.hyperlink (ExcelApi 1.7)", () => {
  it("links cells to a place in the workbook, shows textToDisplay, reads back, and is removed by {}", async () => {
    const excel = createMemoryExcel(await loadExample());
    const sheet = excel.workbook.sheets[0];
    const link = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(sheet.name).getRange("K1");
      r.hyperlink = { documentReference: "'部门整体'!E9", textToDisplay: "E9", screenTip: "去 E9" };
      await context.sync();
      const back = context.workbook.worksheets.getItem(sheet.name).getRange("K1");
      back.load("hyperlink,values");
      await context.sync();
      return { link: back.hyperlink, values: back.values };
    });
    expect(link).toEqual({
      link: { documentReference: "'部门整体'!E9", textToDisplay: "E9", screenTip: "去 E9" },
      values: [["E9"]],
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet.name).getRange("K1").hyperlink = {};
      await context.sync();
    });
    expect(getCell(sheet, 0, 10)?.hyperlink).toBeUndefined();
    expect(getCell(sheet, 0, 10)?.value).toBe("E9");
  });

  it("is not there below ExcelApi 1.7", async () => {
    const excel = createMemoryExcel(await loadExample(), { apiVersion: "1.6" });
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("部门整体").getRange("K1").hyperlink = { address: "https://x" };
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});
