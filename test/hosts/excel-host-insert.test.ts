/**
 * Template edits through the Office.js adapter on the in-memory Excel host: indicator rows inserted
 * at the start, middle and end of a group, in a one-form sheet and in a stacked sheet with forms
 * below; missing 二级 slots completed; a new template project sheet. Each result is re-read and
 * re-checked: the edit adds only what was asked and breaks nothing around it.
 */
import { memoryHost } from "../support/memory-host";
import ExcelJS from "exceljs";
import { projectRows } from "../support/forms";
import { checkWorkbook } from "../../src/checker";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readWorkbook } from "../../src/engine/read-forms";
import type { ProjectForm } from "../../src/engine/model";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../../src/emulator/excel";
import { planCompleteStructure, planInsertIndicatorRow, planNewProjectSheet } from "../../src/template/plans";
import type { RowInsertPlan } from "../../src/template/types";

const PER_SHEET = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";

const setup = (file: string) => memoryHost(file);

/** Findings as `rule@form-name` (cells move when rows are inserted; forms keep their names). */
function findingsByForm(snapshot: WorkbookSnapshot): string[] {
  const { model, diagnostics } = checkWorkbook(snapshot);
  return diagnostics
    .map(
      (d) => `${d.rule}/${d.messageId}@${d.formIndex === null ? "-" : model.forms[d.formIndex].displayName}`,
    )
    .sort();
}

const ENTRY = { name: "资料归档完整率", period: "100%", annual: "100%" };

function plan(
  snapshot: WorkbookSnapshot,
  formName: string,
  afterRow?: (f: ProjectForm) => number,
): RowInsertPlan {
  const model = readWorkbook(snapshot);
  const index = model.forms.findIndex((f) => f.displayName === formName);
  expect(index).toBeGreaterThanOrEqual(0);
  const form = model.forms[index] as ProjectForm;
  const p = planInsertIndicatorRow(model, snapshot, index, {
    level2: "数量指标",
    entry: ENTRY,
    ...(afterRow ? { afterRow: afterRow(form) } : {}),
  });
  if ("error" in p) throw new Error(p.error);
  return p;
}

describe("inserting an indicator row through the adapter", () => {
  it.each([
    ["end of the group (default)", undefined],
    ["start of the group", (f: ProjectForm) => f.indicators.find((i) => i.level2 === "数量指标")!.row],
    ["middle of the group", (f: ProjectForm) => f.indicators.filter((i) => i.level2 === "数量指标")[1].row],
  ] as const)("in a one-form sheet, at the %s", async (_label, afterRow) => {
    const { host, excel } = await setup(PER_SHEET);
    const before = await host.read();
    const p = plan(before, "综合窗口管理工作经费", afterRow);
    excel.resetSyncCount();
    await host.applyRowInsert(p);
    // The sheet's protection, then the whole insertion.
    expect(excel.syncCount).toBe(2);
    const after = await host.read();
    const form = readWorkbook(after).forms.find(
      (f) => f.displayName === "综合窗口管理工作经费",
    ) as ProjectForm;
    const quantity = form.indicators.filter((i) => i.level2 === "数量指标").map((i) => i.name);
    expect(quantity).toHaveLength(4);
    expect(quantity).toContain("资料归档完整率");
    // The values are stored as text, as typed, not turned into numbers by Excel.
    const added = form.indicators.find((i) => i.name === "资料归档完整率")!;
    const sheet = after.sheets.find((s) => s.name === "综合窗口管理工作经费")!;
    expect(sheet.values[added.row - sheet.top][added.annual.ref.col - sheet.left]).toBe("100%");
    expect(form.structureIssues).toEqual([]);
    // Nothing else changed in what the checker sees.
    expect(findingsByForm(after)).toEqual(findingsByForm(before));
    // The new 三级 cell is selected.
    expect(excel.workbook.activeSheet).toBe("综合窗口管理工作经费");
  });

  it("formulas elsewhere keep pointing at the same cells", async () => {
    const { host, excel } = await setup(PER_SHEET);
    // A summary sheet that points at the project's budget (B8) and satisfaction value (F28).
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("汇总");
      ws.getRange("A1:B1").formulas = [["='综合窗口管理工作经费'!B8", "='综合窗口管理工作经费'!F28"]];
      await context.sync();
    });
    await host.applyRowInsert(plan(await host.read(), "综合窗口管理工作经费"));
    const formulas = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("汇总").getRange("A1:B1");
      r.load("formulas");
      await context.sync();
      return r.formulas[0];
    });
    // B8 is above the new row; the satisfaction value moved down one row with its cell.
    expect(formulas).toEqual(["='综合窗口管理工作经费'!B8", "='综合窗口管理工作经费'!F29"]);
  });

  it("in a stacked sheet: the forms below move down and read exactly as before", async () => {
    const { host } = await setup(STACKED);
    const before = await host.read();
    const p = plan(before, "机关事业单位派遣人员经费");
    await host.applyRowInsert(p);
    const after = await host.read();
    const model = readWorkbook(after);
    expect(model.forms).toHaveLength(10);
    const first = model.forms.find((f) => f.displayName === "机关事业单位派遣人员经费") as ProjectForm;
    expect(first.indicators.map((i) => i.name)).toContain("资料归档完整率");
    expect(findingsByForm(after)).toEqual(findingsByForm(before));
    const below = readWorkbook(before).forms.map((f) => f.range.top);
    const moved = model.forms.map((f) => f.range.top);
    const idx = model.forms.indexOf(first);
    for (let i = idx + 1; i < moved.length; i++) expect(moved[i]).toBe(below[i] + 1);
  });
});

describe("completing the standard structure and adding a project sheet", () => {
  it("the add-in's own inserts are not taken for user edits", async () => {
    const { host, excel } = await setup(PER_SHEET);
    const edits: string[] = [];
    await host.onUserEdit((s) => edits.push(s));
    const snapshot = await host.read();
    await host.applyRowInsert(plan(snapshot, "综合窗口管理工作经费"));
    await host.addSheet(
      planNewProjectSheet(
        readWorkbook(snapshot),
        snapshot.sheets.map((s) => s.name),
      ),
    );
    await excel.idle();
    expect(edits).toEqual([]);
    await excel.userEdit("伙食补助费", "B12", "x");
    expect(edits).toEqual(["伙食补助费"]);
  });

  it("adds a blank template project sheet that checks with required findings only", async () => {
    const { host, wb } = await setup(PER_SHEET);
    const snapshot = await host.read();
    const model = readWorkbook(snapshot);
    const p = planNewProjectSheet(
      model,
      snapshot.sheets.map((s) => s.name),
    );
    await host.addSheet(p);
    const after = await host.read();
    const { model: m2, diagnostics } = checkWorkbook(after);
    const index = m2.forms.findIndex((f) => f.sheet === p.sheetName);
    const added = m2.forms[index] as ProjectForm;
    expect(added.kind).toBe("project");
    expect(added.owner?.text).toBe("东莞市南城政务服务中心");
    expect(added.budgetLabel?.year).toBe(2026);
    const own = diagnostics.filter((d) => d.formIndex === index);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((d) => d.category))).toEqual(new Set(["required"]));
    expect(wb.activeSheet).toBe(p.sheetName);
  });

  it("leaves complete forms alone", async () => {
    const { host } = await setup(PER_SHEET);
    const snapshot = await host.read();
    const model = readWorkbook(snapshot);
    for (let i = 0; i < model.forms.length; i++) expect(planCompleteStructure(model, snapshot, i)).toBeNull();
  });

  it("inserts the missing 二级 slots of a form in their standard order", async () => {
    // A project form without 社会成本指标, 质量指标 and the whole 效益指标 group.
    const rows = projectRows({
      indicators: [
        ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤100000元"],
        [null, "生态环境成本指标", null, null, null],
        ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
        [null, "时效指标", "按时完成率", "100%", "100%"],
        ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
      ],
    });
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("项目");
    rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c !== null && typeof c !== "object") ws.getCell(i + 1, j + 1).value = c;
        else if (c && typeof c === "object" && typeof c.v === "number") ws.getCell(i + 1, j + 1).value = c.v;
      }),
    );
    const wb = await memoryWorkbookFromXlsx(new Uint8Array(await book.xlsx.writeBuffer()), "partial.xlsx");
    const excel = createMemoryExcel(wb);
    const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, lang: "zh" });
    const snapshot = await host.read();
    const p = planCompleteStructure(readWorkbook(snapshot), snapshot, 0);
    expect(p).not.toBeNull();
    await host.applyRowInsert(p!);
    const form = readWorkbook(await host.read()).forms[0] as ProjectForm;
    expect(form.slots.map((s) => s.level2)).toEqual([
      "经济成本指标",
      "社会成本指标",
      "生态环境成本指标",
      "数量指标",
      "质量指标",
      "时效指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "服务对象满意度指标",
    ]);
    expect(form.structureIssues).toEqual([]);
    expect(form.indicators.map((i) => i.name)).toEqual([
      "预算控制数",
      "服务人数",
      "按时完成率",
      "服务对象满意度",
    ]);
  });
});
