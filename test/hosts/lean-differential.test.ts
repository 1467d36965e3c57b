/**
 * The lean reader against the exceljs reader it replaces, on every workbook the project has: the
 * examples, bench workbooks (small ones, built here, repeated and distinct forms), the bad-input
 * corpus and the real published forms of ../shared/corpus/forms. Both must give the same snapshot
 * (values, displayed text, number formats, formulas, merges) and the same diagnostics, or the same
 * error code and message. Where they must differ, KNOWN_DIFFERENCES names the case and why.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { checkWorkbook } from "../../src/checker";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readWithExceljs } from "../../src/hosts/xlsx/lean/exceljs-reader";
import { readXlsxBuffer, XlsxReadError } from "../../src/hosts/xlsx/read-xlsx";
import { render } from "../../src/messages";
import { benchWorkbookBuffer } from "../../bench/workbooks";
import { CORPUS } from "../bad-input/corpus";
import { FEATURES } from "./lean-packages";

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, "..", "..");
const SHARED_FORMS = resolve(ROOT, "..", "shared", "corpus", "forms");

/**
 * Files where the two readers must differ, and why. The lean reader's damaged-part message names
 * the part and the fault in its own words; exceljs' parser says something else: for errors the
 * test compares the code and the message up to the reason in brackets, so those need no entry.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  // exceljs' SAX handler takes no CDATA events: the cell reads as blank. The lean reader keeps the
  // text (test/hosts/lean-reader.test.ts checks it).
  "features: a CDATA section as a cell's text": "exceljs drops CDATA text",
  // exceljs' row parser hands an unknown child element the rest of the row: B1 is lost.
  "features: an element of another namespace inside a row, an extLst inside a cell":
    "exceljs loses the cells after an unknown element",
};

type Outcome = { error: { code: string; message: string } } | { snapshot: WorkbookSnapshot };

async function outcome(read: () => Promise<WorkbookSnapshot>): Promise<Outcome> {
  try {
    return { snapshot: await read() };
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    // The message without its arguments of the damage (part, sheet, cell, reason): each parser's own
    // account of it.
    const messageId = e.messageId.startsWith("reader.damaged") ? "reader.damaged" : e.messageId;
    return { error: { code: e.code, message: render({ messageId, args: { file: e.file } }, "zh") } };
  }
}

function diagnostics(s: WorkbookSnapshot) {
  return checkWorkbook(s).diagnostics.map((d) => JSON.stringify(d));
}

interface Workbook {
  name: string;
  data: () => Promise<Buffer>;
}

const workbooks: Workbook[] = [
  ...["nancheng-2026-per-sheet.xlsx", "nancheng-2026-stacked.xlsx"].map((f) => ({
    name: `examples/${f}`,
    data: async () => readFileSync(join(ROOT, "examples", f)),
  })),
  { name: "bench: 3 repeated project forms", data: () => benchWorkbookBuffer(3, "repeated") },
  { name: "bench: 12 distinct project forms", data: () => benchWorkbookBuffer(12, "distinct") },
  ...CORPUS.map((c) => ({ name: `bad-input: ${c.kind}`, data: c.build })),
  ...FEATURES.map((f) => ({ name: `features: ${f.name}`, data: async () => f.data() })),
];
const shared = existsSync(SHARED_FORMS)
  ? readdirSync(SHARED_FORMS)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
  : [];
if (shared.length === 0 && process.env.REQUIRE_CORPUS) throw new Error(`no corpus at ${SHARED_FORMS}`);
for (const f of shared) {
  workbooks.push({ name: `corpus: ${f}`, data: async () => readFileSync(join(SHARED_FORMS, f)) });
}

describe("the lean reader gives what exceljs gave", () => {
  it("has every kind of workbook to compare", () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(4 + CORPUS.length + FEATURES.length);
  });

  it.each(workbooks.map((w) => [w.name, w] as const))("%s", async (name, w) => {
    const data = await w.data();
    const lean = await outcome(() => readXlsxBuffer(data, "book.xlsx"));
    const reference = await outcome(() => readWithExceljs(data, "book.xlsx", "book.xlsx"));
    if (KNOWN_DIFFERENCES[name]) {
      expect(lean).not.toEqual(reference);
      return;
    }
    if ("error" in reference) {
      expect(lean).toEqual(reference);
      return;
    }
    if ("error" in lean) throw new Error(`lean reader failed: ${lean.error.message}`);
    expect(lean.snapshot.sheets.map((s) => s.name)).toEqual(reference.snapshot.sheets.map((s) => s.name));
    for (let i = 0; i < reference.snapshot.sheets.length; i++) {
      const a = lean.snapshot.sheets[i];
      const b = reference.snapshot.sheets[i];
      expect([a.name, a.top, a.left, a.values.length]).toEqual([b.name, b.top, b.left, b.values.length]);
      expect(a.merges).toEqual(b.merges);
      expect(a.values).toEqual(b.values);
      expect(a.text).toEqual(b.text);
      expect(a.numberFormat).toEqual(b.numberFormat);
      expect(a.formulas).toEqual(b.formulas);
    }
    expect(diagnostics(lean.snapshot)).toEqual(diagnostics(reference.snapshot));
  });
});
