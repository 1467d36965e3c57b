/**
 * 新建项目表, 插入指标行 and 补全标准结构 in a workbook of two non-Dongguan families (a 湖南 2023 project
 * form with merged labels and a 内蒙古 一体化 export with 一级 repeated and split 指标性质/目标值/计量单位
 * columns), written by the `new --template` layouts, through the add-in's logic (src/app/insert.ts)
 * and the Office.js adapter on the in-memory Excel host. Each result is re-read and re-checked.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/checker";
import type { Form } from "../../src/engine/model";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { readWorkbook } from "../../src/engine/read-forms";
import {
  completeStructure,
  groupChoices,
  insertIndicatorRow,
  newProjectSheet,
  prepareInsertion,
} from "../../src/app/insert";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { writeFormLayout } from "../../src/hosts/xlsx/write-template";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../../src/emulator/excel";
import { INDICATOR_LIBRARY, fillEntry } from "../../src/template/library";
import { profileFormLayout } from "../../src/template/profile-layout";
import type { FormLayout } from "../../src/template/types";
import { PROFILES_BY_ID } from "../../src/templates";

const HUNAN = "hunan-2023-project";
/**
 * context.sync() calls of one 插入指标行 (the fresh read, the sheet's protection, the insertion): the
 * same 4 as in the ten-sheet Dongguan example — the count does not grow with the family or the sheets.
 */
const SYNCS_PER_INSERT = 4;
const YITIHUA = "neimenggu-yitihua-project";

function layoutOf(id: string): FormLayout {
  const l = profileFormLayout(PROFILES_BY_ID.get(id)!, { year: 2027, dept: "测试局", name: `${id} 项目` });
  if ("error" in l) throw new Error(l.error);
  return l;
}

/** The 一体化 form with its 时效指标 row left without labels (a form that lacks that 二级). */
function withoutTimeliness(l: FormLayout): FormLayout {
  const row = l.cells.find((c) => c.value === "时效指标")!.row;
  return { ...l, cells: l.cells.map((c) => (c.row === row ? { ...c, value: null } : c)) };
}

async function setup(sheets: [string, FormLayout][]) {
  const wb = new ExcelJS.Workbook();
  for (const [name, layout] of sheets) writeFormLayout(wb.addWorksheet(name), layout);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const excel = createMemoryExcel(await memoryWorkbookFromXlsx(data, "two-families.xlsx"));
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    lang: "zh",
    kind: "memory",
  });
  return { excel, host };
}

const structural = (s: WorkbookSnapshot) =>
  checkWorkbook(s)
    .diagnostics.filter((d) => d.category !== "required")
    .map((d) => `${d.rule} ${d.cell}`);

function text(s: WorkbookSnapshot, sheet: string, row: number, col: number): string {
  const sh = s.sheets.find((x) => x.name === sheet)!;
  const v = sh.values[row - sh.top]?.[col - sh.left];
  return v === null || v === undefined ? "" : String(v);
}

function formOn(s: WorkbookSnapshot, sheet: string): { form: Form; index: number } {
  const model = readWorkbook(s);
  const index = model.forms.findIndex((f) => f.sheet === sheet);
  return { form: model.forms[index], index };
}

const entry = (level2: keyof typeof INDICATOR_LIBRARY, name: string) =>
  fillEntry(
    INDICATOR_LIBRARY[level2].find((e) => e.name === name)!,
    {},
  );

describe("a workbook of two non-Dongguan families", () => {
  it("reads both forms by their profiles; the 二级 offered come from each form's tree", async () => {
    const { host } = await setup([
      ["湖南项目", layoutOf(HUNAN)],
      ["一体化项目", layoutOf(YITIHUA)],
    ]);
    const prepared = await prepareInsertion(host);
    expect(prepared.model.forms.map((f) => f.template?.id)).toEqual([HUNAN, YITIHUA]);
    // Both are on the 2015 tree: 成本指标 is a 二级 of 产出指标, 服务对象满意度 one of 效益指标.
    const groups = groupChoices(prepared.model.forms[1]);
    expect(groups.map((g) => `${g.level1}/${g.level2}/${g.present}`)).toEqual([
      "产出指标/数量指标/true",
      "产出指标/质量指标/true",
      "产出指标/时效指标/true",
      "产出指标/成本指标/true",
      "效益指标/经济效益指标/true",
      "效益指标/社会效益指标/true",
      "效益指标/生态效益指标/true",
      "效益指标/可持续影响指标/true",
      "效益指标/服务对象满意度指标/true",
    ]);
  });

  it("新建项目表 adds a project form of the workbook's family, prefilled, with no new structural finding", async () => {
    const { host } = await setup([
      ["湖南项目", layoutOf(HUNAN)],
      ["一体化项目", layoutOf(YITIHUA)],
    ]);
    const before = await host.read();
    const added = await newProjectSheet(host, await prepareInsertion(host));
    expect(added.sheetName).toBe("项目绩效目标表");
    const after = await host.read();
    const { form } = formOn(after, "项目绩效目标表");
    expect(form.template?.id).toBe(HUNAN); // the family of the workbook's first project form
    expect(form.fields?.find((f) => f.role === "implementingUnit")?.text).toBe("测试局");
    expect(text(after, "项目绩效目标表", 0, 0)).toBe("项目支出绩效目标申报表");
    expect(structural(after)).toEqual(structural(before));
    expect(structural(after)).toEqual([]);
  });

  it("插入指标行 in the split-column form fills 指标性质 | 目标值 | 计量单位 and repeats 一级/二级", async () => {
    const { host, excel } = await setup([
      ["湖南项目", layoutOf(HUNAN)],
      ["一体化项目", layoutOf(YITIHUA)],
    ]);
    const sheet = "一体化项目";
    // The 数量指标 row has no 三级 yet: the first entry goes into it.
    let prepared = await prepareInsertion(host);
    let { form, index } = formOn(prepared.snapshot, sheet);
    const slotRow = form.slots.find((s) => s.level2 === "数量指标")!.ref.row;
    const first = await insertIndicatorRow(
      host,
      prepared,
      index,
      "数量指标",
      entry("数量指标", "补助发放人数"),
    );
    expect(first.ok && first.plan.steps[0].count).toBe(0);
    // The second goes into a new row under it.
    prepared = await prepareInsertion(host);
    ({ index } = formOn(prepared.snapshot, sheet));
    excel.resetSyncCount();
    const second = await insertIndicatorRow(host, prepared, index, "数量指标", entry("数量指标", "服务人次"));
    // One read of the workbook (values, formats, merges), the sheet's protection, then the insertion.
    expect(excel.syncCount).toBe(SYNCS_PER_INSERT);
    expect(second.ok && second.plan.steps[0]).toMatchObject({ beforeRow: slotRow + 1, count: 1 });

    const after = await host.read();
    // Columns: A 绩效指标 | B 一级 | C 二级 | D 三级 | E 指标性质 | F 指标方向 | G 目标值 | H 计量单位.
    const row = (r: number) => [1, 2, 3, 4, 6, 7].map((c) => text(after, sheet, r, c));
    expect(row(slotRow)).toEqual(["产出指标", "数量指标", "补助发放人数", "=", "__", "人"]);
    expect(row(slotRow + 1)).toEqual(["产出指标", "数量指标", "服务人次", "≥", "__", "人次"]);
    expect(text(after, sheet, slotRow + 2, 2)).toBe("质量指标"); // the rows below moved down

    ({ form } = formOn(after, sheet));
    expect(form.template?.id).toBe(YITIHUA);
    expect(form.structureIssues).toEqual([]);
    const added = form.indicators.filter((i) => i.level2 === "数量指标");
    // The reader composes operator and value (it adds the unit only to a number).
    expect(added.map((i) => `${i.name} ${i.annual.raw}`)).toEqual(["补助发放人数 =__", "服务人次 ≥__"]);
    // No structural finding; the blanks are reported until the numbers are typed in.
    expect(structural(after)).toEqual([]);
    const { diagnostics } = checkWorkbook(after);
    const onForm = diagnostics.filter((d) => d.sheet === sheet);
    expect(onForm.filter((d) => d.messageId === "unfilled-value").map((d) => d.row)).toEqual([
      slotRow,
      slotRow + 1,
    ]);
    expect(onForm.some((d) => d.rule === "required-indicators" && d.args.group === "数量指标")).toBe(false);
  });

  it("插入指标行 in the merged-label form writes the value with its unit and grows the label merges", async () => {
    const { host } = await setup([
      ["湖南项目", layoutOf(HUNAN)],
      ["一体化项目", layoutOf(YITIHUA)],
    ]);
    const sheet = "湖南项目";
    for (const name of ["设备完好率", "验收合格率"]) {
      const prepared = await prepareInsertion(host);
      const { index } = formOn(prepared.snapshot, sheet);
      const done = await insertIndicatorRow(host, prepared, index, "质量指标", entry("质量指标", name));
      expect(done.ok).toBe(true);
    }
    const after = await host.read();
    const { form } = formOn(after, sheet);
    expect(form.template?.id).toBe(HUNAN);
    const quality = form.indicators.filter((i) => i.level2 === "质量指标");
    expect(quality.map((i) => `${i.name} ${i.annual.raw}`)).toEqual(["设备完好率 ≥__%", "验收合格率 __%"]);
    const merges = after.sheets.find((s) => s.name === sheet)!.merges;
    // 产出指标 (B) spans its five rows now; 绩效指标 (A) the whole table.
    const l1 = form.slots.find((s) => s.level2 === "数量指标")!.ref.row;
    expect(merges).toContainEqual({ top: l1, left: 1, bottom: l1 + 4, right: 1 });
    expect(form.structureIssues).toEqual([]);
    expect(structural(after)).toEqual([]);
  });

  it("补全标准结构 adds the missing 二级 row with its 一级 repeated", async () => {
    const { host } = await setup([
      ["湖南项目", layoutOf(HUNAN)],
      ["一体化项目", withoutTimeliness(layoutOf(YITIHUA))],
    ]);
    const sheet = "一体化项目";
    const prepared = await prepareInsertion(host);
    const { index, form: before } = formOn(prepared.snapshot, sheet);
    expect(before.slots.map((s) => s.level2)).not.toContain("时效指标");
    const done = await completeStructure(host, prepared, index);
    expect(done.ok).toBe(true);
    const after = await host.read();
    const { form } = formOn(after, sheet);
    const slot = form.slots.find((s) => s.level2 === "时效指标")!;
    expect(slot.level1).toBe("产出指标");
    expect(text(after, sheet, slot.ref.row, 1)).toBe("产出指标");
    expect(form.structureIssues).toEqual([]);
    expect(structural(after)).toEqual([]);
  });
});
