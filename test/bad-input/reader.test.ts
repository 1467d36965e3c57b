/**
 * Every file of the bad-input corpus through the .xlsx reader and the engine, and through the
 * in-memory Excel host's loader: a deliberate outcome (an XlsxReadError with its code, or findings),
 * within a time and memory bound, never a crash or a hang.
 */
import { basename } from "node:path";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { checkWorkbook } from "../../src/checker";
import { toA1 } from "../../src/engine/address";
import { memoryWorkbookFromXlsx } from "../../src/emulator/excel";
import { readXlsxFile, XlsxReadError } from "../../src/hosts/xlsx/read-xlsx";
import { RULES_BY_ID } from "../../src/rules";
import { formatDiagnostic } from "../../src/rules/format-message";
import { CORPUS } from "./corpus";
import { missingFindings, STACK_FRAME, writeCorpus, type BuiltCase } from "./support";

/** Heap growth allowed for one file (the unguarded reader took ~1.8 GB on a million-row sheet). */
const MAX_HEAP_GROWTH = 200 * 1024 * 1024;

jest.setTimeout(60_000);

let cases: BuiltCase[] = [];
let cleanup = () => {};
beforeAll(async () => {
  ({ cases, cleanup } = await writeCorpus());
});
afterAll(() => cleanup());

const byFile = (file: string) => cases.find((c) => c.file === file)!;

describe("the .xlsx reader and the engine on the bad-input corpus", () => {
  it.each(CORPUS.map((c) => [c.kind, c.file] as const))("%s", async (_kind, file) => {
    const c = byFile(file);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let outcome: { error: XlsxReadError } | { result: ReturnType<typeof checkWorkbook> };
    try {
      outcome = { result: checkWorkbook(await readXlsxFile(c.path)) };
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e; // anything else is a bug
      outcome = { error: e };
    }
    const ms = performance.now() - start;
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(ms).toBeLessThan(c.maxMs);
    expect(heapGrowth).toBeLessThan(MAX_HEAP_GROWTH);

    if ("error" in c.outcome) {
      expect("error" in outcome && outcome.error.code).toBe(c.outcome.error);
      const e = (outcome as { error: XlsxReadError }).error;
      expect(e.file).toBe(c.path);
      expect(e.message).toContain(basename(c.path));
      expect(e.message).not.toContain("\n");
      expect(e.message).not.toMatch(STACK_FRAME);
      if (c.outcome.message) expect(e.message).toMatch(c.outcome.message);
      return;
    }
    if ("error" in outcome) throw new Error(`unexpected ${outcome.error.code}: ${outcome.error.message}`);
    const { model, diagnostics } = outcome.result;
    expect(model.forms.map((f) => `${f.kind} ${f.sheet}!${toA1(f.range.top, f.range.left)}`)).toEqual(
      c.outcome.forms,
    );
    const seen = diagnostics.map((d) => ({
      rule: d.rule,
      sheet: d.sheet,
      cell: d.cell,
      message: formatDiagnostic(d, RULES_BY_ID, "zh"),
    }));
    expect(missingFindings(c.outcome.findings, seen)).toEqual([]);
    for (const rule of c.outcome.absent ?? []) expect(seen.filter((d) => d.rule === rule)).toEqual([]);
    for (const d of seen) {
      expect(d.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      expect(d.message).not.toMatch(/\{\w+\}/);
    }
  });
});

describe("what the reader makes of the large and odd sheets", () => {
  it("keeps a stray value at B1048576 without a million-row array", async () => {
    const snap = await readXlsxFile(byFile("value-at-last-row.xlsx").path);
    const s = snap.sheets[0];
    expect(s.top + s.values.length).toBe(1048576); // the used area reaches the last row…
    let stored = 0;
    s.values.forEach(() => stored++); // …but only the rows that hold something are stored
    expect(stored).toBeLessThan(30);
    expect(s.values[1048575 - s.top]).toEqual([null, "最后一行"]);
  });

  it.each([
    ["formatted-last-row.xlsx", "a formatted last row"],
    ["huge-dimension.xlsx", "a dimension of A1:XFD1048576"],
    ["whole-sheet-validation.xlsx", "a validation over the whole sheet"],
  ])("trims %s (%s) to the cells that hold values", async (file) => {
    const s = (await readXlsxFile(byFile(file).path)).sheets[0];
    expect([s.top, s.left, s.values.length]).toEqual([0, 0, 23]);
    expect(Math.max(...s.values.map((r) => r.length))).toBe(6);
  });

  it("keeps a whole-column merge as one merged area without materialising its cells", async () => {
    const s = (await readXlsxFile(byFile("whole-column-merge.xlsx").path)).sheets[0];
    expect(s.merges).toContainEqual({ top: 0, left: 6, bottom: 1048575, right: 7 });
    let stored = 0;
    s.values.forEach(() => stored++);
    expect(stored).toBeLessThan(30);
  });

  it("drops a merge that overlaps an earlier one, as Excel's repair does", async () => {
    const s = (await readXlsxFile(byFile("overlapping-merges.xlsx").path)).sheets[0];
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
  });

  it("shows a formula without a cached value as its formula, not as a blank cell", async () => {
    const s = (await readXlsxFile(byFile("no-cached-values.xlsx").path)).sheets[0];
    // 项目名称 (B2) and 预算金额 (B8).
    expect(s.values[1][1]).toBeNull();
    expect(s.text![1][1]).toBe('="坏文件"&"测试项目"');
    expect(s.formulas![7][1]).toBe("=SUM(H1:H3)");
    expect(s.text![7][1]).toBe("=SUM(H1:H3)");
  });

  it("reads the same cells whether or not the file writes the optional r attributes", async () => {
    const s = await readXlsxFile(byFile("implied-refs.xlsx").path);
    const ref = await readXlsxFile(byFile("text-amounts.xlsx").path);
    expect(s.sheets[0].values).toEqual(ref.sheets[0].values);
  });

  it("keeps 100 000 characters of text whole", async () => {
    const s = (await readXlsxFile(byFile("long-text.xlsx").path)).sheets[0];
    expect(s.values.flat().some((v) => typeof v === "string" && v.length === 100_000)).toBe(true);
  });
});

describe("the in-memory Excel host's loader on the bad-input corpus", () => {
  it.each(CORPUS.map((c) => [c.kind, c.file] as const))("%s", async (_kind, file) => {
    const c = byFile(file);
    const data = readFileSync(c.path);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let error: unknown = null;
    let sheets: string[] = [];
    try {
      sheets = (await memoryWorkbookFromXlsx(data, c.file)).sheets.map((s) => s.name);
    } catch (e) {
      error = e;
    }
    expect(performance.now() - start).toBeLessThan(c.maxMs);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(MAX_HEAP_GROWTH);
    if ("forms" in c.outcome) {
      // A readable file loads, with the sheets the reader found.
      expect(error).toBeNull();
      for (const form of c.outcome.forms) expect(sheets).toContain(form.split(" ")[1].split("!")[0]);
    } else if (error !== null) {
      // An unreadable file is refused with a message, not a parser's stack.
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^不是可读取的 \.xlsx 工作簿/);
      expect((error as Error).message).not.toContain("\n");
    } else {
      // A package exceljs can open without a worksheet (Excel would add none): one blank sheet.
      expect(sheets).toEqual(["Sheet1"]);
    }
  });
});
