/** Range.dataValidation: rules, prompts, reading back over mixed cells, clear(), state and signature. */
import {
  createMemoryExcel,
  createMemoryWorkbook,
  formatAddress,
  formatSignature,
  type MemoryDataValidation,
  type MemoryExcel,
} from "../../../src/emulator/excel";
import { caught } from "./support";

let excel: MemoryExcel;
beforeEach(() => {
  excel = createMemoryExcel(createMemoryWorkbook("Book1", ["Sheet1", "Names"]));
});

const validations = (): MemoryDataValidation[] => excel.workbook.sheets[0].dataValidations;

async function batch(fn: (ws: Excel.Worksheet, context: Excel.RequestContext) => void): Promise<void> {
  await excel.run(async (context) => {
    fn(context.workbook.worksheets.getItem("Sheet1"), context);
    await context.sync();
  });
}

async function read(address: string) {
  return excel.run(async (context) => {
    const dv = context.workbook.worksheets.getItem("Sheet1").getRange(address).dataValidation;
    dv.load("type,rule,prompt,errorAlert,ignoreBlanks");
    await context.sync();
    return dv.toJSON();
  });
}

describe("setting and reading rules", () => {
  it("sets a list with a prompt, reads it back and keeps it on the sheet state", async () => {
    await batch((ws) => {
      const dv = ws.getRange("C3:C8").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "是,否" } };
      dv.prompt = { showPrompt: true, title: "选择", message: "请选择是或否" };
    });
    expect(await read("C3:C8")).toEqual({
      type: "List",
      rule: { list: { inCellDropDown: true, source: "是,否" } },
      prompt: { showPrompt: true, title: "选择", message: "请选择是或否" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: true,
    });
    expect(validations()).toEqual([
      {
        ranges: [{ top: 2, left: 2, bottom: 7, right: 2 }],
        type: "List",
        rule: { list: { inCellDropDown: true, source: "是,否" } },
        prompt: { showPrompt: true, title: "选择", message: "请选择是或否" },
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        ignoreBlanks: true,
      },
    ]);
  });

  it("stores whole-number and decimal bounds as formulas (numbers become =n)", async () => {
    await batch((ws) => {
      ws.getRange("D3:D4").dataValidation.rule = {
        wholeNumber: { formula1: 0, formula2: "100", operator: "Between" },
      };
      ws.getRange("E3").dataValidation.rule = {
        decimal: { formula1: 0.5, formula2: "=$A$1", operator: "Between" },
      };
      ws.getRange("F3").dataValidation.rule = { wholeNumber: { formula1: 10, operator: "GreaterThan" } };
    });
    expect((await read("D3:D4")).rule).toEqual({
      wholeNumber: { formula1: "=0", formula2: "=100", operator: "Between" },
    });
    expect(await read("E3")).toMatchObject({
      type: "Decimal",
      rule: { decimal: { formula1: "=0.5", formula2: "=$A$1", operator: "Between" } },
    });
    expect((await read("F3")).rule).toEqual({ wholeNumber: { formula1: "=10", operator: "GreaterThan" } });
  });

  it("takes a Range as list source (an absolute reference, qualified on another sheet)", async () => {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const names = context.workbook.worksheets.getItem("Names").getRange("A1:A3");
      ws.getRange("B2").dataValidation.rule = { list: { inCellDropDown: false, source: names } };
      ws.getRange("B3").dataValidation.rule = {
        list: { inCellDropDown: true, source: ws.getRange("H1:H4") },
      };
      await context.sync();
    });
    expect((await read("B2")).rule).toEqual({ list: { inCellDropDown: false, source: "=Names!$A$1:$A$3" } });
    expect((await read("B3")).rule).toEqual({ list: { inCellDropDown: true, source: "=$H$1:$H$4" } });
  });

  it("reads formulas relative to the range read (relative references follow the cell)", async () => {
    await batch((ws) => {
      ws.getRange("B2:B5").dataValidation.rule = { custom: { formula: "=B2>A2" } };
    });
    expect((await read("B4:B5")).rule).toEqual({ custom: { formula: "=B4>A4" } });
    expect(validations()[0].rule).toEqual({ custom: { formula: "=B2>A2" } });
  });

  it("says None with no validation, MixedCriteria over some cells, Inconsistent over different rules", async () => {
    expect(await read("A1:B2")).toEqual({
      type: "None",
      rule: {},
      prompt: { showPrompt: false, title: "", message: "" },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
      ignoreBlanks: true,
    });
    await batch((ws) => {
      ws.getRange("C1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      ws.getRange("C2").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      ws.getRange("C3").dataValidation.rule = { list: { inCellDropDown: true, source: "x" } };
    });
    expect(await read("C1:C2")).toMatchObject({ type: "List", rule: { list: { source: "a,b" } } });
    expect(await read("C1:C3")).toMatchObject({ type: "Inconsistent", rule: null });
    expect(await read("C1:C4")).toMatchObject({ type: "MixedCriteria", rule: null });
  });

  it("replaces the rule of the range's cells only, splitting a validation it covers in part", async () => {
    await batch((ws) => {
      ws.getRange("A1:A10").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      ws.getRange("A1:A10").dataValidation.prompt = { showPrompt: true, title: "T", message: "M" };
    });
    await batch((ws) => {
      ws.getRange("A4:A5").dataValidation.rule = { wholeNumber: { formula1: 1, operator: "GreaterThan" } };
    });
    expect(validations().map((dv) => [dv.type, dv.ranges.map(formatAddress), dv.prompt.title])).toEqual([
      ["List", ["A1:A3", "A6:A10"], "T"],
      ["WholeNumber", ["A4:A5"], "T"],
    ]);
  });

  it("keeps a prompt on cells without a rule (type None)", async () => {
    await batch((ws) => {
      ws.getRange("D1:D2").dataValidation.prompt = { showPrompt: true, title: "", message: "填写说明" };
    });
    expect(await read("D1:D2")).toMatchObject({
      type: "None",
      rule: {},
      prompt: { showPrompt: true, title: "", message: "填写说明" },
    });
    expect(validations()).toHaveLength(1);
  });
});

describe("clear()", () => {
  it("removes the validation from the range's cells only, and the signature returns to what it was", async () => {
    const before = formatSignature(excel.workbook);
    await batch((ws) => {
      ws.getRange("B2:B6").dataValidation.rule = {
        decimal: { formula1: 0, formula2: 1, operator: "Between" },
      };
    });
    const withRule = formatSignature(excel.workbook);
    expect(withRule).not.toBe(before);
    await batch((ws) => ws.getRange("B4").dataValidation.clear());
    expect(validations()[0].ranges.map(formatAddress)).toEqual(["B2:B3", "B5:B6"]);
    expect((await read("B4")).type).toBe("None");
    await batch((ws) => ws.getRange("A1:C10").dataValidation.clear());
    expect(validations()).toEqual([]);
    expect(formatSignature(excel.workbook)).toBe(before);
  });
});

describe("invalid input", () => {
  it.each([
    ["no kind", {}],
    ["two kinds", { list: { inCellDropDown: true, source: "a" }, custom: { formula: "=TRUE" } }],
    ["an unknown operator", { wholeNumber: { formula1: 1, operator: "Around" } }],
    ["Between without formula2", { decimal: { formula1: 1, operator: "Between" } }],
    ["a formula that is not one", { wholeNumber: { formula1: "ten", operator: "GreaterThan" } }],
    ["an empty list", { list: { inCellDropDown: true, source: "" } }],
    ["a date rule (not emulated)", { date: { formula1: "2026-01-01", operator: "GreaterThan" } }],
  ])("rejects %s with InvalidArgument, changing nothing", async (_what, rule) => {
    const e = await caught(() =>
      batch((ws) => {
        ws.getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule;
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(validations()).toEqual([]);
  });

  it("rejects prompt titles over 32 and messages over 255 characters", async () => {
    const e = await caught(() =>
      batch((ws) => {
        ws.getRange("A1").dataValidation.prompt = { showPrompt: true, title: "x".repeat(33), message: "" };
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(validations()).toEqual([]);
  });

  it("needs ExcelApi 1.8", async () => {
    const old = createMemoryExcel(createMemoryWorkbook(), { apiVersion: "1.7" });
    const e = await caught(() =>
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.clear();
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});
