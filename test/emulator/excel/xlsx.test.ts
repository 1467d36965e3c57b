import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, WorkbookSnapshot } from "../../../src/engine/snapshot";
import {
  createMemoryExcel,
  displayText,
  formatSignature,
  getCell,
  memoryWorkbookFromXlsx,
  type MemoryWorkbook,
} from "../../../src/emulator/excel";
import { displayText as xlsxDisplayText } from "../../../src/hosts/xlsx/cell-values";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read-xlsx";
import { EXAMPLE_PATH, exampleBytes, loadExample } from "./support";

describe("memoryWorkbookFromXlsx on the example", () => {
  let wb: MemoryWorkbook;
  beforeAll(async () => {
    wb = await loadExample();
  });

  it("keeps the sheets, in order, visible, with Excel-like ids", () => {
    expect(wb.name).toBe("nancheng-2026-per-sheet.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "部门整体",
      "机关事业单位派遣人员经费",
      "专用设备租赁费支出",
      "综合窗口管理工作经费",
      "南城办事大厅办理业务群众停车费减免经费",
      "南城政务服务大厅品质提升工程",
      "政务信息化项目运维费用",
      "伙食补助费",
      "南城办事大厅公众办事材料寄递费用",
      "政务云平台资源租赁费用",
    ]);
    expect(wb.sheets.every((s) => s.visibility === "Visible")).toBe(true);
    expect(wb.sheets[0].id).toBe("{00000000-0001-0000-0000-000000000000}");
    expect(wb.sheets[1].id).toBe("{00000000-0001-0000-0100-000000000000}");
    expect(new Set(wb.sheets.map((s) => s.id)).size).toBe(wb.sheets.length);
    expect(wb.activeSheet).toBe("部门整体");
  });

  it("keeps values, number formats, fonts, borders, alignment, merges and widths", () => {
    const sheet = wb.sheets[0];
    const c6 = getCell(sheet, 5, 2);
    expect(c6?.value).toBe(973.2);
    expect(c6?.numberFormat).toBe("#,##0.00");
    expect(c6?.format.borders?.top).toEqual({ style: "thin" });
    expect(c6?.format.wrapText).toBe(true);
    expect(c6?.format.verticalAlignment).toBe("Center");
    const a1 = getCell(sheet, 0, 0);
    expect(a1?.value).toBe("南城街道部门整体预算绩效目标申报表");
    expect(a1?.format.font).toMatchObject({ bold: true, size: 16, name: "宋体" });
    expect(a1?.format.horizontalAlignment).toBe("Center");
    // B1 is covered by the A1:F1 merge: no value (exceljs repeats the master's), format kept.
    expect(getCell(sheet, 0, 1)?.value).toBeNull();
    expect(getCell(sheet, 0, 1)?.format.font?.bold).toBe(true);
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 5 });
    expect(sheet.merges).toHaveLength(30);
    // Widths in points, through whole pixels: a stored width of 16 = 112 px = 84 pt.
    expect(sheet.columnWidths.get(0)).toBe(84);
    expect(sheet.columnWidths.get(4)).toBe(sheet.columnWidths.get(5));
  });

  it("reads the same values, text, number formats and formulas as the xlsx host", async () => {
    const snapshot: WorkbookSnapshot = await readXlsxBuffer(readFileSync(EXAMPLE_PATH), "x.xlsx");
    const excel = createMemoryExcel(wb);
    const read = await excel.run(async (context) => {
      const ranges = snapshot.sheets.map((s) => {
        const rows = s.values.length;
        const cols = Math.max(0, ...s.values.map((r) => r.length));
        const a1 = context.workbook.worksheets
          .getItem(s.name)
          .getRange(blockAddress(s.top, s.left, rows, cols));
        a1.load("values,text,numberFormat,formulas");
        return a1;
      });
      await context.sync();
      return ranges.map((r) => ({
        values: r.values,
        text: r.text,
        numberFormat: r.numberFormat,
        formulas: r.formulas,
      }));
    });
    snapshot.sheets.forEach((s, i) => {
      const got = read[i];
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          expect(got.values[r][c]).toEqual(apiValue(v));
          expect(got.text[r][c]).toBe(s.text?.[r][c] ?? "");
          expect(got.numberFormat[r][c]).toBe(s.numberFormat?.[r][c] ?? "General");
          expect(got.formulas[r][c]).toEqual(s.formulas?.[r][c] || apiValue(v));
        }),
      );
    });
  });

  it("shows numbers as Excel does (the same function the xlsx reader uses)", () => {
    expect(xlsxDisplayText).toBe(displayText);
    const cases: [number, string, string][] = [
      [973.2, "#,##0.00", "973.20"],
      [1672.54, "#,##0.00", "1,672.54"],
      [0.125, "0.00%", "12.50%"],
      [46023, "yyyy/m/d", "2026/1/1"],
      [2026, "0", "2026"],
      [1234567.891, "#,##0", "1,234,568"],
      [973.2, "General", "973.2"],
    ];
    for (const [n, f, want] of cases) expect(displayText(n, f)).toBe(want);
    expect(displayText(true, "General")).toBe("TRUE");
    expect(displayText({ error: "#N/A" }, "General")).toBe("#N/A");
  });

  it("gives the same signature for two loads of one file", async () => {
    const again = await memoryWorkbookFromXlsx(exampleBytes(), "other-name.xlsx");
    expect(formatSignature(again)).toBe(formatSignature(wb));
  });
});

describe("memoryWorkbookFromXlsx on a generated file", () => {
  let wb: MemoryWorkbook;
  beforeAll(async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet("Data");
    ws.getCell("A1").value = "label";
    ws.getCell("B1").value = 5;
    ws.getCell("B2").value = { formula: "B1*2", result: 10 };
    ws.getCell("B3").value = { formula: "B1-5", result: 0 };
    ws.getCell("C1").value = new Date(Date.UTC(2026, 0, 31));
    ws.getCell("C1").numFmt = "yyyy-mm-dd";
    ws.getCell("D1").value = { error: "#N/A" };
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
    ws.getCell("A4").font = { color: { argb: "FF9C0006" }, italic: true };
    ws.addConditionalFormatting({
      ref: "A1:B3",
      rules: [
        {
          type: "expression",
          priority: 2,
          formulae: ["LEN(A1)>3"],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } } },
        },
        {
          type: "cellIs",
          priority: 1,
          operator: "greaterThan",
          formulae: ["3"],
          style: { font: { bold: true } },
        },
      ],
    });
    const hidden = x.addWorksheet("Hidden");
    hidden.state = "hidden";
    const buf = await x.xlsx.writeBuffer();
    // An ArrayBuffer, as a browser File gives.
    const bytes = new Uint8Array(buf as ArrayBuffer);
    wb = await memoryWorkbookFromXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  });

  it("keeps formulas with falsy cached results, dates as serials, errors", () => {
    const s = wb.sheets[0];
    expect(getCell(s, 1, 1)).toMatchObject({ value: 10, formula: "=B1*2" });
    expect(getCell(s, 2, 1)).toMatchObject({ value: 0, formula: "=B1-5" });
    expect(getCell(s, 0, 2)).toMatchObject({ value: 46053, numberFormat: "yyyy-mm-dd" });
    expect(getCell(s, 0, 3)?.value).toEqual({ error: "#N/A" });
    expect(wb.name).toBe("Book1.xlsx");
  });

  it("keeps fills (argb and theme colours) and font colours", () => {
    const s = wb.sheets[0];
    expect(getCell(s, 1, 0)?.format.fill).toBe("#FFC7CE");
    expect(getCell(s, 2, 0)?.format.fill).toBe("#4472C4");
    expect(getCell(s, 3, 0)?.format.font).toMatchObject({ color: "#9C0006", italic: true });
  });

  it("keeps the file's conditional formats, in priority order, with unique ids", () => {
    const cfs = wb.sheets[0].conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(["CellValue", "Custom"]);
    expect(cfs[1]).toMatchObject({
      ranges: [{ top: 0, left: 0, bottom: 2, right: 1 }],
      formula: "=LEN(A1)>3",
      fillColor: "#FFEB9C",
    });
    expect(cfs[0].id).not.toBe(cfs[1].id);
  });

  it("keeps sheet visibility", () => {
    expect(wb.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden"]);
  });
});

describe("browser safety", () => {
  it("imports no Node module in src/emulator/excel", () => {
    const dir = join(__dirname, "../../../src/emulator/excel");
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), "utf8");
      expect({ f, nodeImports: text.match(/from "(node:[^"]+|fs|path|os|buffer)"/g) }).toEqual({
        f,
        nodeImports: null,
      });
      expect({ f, buffer: /\bBuffer\./.test(text) }).toEqual({ f, buffer: false });
      expect({ f, readXlsx: /from "[^"]*read-xlsx"/.test(text) }).toEqual({ f, readXlsx: false });
    }
  });
});

function apiValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function blockAddress(top: number, left: number, rows: number, cols: number): string {
  const col = (c: number) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  return `${col(left)}${top + 1}:${col(left + cols - 1)}${top + rows}`;
}
