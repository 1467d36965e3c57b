/**
 * Row heights, font size and name, borders by edge, Worksheet.getRangeByIndexes,
 * Workbook.getSelectedRange, and the .xlsx reader's row heights and validations.
 */
import ExcelJS from "exceljs";
import {
  createMemoryExcel,
  createMemoryWorkbook,
  formatAddress,
  formatSignature,
  getCell,
  type MemoryExcel,
  memoryWorkbookFromXlsx,
} from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

let excel: MemoryExcel;
beforeEach(() => {
  excel = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.20" });
});

const sheet1 = () => excel.workbook.sheets[0];

async function batch(fn: (ws: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await excel.run(async (context) => {
    fn(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });
}

describe("RangeFormat.rowHeight", () => {
  it("sets and reads heights in points; null when the rows differ", async () => {
    await batch((ws) => {
      ws.getRange("A2:C3").format.rowHeight = 30;
      ws.getRange("5:5").format.rowHeight = 0;
    });
    expect([...sheet1().rowHeights]).toEqual([
      [1, 30],
      [2, 30],
      [4, 0],
    ]);
    const out = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const ranges = ["B2:B3", "A1", "A1:A2", "A1:A1048576"].map((a) =>
        ws.getRange(a).format.load("rowHeight"),
      );
      await context.sync();
      return ranges.map((f) => f.rowHeight);
    });
    expect(out).toEqual([30, 15, null, null]);
  });

  it("sets the default height when given every row, and refuses heights over 409", async () => {
    await batch((ws) => {
      ws.getRange("A2").format.rowHeight = 40;
      ws.getRange("C:C").format.rowHeight = 20;
    });
    expect(sheet1().defaultRowHeight).toBe(20);
    expect(sheet1().rowHeights.size).toBe(0);
    const e = await caught(() => batch((ws) => (ws.getRange("A1").format.rowHeight = 410)));
    expect(e.code).toBe("InvalidArgument");
  });

  it("is part of the signature", async () => {
    const before = formatSignature(excel.workbook);
    await batch((ws) => (ws.getRange("A7").format.rowHeight = 22.5));
    expect(formatSignature(excel.workbook)).not.toBe(before);
    await batch((ws) => (ws.getRange("A7").format.rowHeight = 15));
    expect(formatSignature(excel.workbook)).toBe(before);
  });

  it("needs ExcelApi 1.2", async () => {
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.1" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.rowHeight = 20;
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});

describe("RangeFont.size and name", () => {
  it("sets and reads them; Calibri 11 where nothing is set; null when mixed", async () => {
    await batch((ws) => {
      ws.getRange("A1:B1").format.font.size = 16;
      ws.getRange("A1:B1").format.font.name = "宋体";
      ws.getRange("B1").format.font.bold = true;
    });
    expect(getCell(sheet1(), 0, 1)?.format.font).toEqual({ size: 16, name: "宋体", bold: true });
    const out = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const fonts = ["A1:B1", "C1", "A1:C1"].map((a) => ws.getRange(a).format.font.load("size,name"));
      await context.sync();
      return fonts.map((f) => [f.size, f.name]);
    });
    expect(out).toEqual([
      [16, "宋体"],
      [11, "Calibri"],
      [null, null],
    ]);
  });

  it("reads the example's title font", async () => {
    const x = createMemoryExcel(await loadExample());
    const font = await x.run(async (context) => {
      const f = context.workbook.worksheets.getItem("部门整体").getRange("A1").format.font;
      f.load("size,name,bold");
      await context.sync();
      return f.toJSON();
    });
    expect(font).toEqual({ size: 16, name: "宋体", bold: true });
  });

  it("rejects a size out of Excel's 1-409 and an empty name", async () => {
    expect((await caught(() => batch((ws) => (ws.getRange("A1").format.font.size = 0)))).code).toBe(
      "InvalidArgument",
    );
    expect((await caught(() => batch((ws) => (ws.getRange("A1").format.font.name = "")))).code).toBe(
      "InvalidArgument",
    );
  });
});

describe("RangeFormat.borders", () => {
  it("puts each edge on the right cells' sides", async () => {
    await batch((ws) => {
      const borders = ws.getRange("B2:C3").format.borders;
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = borders.getItem(edge);
        b.style = "Continuous";
        b.weight = "Thin";
      }
      const inside = borders.getItem("InsideHorizontal");
      inside.style = "Continuous";
      inside.weight = "Medium";
      borders.getItem("InsideVertical").color = "#FF0000";
    });
    const b = (r: number, c: number) => getCell(sheet1(), r, c)?.format.borders;
    expect(b(1, 1)).toEqual({
      top: { style: "thin" },
      left: { style: "thin" },
      bottom: { style: "medium" },
      right: { style: "thin", color: "#FF0000" },
    });
    expect(b(2, 2)).toEqual({
      top: { style: "medium" },
      bottom: { style: "thin" },
      left: { style: "thin", color: "#FF0000" },
      right: { style: "thin" },
    });
    expect(b(0, 1)).toBeUndefined();
  });

  it("reads style, weight and color per edge; None without a line; null when the cells differ", async () => {
    await batch((ws) => {
      const top = ws.getRange("B2:C2").format.borders.getItem("EdgeTop");
      top.style = "Dash";
      top.weight = "Medium";
      top.color = "blue";
      ws.getRange("B5").format.borders.getItem("EdgeBottom").style = "Double";
    });
    const out = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const items = [
        ws.getRange("B2:C3").format.borders.getItem("EdgeTop"),
        ws.getRange("B2:C3").format.borders.getItem("EdgeBottom"),
        ws.getRange("B2:D2").format.borders.getItem("EdgeTop"),
        ws.getRange("B5").format.borders.getItem("EdgeBottom"),
      ];
      for (const i of items) i.load("sideIndex,style,weight,color");
      await context.sync();
      return items.map((i) => i.toJSON());
    });
    expect(out).toEqual([
      { sideIndex: "EdgeTop", style: "Dash", weight: "Medium", color: "#0000FF" },
      { sideIndex: "EdgeBottom", style: "None", weight: "Thin", color: "#000000" },
      { sideIndex: "EdgeTop", style: null, weight: null, color: null },
      { sideIndex: "EdgeBottom", style: "Double", weight: "Thick", color: "#000000" },
    ]);
    expect(getCell(sheet1(), 1, 1)?.format.borders?.top).toEqual({ style: "mediumDashed", color: "#0000FF" });
  });

  it("removes a line with style None, and reads the example's thin borders", async () => {
    await batch((ws) => {
      ws.getRange("A1").format.borders.getItem("EdgeLeft").style = "Continuous";
      ws.getRange("A1").format.borders.getItem("EdgeLeft").style = "None";
    });
    expect(getCell(sheet1(), 0, 0)).toBeUndefined();
    const x = createMemoryExcel(await loadExample());
    const style = await x.run(async (context) => {
      const b = context.workbook.worksheets
        .getItem("部门整体")
        .getRange("C6")
        .format.borders.getItem("EdgeTop");
      b.load("style,weight");
      await context.sync();
      return [b.style, b.weight];
    });
    expect(style).toEqual(["Continuous", "Thin"]);
  });

  it("rejects diagonals (not emulated) and unknown styles or weights", async () => {
    for (const fn of [
      (ws: Excel.Worksheet) => (ws.getRange("A1").format.borders.getItem("DiagonalUp").style = "Continuous"),
      (ws: Excel.Worksheet) => (ws.getRange("A1").format.borders.getItem("EdgeTop").style = "Wavy" as "Dash"),
      (ws: Excel.Worksheet) =>
        (ws.getRange("A1").format.borders.getItem("EdgeTop").weight = "Bold" as "Thin"),
    ]) {
      expect((await caught(() => batch(fn))).code).toBe("InvalidArgument");
    }
  });
});

describe("Worksheet.getRangeByIndexes and Workbook.getSelectedRange", () => {
  it("gives the range at 0-based indexes", async () => {
    const out = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const ranges = [ws.getRangeByIndexes(4, 1, 2, 3), ws.getRangeByIndexes(0, 0, 1, 1)];
      for (const r of ranges) r.load("address");
      await context.sync();
      return ranges.map((r) => r.address);
    });
    expect(out).toEqual(["Sheet1!B5:D6", "Sheet1!A1"]);
  });

  it.each([
    [-1, 0, 1, 1],
    [0, 0, 0, 1],
    [0, 16383, 1, 2],
    [1048575, 0, 2, 1],
    [0.5, 0, 1, 1],
  ])("rejects (%d, %d, %d, %d) with InvalidArgument", async (r, c, rows, cols) => {
    const e = await caught(() =>
      batch((ws) => {
        ws.getRangeByIndexes(r, c, rows, cols).load("address");
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  it("needs ExcelApi 1.7", async () => {
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.6" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1).load("address");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });

  it("gives the active sheet's selection; InvalidSelection for several areas", async () => {
    await batch((ws) => ws.getRange("C4:D5").select());
    const address = await excel.run(async (context) => {
      const r = context.workbook.getSelectedRange();
      r.load("address");
      await context.sync();
      return r.address;
    });
    expect(address).toBe("Sheet1!C4:D5");
    await batch((ws) => ws.getRanges("A1, C3").select());
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.getSelectedRange().load("address");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidSelection");
  });
});

describe("memoryWorkbookFromXlsx: row heights and validations", () => {
  it("reads the example's row heights", async () => {
    const s = (await loadExample()).sheets[0];
    expect(s.defaultRowHeight).toBe(15);
    expect([s.rowHeights.get(0), s.rowHeights.get(10), s.rowHeights.get(12)]).toEqual([32, 195, 60]);
  });

  it("reads a file's data validations as rectangles", async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet("Data");
    ws.getRow(3).height = 40;
    for (const a of ["B2", "B3", "C2", "C3"]) {
      ws.getCell(a).dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    }
    ws.getCell("D5").dataValidation = {
      type: "decimal",
      operator: "between",
      formulae: [0, 100],
      showInputMessage: true,
      promptTitle: "范围",
      prompt: "0-100",
    };
    ws.getCell("E1").dataValidation = { type: "whole", operator: "greaterThan", formulae: [5] };
    const wb = await memoryWorkbookFromXlsx(new Uint8Array((await x.xlsx.writeBuffer()) as ArrayBuffer));
    const s = wb.sheets[0];
    expect(s.rowHeights.get(2)).toBe(40);
    expect(s.dataValidations.map((dv) => [dv.type, dv.ranges.map(formatAddress), dv.rule])).toEqual(
      expect.arrayContaining([
        ["List", ["B2:C3"], { list: { inCellDropDown: true, source: "是,否" } }],
        ["Decimal", ["D5"], { decimal: { formula1: "=0", formula2: "=100", operator: "Between" } }],
        ["WholeNumber", ["E1"], { wholeNumber: { formula1: "=5", operator: "GreaterThan" } }],
      ]),
    );
    expect(s.dataValidations.find((dv) => dv.type === "Decimal")?.prompt).toEqual({
      showPrompt: true,
      title: "范围",
      message: "0-100",
    });
  });
});
