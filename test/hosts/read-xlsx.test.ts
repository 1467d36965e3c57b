import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { rangeToA1 } from "../../src/engine/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { demoError } from "../../src/demo/errors";
import { readerMessage, unreadableError } from "../../src/hosts/xlsx/lean/errors";
import { readXlsxBuffer, readXlsxFile, XlsxReadError } from "../../src/hosts/xlsx/read-xlsx";
import { render, t } from "../../src/messages";
import { parseSeed, PER_SHEET_PATH, SEED_PATH, STACKED_PATH } from "../../scripts/build-examples";

const seedText = readFileSync(SEED_PATH, "utf8");
const seed = parseSeed(seedText);

/** Non-empty displayed texts of a sheet, as a sorted list (positions ignored). */
function texts(sheet: SheetSnapshot, rows?: [number, number]): string[] {
  const out: string[] = [];
  sheet.text!.forEach((row, i) => {
    const r = sheet.top + i;
    if (rows && (r < rows[0] || r > rows[1])) return;
    for (const t of row) if (t && t.trim() !== "") out.push(t.trim());
  });
  return out.sort();
}

function find(sheet: SheetSnapshot, value: string): { r: number; c: number } {
  for (let i = 0; i < sheet.values.length; i++) {
    const j = sheet.values[i].indexOf(value);
    if (j >= 0) return { r: i, c: j };
  }
  throw new Error(`${value} not found in ${sheet.name}`);
}

describe("readXlsxFile on the built examples", () => {
  let perSheet: WorkbookSnapshot;
  let stacked: WorkbookSnapshot;
  beforeAll(async () => {
    perSheet = await readXlsxFile(PER_SHEET_PATH);
    stacked = await readXlsxFile(STACKED_PATH);
  });

  it("names the workbook and its sheets", () => {
    expect(perSheet.name).toBe("nancheng-2026-per-sheet.xlsx");
    expect(perSheet.sheets.map((s) => s.name)).toEqual([
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
    expect(stacked.sheets.map((s) => s.name)).toEqual(["绩效目标表"]);
  });

  it("reads amounts as numbers with their format and displayed text", () => {
    const dept = perSheet.sheets[0];
    expect(dept.top).toBe(0);
    expect(dept.left).toBe(0);
    const { r, c } = find(dept, "基本支出");
    expect(dept.values[r][c + 1]).toBe(973.2);
    expect(dept.text![r][c + 1]).toBe("973.20");
    expect(dept.numberFormat![r][c + 1]).toBe("#,##0.00");
    expect(dept.formulas![r][c + 1]).toBeNull();
    // 财政拨款 1,672.54 is a number too; 市本级使用资金 is blank (a real omission in the seed).
    expect(dept.values[r][c + 3]).toBe(1672.54);
    expect(dept.text![r][c + 3]).toBe("1,672.54");
    const city = find(dept, "市本级使用资金");
    expect(dept.values[city.r][city.c + 1]).toBeNull();
    expect(dept.text![city.r][city.c + 1]).toBe("");
    const staff = find(dept, "财政供养人员数");
    expect(dept.values[staff.r][staff.c + 1]).toBe(59);
    expect(dept.numberFormat![staff.r][staff.c + 1]).toBe("0");
  });

  it("reads merged areas", () => {
    const dept = perSheet.sheets[0];
    const merges = dept.merges.map(rangeToA1);
    expect(merges).toContain("A1:F1");
    expect(merges).toContain("B3:F3"); // 部门名称
    // A merged cell other than the top-left reads as empty.
    expect(dept.values[0][1]).toBeNull();
    for (const s of perSheet.sheets.slice(1)) expect(s.merges.map(rangeToA1)).toContain("A1:F1");
  });

  it("keeps every cell's text in the tidy per-sheet forms (only positions change)", () => {
    seed.forms.forEach((form, k) => {
      const fromSeed = form.rows
        .flatMap((r) => r.cells.map((c) => c.trim()))
        .filter((t) => t !== "")
        .sort();
      expect(texts(perSheet.sheets[k])).toEqual(fromSeed);
    });
  });

  it("tidies the misplaced cells of the seed", () => {
    const byName = (n: string) => perSheet.sheets.find((s) => s.name === n)!;
    // 满意度指标 in the 一级 column B.
    for (const s of perSheet.sheets) expect(find(s, "满意度指标").c).toBe(1);
    // The 效益 block of the department form.
    const dept = perSheet.sheets[0];
    expect(find(dept, "效益指标").c).toBe(1);
    const social = find(dept, "社会效益");
    expect(social.c).toBe(2);
    expect(dept.values[social.r].slice(3)).toEqual(["信息化服务水平", "有效提升", null]);
    expect(find(dept, "业务和服务水平").c).toBe(3);
    expect(find(dept, "生态效益").c).toBe(2);
    // The missing 2026年度目标 text stays missing, in its own row.
    const window = byName("综合窗口管理工作经费");
    const goal = find(window, "2026年度目标");
    expect(window.values[goal.r + 1].every((v) => v === null)).toBe(true);
    expect(window.values[goal.r + 2][1]).toBe("一级指标");
    // The goal text that stood in column A is in B.
    const dispatch = byName("机关事业单位派遣人员经费");
    const annual = find(dispatch, "2026年度目标");
    expect(dispatch.values[annual.r + 1][0]).toBeNull();
    expect(String(dispatch.values[annual.r + 1][1])).toMatch(/^在每月固定日期前/);
    expect(dispatch.values.every((row) => row.length === 6)).toBe(true);
  });

  it("lays the stacked sheet out line for line as the seed", () => {
    const s = stacked.sheets[0];
    expect(s.top + s.values.length).toBe(seed.lines.length);
    expect(seed.lines.length).toBe(seedText.split("\n").length);
    // Seed line 13: 市本级使用资金 with a blank amount.
    const row13 = s.values[13 - 1 - s.top];
    expect(row13[3 - s.left]).toBe("市本级使用资金");
    expect(row13[4 - s.left]).toBeNull();
    // Every seed cell at its own row and column, shown as in the seed.
    seed.lines.forEach((cells, i) => {
      cells.forEach((cell, j) => {
        const shown = s.text![i - s.top]?.[j - s.left] ?? "";
        expect(`${i + 1}:${j}:${shown}`).toBe(`${i + 1}:${j}:${cell.trim()}`);
      });
    });
    // The layout variations are kept: the department's 满意度指标 stays in column A.
    expect(s.values[52 - 1 - s.top][0 - s.left]).toBe("满意度指标");
    expect(s.merges.map(rangeToA1)).toContain("A3:F3");
  });
});

describe("readXlsxBuffer on a workbook built in the test", () => {
  let snap: WorkbookSnapshot;
  let buffer: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.getCell("C5").value = 0.1234;
    ws.getCell("C5").numFmt = "0.00%";
    ws.getCell("D5").value = 1234567.4;
    ws.getCell("D5").numFmt = "#,##0";
    // A shared formula's master (exceljs writes shareType/ref, which its typings leave out).
    const master = { formula: "C5*2", result: 0.2468, shareType: "shared", ref: "C6:D6" };
    ws.getCell("C6").value = master as ExcelJS.CellFormulaValue;
    ws.getCell("D6").value = { sharedFormula: "C6", result: 2469134.8 };
    ws.getCell("E6").value = { formula: "C5-C5", result: 0 };
    ws.getCell("C7").value = { error: "#N/A" };
    ws.getCell("D7").value = new Date(Date.UTC(2026, 0, 15));
    ws.getCell("D7").numFmt = "yyyy-mm-dd";
    ws.getCell("C8").value = { richText: [{ text: "绩效" }, { font: { bold: true }, text: "目标" }] };
    ws.getCell("D8").value = { text: "链接", hyperlink: "https://example.com" };
    ws.getCell("C9").value = true;
    ws.getCell("D9").value = "";
    ws.mergeCells("F12:G12"); // an empty merge still belongs to the used area
    wb.addWorksheet("空表");
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
    snap = await readXlsxBuffer(buffer, "built.xlsx");
  });

  it("keeps sheet order and finds the used area at an offset", () => {
    expect(snap.name).toBe("built.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["数据", "空表"]);
    const s = snap.sheets[0];
    expect([s.top, s.left]).toEqual([4, 2]);
    expect(s.values).toHaveLength(8); // rows 5..12
    expect(s.values[0]).toHaveLength(5); // columns C..G
    expect(s.merges).toEqual([{ top: 11, left: 5, bottom: 11, right: 6 }]);
    expect(snap.sheets[1].values).toEqual([]);
  });

  it("shows numbers as Excel does", () => {
    const s = snap.sheets[0];
    expect(s.values[0][0]).toBe(0.1234);
    expect(s.text![0][0]).toBe("12.34%");
    expect(s.numberFormat![0][0]).toBe("0.00%");
    expect(s.values[0][1]).toBe(1234567.4);
    expect(s.text![0][1]).toBe("1,234,567");
    expect(s.numberFormat![0][1]).toBe("#,##0");
  });

  it("gives formula cells their cached result and keeps the formula", () => {
    const s = snap.sheets[0];
    expect(s.values[1][0]).toBe(0.2468);
    expect(s.formulas![1][0]).toBe("=C5*2");
    expect(s.values[1][1]).toBe(2469134.8);
    expect(s.formulas![1][1]).toBe("=D5*2"); // a shared formula, translated
    expect(s.values[1][2]).toBe(0); // a zero result is not lost
    expect(s.text![1][2]).toBe("0");
    expect(s.formulas![1][2]).toBe("=C5-C5");
    expect(s.formulas![0][0]).toBeNull();
  });

  it("reads errors, dates, rich text, hyperlinks, booleans and empty strings", () => {
    const s = snap.sheets[0];
    expect(s.values[2][0]).toEqual({ error: "#N/A" });
    expect(s.text![2][0]).toBe("#N/A");
    expect(s.values[2][1]).toBe(46037); // 2026-01-15 as an Excel serial number
    expect(s.numberFormat![2][1]).toBe("yyyy-mm-dd");
    expect(s.text![2][1]).toBe("2026-01-15");
    expect(s.values[3][0]).toBe("绩效目标");
    expect(s.values[3][1]).toBe("链接");
    expect(s.values[4][0]).toBe(true);
    expect(s.text![4][0]).toBe("TRUE");
    expect(s.values[4][1]).toBeNull();
    expect(s.text![4][1]).toBe("");
  });

  it("accepts an ArrayBuffer or a Uint8Array", async () => {
    const u8 = new Uint8Array(buffer);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
    expect((await readXlsxBuffer(ab, "a.xlsx")).sheets[0].values).toEqual(snap.sheets[0].values);
    expect((await readXlsxBuffer(u8, "u.xlsx")).sheets[0].values).toEqual(snap.sheets[0].values);
  });
});

describe("bad input", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "read-xlsx-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function failure(run: Promise<unknown>): Promise<XlsxReadError> {
    try {
      await run;
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      return e as XlsxReadError;
    }
    throw new Error("expected an XlsxReadError");
  }

  function file(name: string, data: Buffer | string): string {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  }

  const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  it("a missing file", async () => {
    const p = join(dir, "缺失-missing.xlsx");
    const e = await failure(readXlsxFile(p));
    expect(e.code).toBe("not-found");
    expect(e.file).toBe(p);
    expect(e.message).toContain("缺失-missing.xlsx");
    // The message is data (reader.notFound with the file), rendered in each language; zh as `message`.
    expect(e).toMatchObject({ messageId: "reader.notFound", args: { file: p } });
    expect(e.message).toBe(`找不到文件 ${p}`);
    expect(render(e, "en")).toBe(`${p} was not found`);
  });

  it("a zero-byte file", async () => {
    const e = await failure(readXlsxFile(file("empty.xlsx", "")));
    expect(e.code).toBe("empty");
    expect(e.message).toContain("empty.xlsx");
  });

  it("a legacy .xls (OLE2 compound file)", async () => {
    const e = await failure(readXlsxFile(file("old.xls", Buffer.concat([OLE2, Buffer.alloc(1024)]))));
    expect(e.code).toBe("legacy-xls");
    expect(e.message).toContain("old.xls");
    expect(e.message).toContain("旧版 .xls 或已加密的工作簿，请在 Excel 中另存为 .xlsx（不加密）");
    expect(render(e, "en")).toContain("save it as .xlsx without a password");
  });

  it("an encrypted workbook (OLE2 with an EncryptedPackage stream)", async () => {
    const body = Buffer.concat([
      OLE2,
      Buffer.alloc(512),
      Buffer.from("EncryptedPackage", "utf16le"),
      Buffer.alloc(512),
    ]);
    const e = await failure(readXlsxFile(file("secret.xlsx", body)));
    expect(e.code).toBe("encrypted");
    expect(e.message).toContain("secret.xlsx");
    expect(e.message).toContain("另存为 .xlsx（不加密）");
  });

  it("a text file renamed .xlsx", async () => {
    const e = await failure(readXlsxFile(file("notes.xlsx", "部门名称\t东莞市南城政务服务中心\n")));
    expect(e.code).toBe("not-xlsx");
    expect(e.message).toBe(`无法读取文件 ${join(dir, "notes.xlsx")}：不是有效的 .xlsx 文件`);
    expect(render(e, "en")).toBe(`${join(dir, "notes.xlsx")} is not a valid .xlsx file`);
  });

  it("a damaged .xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await failure(readXlsxBuffer(whole.subarray(0, Math.floor(whole.length / 2)), "cut.xlsx"));
    expect(e.code).toBe("unreadable");
    expect(e.message).toContain("cut.xlsx");
    expect(e.stack).toBeDefined();
    expect(e.message).not.toContain("\n");
    // The parser's reason, in both languages (the zh half used to leave it out).
    expect(e.args.reason).toMatch(/end of central directory/);
    expect(e.message).toContain(`（${String(e.args.reason)}）`);
    expect(render(e, "en")).toContain(`(${String(e.args.reason)})`);
  });
});

describe("the reader's errors are messages of the catalogue (issue 13)", () => {
  it("takes a reader.* id and its arguments, never a sentence built in code", () => {
    const e = new XlsxReadError("empty", "f.xlsx", readerMessage("reader.empty", { file: "f.xlsx" }));
    expect(render(e, "zh")).toBe(e.message);
    expect(render(e, "en")).toBe("f.xlsx is empty (0 bytes)");
    // @ts-expect-error a "中文 / English" string is not a reader message
    void (() => new XlsxReadError("empty", "f.xlsx", "无法读取文件 f.xlsx：文件是空的 / f.xlsx is empty"));
    // @ts-expect-error another namespace's message is not a reader error
    void (() => new XlsxReadError("empty", "f.xlsx", { messageId: "cli.fileError.csv", args: {} }));
    // @ts-expect-error a message's placeholder left out (the reason) is a type error
    void (() => readerMessage("reader.damagedPart", { file: "f.xlsx", part: "xl/workbook.xml" }));
  });

  it("the web checker gives its own message, then where and why a package is damaged", () => {
    const file = "坏.xlsx";
    const e = unreadableError(file, {
      part: "xl/worksheets/sheet1.xml",
      sheet: "项目",
      cell: "B3",
      detail: "it refers to shared string 99, which does not exist",
    });
    expect(demoError(e, file, "zh")).toBe(
      `${t("demo.error.unreadable", "zh", { file })}（工作表「项目」单元格 B3，xl/worksheets/sheet1.xml: it refers to shared string 99, which does not exist）`,
    );
    expect(demoError(e, file, "en")).toBe(
      `${t("demo.error.unreadable", "en", { file })} (sheet “项目”, cell B3, xl/worksheets/sheet1.xml: it refers to shared string 99, which does not exist)`,
    );
    const cut = unreadableError(file, "no end of central directory");
    expect(demoError(cut, file, "en")).toBe(
      `${t("demo.error.unreadable", "en", { file })} (no end of central directory)`,
    );
    // Nothing to add to the page's own words.
    const old = new XlsxReadError("legacy-xls", file, readerMessage("reader.legacyXls", { file }));
    expect(demoError(old, file, "zh")).toBe(t("demo.error.legacy-xls", "zh", { file }));
    expect(demoError(unreadableError(file, ""), file, "zh")).toBe(t("demo.error.unreadable", "zh", { file }));
  });

  it("has no bilingual sentence left in src/hosts/xlsx", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
      );
    const sources = files(join(__dirname, "../../src/hosts/xlsx"));
    expect(sources.length).toBeGreaterThan(5);
    // A Chinese half, " / ", then an English word: the shape readerMessage used to split.
    const bilingual = /[\u4e00-\u9fff][^"'`\n]* \/ [A-Za-z$]/;
    const offending = sources.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\*|\/\/|\/\*)/.test(l) && bilingual.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
