/**
 * The 插入 tab over a fake host: defaults from the selection, the 指标库 with the budget filled in,
 * blank rows, 补全标准结构, 新建项目表, the re-check after an insertion, the messages, and host
 * failures as statuses. Plus a server-side render of the panel with its test ids.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  completeStructure,
  insertIndicatorRow,
  newProjectSheet,
  planIndicatorRow,
  prepareInsertion,
} from "../../src/app/insert";
import { readWorkbook } from "../../src/engine/read-forms";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import type { CellAddress, Lang } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { InsertPanel } from "../../src/taskpane/components/InsertPanel";
import { PaneController } from "../../src/taskpane/controller";
import type { InsertHandlers } from "../../src/taskpane/handlers";
import { InsertController, type InsertState } from "../../src/taskpane/insert-controller";
import { TaskPane } from "../../src/taskpane/TaskPane";
import {
  departmentRows,
  projectRows,
  sheet,
  stack,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { FakeHost } from "./fake-host";

/**
 * 部门 (a department form), and on sheet 项目 two stacked project forms: 项目A (rows 1–23, its
 * indicator header on row 13, 经济成本 row 14 … 满意度 row 23) and 项目B (from row 25), which lacks
 * the 社会成本 and 生态效益 rows.
 */
function forms(): WorkbookSnapshot {
  const partial = standardIndicators().filter((_, i) => i !== 1 && i !== 8);
  return workbook(
    sheet("部门", departmentRows()),
    sheet("项目", stack(projectRows({ name: "项目A" }), projectRows({ name: "项目B", indicators: partial }))),
  );
}

/** 项目A without any 数量 indicator (a required-indicators error at C17). */
function missingQuantity(): WorkbookSnapshot {
  const indicators = standardIndicators();
  indicators[3] = ["产出指标", "数量指标", null, null, null] as IndicatorRow;
  return workbook(sheet("项目", projectRows({ name: "项目A", indicators })));
}

function setup(snapshot = forms(), activeCell: CellAddress | null = null, lang: Lang = "zh") {
  const host = new FakeHost(snapshot, { activeCell, lang });
  const pane = new PaneController(host, lang);
  const insert = new InsertController(host, lang, pane);
  return { host, pane, insert };
}

const at = (sheetName: string, cell: string): CellAddress => ({ sheet: sheetName, cell });
const names = (snapshot: WorkbookSnapshot, form: number) =>
  readWorkbook(snapshot).forms[form].indicators.map((i) => `${i.level2}:${i.name}@${i.row}`);

describe("prepareInsertion (src/app/insert.ts)", () => {
  it("defaults to the form and group around the selected cell", async () => {
    const host = new FakeHost(forms(), { activeCell: at("项目", "D18") });
    const p = await prepareInsertion(host);
    expect(p.selection).toEqual(at("项目", "D18"));
    expect(p.model.forms[p.defaultFormIndex!].displayName).toBe("项目A");
    expect(p.defaultLevel1).toBe("产出指标");
    expect(p.defaultLevel2).toBe("质量指标");
  });

  it("a cell above the indicator table gives the form but no group; outside every form, nothing", async () => {
    const host = new FakeHost(forms(), { activeCell: at("项目", "B27") });
    let p = await prepareInsertion(host);
    expect(p.model.forms[p.defaultFormIndex!].displayName).toBe("项目B");
    expect(p.defaultLevel2).toBeNull();
    host.activeCell = at("项目", "A24");
    p = await prepareInsertion(host);
    expect(p.defaultFormIndex).toBeNull();
  });

  it("a failed getSelection leaves the selection out and keeps the read", async () => {
    const host = new FakeHost(forms(), { activeCell: at("项目", "D18") });
    host.fail("getSelection", new Error("no selection API"));
    const p = await prepareInsertion(host);
    expect(p.selection).toBeNull();
    expect(p.selectionError).toEqual(new Error("no selection API"));
    expect(p.model.forms).toHaveLength(3);
  });

  it("plans and applies against a fresh read", async () => {
    const host = new FakeHost(forms(), { activeCell: at("项目", "D18") });
    const p = await prepareInsertion(host);
    const preview = planIndicatorRow(p, 1, "质量指标", {
      name: "设备完好率",
      period: "≥95%",
      annual: "≥95%",
    });
    expect(preview).toMatchObject({ ok: true, plan: { sheet: "项目", select: { row: 18, col: 3 } } });
    const done = await insertIndicatorRow(host, p, 1, "质量指标", {
      name: "设备完好率",
      period: "≥95%",
      annual: "≥95%",
    });
    expect(done).toEqual(preview);
    expect(host.rowInserts).toHaveLength(1);
    expect(names(host.snapshot, 1)).toContain("质量指标:设备完好率@18");
    // Structure and sheets through the same functions.
    const p2 = await prepareInsertion(host);
    expect(await completeStructure(host, p2, 2)).toMatchObject({ ok: true });
    expect(await completeStructure(host, await prepareInsertion(host), 2)).toEqual({
      ok: false,
      error: "complete",
    });
    const sheet = await newProjectSheet(host, await prepareInsertion(host));
    expect(sheet.sheetName).toBe("项目绩效目标表");
    expect(host.addedSheets).toHaveLength(1);
  });
});

describe("the insert controller: defaults and messages", () => {
  it("preselects the form and group of the selection and lists the group's library", async () => {
    const { insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    const s = insert.getState();
    expect(s.forms.map((f) => `${f.name}@${f.sheet}`)).toEqual(["测试部门@部门", "项目A@项目", "项目B@项目"]);
    expect(s.formIndex).toBe(1);
    expect(s.level2).toBe("质量指标");
    expect(s.library.map((c) => c.entry.name)).toContain("验收合格率");
    expect(s.library.every((c) => c.level2 === "质量指标")).toBe(true);
    expect(s.message).toBeNull();
    // A blank row is the default: its preview is there before anything is chosen.
    expect(s.rowPlan).toMatchObject({ ok: true, plan: { preview: ["质量指标 › （空白三级指标行）"] } });
  });

  it("says so when nothing is selected, and waits for a form to be chosen", async () => {
    const { host, insert } = setup(forms(), null);
    await insert.prepare();
    let s = insert.getState();
    expect(s.formIndex).toBeNull();
    expect(s.message).toMatchObject({ kind: "no-selection", intent: "info" });
    expect(s.message?.text).toContain("没有选中的单元格");
    await expect(insert.insertRow()).resolves.toBe(false);
    expect(host.count("applyRowInsert")).toBe(0);
    insert.chooseForm(2);
    s = insert.getState();
    expect(s.message).toBeNull();
    expect(s.groups.filter((g) => !g.present).map((g) => g.level2)).toEqual(["社会成本指标", "生态效益指标"]);
  });

  it("says so when the selected cell is outside every form", async () => {
    const { insert } = setup(forms(), at("项目", "A24"));
    await insert.prepare();
    expect(insert.getState().message).toMatchObject({ kind: "outside-form", intent: "warning" });
    expect(insert.getState().message?.text).toContain("项目!A24 不在任何绩效目标表内");
  });

  it("says so when the selection cannot be read", async () => {
    const { host, insert } = setup(forms(), at("项目", "D18"));
    host.fail("getSelection", new Error("busy"));
    await insert.prepare();
    expect(insert.getState().message).toMatchObject({ kind: "selection-failed" });
    expect(insert.getState().message?.text).toContain("busy");
  });

  it("says so when the form has no indicator table, or lacks the group", async () => {
    const noTable = workbook(
      sheet("项目", projectRows({ name: "无表" }).slice(0, 12)),
      sheet(
        "项目2",
        projectRows({ name: "项目B", indicators: standardIndicators().filter((_, i) => i !== 1) }),
      ),
    );
    const { host, insert } = setup(noTable, at("项目", "B3"));
    await insert.prepare();
    let s = insert.getState();
    expect(s.message).toMatchObject({ kind: "no-table", intent: "warning" });
    expect(s.message?.text).toContain("「无表」没有绩效指标表");
    expect(s.groups).toEqual([]);
    insert.chooseForm(1);
    insert.chooseLevel2("社会成本指标");
    s = insert.getState();
    expect(s.rowPlan).toEqual({ ok: false, error: "no-group" });
    expect(s.message).toMatchObject({ kind: "no-group" });
    expect(s.message?.text).toContain("请先「补全标准结构」");
    await insert.insertRow();
    expect(host.count("applyRowInsert")).toBe(0);
  });

  it("tells when the workbook holds no form", async () => {
    const { insert } = setup(workbook(sheet("说明", [["说明文字"]])), at("说明", "A1"));
    await insert.prepare();
    expect(insert.getState().message).toMatchObject({ kind: "no-forms" });
  });

  it("searches the library of the group", async () => {
    const { insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    insert.search("设备");
    expect(insert.getState().library.map((c) => c.entry.name)).toEqual(["设备完好率"]);
    insert.search("不存在的指标");
    expect(insert.getState().library).toEqual([]);
  });
});

describe("插入指标行", () => {
  it("inserts a library entry with the form's budget filled in, re-checks and says what was inserted", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "D14"));
    await pane.check();
    await insert.prepare();
    expect(insert.getState().level2).toBe("经济成本指标");
    const entry = insert.getState().library.find((c) => c.entry.name === "项目支出总额")!;
    expect(entry.entry.period).toBe("≤100000元");
    insert.chooseEntry("项目支出总额");
    const plan = insert.getState().rowPlan;
    expect(plan).toMatchObject({
      ok: true,
      plan: {
        sheet: "项目",
        // After the selected row (14), so a new row 15.
        select: { row: 14, col: 3 },
        preview: ["经济成本指标 › 项目支出总额 · ≤100000元 · ≤100000元"],
      },
    });

    await expect(insert.insertRow()).resolves.toBe(true);
    expect(host.rowInserts).toHaveLength(1);
    expect(names(host.snapshot, 1)).toContain("经济成本指标:项目支出总额@14");
    const row = readWorkbook(host.snapshot).forms[1].indicators.find((i) => i.name === "项目支出总额")!;
    expect([row.period.raw, row.annual.raw]).toEqual(["≤100000元", "≤100000元"]);
    expect(host.activeCell).toEqual(at("项目", "D15"));
    // Checked again (2 reads by checks, the others by the insert tab).
    expect(host.count("applyMarks")).toBe(2);
    expect(pane.getState().status).toEqual({
      intent: "success",
      text: "已在「项目A」的「经济成本指标」下插入指标「项目支出总额」（项目!D15）。",
      source: "insert",
    });
    // The tab read the workbook again: the new row is the selection, its group stays chosen.
    const s = insert.getState();
    expect(s.prepared?.selection).toEqual(at("项目", "D15"));
    expect(s.level2).toBe("经济成本指标");
    expect(s.entryName).toBeNull();
    expect(s.applying).toBeNull();
  });

  it("writes into the group's empty row, and the re-check no longer reports the empty group", async () => {
    const { host, pane, insert } = setup(missingQuantity(), at("项目", "C17"));
    await pane.check();
    expect(pane.getState().view?.findings.map((f) => f.rule)).toEqual(["required-indicators"]);
    await insert.prepare();
    expect(insert.getState().level2).toBe("数量指标");
    insert.chooseEntry("服务人次");
    const plan = insert.getState().rowPlan;
    expect(plan?.ok && plan.plan.steps[0].count).toBe(0);
    await insert.insertRow();
    expect(names(host.snapshot, 0)).toContain("数量指标:服务人次@16");
    // The empty group is no longer reported; the new row's numbers are blanks (≥__人次) still to fill.
    expect(pane.getState().view?.findings.map((f) => [f.rule, f.messageId, f.cell])).toEqual([
      ["indicator-value", "unfilled-value", "E17"],
      ["indicator-value", "unfilled-value", "F17"],
    ]);
    expect(pane.getState().status?.text).toBe(
      "已在「项目A」的「数量指标」下插入指标「服务人次」（项目!D17）。",
    );
  });

  it("inserts a blank row at the end of a group chosen by hand", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "B3"));
    await insert.prepare();
    expect(insert.getState().formIndex).toBe(1);
    expect(insert.getState().level2).toBeNull();
    expect(insert.getState().rowPlan).toBeNull();
    insert.chooseLevel2("时效指标");
    expect(insert.getState().rowPlan).toMatchObject({
      ok: true,
      plan: { select: { row: 19, col: 3 }, preview: ["时效指标 › （空白三级指标行）"] },
    });
    await insert.insertRow();
    const step = host.rowInserts[0].steps[0];
    expect(step).toMatchObject({ beforeRow: 19, count: 1, cells: [] });
    // The rows under it moved down by one.
    expect(names(host.snapshot, 1)).toContain("社会效益指标:服务水平@21");
    expect(pane.getState().status?.text).toBe("已在「项目A」的「时效指标」下插入空白指标行（项目!D20）。");
  });

  it("a failed insertion is an error status, not an exception; nothing is re-checked", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    host.fail("applyRowInsert", new Error("工作表受保护"));
    await expect(insert.insertRow()).resolves.toBe(false);
    expect(pane.getState().status).toEqual({
      intent: "error",
      text: "插入未完成：工作表受保护",
      source: "insert",
    });
    expect(host.count("applyMarks")).toBe(0);
    expect(insert.getState().applying).toBeNull();
    // A later successful read removes the error.
    await insert.prepare();
    expect(pane.getState().status).toBeNull();
  });

  it("a failed read is an error status", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "D18"));
    host.fail("read", new Error("工作簿已关闭"));
    await expect(insert.prepare()).resolves.toBeUndefined();
    expect(pane.getState().status).toMatchObject({ intent: "error", text: "读取工作簿未完成：工作簿已关闭" });
    expect(insert.getState().prepared).toBeNull();
    expect(insert.getState().preparing).toBe(false);
  });

  it("when the form is gone since the preview, nothing is written and the tab says why", async () => {
    const { host, insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    host.snapshot = workbook(sheet("部门", departmentRows()));
    await expect(insert.insertRow()).resolves.toBe(false);
    expect(host.count("applyRowInsert")).toBe(0);
    expect(insert.getState().message).toMatchObject({ kind: "form-gone" });
    expect(insert.getState().message?.text).toContain("找不到「项目A」");
  });

  it("when the check after the insertion fails, the status says both", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    host.fail("applyMarks", new Error("marks failed"));
    await insert.insertRow();
    expect(host.rowInserts).toHaveLength(1);
    expect(pane.getState().status?.intent).toBe("warning");
    expect(pane.getState().status?.text).toBe(
      "已在「项目A」的「质量指标」下插入空白指标行（项目!D19）。检查未完成：marks failed",
    );
  });
});

describe("补全标准结构", () => {
  it("previews the missing 二级 rows, inserts them and then finds the structure complete", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "B30"));
    await insert.prepare();
    expect(insert.getState().formIndex).toBe(2);
    insert.previewStructure();
    expect(insert.getState().structure).toEqual({
      ok: true,
      plan: expect.objectContaining({
        sheet: "项目",
        preview: ["成本指标 › 社会成本指标（新增二级指标行）", "效益指标 › 生态效益（新增二级指标行）"],
      }),
    });
    await expect(insert.applyStructure()).resolves.toBe(true);
    expect(host.rowInserts).toHaveLength(1);
    const form = readWorkbook(host.snapshot).forms[2];
    expect(form.slots.map((s) => s.level2)).toEqual(expect.arrayContaining(["社会成本指标", "生态效益指标"]));
    expect(pane.getState().status?.text).toBe("已为「项目B」补全 2 个二级指标行：社会成本指标、生态效益。");
    expect(insert.getState().structure).toBeNull();
    // The same form is still chosen (the new slot is selected); nothing more is missing.
    expect(insert.getState().formIndex).toBe(2);
    insert.previewStructure();
    expect(insert.getState().structure).toEqual({ ok: false, error: "complete" });
  });

  it("a complete form says 结构已完整 when previewed", async () => {
    const { insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    insert.previewStructure();
    expect(insert.getState().structure).toEqual({ ok: false, error: "complete" });
    const html = renderPanel(insert.getState());
    expect(html).toContain('data-testid="complete-preview"');
    expect(html).toContain("结构已完整");
    expect(html).not.toContain('data-testid="complete-apply"');
  });

  it("a failed insertion is an error status", async () => {
    const { host, pane, insert } = setup(forms(), at("项目", "B30"));
    await insert.prepare();
    insert.previewStructure();
    host.fail("applyRowInsert", "locked");
    await expect(insert.applyStructure()).resolves.toBe(false);
    expect(pane.getState().status).toMatchObject({ intent: "error", text: "插入未完成：locked" });
  });
});

describe("新建项目表", () => {
  it("previews the name and the prefilled fields, adds the sheet, re-checks", async () => {
    const { host, pane, insert } = setup(forms(), at("部门", "A1"));
    await pane.check();
    expect(pane.getState().view?.counts.forms).toBe(3);
    await insert.prepare();
    insert.previewNewSheet();
    expect(insert.getState().newSheet).toMatchObject({
      sheetName: "项目绩效目标表",
      owner: "测试部门",
      user: "测试部门",
      year: 2026,
    });
    await expect(insert.applyNewSheet()).resolves.toBe(true);
    expect(host.addedSheets.map((p) => p.sheetName)).toEqual(["项目绩效目标表"]);
    expect(host.snapshot.sheets.map((s) => s.name)).toContain("项目绩效目标表");
    expect(pane.getState().view?.counts.forms).toBe(4);
    expect(pane.getState().status).toMatchObject({
      intent: "success",
      text: "已新建工作表「项目绩效目标表」（项目绩效目标表）。",
    });
    // The new form is selected: the tab now defaults to it.
    const s = insert.getState();
    expect(s.newSheet).toBeNull();
    expect(s.forms[s.formIndex!].sheet).toBe("项目绩效目标表");
    // A second one gets a free name.
    insert.previewNewSheet();
    expect(insert.getState().newSheet?.sheetName).toBe("项目绩效目标表 (2)");
  });

  it("without a department form the fields stay blank", async () => {
    const { insert } = setup(workbook(sheet("项目", projectRows())), null);
    await insert.prepare();
    insert.previewNewSheet();
    expect(insert.getState().newSheet).toMatchObject({ owner: "", user: "" });
    const html = renderPanel(insert.getState());
    expect(html).toContain("（空，请填写）");
  });

  it("a failed addSheet is an error status", async () => {
    const { host, pane, insert } = setup(forms(), null);
    await insert.prepare();
    insert.previewNewSheet();
    host.fail("addSheet", new Error("名称已存在"));
    await expect(insert.applyNewSheet()).resolves.toBe(false);
    expect(pane.getState().status).toMatchObject({ intent: "error", text: "新建工作表未完成：名称已存在" });
    expect(host.addedSheets).toEqual([]);
  });
});

describe("PaneController.checkAfterChange", () => {
  it("waits for a running check, then checks the changed workbook", async () => {
    const { host, pane } = setup(missingQuantity());
    const release = host.hold("read");
    const running = pane.check();
    const after = pane.checkAfterChange();
    // The change lands while the first check is still reading.
    const fixed = standardIndicators();
    host.snapshot = workbook(sheet("项目", projectRows({ name: "项目A", indicators: fixed })));
    release();
    await running;
    await after;
    expect(host.count("read")).toBe(2);
    expect(pane.getState().view?.findings).toEqual([]);
  });
});

// ---- rendering -----------------------------------------------------------------------------------

const noop = () => undefined;
const HANDLERS: InsertHandlers = {
  refresh: noop,
  chooseForm: noop,
  chooseLevel2: noop,
  search: noop,
  chooseEntry: noop,
  insertRow: noop,
  previewStructure: noop,
  applyStructure: noop,
  cancelStructure: noop,
  previewNewSheet: noop,
  applyNewSheet: noop,
  cancelNewSheet: noop,
};

function renderPanel(state: InsertState, lang: Lang = "zh"): string {
  return renderToStaticMarkup(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(InsertPanel, { lang, state, handlers: HANDLERS }),
    ),
  );
}

describe("rendering", () => {
  it("the pane has the 检查 and 插入 tabs; 检查 is shown first", () => {
    const html = renderToStaticMarkup(createElement(App, { host: new FakeHost(forms()), lang: "zh" }));
    expect(html).toContain('data-testid="tab-check"');
    expect(html).toContain('data-testid="tab-insert"');
    expect(html).toContain(">检查<");
    expect(html).toContain(">插入<");
    expect(html).toContain('data-testid="check-button"');
    expect(html).not.toContain('data-testid="insert-panel"');
  });

  it("the 插入 tab shows the panel", () => {
    const html = renderToStaticMarkup(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(TaskPane, { host: new FakeHost(forms()), lang: "zh", initialTab: "insert" }),
      ),
    );
    expect(html).toContain('data-testid="insert-panel"');
    expect(html).toContain('data-testid="insert-refresh"');
    expect(html).not.toContain('data-testid="check-button"');
  });

  it("renders the form and group pickers, the library, the preview and the action buttons", async () => {
    const { insert } = setup(forms(), at("项目", "D18"));
    await insert.prepare();
    insert.chooseEntry("设备完好率");
    insert.previewNewSheet();
    const html = renderPanel(insert.getState());
    for (const id of [
      "insert-form",
      "insert-level2",
      "library-search",
      "library-blank",
      "insert-preview",
      "insert-row-button",
      "complete-structure-button",
      "new-sheet-button",
      "new-sheet-preview",
      "new-sheet-apply",
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html.match(/data-testid="library-entry"/g)?.length).toBe(insert.getState().library.length);
    expect(html).toMatch(/data-testid="library-entry" data-name="设备完好率" data-selected="true"/);
    expect(html).toContain("项目A（项目!A1:F23）");
    expect(html).toContain("产出指标 › 质量指标");
    // The library writes the number as a blank to fill; the example figure is only a hint.
    expect(html).toContain("质量指标 › 设备完好率 · ≥__% · ≥__%（例：≥95%）");
    expect(html).toContain("在工作表「项目」第 19 行插入新行（项目!D19）");
    expect(html).toContain("预算金额：100,000 元");
    expect(html).not.toContain('data-testid="insert-message"');
  });

  it("renders the message bar and the structure preview", async () => {
    const { insert } = setup(forms(), at("项目", "A24"));
    await insert.prepare();
    let html = renderPanel(insert.getState());
    expect(html).toContain('data-testid="insert-message"');
    expect(html).toContain('data-kind="outside-form"');
    expect(html).toMatch(
      /data-testid="insert-row-button"[^>]*disabled|disabled[^>]*data-testid="insert-row-button"/,
    );
    insert.chooseForm(2);
    insert.previewStructure();
    html = renderPanel(insert.getState());
    expect(html).toContain('data-testid="complete-preview"');
    expect(html).toContain('data-testid="complete-apply"');
    expect(html).toContain("成本指标 › 社会成本指标（新增二级指标行）");
    expect(html).toContain("在工作表「项目」插入 2 行");
  });

  it("speaks English with lang en", async () => {
    const { insert } = setup(forms(), null, "en");
    await insert.prepare();
    insert.previewNewSheet();
    const html = renderPanel(insert.getState(), "en");
    expect(html).toContain("No cell is selected");
    expect(html).toContain("Insert indicator row");
    expect(html).toContain("Complete the standard structure");
    expect(html).toContain("New project sheet");
    const app = renderToStaticMarkup(createElement(App, { host: new FakeHost(forms()), lang: "en" }));
    expect(app).toContain(">Check<");
    expect(app).toContain(">Insert<");
  });
});
