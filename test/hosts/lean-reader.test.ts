/**
 * The lean reader on its own: what it reads (the hand-made feature packages), and how it refuses
 * hostile packages (zip bombs, too many entries, DTDs and entities, cut-off parts, damaged cells)
 * with an XlsxReadError naming the file and the part. Also the browser path (fflate).
 */
import { deflateRawSync } from "node:zlib";
import { readXlsxBytes } from "../../src/hosts/xlsx/lean/browser";
import { readXlsxBuffer, XlsxReadError } from "../../src/hosts/xlsx/read-xlsx";
import { render } from "../../src/messages";
import { readWorkbookBytes } from "../../src/hosts/xlsx/lean/read-workbook";
import { DEFAULT_ZIP_LIMITS } from "../../src/hosts/xlsx/lean/zip";
import { nodeInflate } from "../../src/hosts/xlsx/read-xlsx";
import { unzip, zip } from "../bad-input/zip";
import { FEATURES, pkg, sheet, SST } from "./lean-packages";

const feature = (prefix: string) => FEATURES.find((f) => f.name.startsWith(prefix))!.data();

async function readError(data: Buffer): Promise<XlsxReadError> {
  try {
    await readXlsxBuffer(data, "hostile.xlsx");
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("read without an error");
}

describe("what the lean reader reads", () => {
  it("shared strings: rich runs joined, phonetic guides left out, _x000D_ and entities decoded", async () => {
    const s = (await readXlsxBuffer(feature("shared strings"), "f.xlsx")).sheets[0];
    // D1's shared string is empty: the cell is blank and the used area ends at C.
    expect(s.values[0]).toEqual(["项目名称", "预算金额 ", "第一行\r第二行 & <三>"]);
  });

  it("translates a shared formula to each dependent cell", async () => {
    const s = (await readXlsxBuffer(feature("shared formulas"), "f.xlsx")).sheets[0];
    expect(s.formulas!.map((r) => r[1])).toEqual([
      "=A1*$A$1+SUM(A1:A$2)",
      "=A2*$A$1+SUM(A2:A$2)",
      "=A3*$A$1+SUM(A3:A$2)",
      "=SUM(B1:B3)",
    ]);
    // B4 was never calculated: it shows its formula.
    expect([s.values[3][1], s.text![3][1]]).toEqual([null, "=SUM(B1:B3)"]);
    expect(s.formulas![2][2]).toBe("=SUM(A1:A3*2)");
  });

  it("formats numbers as Excel shows them, dates to the millisecond", async () => {
    const s = (await readXlsxBuffer(feature("numbers"), "f.xlsx")).sheets[0];
    expect(s.text![0].slice(0, 5)).toEqual(["1,234,567.89", "699.3万元", "2026-01-01", "96%", "0.001"]);
    expect(s.values[0][5]).toBeCloseTo(46024.123456789, 8);
  });

  it("keeps CDATA text and the cells after an unknown element", async () => {
    expect((await readXlsxBuffer(feature("a CDATA"), "f.xlsx")).sheets[0].values).toEqual([
      ["<不是标签> & 原文"],
    ]);
    expect((await readXlsxBuffer(feature("an element of another"), "f.xlsx")).sheets[0].values).toEqual([
      [2],
    ]);
  });

  it("reads the same in the browser (fflate) as in Node (node:zlib)", async () => {
    for (const f of FEATURES) {
      const data = f.data();
      expect(readXlsxBytes(data, "f.xlsx")).toEqual(await readXlsxBuffer(data, "f.xlsx"));
    }
  });
});

describe("hostile packages", () => {
  const bomb = (size: number) => {
    const parts = unzip(pkg([sheet('<row r="1"><c r="A1"><v>1</v></c></row>')]));
    // A sheet of `size` bytes of whitespace deflates about 1000:1.
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>') + " ".repeat(size);
    parts.set("xl/worksheets/sheet1.xml", Buffer.from(xml));
    return zip(parts);
  };

  it("refuses a zip bomb by its compression ratio, naming the part, without inflating it", async () => {
    const data = bomb(16 * 1024 * 1024);
    expect(data.length).toBeLessThan(20_000);
    const e = await readError(data);
    expect(e.code).toBe("unreadable");
    expect(e.message).toContain("hostile.xlsx");
    expect(e.message).toContain("xl/worksheets/sheet1.xml");
    expect(e.message).toMatch(/zip bomb/);
  });

  it("refuses parts above the size bound and archives with too many entries", () => {
    const data = bomb(2 * 1024 * 1024);
    const small = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024, maxRatio: 1e9 };
    expect(() => readWorkbookBytes(data, "big.xlsx", "big.xlsx", nodeInflate, small)).toThrow(
      /big\.xlsx.*xl\/worksheets\/sheet1\.xml: the entry is \d+ bytes uncompressed/,
    );
    const few = { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 };
    expect(() => readWorkbookBytes(data, "many.xlsx", "many.xlsx", nodeInflate, few)).toThrow(
      /6 entries \(at most 3\)/,
    );
  });

  it("refuses an entry that inflates to more than its directory says", async () => {
    const data = pkg([sheet('<row r="1"><c r="A1"><v>1</v></c></row>')]);
    // Lower the declared size of the sheet in the central directory.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const at = data.lastIndexOf(name) - 46;
    expect(data.readUInt32LE(at)).toBe(0x02014b50);
    data.writeUInt32LE(10, at + 24);
    const e = await readError(data);
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml: .*(11 bytes where the directory says 10|larger)/);
  });

  it.each([
    [
      "a DTD with entities (billion laughs)",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>',
      /document type declaration \(DTD\) is not allowed/,
    ],
    [
      "an external entity without a DTD",
      sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'),
      /undefined entity/,
    ],
    [
      "a part cut off in the middle",
      sheet('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, 200),
      /ends inside|damaged/,
    ],
    [
      "a cell that is not a cell reference",
      sheet('<row r="1"><c r="1A"><v>1</v></c></row>'),
      /"1A" that is not a cell/,
    ],
    [
      "a shared string that does not exist",
      sheet('<row r="3"><c r="B3" t="s"><v>99</v></c></row>'),
      /B3\b.*refers to shared string 99/,
    ],
    ["mismatched tags", sheet('<row r="1"><c r="A1"><v>1</c></v></row>'), /does not close/],
  ])("refuses %s as a damaged part, naming it", async (_what, xml, why) => {
    const e = await readError(pkg([xml], { sst: SST }));
    expect(e.code).toBe("unreadable");
    expect(e.message).toContain("hostile.xlsx");
    expect(e.message).toContain("xl/worksheets/sheet1.xml");
    expect(e.message).toMatch(why);
    expect(e.message).not.toContain("\n");
  });

  it("gives the part, the sheet, the cell and the reason as the message's arguments, in both languages", async () => {
    const e = await readError(pkg([sheet('<row r="3"><c r="B3" t="s"><v>99</v></c></row>')], { sst: SST }));
    expect(e.messageId).toBe("reader.damagedCell");
    expect(e.args).toEqual({
      file: "hostile.xlsx",
      part: "xl/worksheets/sheet1.xml",
      sheet: "表1",
      cell: "B3",
      reason: "it refers to shared string 99, which does not exist",
    });
    expect(e.message).toBe(
      "无法读取文件 hostile.xlsx：文件已损坏或格式不受支持（工作表「表1」单元格 B3，xl/worksheets/sheet1.xml: it refers to shared string 99, which does not exist）",
    );
    expect(render(e, "en")).toBe(
      "hostile.xlsx could not be read: the file is damaged or in an unsupported format (sheet “表1”, cell B3, xl/worksheets/sheet1.xml: it refers to shared string 99, which does not exist)",
    );
    // A part that is not a worksheet: the part and the reason.
    const sst = await readError(pkg([sheet("")], { sst: SST.slice(0, 120) }));
    expect(sst.messageId).toBe("reader.damagedPart");
    expect(sst.args).toMatchObject({ part: "xl/sharedStrings.xml" });
    expect(render(sst, "en")).toContain(`(xl/sharedStrings.xml: ${String(sst.args.reason)})`);
  });

  it("names a damaged shared-strings part", async () => {
    const e = await readError(pkg([sheet("")], { sst: SST.slice(0, 120) }));
    expect(e.message).toContain("xl/sharedStrings.xml");
  });

  it("does not inflate the parts it does not need", async () => {
    const parts = unzip(pkg([sheet('<row r="1"><c r="A1"><v>1</v></c></row>')]));
    // A damaged picture: never read, so no error.
    parts.set("xl/media/image1.png", Buffer.from("not a png"));
    const data = zip(parts);
    const damaged = Buffer.from(data);
    const at = damaged.indexOf(Buffer.from("xl/media/image1.png")) + "xl/media/image1.png".length;
    damaged.fill(0xff, at, at + 9);
    expect((await readXlsxBuffer(damaged, "ok.xlsx")).sheets[0].values).toEqual([[1]]);
    expect(deflateRawSync(Buffer.from("x")).length).toBeGreaterThan(0);
  });
});
