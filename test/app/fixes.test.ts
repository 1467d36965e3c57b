/**
 * Applying fixes, pure (src/app/fixes.ts, src/engine/edits.ts): the example's safe fixes applied pass
 * after pass remove their findings and change nothing else; conflicting edits of one cell are left to
 * a later pass; a changed cell or a formula cell is refused; a fix is offered only where it applies.
 */
import { readFileSync } from "node:fs";
import { applyToSnapshot, collectEdits, fixAll, offeredFixes, typedValue } from "../../src/app/fixes";
import { checkWorkbook } from "../../src/checker";
import { cellAt } from "../../src/engine/edits";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx/read-xlsx";
import type { Diagnostic } from "../../src/core";
import { departmentRows, sheet, workbook } from "../support/forms";

// Reading and checking the example (several times) takes seconds on a loaded machine.
jest.setTimeout(60_000);
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function example(): Promise<WorkbookSnapshot> {
  return readXlsxBuffer(readFileSync(EXAMPLE), EXAMPLE);
}

const key = (d: Diagnostic) => `${d.rule}|${d.messageId}|${d.sheet}!${d.cell}`;

/** Every cell of both snapshots whose value differs, as `Sheet!A1`. */
function changedCells(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const s of a.sheets) {
    const t = b.sheets.find((x) => x.name === s.name)!;
    const rows = Math.max(s.values.length, t.values.length);
    for (let i = 0; i < rows; i++) {
      const cols = Math.max(s.values[i]?.length ?? 0, t.values[i]?.length ?? 0);
      for (let j = 0; j < cols; j++) {
        const v = s.values[i]?.[j] ?? null;
        const w = t.values[i]?.[j] ?? null;
        if (JSON.stringify(v) !== JSON.stringify(w)) {
          const cell = String.fromCharCode(65 + s.left + j) + String(s.top + i + 1);
          out.push(`${s.name}!${cell}`);
        }
      }
    }
  }
  return out.sort();
}

describe("fixes on the example", () => {
  it("offers the safe fixes a reviewer would make, each made from the cell as read", async () => {
    const snap = await example();
    const { diagnostics } = checkWorkbook(snap);
    const safe = offeredFixes(diagnostics, "safe").map(
      (o) =>
        `${o.diagnostic.rule}:${o.fix.messageId}@${o.fix.edits.map((e) => `${e.sheet}!${e.cell}`).join(",")}`,
    );
    expect(safe.sort()).toEqual(
      [
        "text-hygiene:fixHtml@部门整体!B11",
        "text-hygiene:fixDoubled@部门整体!B11",
        "text-hygiene:fixPunctuation@综合窗口管理工作经费!D24",
        "text-hygiene:fixPunctuation@伙食补助费!D14",
      ].sort(),
    );
    for (const o of offeredFixes(diagnostics))
      for (const e of o.fix.edits) expect(cellAt(snap, e.sheet, e.cell)?.value).toBe(e.before);
    // The suggestions: ≥ → ≤ and a unit on the seed's ≥9.5万, chosen by the clerk, never applied by fixAll.
    const suggestions = offeredFixes(diagnostics, "suggestion").map(
      (o) => `${o.diagnostic.rule}:${o.fix.edits[0].after}`,
    );
    expect(suggestions).toEqual(expect.arrayContaining(["cost-operator:≤9.5万", "unit-missing:≥9.5万元/人"]));
  });

  it("fixAll removes the fixed findings and changes only the fixed cells", async () => {
    const snap = await example();
    const before = checkWorkbook(snap).diagnostics;
    const result = fixAll(snap);
    const after = checkWorkbook(result.snapshot).diagnostics;
    // <p> tags and 优化优化 in one goal: two passes (the second fix of the cell waits for the first).
    expect(result.passes).toBe(2);
    expect(result.cells.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual(
      ["伙食补助费!D14", "综合窗口管理工作经费!D24", "部门整体!B11"].sort(),
    );
    expect(changedCells(snap, result.snapshot)).toEqual(
      result.cells.map((c) => `${c.sheet}!${c.cell}`).sort(),
    );
    const goal = result.cells.find((c) => c.cell === "B11")!;
    expect(goal.after).not.toMatch(/<\/?p>|优化优化/);
    expect(String(goal.after).replace(/\s/g, "")).toBe(
      String(goal.before)
        .replace(/<\/?p>/g, "")
        .replace("优化优化", "优化")
        .replace("实现实现", "实现")
        .replace(/\s/g, ""),
    );
    expect(result.cells.find((c) => c.cell === "D24")!.after).toBe("发放及时率%");
    expect(result.cells.find((c) => c.cell === "D14")!.after).toBe("支出标准");
    // The fixed findings are gone, and nothing else: every other finding is still there, none new.
    const gone = before.filter((d) => !after.some((x) => key(x) === key(d))).map(key);
    const added = after.filter((d) => !before.some((x) => key(x) === key(d))).map(key);
    expect(gone.sort()).toEqual(
      [
        "text-hygiene|html|部门整体!B11",
        "text-hygiene|doubled|部门整体!B11",
        "text-hygiene|punctuation|综合窗口管理工作经费!D24",
        "text-hygiene|punctuation|伙食补助费!D14",
      ].sort(),
    );
    expect(added).toEqual([]);
    expect(offeredFixes(after, "safe")).toEqual([]);
  });
});

describe("collecting and applying edits", () => {
  const GOAL = "<p>通过优化优化服务</p>";
  const snap = () => workbook(sheet("D", departmentRows({ goal: GOAL })));

  it("leaves out a fix whose cell an earlier fix edits, and writes an identical edit once", () => {
    const { diagnostics } = checkWorkbook(snap());
    const chosen = offeredFixes(diagnostics, "safe");
    expect(chosen.map((c) => c.fix.messageId)).toEqual(["fixHtml", "fixDoubled"]);
    const { edits, applied, conflicts } = collectEdits(chosen);
    expect(applied.map((c) => c.fix.messageId)).toEqual(["fixHtml"]);
    expect(conflicts.map((c) => c.fix.messageId)).toEqual(["fixDoubled"]);
    expect(edits).toEqual([{ sheet: "D", cell: "B11", before: GOAL, after: "通过优化优化服务" }]);
    const twice = collectEdits([chosen[0], chosen[0]]);
    expect(twice.edits).toHaveLength(1);
    expect(twice.conflicts).toEqual([]);
  });

  it("refuses every edit when one cell changed since the check: nothing is written", () => {
    const s = snap();
    const { diagnostics } = checkWorkbook(s);
    const edits = collectEdits(offeredFixes(diagnostics, "safe")).edits;
    const changed = applyToSnapshot(s, [
      ...edits,
      { sheet: "D", cell: "B2", before: "旧名称", after: "新名称" },
    ]);
    expect(changed.refused.map((r) => `${r.edit.cell}:${r.reason}`)).toEqual(["B2:changed"]);
    expect(changed.snapshot).toBe(s);
    const ok = applyToSnapshot(s, edits);
    expect(ok.refused).toEqual([]);
    expect(cellAt(ok.snapshot, "D", "B11")?.value).toBe("通过优化优化服务");
    expect(cellAt(s, "D", "B11")?.value).toBe(GOAL); // the input snapshot is not touched
  });

  it("offers no fix on a formula cell, and refuses an edit of one", () => {
    const s = snap();
    const d = s.sheets[0];
    const row = 10; // B11
    d.formulas = d.values.map((r) => r.map(() => null));
    d.formulas[row - d.top][1 - d.left] = '="<p>通过优化优化服务</p>"';
    const { diagnostics } = checkWorkbook(s);
    const html = diagnostics.find((x) => x.rule === "text-hygiene" && x.messageId === "html")!;
    expect(html).toBeDefined();
    expect(html.fixes).toBeUndefined();
    const refused = applyToSnapshot(s, [{ sheet: "D", cell: "B11", before: GOAL, after: "x" }]).refused;
    expect(refused.map((r) => r.reason)).toEqual(["formula"]);
  });
});

describe("typedValue", () => {
  it.each([
    ["60.00", "'60.00"],
    ["4,832,039.00", "'4,832,039.00"],
    ["95%", "'95%"],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["TRUE", "'TRUE"],
    ["支出标准", "支出标准"],
    ["≥95%", "≥95%"],
    ["发放及时率%", "发放及时率%"],
  ])("%s is written as %s so Excel keeps the text", (after, typed) => {
    expect(typedValue(after)).toBe(typed);
  });
});
