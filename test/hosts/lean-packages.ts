/**
 * Hand-made .xlsx packages for the lean reader's tests: SpreadsheetML features the example and the
 * corpus seldom use (shared formulas, inline and rich strings, phonetic runs, `_x000D_` escapes,
 * dates, booleans, errors, string results, row and column formats under merges, a 1904 workbook),
 * written part by part, and hostile archives (zip bombs, DTDs, entity tricks, cut-off parts).
 */
import { zip } from "../bad-input/zip";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function pkg(
  sheets: string[],
  opts: { sst?: string; styles?: string; workbookPr?: string } = {},
): Buffer {
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ],
    [
      "_rels/.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook ${NS}>${opts.workbookPr ?? ""}<sheets>${sheets
        .map((_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", opts.styles ?? STYLES],
  ];
  if (opts.sst) parts.push(["xl/sharedStrings.xml", opts.sst]);
  sheets.forEach((s, i) => parts.push([`xl/worksheets/sheet${i + 1}.xml`, s]));
  return zip(parts);
}

/** Styles: 0 General, 1 #,##0.00 (built-in 4), 2 a custom 0.0"万元", 3 yyyy-mm-dd, 4 0%. */
export const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs></styleSheet>`;

export const sheet = (body: string, after = "", before = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${before}<sheetData>${body}</sheetData>${after}</worksheet>`;

export const SST = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>项目名称</t></si><si><r><rPr><b/></rPr><t>预算</t></r><r><t xml:space="preserve">金额 </t></r><rPh sb="0" eb="2"><t>ヨサン</t></rPh></si><si><t>第一行_x000D_第二行 &amp; &lt;三&gt;</t></si><si><t/></si></sst>`;

/** Features, each in a cell or two. */
export const FEATURES: { name: string; data: () => Buffer }[] = [
  {
    name: "shared strings: plain, rich runs with a phonetic guide, _x000D_ escapes and entities, empty",
    data: () =>
      pkg(
        [
          sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s" s="1"><v>3</v></c></row>',
          ),
        ],
        { sst: SST },
      ),
  },
  {
    name: "inline strings, plain and rich; a string formula result; booleans; errors",
    data: () =>
      pkg([
        sheet(
          '<row r="2"><c r="A2" t="inlineStr"><is><t>内联文字</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>' +
            '<c r="C2" t="str"><f>A2&amp;"!"</f><v>内联文字!</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c>' +
            '<c r="F2" t="e"><v>#N/A</v></c><c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="H2" t="b"><f>TRUE()</f><v>1</v></c></row>',
        ),
      ]),
  },
  {
    name: "numbers under built-in, custom, percent and date formats; a 1900 date; a formula with a date result",
    data: () =>
      pkg([
        sheet(
          '<row r="1"><c r="A1" s="1"><v>1234567.891</v></c><c r="B1" s="2"><v>699.34</v></c><c r="C1" s="3"><v>46023.5</v></c><c r="D1" s="4"><v>0.955</v></c>' +
            '<c r="E1"><v>1E-3</v></c><c r="F1" s="3"><f>C1+1</f><v>46024.123456789</v></c><c r="G1" s="1"/><c r="H1"><v>-0</v></c></row>',
        ),
      ]),
  },
  {
    name: "a 1904 workbook with a date",
    data: () =>
      pkg([sheet('<row r="1"><c r="A1" s="3"><v>44561.25</v></c></row>')], {
        workbookPr: '<workbookPr date1904="1"/>',
      }),
  },
  {
    name: "shared formulas (master and dependents, relative and absolute references), an array formula",
    data: () =>
      pkg([
        sheet(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$A$1+SUM(A1:A$2)</f><v>2</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="array" ref="C3">SUM(A1:A3*2)</f><v>12</v></c></row>' +
            '<row r="4"><c r="B4"><f>SUM(B1:B3)</f></c></row>',
        ),
      ]),
  },
  {
    name: "merges over cells the file does not list, under row and column formats; values under a merge",
    data: () =>
      pkg([
        sheet(
          '<row r="1" s="1" customFormat="1"><c r="A1"><v>10</v></c><c r="D1" s="4"><v>0.5</v></c></row>' +
            '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>hidden under the merge</v></c><c r="C2" s="2"/></row>' +
            '<row r="3"><c r="A3"><v>3</v></c></row>',
          '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A2:B2"/><mergeCell ref="C3:D4"/></mergeCells>',
          '<cols><col min="3" max="4" width="9" style="2" customWidth="1"/></cols>',
        ),
      ]),
  },
  {
    name: "comments and processing instructions between the rows",
    data: () =>
      pkg([sheet('<!-- a comment --><?pi data?><row r="1"><c r="A1"><v>1</v></c><!-- c --></row>')]),
  },
  {
    name: "a CDATA section as a cell's text",
    data: () =>
      pkg([
        sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<不是标签> & 原文]]></t></is></c></row>'),
      ]),
  },
  {
    name: "an element of another namespace inside a row, an extLst inside a cell",
    data: () => pkg([sheet('<row r="1"><x:extra xmlns:x="urn:x"/><c r="B1"><v>2</v><extLst/></c></row>')]),
  },
];
