/**
 * The Office.js load/sync rules: reads need a load and a sync, writes and calls run at sync in
 * order, a failing command fails the batch and stops it, *OrNullObject, sync counting, payload
 * limits and requirement sets.
 */
import {
  createMemoryExcel,
  createMemoryWorkbook,
  getCell,
  type MemoryExcel,
} from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

const NOT_LOADED =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

let excel: MemoryExcel;
beforeEach(async () => {
  excel = createMemoryExcel(await loadExample());
});

describe("reading properties", () => {
  it("reads sheet names, values, text and number formats after load + sync", async () => {
    const out = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility");
      const c6 = sheets.getItem("部门整体").getRange("C6");
      c6.load("address,values,text,numberFormat,formulas,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return { sheets: sheets.items.map((s) => [s.name, s.visibility]), c6: c6.toJSON() };
    });
    expect(out.sheets[0]).toEqual(["部门整体", "Visible"]);
    expect(out.sheets).toHaveLength(10);
    expect(out.c6).toEqual({
      address: "'部门整体'!C6",
      values: [[973.2]],
      text: [["973.20"]],
      numberFormat: [["#,##0.00"]],
      formulas: [[973.2]],
      rowIndex: 5,
      columnIndex: 2,
      rowCount: 1,
      columnCount: 1,
    });
  });

  it("throws PropertyNotLoaded for a property never loaded", async () => {
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("部门整体").getRange("C6");
      range.load("text");
      await context.sync();
      const e = await caught(() => range.values);
      expect(e).toMatchObject({ name: "RichApi.Error", code: "PropertyNotLoaded", message: NOT_LOADED });
      expect((e as unknown as OfficeExtension.Error).debugInfo.errorLocation).toBe("Range.values");
      expect(range.text).toEqual([["973.20"]]);
    });
  });

  it("throws PropertyNotLoaded for a property loaded but not yet synced", async () => {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("部门整体");
      sheet.load("name");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const setting = context.workbook.settings.add("k", { a: 1 });
      setting.load("value");
      expect((await caught(() => sheet.name)).code).toBe("PropertyNotLoaded");
      expect((await caught(() => sheets.items)).message).toContain("The property 'items' is not available.");
      expect((await caught(() => setting.value)).message).toContain("The property 'value' is not available.");
      expect((await caught(() => sheet.isNullObject)).message).toContain(
        "The property 'isNullObject' is not available.",
      );
      await context.sync();
      expect(sheet.name).toBe("部门整体");
      expect(sheets.items).toHaveLength(10);
      expect(setting.value).toEqual({ a: 1 });
      expect(sheet.isNullObject).toBe(false);
    });
  });

  it("loads only what was asked: collection items lack other properties", async () => {
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items[0].name).toBe("部门整体");
      expect((await caught(() => sheets.items[0].id)).code).toBe("PropertyNotLoaded");
    });
  });

  it("accepts the load forms of office.js (strings, arrays, objects, nested paths, none)", async () => {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("部门整体");
      const a = sheet.getRange("A1");
      a.load(["values", "format/font/bold"]);
      const b = sheet.getRange("A1");
      b.load({ select: "address", expand: "format/fill" });
      const c = sheet.getRange("A1");
      c.load({ values: true, format: { font: { bold: true } } });
      const d = sheet.getRange("A1");
      d.load();
      const e = sheet.getRange("A1");
      context.load(e, "text");
      await context.sync();
      expect(a.format.font.bold).toBe(true);
      expect(b.address).toBe("'部门整体'!A1");
      expect(b.format.fill.color).toBe("#FFFFFF");
      expect(c.values).toEqual([["南城街道部门整体预算绩效目标申报表"]]);
      expect(c.format.font.bold).toBe(true);
      expect(d.text).toEqual([["南城街道部门整体预算绩效目标申报表"]]);
      expect(e.text).toEqual(d.text);
    });
  });

  it("rejects a load of a property it does not emulate", async () => {
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("部门整体").getRange("A1").load("valueTypes");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toContain("'valueTypes'");
  });

  it("returns a set value at once (office.js keeps it on the proxy)", async () => {
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("部门整体").getRange("C6");
      range.values = [[1]];
      expect(range.values).toEqual([[1]]);
      await context.sync();
    });
  });

  it("keeps loaded values across later syncs", async () => {
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("部门整体").getRange("C6");
      range.load("values");
      await context.sync();
      range.values = [[2]];
      await context.sync();
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[2]]);
    });
  });
});

describe("queued commands", () => {
  it("applies writes only at sync, in order", async () => {
    const wb = excel.workbook;
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("部门整体").getRange("C6");
      range.values = [[1]];
      range.values = [[2]];
      const read = context.workbook.worksheets.getItem("部门整体").getRange("C6");
      read.load("values");
      range.values = [[3]];
      expect(getCell(wb.sheets[0], 5, 2)?.value).toBe(973.2);
      await context.sync();
      // The load ran between the second and the third write.
      expect(read.values).toEqual([[2]]);
      expect(getCell(wb.sheets[0], 5, 2)?.value).toBe(3);
    });
  });

  it("fails the sync with ItemNotFound for a missing sheet and applies nothing after it", async () => {
    const wb = excel.workbook;
    const a3 = getCell(wb.sheets[0], 2, 0)?.value;
    expect(a3).toBe("部门名称");
    let c6: Excel.Range | undefined;
    const e = await caught(() =>
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("部门整体");
        sheet.getRange("A2").values = [["before"]];
        context.workbook.worksheets.getItem("不存在");
        sheet.getRange("A3").values = [["after"]];
        c6 = sheet.getRange("C6");
        c6.load("values");
        await context.sync();
      }),
    );
    expect(e).toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect(e.message).toBe("The requested resource doesn't exist.");
    expect(getCell(wb.sheets[0], 1, 0)?.value).toBe("before");
    expect(getCell(wb.sheets[0], 2, 0)?.value).toBe(a3);
    expect((await caught(() => c6?.values)).code).toBe("PropertyNotLoaded");
  });

  it("fails with ItemNotFound for a missing conditional format id", async () => {
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("部门整体").getRange().conditionalFormats.getItem("{nope}");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  it("ignores null entries of a 2-D write and rejects a mis-shaped one", async () => {
    const wb = excel.workbook;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("C6:D6").values = [[null, "x"]];
      await context.sync();
    });
    expect(getCell(wb.sheets[0], 5, 2)?.value).toBe(973.2);
    expect(getCell(wb.sheets[0], 5, 3)?.value).toBe("x");
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("部门整体").getRange("C6:D6").values = [[1]];
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.message).toContain("doesn't match the size or dimensions of the range");
  });

  it("runs a batch's still-queued commands at the end of run (one more round trip)", async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("A2").values = [["queued"]];
      return Promise.resolve();
    });
    expect(getCell(excel.workbook.sheets[0], 1, 0)?.value).toBe("queued");
    expect(excel.syncCount).toBe(1);
  });

  it("requires the batch to return a promise", async () => {
    const run = excel.run as unknown as (batch: (c: Excel.RequestContext) => unknown) => Promise<unknown>;
    expect((await caught(() => run(() => 1))).code).toBe("RunMustReturnPromise");
  });
});

describe("null objects", () => {
  it("gives isNullObject after sync instead of throwing", async () => {
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("不存在");
      missing.load("name");
      const present = context.workbook.worksheets.getItemOrNullObject("部门整体");
      const emptySheet = context.workbook.worksheets.add("空");
      const used = emptySheet.getUsedRangeOrNullObject();
      const merged = context.workbook.worksheets
        .getItem("部门整体")
        .getRange("C6")
        .getMergedAreasOrNullObject();
      const setting = context.workbook.settings.getItemOrNullObject("none");
      setting.load("value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      expect(used.isNullObject).toBe(true);
      expect(merged.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      expect(setting.value).toBeUndefined();
    });
  });

  it("lets writes on a null object do nothing", async () => {
    const before = excel.workbook.sheets.length;
    await excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("不存在").delete();
      context.workbook.worksheets.getItemOrNullObject("不存在").getRange("A1").values = [["x"]];
      await context.sync();
    });
    expect(excel.workbook.sheets).toHaveLength(before);
  });
});

describe("sync counting", () => {
  it("counts each context.sync() and resets", async () => {
    await excel.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    await excel.run(async (context) => {
      await context.sync();
    });
    expect(excel.syncCount).toBe(3);
    excel.resetSyncCount();
    expect(excel.syncCount).toBe(0);
  });

  it("resolves sync with its pass-through value", async () => {
    const v = await excel.run((context) => context.sync("done"));
    expect(v).toBe("done");
  });
});

describe("payload limit", () => {
  it("rejects a sync whose response is too large, so the caller can split", async () => {
    const small = createMemoryExcel(await loadExample(), { payloadLimitBytes: 2000 });
    const e = await caught(() =>
      small.run(async (context) => {
        const r = context.workbook.worksheets.getItem("部门整体").getRange("A1:F49");
        r.load("values,text");
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    // Split: each half fits.
    const halves = await small.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("部门整体");
      const out: string[][][] = [];
      for (const a of ["A1:F5", "A6:F10"]) {
        const r = sheet.getRange(a);
        r.load("text");
        await context.sync();
        out.push(r.text);
      }
      return out;
    });
    expect(halves[1][0][2]).toBe("973.20");
  });

  it("rejects a request that is too large before applying any of it", async () => {
    const small = createMemoryExcel(createMemoryWorkbook(), { payloadLimitBytes: 1000 });
    const e = await caught(() =>
      small.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("A2:A200").values = Array.from({ length: 199 }, () => ["some text"]);
        await context.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(small.workbook.sheets[0].cells.size).toBe(0);
  });

  it("allows 5 MB by default", async () => {
    const wb = createMemoryWorkbook();
    const sheet = wb.sheets[0];
    const long = "长".repeat(2000); // 6000 bytes of UTF-8 per cell
    for (let r = 0; r < 1000; r++)
      sheet.cells.set(r, new Map([[0, { value: long, formula: null, numberFormat: "General", format: {} }]]));
    const big = createMemoryExcel(wb);
    expect(
      (
        await caught(() =>
          big.run(async (context) => {
            context.workbook.worksheets.getItem("Sheet1").getRange("A1:A1000").load("values");
            await context.sync();
          }),
        )
      ).code,
    ).toBe("RequestPayloadSizeLimitExceeded");
    const n = await big.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A800");
      r.load("values");
      await context.sync();
      return r.values.length;
    });
    expect(n).toBe(800);
  });
});

describe("requirement sets", () => {
  it("answers isSetSupported from apiVersion, for ExcelApi only", () => {
    expect(excel.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.14")).toBe(false);
    expect(excel.isSetSupported("ExcelApi", "1.2")).toBe(true);
    expect(excel.isSetSupported("WordApi", "1.1")).toBe(false);
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.9" });
    expect(old.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(old.isSetSupported("ExcelApi", "1.10")).toBe(false);
  });

  it("throws ApiNotFound for getMergedAreasOrNullObject below ExcelApi 1.13", async () => {
    const old = createMemoryExcel(await loadExample(), { apiVersion: "1.9" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("部门整体").getRange("A1").getMergedAreasOrNullObject();
        await context.sync();
      }),
    );
    expect(e).toMatchObject({
      code: "ApiNotFound",
      message:
        "The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
    });
    // Nothing reached the workbook: the error is thrown when the method is called.
    expect(old.syncCount).toBe(0);
  });
});
