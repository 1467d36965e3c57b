/** Range.insert: whole rows, whole columns and shifted cells, with everything that moves along. */
import {
  createMemoryExcel,
  createMemoryWorkbook,
  formatAddress,
  formatSignature,
  getCell,
  type MemoryExcel,
  type MemorySheet,
} from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

const SHEET = "部门整体";

const merges = (s: MemorySheet) => s.merges.map(formatAddress);

/** Writes formulas (or values) into cells of a sheet: `{ A1: "=B2" }`. */
async function write(
  excel: MemoryExcel,
  sheet: string,
  cells: Record<string, string | number>,
): Promise<void> {
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [address, v] of Object.entries(cells)) ws.getRange(address).formulas = [[v]];
    await context.sync();
  });
}

async function formulasOf(excel: MemoryExcel, sheet: string, addresses: string[]): Promise<unknown[]> {
  return excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const ranges = addresses.map((a) => ws.getRange(a).load("formulas"));
    await context.sync();
    return ranges.map((r) => r.formulas[0][0]);
  });
}

async function insert(excel: MemoryExcel, sheet: string, address: string, shift: "Down" | "Right") {
  return excel.run(async (context) => {
    const blank = context.workbook.worksheets.getItem(sheet).getRange(address).insert(shift);
    blank.load("address");
    await context.sync();
    return blank.address;
  });
}

describe("whole rows (getRange('15:16').insert('Down'))", () => {
  let excel: MemoryExcel;
  let sheet: MemorySheet;
  beforeEach(async () => {
    excel = createMemoryExcel(await loadExample());
    sheet = excel.workbook.sheets[0];
  });

  it("moves every cell at or below row 15 down, with its value, format and number format", async () => {
    const c15 = getCell(sheet, 14, 2);
    const d13 = getCell(sheet, 12, 3);
    const a1 = getCell(sheet, 0, 0);
    const above = structuredClone(getCell(sheet, 13, 3));
    const address = await insert(excel, SHEET, "15:16", "Down");
    expect(address).toBe("'部门整体'!15:16");
    expect(getCell(sheet, 16, 2)).toBe(c15);
    expect(getCell(sheet, 12, 3)).toBe(d13);
    expect(getCell(sheet, 0, 0)).toBe(a1);
    // The old row 49 (the last of the form) is row 51 now.
    expect(getCell(sheet, 50, 3)?.value).not.toBeNull();
    const moved = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange("C17:D17");
      r.load("values,numberFormat");
      await context.sync();
      return r.toJSON();
    });
    expect(moved.values).toEqual([[c15?.value, expect.anything()]]);
    // The new rows are blank, formatted like the row above (Excel's default insert).
    expect(getCell(sheet, 14, 3)).toEqual({
      value: null,
      formula: null,
      numberFormat: above?.numberFormat,
      format: above?.format,
    });
    expect(getCell(sheet, 15, 3)?.value).toBeNull();
  });

  it("moves row heights; the new rows take the height of the row above", async () => {
    sheet.rowHeights.set(13, 50);
    const h = (r: number) => sheet.rowHeights.get(r);
    const [r15, r16, r17, r18] = [h(14), h(15), h(16), h(17)];
    await insert(excel, SHEET, "15:16", "Down");
    expect([h(14), h(15)]).toEqual([50, 50]);
    expect([h(16), h(17), h(18), h(19)]).toEqual([r15, r16, r17, r18]);
    expect(h(10)).toBe(195);
  });

  it("moves merges below, grows one spanning the insertion point, moves one starting there", async () => {
    expect(merges(sheet)).toEqual(
      expect.arrayContaining(["A12:A16", "E14:F14", "E15:F15", "B17:F17", "A18:A49"]),
    );
    await insert(excel, SHEET, "15:16", "Down");
    const after = merges(sheet);
    // A12:A16 spans row 15 (12 < 15 <= 16): it grows; E15:F15 starts at row 15: it moves.
    expect(after).toEqual(
      expect.arrayContaining(["A1:F1", "A12:A18", "E14:F14", "E17:F17", "E18:F18", "B19:F19", "A20:A51"]),
    );
    expect(after).not.toContain("E15:F15");
    expect(after).toHaveLength(30);
  });

  it("shifts or grows conditional formats and validations, and the selection", async () => {
    const ids = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      const spanning = ws.getRange("C10:C20").conditionalFormats.add("Custom");
      spanning.custom.rule.formula = "=C10>0";
      const below = ws.getRange("D15:D16").conditionalFormats.add("Custom");
      below.custom.rule.formula = "=$D15>$C$20";
      const above = ws.getRange("D5").conditionalFormats.add("Custom");
      above.custom.rule.formula = "=D5>D14";
      ws.getRange("E20:E21").dataValidation.rule = {
        wholeNumber: { formula1: "=$C$15", operator: "GreaterThan" },
      };
      ws.getRange("F14:F15").dataValidation.rule = { list: { inCellDropDown: true, source: "=$H$15:$H$16" } };
      ws.getRange("C15").select();
      for (const cf of [spanning, below, above]) cf.load("id");
      await context.sync();
      return [spanning.id, below.id, above.id];
    });
    await insert(excel, SHEET, "15:16", "Down");
    const cf = (id: string) => sheet.conditionalFormats.find((c) => c.id === id);
    expect(cf(ids[0])).toMatchObject({
      ranges: [{ top: 9, left: 2, bottom: 21, right: 2 }],
      formula: "=C10>0",
    });
    expect(cf(ids[1])).toMatchObject({
      ranges: [{ top: 16, left: 3, bottom: 17, right: 3 }],
      formula: "=$D17>$C$22",
    });
    expect(cf(ids[2])).toMatchObject({
      ranges: [{ top: 4, left: 3, bottom: 4, right: 3 }],
      formula: "=D5>D14",
    });
    expect(sheet.dataValidations.map((dv) => dv.ranges.map(formatAddress))).toEqual([
      ["E22:E23"],
      ["F14:F17"],
    ]);
    expect(sheet.dataValidations[0].rule.wholeNumber?.formula1).toBe("=$C$17");
    expect(sheet.dataValidations[1].rule.list?.source).toBe("=$H$17:$H$18");
    expect(sheet.selection).toEqual([{ top: 16, left: 2, bottom: 16, right: 2 }]);
  });

  it("raises onChanged with changeType RowInserted", async () => {
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e);
      });
      await context.sync();
    });
    await insert(excel, SHEET, "15:16", "Down");
    await excel.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ changeType: "RowInserted", address: "15:16", source: "Local" });
  });
});

describe("formulas after an insertion", () => {
  it("rewrites references to moved cells in every sheet, as Excel does", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook("Book1", ["Sheet1", "名字"]));
    await write(excel, "Sheet1", {
      A1: "=A14+A15+$A$20+A$16",
      A2: "=SUM(A10:A20)",
      A3: "=SUM(A1:A14)",
      A4: "=SUM(B15:C16)",
      A5: "=SUM(15:15)+SUM(C:C)",
      A6: '=Sheet1!A15&"A15"',
      A7: "='名字'!A15+名字!B7",
      A8: "=A1048576",
      A9: "=SUM(A5:A1048576)",
      A30: "=A29+A15",
    });
    await write(excel, "名字", {
      A1: "=Sheet1!A15*2",
      A2: "=SUM(Sheet1!$B$14:$B$15)",
      A3: "=A15",
      A4: "='Sheet1'!A20",
    });
    await insert(excel, "Sheet1", "15:16", "Down");
    expect(
      await formulasOf(excel, "Sheet1", ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A32"]),
    ).toEqual([
      "=A14+A17+$A$22+A$18",
      "=SUM(A10:A22)",
      "=SUM(A1:A14)",
      "=SUM(B17:C18)",
      "=SUM(17:17)+SUM(C:C)",
      '=Sheet1!A17&"A15"',
      "='名字'!A15+名字!B7",
      "=#REF!",
      "=SUM(A5:A1048576)",
      "=A31+A17",
    ]);
    expect(await formulasOf(excel, "名字", ["A1", "A2", "A3", "A4"])).toEqual([
      "=Sheet1!A17*2",
      "=SUM(Sheet1!$B$14:$B$17)",
      "=A15",
      "='Sheet1'!A22",
    ]);
    // Rows inserted on 名字 move its cells for the references of Sheet1 (quoted or not).
    await insert(excel, "名字", "5:5", "Down");
    expect(await formulasOf(excel, "Sheet1", ["A7"])).toEqual(["='名字'!A16+名字!B8"]);
    expect(await formulasOf(excel, "名字", ["A1", "A3"])).toEqual(["=Sheet1!A17*2", "=A16"]);
  });
});

describe("cells shifted down (not whole rows)", () => {
  it("moves only the range's columns; formulas, merges and formats follow them", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    const sheet = excel.workbook.sheets[0];
    await write(excel, "Sheet1", {
      A15: "a",
      B15: "b",
      C20: "c",
      D15: "d",
      E1: "=B15+A15+C20",
      E2: "=SUM(B10:C20)",
      E3: "=SUM(A10:C20)",
      E4: "=SUM(B:B)",
    });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B14:C14").format.fill.color = "#FFFF00";
      ws.getRange("B25:C26").merge();
      ws.getRange("A5:D5").merge();
      ws.getRange("A10:D20").conditionalFormats.add("Custom").custom.rule.formula = "=A10>0";
      await context.sync();
    });
    const address = await insert(excel, "Sheet1", "B15:C16", "Down");
    expect(address).toBe("Sheet1!B15:C16");
    expect(getCell(sheet, 14, 0)?.value).toBe("a");
    expect(getCell(sheet, 16, 1)?.value).toBe("b");
    expect(getCell(sheet, 21, 2)?.value).toBe("c");
    expect(getCell(sheet, 14, 3)?.value).toBe("d");
    expect(getCell(sheet, 14, 1)?.format.fill).toBe("#FFFF00");
    expect(getCell(sheet, 15, 2)?.format.fill).toBe("#FFFF00");
    expect(merges(sheet)).toEqual(["B27:C28", "A5:D5"]);
    expect(await formulasOf(excel, "Sheet1", ["E1", "E2", "E3", "E4"])).toEqual([
      "=B17+A15+C22",
      "=SUM(B10:C22)",
      "=SUM(A10:C20)",
      "=SUM(B:B)",
    ]);
    // The format's range is cut by the shifted columns: the part inside grows, the rest stays.
    expect(sheet.conditionalFormats[0].ranges.map(formatAddress)).toEqual(["A10:A20", "B10:C22", "D10:D20"]);
    expect(sheet.conditionalFormats[0].formula).toBe("=A10>0");
  });

  it("refuses to move part of a merged area (InvalidArgument), changing nothing", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A30:D30").merge();
      await context.sync();
    });
    const before = formatSignature(excel.workbook);
    const e = await caught(() => insert(excel, "Sheet1", "B15:C15", "Down"));
    expect(e.code).toBe("InvalidArgument");
    expect(formatSignature(excel.workbook)).toBe(before);
  });
});

describe("columns and cells shifted right", () => {
  it("inserts whole columns: cells, widths, merges and formulas move", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    const sheet = excel.workbook.sheets[0];
    await write(excel, "Sheet1", { B1: "b", C1: "c", A2: "=C1+B1+SUM(C:D)+SUM(1:1)" });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B:B").format.columnWidth = 30;
      ws.getRange("C:C").format.columnWidth = 100;
      ws.getRange("B3:C3").merge();
      await context.sync();
    });
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.changeType} ${e.address}`);
      });
      await context.sync();
    });
    expect(await insert(excel, "Sheet1", "C:D", "Right")).toBe("Sheet1!C:D");
    await excel.idle();
    expect(getCell(sheet, 0, 1)?.value).toBe("b");
    expect(getCell(sheet, 0, 4)?.value).toBe("c");
    expect([sheet.columnWidths.get(2), sheet.columnWidths.get(3), sheet.columnWidths.get(4)]).toEqual([
      30, 30, 100,
    ]);
    expect(merges(sheet)).toEqual(["B3:E3"]);
    expect(await formulasOf(excel, "Sheet1", ["A2"])).toEqual(["=E1+B1+SUM(E:F)+SUM(1:1)"]);
    expect(seen).toEqual(["ColumnInserted C:D"]);
  });

  it("shifts cells right in the range's rows only", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    const sheet = excel.workbook.sheets[0];
    await write(excel, "Sheet1", { C5: "x", C7: "y", A1: "=C5+C7" });
    await insert(excel, "Sheet1", "C5:C6", "Right");
    expect(getCell(sheet, 4, 3)?.value).toBe("x");
    expect(getCell(sheet, 6, 2)?.value).toBe("y");
    expect(await formulasOf(excel, "Sheet1", ["A1"])).toEqual(["=D5+C7"]);
  });
});

describe("refused insertions", () => {
  it("gives NonBlankCellOffSheet when content or formatting would leave the sheet", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1048576").values = [["last"]];
      ws.getRange("B1048575").format.fill.color = "#FF0000";
      await context.sync();
    });
    const before = formatSignature(excel.workbook);
    const rows = await caught(() => insert(excel, "Sheet1", "5:5", "Down"));
    expect(rows).toMatchObject({ code: "NonBlankCellOffSheet" });
    expect(rows.message).toContain("push non-empty cells off the end of the worksheet");
    // Two cells down in column B reach the formatted cell; column C has room.
    expect((await caught(() => insert(excel, "Sheet1", "B3:B4", "Down"))).code).toBe("NonBlankCellOffSheet");
    expect(formatSignature(excel.workbook)).toBe(before);
    await insert(excel, "Sheet1", "C3:C4", "Down");
    await insert(excel, "Sheet1", "B3", "Down");
  });

  it("inserts at the last row when it is empty", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    expect(await insert(excel, "Sheet1", "1048576:1048576", "Down")).toBe("Sheet1!1048576:1048576");
  });

  it("gives InvalidArgument for whole rows shifted right, whole columns down, or another direction", async () => {
    const excel = createMemoryExcel(createMemoryWorkbook());
    for (const [address, shift] of [
      ["15:16", "Right"],
      ["C:D", "Down"],
      ["A1:B2", "Up"],
    ] as const) {
      const e = await caught(() => insert(excel, "Sheet1", address, shift as "Down"));
      expect({ address, code: e.code }).toEqual({ address, code: "InvalidArgument" });
    }
  });
});
