/** Finding and rewriting A1 references inside formulas (what inserts and pastes build on). */
import { findReferences, rewriteReferences, translateFormula } from "../../../src/emulator/excel/references";

const kinds = (f: string) => findReferences(f).map((r) => [r.sheet, r.kind, r.foreign]);

describe("findReferences", () => {
  it("finds cells, areas, whole rows and columns, with or without $", () => {
    expect(kinds("=A1+$B$2*SUM(C3:D4,$E:$F,7:$9)")).toEqual([
      [null, "cell", false],
      [null, "cell", false],
      [null, "area", false],
      [null, "columns", false],
      [null, "rows", false],
    ]);
    const [b2] = findReferences("=$B$2");
    expect(b2).toMatchObject({ r1: 1, c1: 1, ar1: true, ac1: true });
  });

  it("reads sheet names, plain, quoted, doubled quotes and Chinese", () => {
    expect(kinds("=Sheet1!A1+'My Sheet'!B2+'it''s'!C3+部门整体!D4+'名字'!E5")).toEqual([
      ["Sheet1", "cell", false],
      ["My Sheet", "cell", false],
      ["it's", "cell", false],
      ["部门整体", "cell", false],
      ["名字", "cell", false],
    ]);
  });

  it("skips text, functions and names that look like cells, errors and structured references", () => {
    expect(findReferences('="A1"&LOG10(B2)&Tax_2019&T[Col]&#REF!&A1B&_xlfn.X1(')).toHaveLength(1);
    // TAX2019 is a real cell (column TAX), as Excel reads it.
    expect(findReferences("=Tax2019")[0]).toMatchObject({ r1: 2018, c1: 13569 });
    expect(findReferences('="say ""A1"""&C3')[0]).toMatchObject({ r1: 2, c1: 2 });
    expect(findReferences("=1E5+A1.5")).toEqual([]);
  });

  it("marks other workbooks and 3-D references as foreign", () => {
    expect(kinds("=[1]Sheet1!A1+'[Book.xlsx]S'!B2+Sheet1:Sheet3!C3")).toEqual([
      ["Sheet1", "cell", true],
      ["[Book.xlsx]S", "cell", true],
      ["Sheet1", "cell", true],
    ]);
  });

  it("ignores what is off the sheet (XFE1, A1048577)", () => {
    expect(findReferences("=XFD1048576+XFE1+A1048577")).toHaveLength(1);
  });
});

describe("rewriteReferences", () => {
  it("keeps everything but the references it changes", () => {
    const out = rewriteReferences("=SUM( a1 , 'S'!$B$2 )&\"A1\"", (ref) =>
      ref.sheet === null ? { ...ref, r1: 9, r2: 9 } : null,
    );
    expect(out).toBe("=SUM( A10 , 'S'!#REF! )&\"A1\"");
  });
});

describe("translateFormula", () => {
  it("moves relative parts and keeps $ parts, as a paste does", () => {
    expect(translateFormula("=A1+$A1+A$1+$A$1+SUM(B2:C3)+D:D+4:4", 2, 1)).toBe(
      "=B3+$A3+B$1+$A$1+SUM(C4:D5)+E:E+6:6",
    );
    expect(translateFormula("=Sheet2!A1*'名字'!B2", 1, 0)).toBe("=Sheet2!A2*'名字'!B3");
  });

  it("gives #REF! for references pushed off the sheet", () => {
    expect(translateFormula("=A1+B5", -2, 0)).toBe("=#REF!+B3");
    expect(translateFormula("=Sheet2!A1", 0, -1)).toBe("=Sheet2!#REF!");
  });
});
