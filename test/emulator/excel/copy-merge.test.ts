/** Range.copyFrom, Range.merge replacing overlapped merges, Range.unmerge. */
import {
  createMemoryExcel,
  createMemoryWorkbook,
  formatAddress,
  getCell,
  type MemoryExcel,
} from "../../../src/emulator/excel";
import { caught } from "./support";

let excel: MemoryExcel;
beforeEach(() => {
  excel = createMemoryExcel(createMemoryWorkbook("Book1", ["Sheet1", "名字"]));
});

const sheet1 = () => excel.workbook.sheets[0];

async function batch(fn: (ws: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await excel.run(async (context) => {
    fn(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });
}

describe("copyFrom", () => {
  it("copies a row's formats onto another row (Formats): fills, fonts, number formats, merges; values stay", async () => {
    const seen: string[] = [];
    await batch((ws) => {
      ws.getRange("B14:C14").merge();
      const d = ws.getRange("D14");
      d.values = [[5]];
      d.numberFormat = [["0.00"]];
      d.format.fill.color = "#FFFF00";
      d.format.font.bold = true;
      ws.getRange("E14").format.borders.getItem("EdgeBottom").style = "Continuous";
      ws.getRange("D15").values = [[7]];
      ws.getRange("D15").format.fill.color = "#FF0000";
      ws.getRange("G15").values = [["keep"]];
      ws.getRange("G15").format.font.bold = true;
    });
    await batch((_ws, context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e.address);
      });
    });
    await batch((ws) => ws.getRange("15:15").copyFrom("14:14", "Formats"));
    await excel.idle();
    const s = sheet1();
    expect(s.merges.map(formatAddress)).toEqual(["B14:C14", "B15:C15"]);
    expect(getCell(s, 14, 3)).toEqual({
      value: 7,
      formula: null,
      numberFormat: "0.00",
      format: { fill: "#FFFF00", font: { bold: true } },
    });
    expect(getCell(s, 14, 4)?.format.borders?.bottom).toEqual({ style: "thin" });
    // G14 has no format: G15 loses its own, keeps its value.
    expect(getCell(s, 14, 6)).toEqual({ value: "keep", formula: null, numberFormat: "General", format: {} });
    // Formats are not a data change: no onChanged.
    expect(seen).toEqual([]);
  });

  it("copies everything (All, the default): values, formulas moved like a paste, formats; blanks clear", async () => {
    await batch((ws) => {
      ws.getRange("A1:B2").formulas = [
        [1, "=A1*2"],
        ["=$A$1+A1", ""],
      ];
      ws.getRange("B2").format.fill.color = "#00FF00";
      ws.getRange("D6").values = [["old"]];
      ws.getRange("E5").format.font.bold = true;
      ws.getRange("F5").values = [["outside"]];
    });
    await batch((ws) => ws.getRange("D5:E6").copyFrom(ws.getRange("A1:B2")));
    const out = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("D5:F6");
      r.load("formulas");
      await context.sync();
      return r.formulas;
    });
    expect(out).toEqual([
      [1, "=D5*2", "outside"],
      ["=$A$1+D5", "", ""],
    ]);
    const s = sheet1();
    expect(getCell(s, 4, 4)).toMatchObject({ formula: "=D5*2", value: null, format: {} });
    expect(getCell(s, 5, 4)?.format.fill).toBe("#00FF00");
  });

  it("copies values only (Values) or formulas only (Formulas), keeping the destination's formats", async () => {
    const s = sheet1();
    s.cells.set(
      0,
      new Map([
        [0, { value: 3, formula: null, numberFormat: "General", format: {} }],
        [1, { value: 6, formula: "=A1*2", numberFormat: "0.0", format: { fill: "#FF0000" } }],
      ]),
    );
    await batch((ws) => {
      ws.getRange("A3:B4").format.font.bold = true;
      ws.getRange("A3:B3").copyFrom("A1:B1", "Values");
      ws.getRange("A4:B4").copyFrom("A1:B1", "Formulas");
    });
    expect(getCell(s, 2, 1)).toEqual({
      value: 6,
      formula: null,
      numberFormat: "General",
      format: { font: { bold: true } },
    });
    expect(getCell(s, 3, 1)).toEqual({
      value: null,
      formula: "=A4*2",
      numberFormat: "General",
      format: { font: { bold: true } },
    });
    expect(getCell(s, 3, 0)?.value).toBe(3);
  });

  it("repeats the source over a destination that is an exact multiple, else pastes it once", async () => {
    await batch((ws) => {
      ws.getRange("A1:C1").values = [["a", "b", "c"]];
      ws.getRange("A2:C2").values = [["d", "e", "f"]];
    });
    await batch((ws) => {
      ws.getRange("A10:C12").copyFrom("A1:C1", "Values");
      ws.getRange("E1").copyFrom("A1:B2", "Values");
      ws.getRange("A20:C21").copyFrom("A1:C3", "Values");
    });
    const v = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const ranges = ["A10:C12", "E1:G3", "A20:C23"].map((a) => ws.getRange(a).load("values"));
      await context.sync();
      return ranges.map((r) => r.values);
    });
    expect(v[0]).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
    expect(v[1]).toEqual([
      ["a", "b", ""],
      ["d", "e", ""],
      ["", "", ""],
    ]);
    expect(v[2]).toEqual([
      ["a", "b", "c"],
      ["d", "e", "f"],
      ["", "", ""],
      ["", "", ""],
    ]);
  });

  it("takes a source on another sheet, skips blanks and transposes when asked", async () => {
    await excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem("名字");
      other.getRange("A1:C1").values = [[1, "", 3]];
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A5:C5").values = [["x", "y", "z"]];
      ws.getRange("A5:C5").copyFrom("'名字'!A1:C1", "Values", true);
      ws.getRange("E1").copyFrom(other.getRange("A1:C1"), "Values", false, true);
      await context.sync();
    });
    const s = sheet1();
    expect([0, 1, 2].map((c) => getCell(s, 4, c)?.value)).toEqual([1, "y", 3]);
    expect([0, 1, 2].map((r) => getCell(s, r, 4)?.value ?? null)).toEqual([1, null, 3]);
  });

  it("extends conditional formats over the pasted cells (Formats, All) and validations (All)", async () => {
    await batch((ws) => {
      ws.getRange("A1:A2").conditionalFormats.add("Custom").custom.rule.formula = "=A1>0";
      ws.getRange("A5").conditionalFormats.add("Custom").custom.rule.formula = "=A5<0";
      ws.getRange("A1:A2").dataValidation.rule = { list: { inCellDropDown: true, source: "Y,N" } };
    });
    await batch((ws) => ws.getRange("A5:A6").copyFrom("A1:A2", "Formats"));
    const s = sheet1();
    // The format on A5 was replaced by the pasted one; validations are not formats.
    expect(s.conditionalFormats.map((cf) => [cf.formula, cf.ranges.map(formatAddress)])).toEqual([
      ["=A1>0", ["A1:A2", "A5:A6"]],
    ]);
    expect(s.dataValidations.map((dv) => dv.ranges.map(formatAddress))).toEqual([["A1:A2"]]);
    await batch((ws) => ws.getRange("A3:A4").copyFrom("A1:A2"));
    expect(s.conditionalFormats[0].ranges.map(formatAddress)).toEqual(["A1:A6"]);
    expect(s.dataValidations.map((dv) => dv.ranges.map(formatAddress))).toEqual([["A1:A4"]]);
    // To another sheet: a copy of the format, its formula relative to its new place.
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("名字").getRange("C10:C11").copyFrom("Sheet1!A1:A2", "All");
      await context.sync();
    });
    const other = excel.workbook.sheets[1];
    expect(other.conditionalFormats).toHaveLength(1);
    expect(other.conditionalFormats[0]).toMatchObject({
      formula: "=C10>0",
      ranges: [{ top: 9, left: 2, bottom: 10, right: 2 }],
    });
    expect(other.conditionalFormats[0].id).not.toBe(s.conditionalFormats[0].id);
    expect(other.dataValidations[0].rule).toEqual({ list: { inCellDropDown: true, source: "Y,N" } });
  });

  it("refuses to paste formats over part of a merged area (InvalidArgument)", async () => {
    await batch((ws) => {
      ws.getRange("A14:A18").merge();
      ws.getRange("B20").values = [["v"]];
    });
    const e = await caught(() => batch((ws) => ws.getRange("15:15").copyFrom("20:20", "Formats")));
    expect(e.code).toBe("InvalidArgument");
    // Values go into the cells that are not covered.
    await batch((ws) => ws.getRange("15:15").copyFrom("20:20", "Values"));
    expect(getCell(sheet1(), 14, 1)?.value).toBe("v");
  });

  it("rejects Link, RangeAreas sources and unknown sheets; needs ExcelApi 1.9", async () => {
    for (const call of [
      (ws: Excel.Worksheet) => ws.getRange("A1").copyFrom("B1", "Link"),
      (ws: Excel.Worksheet) => ws.getRange("A1").copyFrom(ws.getRanges("B1, C1")),
      (ws: Excel.Worksheet) => ws.getRange("A1").copyFrom("Nope!B1"),
    ]) {
      expect((await caught(() => batch(call))).code).toBe("InvalidArgument");
    }
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.8" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").copyFrom("B1");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});

describe("merge and unmerge", () => {
  it("merge replaces the merged areas it overlaps", async () => {
    await batch((ws) => {
      ws.getRange("A1:B2").merge();
      ws.getRange("D1:E1").merge();
    });
    await batch((ws) => ws.getRange("B2:C3").merge());
    expect(sheet1().merges.map(formatAddress)).toEqual(["D1:E1", "B2:C3"]);
    await batch((ws) => ws.getRange("C1:D3").merge(true));
    expect(sheet1().merges.map(formatAddress)).toEqual(["C1:D1", "C2:D2", "C3:D3"]);
  });

  it("unmerge removes every merged area the range touches, whole", async () => {
    await batch((ws) => {
      ws.getRange("A1:B2").values = [
        ["top-left", ""],
        ["", ""],
      ];
      ws.getRange("A1:B2").merge();
      ws.getRange("D1:E3").merge();
      ws.getRange("G1:H1").merge();
    });
    await batch((ws) => ws.getRange("B2:D2").unmerge());
    expect(sheet1().merges.map(formatAddress)).toEqual(["G1:H1"]);
    expect(getCell(sheet1(), 0, 0)?.value).toBe("top-left");
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.1" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").unmerge();
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});
