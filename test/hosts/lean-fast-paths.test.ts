/**
 * The fast paths of issue 14 step 4 give what the slow paths they stand in front of give: the XML
 * scanner's end tags and tag names, the merge ranges read without parseRangeA1, and the command
 * line's test for glob characters without tinyglobby.
 */
import { isDynamicPattern } from "tinyglobby";
import { parseRangeA1 } from "../../src/engine/address";
import { hasGlobMagic } from "../../src/cli/inputs";
import { plainRange } from "../../src/hosts/xlsx/lean/read-package";
import { scanXml, XmlError } from "../../src/hosts/xlsx/lean/xml";

/** Every event of a scan, as text. */
function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (name, attrs, empty) => out.push(`<${name}${attrs}${empty ? "/" : ""}>`),
    text: (t) => out.push(t),
    close: (name) => out.push(`</${name}>`),
  });
  return out;
}

function scanError(xml: string): string {
  try {
    events(xml);
  } catch (e) {
    if (e instanceof XmlError) return e.message;
    throw e;
  }
  throw new Error("scanned without an error");
}

describe("the XML scanner's fast paths", () => {
  it("closes elements with and without spaces before >, and keeps names with digits, dots, colons and dashes", () => {
    expect(events('<a:b-1.x r="1"><row ><c>1</c ></row\t></a:b-1.x>')).toEqual([
      '<a:b-1.x r="1">',
      "<row >",
      "<c>",
      "1",
      "</c>",
      "</row>",
      "</a:b-1.x>",
    ]);
  });

  it("reuses a repeated tag name but never confuses two names of the same length", () => {
    expect(events("<r><ab/><ba/><ab/><abc/></r>")).toEqual([
      "<r>",
      "<ab/>",
      "</ab>",
      "<ba/>",
      "</ba>",
      "<ab/>",
      "</ab>",
      "<abc/>",
      "</abc>",
      "</r>",
    ]);
  });

  it("refuses what it refused before, with the same messages", () => {
    expect(scanError("<row><c></cx></row>")).toBe("</cx> does not close <c> (line 1, column 9)");
    expect(scanError("<row><c></row>")).toBe("</row> does not close <c> (line 1, column 9)");
    expect(scanError("<1a></1a>")).toBe("a damaged tag (line 1, column 1)");
    expect(scanError("<a><b$c/></a>")).toBe("a damaged tag (line 1, column 4)");
    expect(scanError("<a>< b/></a>")).toBe("a damaged tag (line 1, column 4)");
    expect(scanError("<a></ a>")).toBe("a damaged end tag (line 1, column 4)");
    expect(scanError("<a><b>")).toBe("the part ends inside <b> (cut off)");
  });
});

describe("merge ranges without parseRangeA1", () => {
  const plain = ["A1:B2", "B2:A1", "C7", "XFD1048576", "A0:B1", "AA10:AB11", "A01:B2"];
  const other = ["$A$1:B2", "a1:b2", "A1:", ":A1", "A1:B2:C3", " A1:B2", "ABCD1", "A1B", "Sheet1!A1:B2", ""];

  it("reads a plain range as parseRangeA1 does", () => {
    for (const ref of plain) expect([ref, plainRange(ref)]).toEqual([ref, parseRangeA1(ref)]);
  });

  it("leaves anything else to parseRangeA1", () => {
    for (const ref of other) expect([ref, plainRange(ref)]).toEqual([ref, null]);
  });
});

describe("glob characters without tinyglobby", () => {
  it("agrees with tinyglobby on plain paths and patterns", () => {
    const args = [
      "examples/nancheng-2026-per-sheet.xlsx",
      "单位 2026/申报表.xlsx",
      "C:\\forms\\a.xlsx",
      "a-b_c.d,e.xlsx",
      "*.xlsx",
      "forms/**/a.xlsx",
      "a?.xlsx",
      "[ab].xlsx",
      "{a,b}.xlsx",
      "{1..3}.xlsx",
      "!a.xlsx",
      "@(a|b).xlsx",
      "+(a).xlsx",
      "(a).xlsx",
      "a].xlsx",
    ];
    for (const a of args) expect([a, hasGlobMagic(a)]).toEqual([a, isDynamicPattern(a)]);
  });
});
