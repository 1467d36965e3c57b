/** Worksheets, ranges, addresses, merges, selection and cell formats. */
import {
  createMemoryExcel,
  createMemoryWorkbook,
  getCell,
  type MemoryExcel,
  quoteSheetName,
} from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

const SHEET = "部门整体";

let excel: MemoryExcel;
beforeEach(async () => {
  excel = createMemoryExcel(await loadExample(), { apiVersion: "1.20" });
});

describe("addresses", () => {
  it("qualifies addresses with the sheet name, quoted as Excel does", async () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("部门整体")).toBe("'部门整体'");
    expect(quoteSheetName("My Sheet")).toBe("'My Sheet'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("it's")).toBe("'it''s'");
    const x = createMemoryExcel(createMemoryWorkbook("Book1.xlsx", ["Sheet1", "My Sheet"]));
    const out = await x.run(async (context) => {
      const a = context.workbook.worksheets.getItem("Sheet1").getRange("a1:f30");
      const b = context.workbook.worksheets.getItem("My Sheet").getRange("$B$2");
      const c = context.workbook.worksheets.getItem("Sheet1").getRange("C:D");
      const d = context.workbook.worksheets.getItem("sheet1").getCell(4, 1);
      for (const r of [a, b, c, d]) r.load("address");
      await context.sync();
      return [a, b, c, d].map((r) => r.address);
    });
    expect(out).toEqual(["Sheet1!A1:F30", "'My Sheet'!B2", "Sheet1!C:D", "Sheet1!B5"]);
  });

  it("rejects a malformed address at sync", async () => {
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("not an address").load("values");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("reads several areas through getRanges and selects them", async () => {
    const out = await excel.run(async (context) => {
      const areas = context.workbook.worksheets.getItem(SHEET).getRanges("C6, E8:F9");
      areas.load("address,areaCount");
      areas.areas.load("items/address,items/values");
      areas.select();
      await context.sync();
      return {
        address: areas.address,
        count: areas.areaCount,
        items: areas.areas.items.map((r) => r.address),
      };
    });
    expect(out).toEqual({
      address: "'部门整体'!C6,'部门整体'!E8:F9",
      count: 2,
      items: ["'部门整体'!C6", "'部门整体'!E8:F9"],
    });
    expect(excel.workbook.sheets[0].selection).toEqual([
      { top: 5, left: 2, bottom: 5, right: 2 },
      { top: 7, left: 4, bottom: 8, right: 5 },
    ]);
  });
});

describe("worksheets", () => {
  it("adds, activates, deletes and renames sheets; getActiveWorksheet follows", async () => {
    const names = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const report = sheets.add("检查报告");
      report.load("name,id,position");
      const auto = sheets.add();
      auto.load("name");
      report.activate();
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return { report: report.toJSON(), auto: auto.name, active: active.name };
    });
    expect(names.report).toMatchObject({ name: "检查报告", position: 10 });
    expect(names.auto).toBe("Sheet12");
    expect(names.active).toBe("检查报告");
    expect(excel.workbook.activeSheet).toBe("检查报告");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("检查报告").delete();
      await context.sync();
    });
    expect(excel.workbook.sheets.map((s) => s.name)).not.toContain("检查报告");
    expect(excel.workbook.activeSheet).toBe("Sheet12");
    await excel.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().name = "报告";
      await context.sync();
    });
    expect(excel.workbook.activeSheet).toBe("报告");
    expect(excel.workbook.sheets.at(-1)?.name).toBe("报告");
  });

  it("refuses a duplicate name (case-insensitive) with ItemAlreadyExists", async () => {
    const x = createMemoryExcel(createMemoryWorkbook());
    const e = await caught(() =>
      x.run(async (context) => {
        context.workbook.worksheets.add("SHEET1");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemAlreadyExists");
  });

  it("finds the used range, null on an empty sheet", async () => {
    const out = await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem(SHEET).getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      return used.address;
    });
    expect(out).toBe("'部门整体'!A1:F49");
    const empty = await excel.run(async (context) => {
      const used = context.workbook.worksheets.add().getUsedRangeOrNullObject();
      used.load("address");
      await context.sync();
      return [used.isNullObject, used.address];
    });
    expect(empty).toEqual([true, undefined]);
  });

  it("loads the workbook name (ExcelApi 1.7)", async () => {
    const name = await excel.run(async (context) => {
      context.workbook.load("name");
      await context.sync();
      return context.workbook.name;
    });
    expect(name).toBe("nancheng-2026-per-sheet.xlsx");
  });
});

describe("merges", () => {
  it("returns whole merged areas intersecting a range", async () => {
    const out = await excel.run(async (context) => {
      const m = context.workbook.worksheets.getItem(SHEET).getRange("A1:B5").getMergedAreasOrNullObject();
      m.load("areas/items/address");
      await context.sync();
      return m.areas.items.map((a) => a.address);
    });
    expect(out).toEqual(["'部门整体'!A1:F1", "'部门整体'!A2:F2", "'部门整体'!B3:F3", "'部门整体'!A5:A10"]);
  });

  it("merges (keeping the top-left value) and merges across rows", async () => {
    const x = createMemoryExcel(createMemoryWorkbook());
    await x.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["keep", "drop"],
        [1, 2],
      ];
      sheet.getRange("A1:B2").merge();
      sheet.getRange("D1:E2").merge(true);
      await context.sync();
      const values = sheet.getRange("A1:B2");
      values.load("values");
      await context.sync();
      expect(values.values).toEqual([
        ["keep", ""],
        ["", ""],
      ]);
    });
    expect(x.workbook.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 3, bottom: 0, right: 4 },
      { top: 1, left: 3, bottom: 1, right: 4 },
    ]);
  });
});

describe("values and formulas", () => {
  it("stores inputs as Excel does: formulas, numbers, dates, text in @ cells", async () => {
    const x = createMemoryExcel(createMemoryWorkbook());
    const out = await x.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("A1:A4").values = [["=1+1"], ["42"], ["2026-07-01"], [true]];
      sheet.getRange("B1").values = [["0042"]];
      sheet.getRange("C1").formulas = [["=A2*2"]];
      sheet.getRange("D1:D2").values = "same" as unknown as string[][];
      const r = sheet.getRange("A1:D4");
      r.load("values,formulas,text,numberFormat");
      await context.sync();
      return r.toJSON();
    });
    expect(out.formulas).toEqual([
      ["=1+1", "0042", "=A2*2", "same"],
      [42, "", "", "same"],
      [46204, "", "", ""],
      [true, "", "", ""],
    ]);
    // No calculation engine: a formula written through the API has no value yet.
    expect((out.values as unknown[][])[0]).toEqual(["", "0042", "", "same"]);
    expect((out.text as string[][])[2][0]).toBe("2026/7/1");
    expect((out.numberFormat as string[][])[0][1]).toBe("@");
  });

  it("reads error values as their text", async () => {
    const wb = createMemoryWorkbook();
    wb.sheets[0].cells.set(
      0,
      new Map([[0, { value: { error: "#DIV/0!" }, formula: "=1/0", numberFormat: "General", format: {} }]]),
    );
    const out = await createMemoryExcel(wb).run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values,text,formulas");
      await context.sync();
      return r.toJSON();
    });
    expect(out).toEqual({ values: [["#DIV/0!"]], text: [["#DIV/0!"]], formulas: [["=1/0"]] });
  });
});

describe("cell formats", () => {
  it("sets and reads fill, font, wrap, alignment and column width; null when mixed", async () => {
    const out = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const r = sheet.getRange("H1:H2");
      r.format.fill.color = "#ffc7ce";
      r.format.font.bold = true;
      r.format.font.color = "red";
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      r.format.columnWidth = 120;
      const same = sheet.getRange("H1:H2");
      same.load("format/fill/color,format/font/bold,format/font/color,format/wrapText,format/columnWidth");
      same.format.load("horizontalAlignment,verticalAlignment");
      const mixed = sheet.getRange("H2:H3");
      mixed.load("format/fill/color,format/font/bold");
      const widths = sheet.getRange("A1:B1");
      widths.load("format/columnWidth");
      await context.sync();
      return {
        fill: same.format.fill.color,
        bold: same.format.font.bold,
        color: same.format.font.color,
        wrap: same.format.wrapText,
        width: same.format.columnWidth,
        h: same.format.horizontalAlignment,
        v: same.format.verticalAlignment,
        mixedFill: mixed.format.fill.color,
        mixedBold: mixed.format.font.bold,
        mixedWidth: widths.format.columnWidth,
      };
    });
    expect(out).toEqual({
      fill: "#FFC7CE",
      bold: true,
      color: "#FF0000",
      wrap: true,
      width: 120,
      h: "Center",
      v: "Top",
      mixedFill: null,
      mixedBold: null,
      mixedWidth: null,
    });
    expect(getCell(excel.workbook.sheets[0], 0, 7)?.format).toMatchObject({
      fill: "#FFC7CE",
      wrapText: true,
    });
  });

  it("rejects an unknown alignment", async () => {
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange("A1").format.horizontalAlignment =
          "Middle" as Excel.HorizontalAlignment;
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("selects a range and activates its sheet", async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("伙食补助费").getRange("B4").select();
      await context.sync();
    });
    expect(excel.workbook.activeSheet).toBe("伙食补助费");
    expect(excel.workbook.sheets[7].selection).toEqual([{ top: 3, left: 1, bottom: 3, right: 1 }]);
  });
});
