/** Conditional formats: add, read back, intersecting collections, delete, signature round trip. */
import { createMemoryExcel, formatSignature, type MemoryExcel } from "../../../src/emulator/excel";
import { caught, loadExample } from "./support";

const SHEET = "部门整体";

let excel: MemoryExcel;
beforeEach(async () => {
  excel = createMemoryExcel(await loadExample());
});

/** Adds a custom format on `address`; returns its id. */
async function addMark(address: string, formula: string, color: string): Promise<string> {
  return excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(SHEET).getRange(address).conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = color;
    cf.custom.format.font.color = "#9C0006";
    cf.load("id");
    await context.sync();
    return cf.id;
  });
}

describe("adding and reading back", () => {
  it("gives each format a unique string id that reads back after sync", async () => {
    const a = await addMark("C6", "=TRUE", "#FFC7CE");
    const b = await addMark("C7", "=TRUE", "#FFEB9C");
    expect(typeof a).toBe("string");
    expect(a).not.toBe(b);
    const read = await excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem(a);
      cf.load("id,type");
      const rule = cf.custom.rule;
      rule.load("formula");
      const fill = cf.custom.format.fill;
      fill.load("color");
      const font = cf.custom.format.font;
      font.load("color");
      const range = cf.getRange();
      range.load("address");
      await context.sync();
      return {
        id: cf.id,
        type: cf.type,
        formula: rule.formula,
        fill: fill.color,
        font: font.color,
        at: range.address,
      };
    });
    expect(read).toEqual({
      id: a,
      type: "Custom",
      formula: "=TRUE",
      fill: "#FFC7CE",
      font: "#9C0006",
      at: "'部门整体'!C6",
    });
  });

  it("normalises colours like Office.js (#RRGGBB, names)", async () => {
    const id = await addMark("C6", "=TRUE", "yellow");
    expect(excel.workbook.sheets[0].conditionalFormats.find((c) => c.id === id)?.fillColor).toBe("#FFFF00");
    const e = await caught(() => addMark("C6", "=TRUE", "not a colour"));
    expect(e.code).toBe("InvalidArgument");
  });

  it("puts a new format first (top priority)", async () => {
    const a = await addMark("C6", "=TRUE", "#FFC7CE");
    const b = await addMark("C6", "=TRUE", "#FFEB9C");
    expect(excel.workbook.sheets[0].conditionalFormats.map((c) => c.id)).toEqual([b, a]);
  });
});

describe("collections of a range", () => {
  it("hold every format whose range intersects the range", async () => {
    const c6 = await addMark("C6", "=TRUE", "#FFC7CE");
    const block = await addMark("C6:D8", "=TRUE", "#FFEB9C");
    const far = await addMark("F40", "=TRUE", "#C6EFCE");
    const ids = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const at = (a: string) => {
        const col = sheet.getRange(a).conditionalFormats;
        col.load("items/id");
        return col;
      };
      const lists = [at("C6"), at("D7:E9"), at("A1:B2"), at("A1:F49")];
      const count = sheet.getRange("C6").conditionalFormats.getCount();
      await context.sync();
      return { lists: lists.map((l) => l.items.map((cf) => cf.id)), count: count.value };
    });
    expect(ids.lists).toEqual([[block, c6], [block], [], [far, block, c6]]);
    expect(ids.count).toBe(2);
  });

  it("loads rules through customOrNullObject, null for non-custom formats", async () => {
    const custom = await addMark("C6", "=C6>0", "#FFC7CE");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("C6").conditionalFormats.add("DataBar");
      await context.sync();
    });
    const items = await excel.run(async (context) => {
      const col = context.workbook.worksheets.getItem(SHEET).getRange("C6").conditionalFormats;
      col.load("items/id,items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      return col.items.map((cf) => ({
        id: cf.id,
        type: cf.type,
        isNull: cf.customOrNullObject.isNullObject,
        formula: cf.customOrNullObject.isNullObject ? null : cf.customOrNullObject.rule.formula,
      }));
    });
    expect(items).toEqual([
      { id: expect.any(String), type: "DataBar", isNull: true, formula: null },
      { id: custom, type: "Custom", isNull: false, formula: "=C6>0" },
    ]);
  });

  it("fails the sync when `custom` is used on a format of another type", async () => {
    const e = await caught(() =>
      excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem(SHEET)
          .getRange("C6")
          .conditionalFormats.add("DataBar");
        cf.custom.rule.formula = "=TRUE";
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });
});

describe("deleting", () => {
  it("removes the format from every collection", async () => {
    const a = await addMark("C6:D8", "=TRUE", "#FFC7CE");
    const b = await addMark("C6", "=TRUE", "#FFEB9C");
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("D8").conditionalFormats.getItem(a).delete();
      await context.sync();
    });
    const lists = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const cols = ["C6", "D8", "A1:F49"].map((x) => {
        const col = sheet.getRange(x).conditionalFormats;
        col.load("items/id");
        return col;
      });
      await context.sync();
      return cols.map((c) => c.items.map((cf) => cf.id));
    });
    expect(lists).toEqual([[b], [], [b]]);
    const e = await caught(() =>
      excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats.getItem(a).delete();
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  it("leaves the workbook's signature exactly as before after add + delete", async () => {
    const before = formatSignature(excel.workbook);
    const ids: string[] = [];
    for (const a of ["C6", "B12:F14", "A40"]) ids.push(await addMark(a, "=TRUE", "#FFC7CE"));
    expect(formatSignature(excel.workbook)).not.toBe(before);
    await excel.run(async (context) => {
      const all = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats;
      for (const id of ids) all.getItem(id).delete();
      await context.sync();
    });
    expect(formatSignature(excel.workbook)).toBe(before);
  });

  it("sees a change of any cell format in the signature", async () => {
    const before = formatSignature(excel.workbook);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("C6").format.fill.color = "#FFFFFF";
      await context.sync();
    });
    expect(formatSignature(excel.workbook)).not.toBe(before);
  });
});
