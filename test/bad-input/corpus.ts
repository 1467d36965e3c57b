/**
 * The bad-input corpus: every kind of broken, foreign or hostile file the checker may be handed,
 * built by the tests themselves (exceljs for workbooks, byte surgery for the rest), each with the
 * outcome it must get: an XlsxReadError code (the file cannot be checked: CLI exit 2) or findings
 * (the file is read: CLI exit 0/1), within a time bound.
 */
import ExcelJS from "exceljs";
import type { XlsxReadErrorCode } from "../../src/hosts/xlsx/read-xlsx";
import { departmentRows, projectRows, stack, type Cell } from "../support/forms";
import { compoundFile, dropImpliedRefs, patchParts, unzip, zip } from "./zip";

/** A finding the outcome must include: rule, and where known sheet and cell. */
export interface ExpectedFinding {
  rule: string;
  sheet?: string;
  cell?: string;
  /** A fragment of the (Chinese) message. */
  message?: string | RegExp;
}

export type Outcome =
  | { error: XlsxReadErrorCode; message?: RegExp }
  | {
      /** Forms found, as `kind sheet range-top-left` prefixes: `project 表!A1`. */
      forms: string[];
      findings?: ExpectedFinding[];
      /** Rules that must not fire. */
      absent?: string[];
      /** Largest snapshot extent allowed (rows × columns of any sheet). */
      maxRows?: number;
      maxCols?: number;
    };

export interface CorpusCase {
  kind: string;
  file: string;
  build: () => Promise<Buffer>;
  outcome: Outcome;
  /** Wall-clock bound for reading and checking the file, in ms. */
  maxMs: number;
}

// ---------------------------------------------------------------------------------------------
// Workbook building

/** Write rows of test cells into a worksheet from (row, col), 1-based. */
export function putRows(ws: ExcelJS.Worksheet, rows: Cell[][], top = 1, left = 1): void {
  rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell === null || cell === "") return;
      const target = ws.getCell(top + i, left + j);
      if (typeof cell !== "object") {
        target.value = cell;
        return;
      }
      if (cell.fmt) target.numFmt = cell.fmt;
      if (cell.f) {
        const result = cell.v === null ? undefined : cell.v;
        target.value = { formula: cell.f.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
      } else {
        target.value = cell.v as ExcelJS.CellValue;
      }
    }),
  );
}

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet holding the given rows. */
function oneSheet(name: string, rows: Cell[][], more?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  return book((wb) => {
    const ws = wb.addWorksheet(name);
    putRows(ws, rows);
    more?.(ws);
  });
}

/** A valid project form (rows 1–23 of the sheet) as the template lays it out. */
const PROJECT = projectRows({ name: "坏文件测试项目" });
/** A valid department form. */
const DEPARTMENT = departmentRows({ name: "测试部门" });

const OLE2_WORKBOOK = () =>
  compoundFile([
    ["Workbook", Buffer.from("\x09\x08\x10\x00\x00\x06\x05\x00", "latin1")],
    ["\x05SummaryInformation", Buffer.alloc(48)],
  ]);

/** exceljs' package with the given sheet XML rewritten. */
async function withSheetXml(base: Promise<Buffer>, edit: (xml: string) => string): Promise<Buffer> {
  return patchParts(await base, (name, text) =>
    /^xl\/worksheets\/sheet1\.xml$/.test(name) ? edit(text) : text,
  );
}

const CHARTSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>`;

/** Turn exceljs' package into a workbook whose sheets are the given chart sheets (and no worksheet). */
async function chartSheetsOnly(names: string[]): Promise<Buffer> {
  const base = await book((wb) => wb.addWorksheet("placeholder"));
  const parts = unzip(base);
  const out = new Map<string, Buffer>();
  for (const [name, data] of parts) {
    if (name.startsWith("xl/worksheets/")) continue;
    let text = data.toString("utf8");
    if (name === "xl/workbook.xml") {
      const sheets = names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rIdChart${i + 1}"/>`);
      text = text.replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets.join("")}</sheets>`);
    } else if (name === "xl/_rels/workbook.xml.rels") {
      text = text.replace(/<Relationship [^>]*worksheets\/sheet1\.xml"\/>/, "");
      const rels = names.map(
        (_, i) =>
          `<Relationship Id="rIdChart${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`,
      );
      text = text.replace("</Relationships>", rels.join("") + "</Relationships>");
    } else if (name === "[Content_Types].xml") {
      text = text.replace(/<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/, "");
      const overrides = names.map(
        (_, i) =>
          `<Override PartName="/xl/chartsheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`,
      );
      text = text.replace("</Types>", overrides.join("") + "</Types>");
    } else if (name === "docProps/app.xml") {
      text = text
        .replace(/<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/, "")
        .replace(/<HeadingPairs>[\s\S]*<\/HeadingPairs>/, "");
    }
    out.set(name, /\.(xml|rels)$/.test(name) ? Buffer.from(text, "utf8") : data);
  }
  names.forEach((_, i) => out.set(`xl/chartsheets/sheet${i + 1}.xml`, Buffer.from(CHARTSHEET, "utf8")));
  return zip(out);
}

/** A workbook whose <sheets> list is empty. */
async function noSheets(): Promise<Buffer> {
  const base = await book((wb) => wb.addWorksheet("placeholder"));
  return patchParts(base, (name, text) => {
    if (name.startsWith("xl/worksheets/")) return null;
    if (name === "xl/workbook.xml") return text.replace(/<sheets>[\s\S]*<\/sheets>/, "<sheets/>");
    if (name === "xl/_rels/workbook.xml.rels")
      return text.replace(/<Relationship [^>]*worksheets\/sheet1\.xml"\/>/, "");
    if (name === "[Content_Types].xml")
      return text.replace(/<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/, "");
    return text;
  });
}

/** Replace one row of a form (0-based index into the rows) with other cells. */
function replaceRow(rows: Cell[][], index: number, row: Cell[]): Cell[][] {
  return rows.map((r, i) => (i === index ? row : r));
}

const LONG = "提升群众办事满意度".repeat(11_112).slice(0, 100_000);

// ---------------------------------------------------------------------------------------------
// The corpus

export const CORPUS: CorpusCase[] = [
  // ---- Files that cannot be checked at all ------------------------------------------------
  {
    kind: "0-byte file",
    file: "zero-bytes.xlsx",
    build: async () => Buffer.alloc(0),
    outcome: { error: "empty", message: /0 字节|0 bytes/ },
    maxMs: 1000,
  },
  {
    kind: "truncated zip (first half of a valid .xlsx)",
    file: "truncated.xlsx",
    build: async () => {
      const whole = await oneSheet("项目", PROJECT);
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    // The parser's reason, now in the Chinese message too.
    outcome: { error: "unreadable", message: /已损坏或格式不受支持（no end of central directory/ },
    maxMs: 3000,
  },
  {
    kind: "zip that is not a workbook (one text file)",
    file: "just-a-zip.xlsx",
    build: async () => zip([["readme.txt", "这不是工作簿 / not a workbook\n"]]),
    outcome: { error: "not-xlsx", message: /没有工作簿|no workbook/ },
    maxMs: 1000,
  },
  {
    kind: "Word document renamed .xlsx",
    file: "document.xlsx",
    build: async () =>
      zip([
        [
          "[Content_Types].xml",
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ],
        ["word/document.xml", "<w:document/>"],
      ]),
    outcome: { error: "not-xlsx" },
    maxMs: 1000,
  },
  {
    kind: ".csv renamed .xlsx",
    file: "export.csv.xlsx",
    build: async () => Buffer.from("\ufeff项目名称,预算金额(元)\n坏文件测试项目,100000\n".repeat(3), "utf8"),
    outcome: { error: "not-xlsx", message: /不是有效的 \.xlsx 文件/ },
    maxMs: 1000,
  },
  {
    kind: "legacy .xls (OLE2 compound file with a Workbook stream)",
    file: "legacy.xls",
    build: async () => OLE2_WORKBOOK(),
    outcome: { error: "legacy-xls", message: /另存为 \.xlsx/ },
    maxMs: 1000,
  },
  {
    kind: "legacy .xls renamed .xlsx (bare OLE2 signature + a few bytes)",
    file: "legacy-renamed.xlsx",
    build: async () => Buffer.concat([OLE2_WORKBOOK().subarray(0, 8), Buffer.from("BIFF8...")]),
    outcome: { error: "legacy-xls" },
    maxMs: 1000,
  },
  {
    kind: "password-protected workbook (OLE2 with EncryptionInfo + EncryptedPackage)",
    file: "password.xlsx",
    build: async () =>
      compoundFile([
        ["EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0])],
        ["EncryptedPackage", Buffer.alloc(700, 0x5a)],
      ]),
    outcome: { error: "encrypted", message: /已加密|password/ },
    maxMs: 1000,
  },
  {
    kind: "damaged sheet XML inside a valid package",
    file: "bad-sheet-xml.xlsx",
    build: () => withSheetXml(oneSheet("项目", PROJECT), (xml) => xml.slice(0, Math.floor(xml.length / 2))),
    // The sheet, the part and the parser's reason, now in the Chinese message too.
    outcome: { error: "unreadable", message: /工作表「项目」，xl\/worksheets\/sheet1\.xml: a damaged tag/ },
    maxMs: 3000,
  },
  {
    kind: "namespace-prefixed SpreadsheetML (<x:worksheet>, as some .NET exporters write)",
    file: "prefixed-xml.xlsx",
    build: () =>
      withSheetXml(oneSheet("项目", PROJECT), (xml) =>
        xml
          .replace(/<(\/?)([A-Za-z]+)(?=[\s>/])/g, "<$1x:$2")
          .replace(
            /xmlns="(http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main)"/,
            'xmlns:x="$1"',
          ),
      ),
    outcome: {
      error: "unreadable",
      message:
        /已损坏或格式不受支持（工作表「项目」，xl\/worksheets\/sheet1\.xml: namespace-prefixed SpreadsheetML/,
    },
    maxMs: 3000,
  },
  {
    kind: "empty workbook (no sheets at all)",
    file: "no-sheets.xlsx",
    build: noSheets,
    outcome: { error: "empty", message: /没有工作表|no worksheets/ },
    maxMs: 2000,
  },
  {
    kind: "chart sheet only (no worksheet)",
    file: "chart-only.xlsx",
    build: () => chartSheetsOnly(["图表1"]),
    outcome: { error: "empty", message: /没有工作表|no worksheets/ },
    maxMs: 2000,
  },

  // ---- Readable files: findings, never a crash ----------------------------------------------
  {
    kind: "a value at B1048576 (million-row used range)",
    file: "value-at-last-row.xlsx",
    build: () =>
      oneSheet("项目", PROJECT, (ws) => {
        ws.getCell("B1048576").value = "最后一行";
      }),
    outcome: {
      forms: ["project 项目!A1"],
      findings: [{ rule: "unknown-level1", sheet: "项目", cell: "B1048576" }],
    },
    maxMs: 5000,
  },
  {
    kind: "a formatted (empty) last row A1048576:XFD1048576",
    file: "formatted-last-row.xlsx",
    build: () =>
      oneSheet("项目", PROJECT, (ws) => {
        const row = ws.getRow(1048576);
        row.height = 30;
        row.getCell(1).numFmt = "#,##0.00";
        row.getCell(1).border = { top: { style: "thin" } };
        ws.getCell("XFD1048576").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
      }),
    outcome: { forms: ["project 项目!A1"], absent: ["unknown-level1"], maxRows: 30, maxCols: 6 },
    maxMs: 5000,
  },
  {
    kind: "dimension claims A1:XFD1048576",
    file: "huge-dimension.xlsx",
    build: () =>
      withSheetXml(oneSheet("项目", PROJECT), (xml) =>
        xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
      ),
    outcome: { forms: ["project 项目!A1"], maxRows: 30, maxCols: 6 },
    maxMs: 5000,
  },
  {
    kind: "data validation over whole columns (A1:XFD1048576)",
    file: "whole-sheet-validation.xlsx",
    build: () =>
      withSheetXml(oneSheet("项目", PROJECT), (xml) =>
        xml.replace(
          /(<\/sheetData>(?:<mergeCells[^]*?<\/mergeCells>)?)/,
          '$1<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C1:C1048576 A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
        ),
      ),
    outcome: { forms: ["project 项目!A1"], maxRows: 30, maxCols: 6 },
    maxMs: 5000,
  },
  {
    kind: "merge over whole columns (G1:H1048576)",
    file: "whole-column-merge.xlsx",
    build: () =>
      withSheetXml(oneSheet("项目", PROJECT), (xml) =>
        xml.includes("<mergeCells")
          ? xml.replace(
              /<mergeCells count="(\d+)">/,
              (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="G1:H1048576"/>`,
            )
          : xml.replace(
              "</sheetData>",
              '</sheetData><mergeCells count="1"><mergeCell ref="G1:H1048576"/></mergeCells>',
            ),
      ),
    outcome: { forms: ["project 项目!A1"] },
    maxMs: 5000,
  },
  {
    kind: "overlapping merges (exceljs refuses them; Excel repairs the file)",
    file: "overlapping-merges.xlsx",
    build: () =>
      withSheetXml(oneSheet("项目", PROJECT), (xml) =>
        xml.replace(
          "</sheetData>",
          '</sheetData><mergeCells count="2"><mergeCell ref="B2:F2"/><mergeCell ref="A1:C3"/></mergeCells>',
        ),
      ),
    outcome: { forms: ["project 项目!A1"], absent: ["required-field", "missing-section"] },
    maxMs: 3000,
  },
  {
    kind: "rows and cells without r attributes (optional in SpreadsheetML)",
    file: "implied-refs.xlsx",
    build: () =>
      book((wb) => {
        putRows(wb.addWorksheet("部门"), departmentRows({ name: "测试部门", basic: "约5万" }));
        putRows(wb.addWorksheet("项目"), PROJECT);
      }).then((b) =>
        patchParts(b, (name, text) => (name.startsWith("xl/worksheets/") ? dropImpliedRefs(text) : text)),
      ),
    outcome: {
      forms: ["department 部门!A1", "project 项目!A1"],
      findings: [{ rule: "amount", sheet: "部门", cell: "C6", message: "约5万" }],
    },
    maxMs: 3000,
  },
  {
    kind: "#REF! / #DIV/0! (formula errors with cached results) where amounts belong",
    file: "error-values.xlsx",
    build: () =>
      book((wb) => {
        const dept = departmentRows({
          name: "测试部门",
          basic: { v: { error: "#DIV/0!" }, f: "=C20/0", t: "#DIV/0!" },
          fiscal: { v: { error: "#REF!" }, f: "=#REF!+1", t: "#REF!" },
        });
        putRows(wb.addWorksheet("部门"), dept);
        const proj = projectRows({ name: "坏文件测试项目", budget: { v: { error: "#REF!" }, t: "#REF!" } });
        putRows(wb.addWorksheet("项目"), proj);
      }),
    outcome: {
      forms: ["department 部门!A1", "project 项目!A1"],
      findings: [
        { rule: "amount", sheet: "部门", cell: "C6", message: "#DIV/0!" },
        { rule: "amount", sheet: "部门", cell: "E6", message: "#REF!" },
        { rule: "amount", sheet: "项目", cell: "B8", message: "#REF!" },
      ],
    },
    maxMs: 3000,
  },
  {
    kind: "text where amounts belong (一万四千元, 约5万)",
    file: "text-amounts.xlsx",
    build: () =>
      book((wb) => {
        putRows(wb.addWorksheet("部门"), departmentRows({ name: "测试部门", basic: "约5万" }));
        putRows(wb.addWorksheet("项目"), projectRows({ name: "坏文件测试项目", budget: "一万四千元" }));
      }),
    outcome: {
      forms: ["department 部门!A1", "project 项目!A1"],
      findings: [
        { rule: "amount", sheet: "部门", cell: "C6", message: "约5万" },
        { rule: "amount", sheet: "项目", cell: "B8", message: "一万四千元" },
      ],
    },
    maxMs: 3000,
  },
  {
    kind: "numbers where text belongs (项目名称 = 12345, a 三级 name that is a number)",
    file: "number-names.xlsx",
    build: () => {
      const rows = projectRows({ name: 12345 });
      // The 数量指标 row's 三级 name is the number 2026.
      const i = rows.findIndex((r) => r[2] === "数量指标");
      return oneSheet("项目", replaceRow(rows, i, [null, "产出指标", "数量指标", 2026, "≥100人", "≥100人"]));
    },
    outcome: { forms: ["project 项目!A1"], absent: ["required-field"] },
    maxMs: 3000,
  },
  {
    kind: "a merge spanning two stacked forms",
    file: "merge-across-forms.xlsx",
    build: () => {
      const first = projectRows({ name: "上面的项目" });
      const rows = stack(first, projectRows({ name: "下面的项目" }));
      // The last indicator row of the first form, the blank row and the second form's title: one merge.
      const last = first.length; // 1-based row of the first form's last row
      return oneSheet("两表", rows, (ws) => ws.mergeCells(last, 1, last + 2, 6));
    },
    outcome: {
      forms: ["project 两表!A1", "project 两表!A26"],
      // The merge swallows the first form's 满意度指标 row (only a merge's first cell keeps its value).
      findings: [{ rule: "required-indicators", sheet: "两表" }],
    },
    maxMs: 3000,
  },
  {
    kind: "a merge covering label and value (项目类型 B:F over its value)",
    file: "merge-label-value.xlsx",
    build: () =>
      oneSheet("项目", PROJECT, (ws) => {
        ws.mergeCells("A3:F3"); // 项目类型 and its value in one merged cell
        ws.mergeCells("A8:F8"); // 预算金额 and the amount
      }),
    outcome: {
      forms: ["project 项目!A1"],
      findings: [
        { rule: "required-field", sheet: "项目", cell: "G3" },
        { rule: "required-field", sheet: "项目", cell: "G8" },
      ],
    },
    maxMs: 3000,
  },
  {
    kind: "a form cut off after 项目类型",
    file: "cut-off-project.xlsx",
    build: () => oneSheet("项目", PROJECT.slice(0, 3)),
    outcome: {
      forms: ["project 项目!A1"],
      findings: [
        { rule: "missing-section", sheet: "项目", cell: "A2", message: "项目等级" },
        { rule: "missing-section", sheet: "项目", cell: "A2", message: "绩效指标" },
      ],
    },
    maxMs: 3000,
  },
  {
    kind: "a department form without its indicator table",
    file: "dept-no-indicators.xlsx",
    build: () => {
      const header = DEPARTMENT.findIndex((r) => r[1] === "一级指标");
      return oneSheet("部门", DEPARTMENT.slice(0, header));
    },
    outcome: {
      forms: ["department 部门!A1"],
      findings: [{ rule: "missing-section", sheet: "部门", cell: "A3", message: "绩效指标" }],
    },
    maxMs: 3000,
  },
  {
    kind: "5000 blank-but-formatted rows between two forms",
    file: "formatted-gap.xlsx",
    build: () =>
      oneSheet("两表", PROJECT, (ws) => {
        const gapTop = PROJECT.length + 1;
        for (let r = gapTop; r < gapTop + 5000; r++) {
          const row = ws.getRow(r);
          row.height = 18;
          for (let c = 1; c <= 6; c++) {
            const cell = row.getCell(c);
            cell.border = { left: { style: "thin" }, right: { style: "thin" } };
            cell.numFmt = "#,##0.00";
          }
        }
        putRows(ws, projectRows({ name: "隔了五千行的项目" }), gapTop + 5000);
      }),
    outcome: { forms: ["project 两表!A1", "project 两表!A5024"], absent: ["unknown-level1"] },
    maxMs: 5000,
  },
  {
    kind: "100k characters of text in one cell (年度目标)",
    file: "long-text.xlsx",
    build: () => oneSheet("项目", projectRows({ name: "坏文件测试项目", annualGoal: LONG })),
    outcome: { forms: ["project 项目!A1"] },
    maxMs: 5000,
  },
  {
    kind: "100k characters in a label column and an indicator value",
    file: "long-text-everywhere.xlsx",
    build: () => {
      const rows = projectRows({ name: LONG });
      const i = rows.findIndex((r) => r[2] === "数量指标");
      return oneSheet("项目", replaceRow(rows, i, [LONG, "产出指标", "数量指标", LONG, LONG, LONG]));
    },
    outcome: { forms: ["project 项目!A1"] },
    maxMs: 5000,
  },
  {
    kind: "formulas without cached values",
    file: "no-cached-values.xlsx",
    build: () =>
      oneSheet(
        "项目",
        projectRows({
          name: { v: null, f: '="坏文件"&"测试项目"' },
          budget: { v: null, f: "=SUM(H1:H3)", fmt: "#,##0.00" },
        }),
      ),
    outcome: {
      forms: ["project 项目!A1"],
      findings: [{ rule: "amount", sheet: "项目", cell: "B8", message: "SUM(H1:H3)" }],
    },
    maxMs: 3000,
  },
  {
    kind: "hidden and very-hidden sheets holding forms",
    file: "hidden-sheets.xlsx",
    build: () =>
      book((wb) => {
        const visible = wb.addWorksheet("说明");
        visible.getCell("A1").value = "见隐藏的工作表";
        const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
        putRows(hidden, projectRows({ name: "隐藏的项目", type: null }));
        const veryHidden = wb.addWorksheet("深度隐藏", { state: "veryHidden" });
        putRows(veryHidden, projectRows({ name: "深度隐藏的项目", budget: "一万元" }));
      }),
    outcome: {
      forms: ["project 隐藏!A1", "project 深度隐藏!A1"],
      findings: [
        { rule: "required-field", sheet: "隐藏", cell: "B3" },
        { rule: "amount", sheet: "深度隐藏", cell: "B8" },
      ],
    },
    maxMs: 3000,
  },
  {
    kind: "a chart sheet next to a worksheet",
    file: "chart-and-form.xlsx",
    build: async () => {
      const chartOnly = unzip(await chartSheetsOnly(["图表1"]));
      const withForm = unzip(await oneSheet("项目", PROJECT));
      // Add the chart sheet of the first package to the second one's workbook.
      const out = new Map(withForm);
      out.set("xl/chartsheets/sheet1.xml", chartOnly.get("xl/chartsheets/sheet1.xml")!);
      const edit = (name: string, f: (t: string) => string) =>
        out.set(name, Buffer.from(f(out.get(name)!.toString("utf8")), "utf8"));
      edit("xl/workbook.xml", (t) =>
        t.replace("</sheets>", '<sheet name="图表1" sheetId="9" r:id="rIdChart1"/></sheets>'),
      );
      edit("xl/_rels/workbook.xml.rels", (t) =>
        t.replace(
          "</Relationships>",
          '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        ),
      );
      edit("[Content_Types].xml", (t) =>
        t.replace(
          "</Types>",
          '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
        ),
      );
      return zip(out);
    },
    outcome: { forms: ["project 项目!A1"] },
    maxMs: 3000,
  },
  {
    kind: "an empty worksheet only",
    file: "blank-sheet.xlsx",
    build: () => book((wb) => wb.addWorksheet("Sheet1")),
    outcome: { forms: [], findings: [{ rule: "no-form", sheet: "Sheet1", cell: "A1" }] },
    maxMs: 2000,
  },
];
