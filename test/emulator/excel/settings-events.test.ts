/** Workbook settings, worksheets.onChanged and userEdit, subscribe. */
import { createMemoryExcel, getCell, type MemoryExcel } from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

let excel: MemoryExcel;
beforeEach(async () => {
  excel = createMemoryExcel(await loadExample());
});

describe("settings", () => {
  it("adds, reads back (as a JSON copy), overwrites and deletes", async () => {
    const value = { list: [{ key: "r1", text: "说明", at: "2026-01-01T00:00:00Z" }] };
    await excel.run(async (context) => {
      context.workbook.settings.add("explanations", value);
      await context.sync();
    });
    value.list[0].text = "changed after add";
    const read = await excel.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject("explanations");
      s.load("key,value");
      await context.sync();
      return { isNull: s.isNullObject, key: s.key, value: s.value as typeof value };
    });
    expect(read).toEqual({
      isNull: false,
      key: "explanations",
      value: { list: [{ key: "r1", text: "说明", at: "2026-01-01T00:00:00Z" }] },
    });
    await excel.run(async (context) => {
      context.workbook.settings.add("explanations", []);
      await context.sync();
    });
    expect(excel.workbook.settings.get("explanations")).toEqual([]);
    await excel.run(async (context) => {
      context.workbook.settings.getItemOrNullObject("explanations").delete();
      await context.sync();
    });
    const gone = await excel.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject("explanations");
      await context.sync();
      return s.isNullObject;
    });
    expect(gone).toBe(true);
    expect(
      (
        await caught(() =>
          excel.run(async (context) => {
            context.workbook.settings.getItem("explanations").load("value");
            await context.sync();
          }),
        )
      ).code,
    ).toBe("ItemNotFound");
  });
});

type Changed = Excel.WorksheetChangedEventArgs;

describe("onChanged and userEdit", () => {
  it("calls handlers registered in an earlier run, with Excel's event args", async () => {
    const seen: Changed[] = [];
    const ids = await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e);
      });
      const sheet = context.workbook.worksheets.getItem("部门整体");
      sheet.load("id");
      await context.sync();
      return sheet.id;
    });
    await excel.userEdit("部门整体", "C6", "1,234.5");
    expect(getCell(excel.workbook.sheets[0], 5, 2)?.value).toBe(1234.5);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: "WorksheetChanged",
      worksheetId: ids,
      address: "C6",
      source: "Local",
      changeType: "RangeEdited",
      details: {
        valueBefore: 973.2,
        valueAfter: 1234.5,
        valueTypeBefore: "Double",
        valueTypeAfter: "Double",
      },
    });
  });

  it("does not call a handler added in a batch that was never synced", async () => {
    const seen: string[] = [];
    await excel
      .run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (e) => {
          seen.push(e.address);
        });
        throw new Error("batch failed before syncing");
      })
      .catch(() => undefined);
    await excel.userEdit("部门整体", "C6", 1);
    expect(seen).toEqual([]);
  });

  it("stops calling a handler after remove() + sync of its own context", async () => {
    const seen: string[] = [];
    const registration = await excel.run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await context.sync();
      return r;
    });
    await excel.userEdit("部门整体", "C6", 1);
    // remove() in another context does not reach it: it queues on the context it was added in.
    await excel.run(async (context) => {
      registration.remove();
      await context.sync();
    });
    await excel.userEdit("部门整体", "C7", 2);
    expect(seen).toEqual(["C6", "C7"]);
    // Excel.run(previousContext, ...) syncs that context: now it is gone.
    await excel.run(registration.context, async (context) => {
      await context.sync();
    });
    await excel.userEdit("部门整体", "C8", 3);
    expect(seen).toEqual(["C6", "C7"]);
  });

  it("gives the handler a getRange(context) to read the edited cell", async () => {
    const texts: string[][][] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add((e) =>
        excel.run(async (ctx) => {
          const r = e.getRange(ctx);
          r.load("text");
          await ctx.sync();
          texts.push(r.text);
        }),
      );
      await context.sync();
    });
    await excel.userEdit("部门整体", "H1", "12%");
    await excel.userEdit("部门整体", "C6", "12%");
    // A General cell takes a percent format; C6 keeps its #,##0.00.
    expect(texts).toEqual([[["12%"]], [["0.12"]]]);
  });

  it("rejects userEdit with the handler's error", async () => {
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(() => Promise.reject(new Error("handler broke")));
      await context.sync();
    });
    expect((await caught(() => excel.userEdit("部门整体", "C6", 1))).message).toBe("handler broke");
  });

  it("stores typed input as Excel does", async () => {
    const sheet = excel.workbook.sheets[0];
    await excel.userEdit("部门整体", "H1", "0123");
    await excel.userEdit("部门整体", "H2", "2026-03-01");
    await excel.userEdit("部门整体", "H3", "=SUM(C6:C7)");
    await excel.userEdit("部门整体", "H4", "'0123");
    await excel.userEdit("部门整体", "H5", "true");
    await excel.userEdit("部门整体", "C6", null);
    expect(getCell(sheet, 0, 7)?.value).toBe(123);
    expect(getCell(sheet, 1, 7)).toMatchObject({ value: 46082, numberFormat: "yyyy/m/d" });
    expect(getCell(sheet, 2, 7)).toMatchObject({ value: null, formula: "=SUM(C6:C7)" });
    expect(getCell(sheet, 3, 7)?.value).toBe("0123");
    expect(getCell(sheet, 4, 7)?.value).toBe(true);
    expect(getCell(sheet, 5, 2)).toMatchObject({ value: null, numberFormat: "#,##0.00" });
  });

  it("sends an edit inside a merged area to its top-left cell", async () => {
    await excel.userEdit("部门整体", "B1", "新标题");
    expect(getCell(excel.workbook.sheets[0], 0, 0)?.value).toBe("新标题");
    expect(getCell(excel.workbook.sheets[0], 0, 1)?.value).toBeNull();
  });

  it("raises events for the add-in's own value writes too, after the sync (see idle())", async () => {
    const seen: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.address}:${String((e as Changed & { triggerSource?: string }).triggerSource)}`);
      });
      await context.sync();
      context.workbook.worksheets.getItem("部门整体").getRange("H1:H2").values = [["a"], ["b"]];
      context.workbook.worksheets.getItem("部门整体").getRange("H3").format.fill.color = "#FFC7CE";
      await context.sync();
      expect(seen).toEqual([]);
    });
    await excel.idle();
    // Format changes are not value changes; triggerSource needs ExcelApi 1.14.
    expect(seen).toEqual(["H1:H2:undefined"]);
  });
});

describe("subscribe", () => {
  it("tells listeners about writes and edits, not about reads", async () => {
    let calls = 0;
    const unsubscribe = excel.subscribe(() => calls++);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("C6").load("values");
      await context.sync();
    });
    expect(calls).toBe(0);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem("部门整体").getRange("C6").format.font.bold = true;
      await context.sync();
    });
    expect(calls).toBe(1);
    await excel.userEdit("部门整体", "C6", 5);
    expect(calls).toBe(2);
    unsubscribe();
    await excel.userEdit("部门整体", "C6", 6);
    expect(calls).toBe(2);
  });
});
