/**
 * The pane's fixes (src/taskpane/fix-controller.ts) over the fake host: 修正 applies one fix in one
 * applyEdits batch and checks again (its finding is gone, nothing else changed); 全部安全修正 applies
 * every safe fix at once, leaving conflicting ones for the next check; a cell changed since the check
 * is refused and the pane checks again; a host failure is a status, never an exception.
 */
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { PaneController } from "../../src/taskpane/controller";
import { FixController } from "../../src/taskpane/fix-controller";
import { departmentRows, projectRows, sheet, standardIndicators, workbook } from "../support/forms";
import { FakeHost } from "../taskpane/fake-host";
import { cellAt } from "../../src/engine/edits";

const GOAL = "<p>通过优化优化服务</p>";

/** 部门!B11: <p> and 优化优化 (two safe fixes, one cell); 项目A!D14: 支出标准。; 项目A!E18: ≥95 for a 率 (suggestion). */
function faulty(): WorkbookSnapshot {
  const indicators = standardIndicators();
  indicators[0] = ["成本指标", "经济成本指标", "支出标准。", "≤100000元", "≤100000元"];
  indicators[4] = [null, "质量指标", "验收合格率", "≥95", "≥95"];
  return workbook(
    sheet("部门", departmentRows({ goal: GOAL })),
    sheet("项目A", projectRows({ name: "项目A", indicators })),
  );
}

async function setup() {
  const host = new FakeHost(faulty());
  const pane = new PaneController(host, "zh");
  const fixes = new FixController(host, "zh", pane);
  await pane.check();
  return { host, pane, fixes };
}

const keys = (pane: PaneController) =>
  pane.getState().view!.findings.map((f) => `${f.rule}|${f.messageId}|${f.sheet}!${f.cell}`);
const find = (pane: PaneController, rule: string, cell: string) =>
  pane.getState().view!.findings.find((f) => f.rule === rule && `${f.sheet}!${f.cell}` === cell)!;

describe("fixes in the pane", () => {
  it("修正 applies the chosen fix in one batch, checks again, and only that finding goes", async () => {
    const { host, pane, fixes } = await setup();
    const before = keys(pane);
    const f = find(pane, "text-hygiene", "项目A!D14");
    fixes.openPreview(f.key);
    expect(fixes.getState().previewKey).toBe(f.key);
    const reads = host.count("read");
    expect(await fixes.applyFix(f, 0)).toBe(true);
    expect(host.count("applyEdits")).toBe(1);
    expect(host.editBatches).toEqual([
      [{ sheet: "项目A", cell: "D14", before: "支出标准。", after: "支出标准" }],
    ]);
    expect(host.count("read")).toBe(reads + 1); // checked again
    expect(fixes.getState()).toMatchObject({ previewKey: null, applying: false });
    expect(pane.getState().status).toMatchObject({
      intent: "success",
      source: "fix",
      text: "已修正 1 个单元格。",
    });
    const after = keys(pane);
    expect(before.filter((k) => !after.includes(k))).toEqual(["text-hygiene|punctuation|项目A!D14"]);
    expect(after.filter((k) => !before.includes(k))).toEqual([]);
  });

  it("applies a suggestion only when chosen: ≥95 → ≥95% on both value cells", async () => {
    const { host, pane, fixes } = await setup();
    const f = find(pane, "unit-missing", "项目A!E18");
    expect(f.fixes?.map((x) => x.kind)).toEqual(["suggestion"]);
    expect(fixes.safeFixes().chosen.some((c) => c.diagnostic.rule === "unit-missing")).toBe(false);
    await fixes.applyFix(f, 0);
    expect(cellAt(host.snapshot, "项目A", "E18")?.value).toBe("≥95%");
    expect(cellAt(host.snapshot, "项目A", "F18")?.value).toBe("≥95%");
    expect(keys(pane)).not.toContain("unit-missing|percent|项目A!E18");
  });

  it("全部安全修正 writes every safe fix in one batch; a second fix of the same cell waits for the next check", async () => {
    const { host, pane, fixes } = await setup();
    const all = fixes.safeFixes();
    expect(all.chosen.map((c) => `${c.diagnostic.sheet}!${c.diagnostic.cell}:${c.fix.messageId}`)).toEqual([
      "部门!B11:fixHtml",
      "项目A!D14:fixPunctuation",
    ]);
    expect(all.conflicts).toBe(1); // 优化优化 in the same cell
    fixes.confirmAll();
    expect(fixes.getState().confirmingAll).toBe(true);
    expect(await fixes.applyAllSafe()).toBe(true);
    expect(host.count("applyEdits")).toBe(1);
    expect(host.editBatches[0]).toHaveLength(2);
    expect(pane.getState().status?.text).toBe(
      "已修正 2 个单元格。另有 1 处修正与其涉及同一单元格，请重新检查后再应用。",
    );
    // The re-check offers the remaining one, made from the new value.
    const next = fixes.safeFixes();
    expect(next.chosen.map((c) => c.fix.edits[0])).toEqual([
      { sheet: "部门", cell: "B11", before: "通过优化优化服务", after: "通过优化服务" },
    ]);
    await fixes.applyAllSafe();
    expect(fixes.safeFixes().chosen).toEqual([]);
    expect(keys(pane).filter((k) => k.startsWith("text-hygiene"))).toEqual([]);
  });

  it("refuses a fix whose cell changed since the check, writes nothing and checks again", async () => {
    const { host, pane, fixes } = await setup();
    const f = find(pane, "text-hygiene", "项目A!D14");
    const s = host.snapshot.sheets.find((x) => x.name === "项目A")!;
    s.values[13 - s.top][3 - s.left] = "支出标准（已改）。"; // a co-author's edit
    if (s.text) s.text[13 - s.top][3 - s.left] = "支出标准（已改）。";
    const reads = host.count("read");
    expect(await fixes.applyFix(f, 0)).toBe(false);
    expect(host.editBatches).toEqual([]);
    expect(host.count("read")).toBe(reads + 1);
    expect(pane.getState().status).toMatchObject({ intent: "warning", source: "fix" });
    expect(pane.getState().status?.text).toContain("项目A!D14 在检查后已被修改");
    // The new finding carries a fix made from the new value.
    expect(find(pane, "text-hygiene", "项目A!D14").fixes?.[0].edits[0].before).toBe("支出标准（已改）。");
  });

  it("a host failure becomes the pane's status", async () => {
    const { host, pane, fixes } = await setup();
    host.fail("applyEdits", new Error("连接已断开"));
    expect(await fixes.applyFix(find(pane, "text-hygiene", "项目A!D14"), 0)).toBe(false);
    expect(pane.getState().status).toMatchObject({ intent: "error", source: "fix" });
    expect(pane.getState().status?.text).toContain("修正未完成");
    expect(fixes.getState().applying).toBe(false);
  });
});
