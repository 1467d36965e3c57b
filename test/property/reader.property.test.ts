/**
 * Property tests of the reader and the rules on arbitrary grids: `checkWorkbook` never throws, and
 * what it returns always points at real cells of real sheets.
 *
 * Two kinds of sheets are generated: grids of random cells (values of every type, labels drawn
 * from the template's vocabulary, indicator values), and canonical forms (test/support/forms.ts)
 * damaged at random (cells replaced, rows deleted / duplicated / inserted / shifted / cut short),
 * so the reader also runs deep into the form and indicator-table code. Both get random offsets,
 * random merges, and text / numberFormat / formulas arrays that are missing, matching or ragged.
 *
 * fast-check prints the seed and the shrunk counterexample of a failure.
 */
import fc from "fast-check";
import { checkWorkbook } from "../../src/checker";
import { parseA1 } from "../../src/engine/address";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { ALL_RULES } from "../../src/rules";
import { departmentRows, projectRows, stack, standardIndicators, type Cell } from "../support/forms";

/** Excel's grid: rows 0..1048575, columns 0..16383 (XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;
const SEVERITIES = new Set(["error", "warning", "info"]);
const CATEGORIES = new Set(["required", "amounts", "indicators", "wording", "consistency", "template"]);
const RULE_IDS = new Set(ALL_RULES.map((r) => r.meta.id));

/** Runs per property; FC_SCALE=10 for a deeper search (e.g. `FC_SCALE=10 npx jest test/property`). */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FC_SCALE ?? 1)));

// ---------------------------------------------------------------------------------------------
// Generators

/** Labels the reader looks for, with the spellings real workbooks use. */
const LABELS = [
  "部门名称",
  "单位名称",
  "项目名称",
  "项目名 称",
  "项目名称：",
  "基本信息",
  "预算整体情况",
  "财政供养人员数",
  "下属二级单位数",
  "基本支出",
  "项目支出",
  "财政拨款",
  "其他资金",
  "财政专项资金",
  "其他事业发展性支出",
  "市本级使用资金",
  "拟用于对下转移支付资金",
  "总体绩效目标",
  "年度重点工作任务",
  "名称",
  "主要实施内容",
  "拟投入的资金(元)",
  "期望达到的目标(概述)",
  "其他需完成的任务(可选填)",
  "项目类型",
  "项目等级",
  "主管部门",
  "用款单位",
  "实施周期",
  "起始年度",
  "到期年度",
  "2026年预算金额(元)",
  "预算金额",
  "实施周期总目标",
  "2026年度目标",
  "年度目标",
  "绩效指标",
  "一级指标",
  "二级指标",
  "三级指标",
  "实施周期指标值",
  "年度指标值",
  "指标值",
  "成本指标",
  "产出指标",
  "效益指标",
  "满意度指标",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "数量指标",
  "质量指标",
  "时效指标",
  "经济效益",
  "社会效益",
  "生态效益",
  "可持续影响",
  "服务对象满意度",
  "部门整体预算绩效目标申报表",
  "项目绩效目标表",
  "(2026年)",
  "2026年",
  "注：",
  "填报人",
];

const VALUES = [
  "≥95%",
  "≤60万元",
  "100%",
  "300元/人/月",
  "81140-165696元/年/人",
  "30分钟内",
  "有效提升",
  "12月底前完成",
  "≥90分",
  "1,672.54",
  "４,８３２,０３９.００",
  "(5.00)",
  "-3",
  "2026",
  "",
  " ",
  "　",
];

const errorValue = fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!");

/**
 * Narrowed (reported bug, src/engine/vocabulary.ts): matchLevel1 / matchLevel2 look labels up in
 * plain objects, so a label naming an Object.prototype member (`toString`, `constructor`,
 * `__proto__`, `valueOf`, ... also with 指标 after it) is "found": as a 二级 it makes checkWorkbook
 * throw `TypeError: Cannot read properties of undefined (reading 'includes')`
 * (indicator-table.ts, LEVEL2_PARENTS[l2]); as a 一级 it is accepted and messages read
 * `function toString() { [native code] }`. fast-check's strings favour these names, so random
 * text leaves them out until that is fixed.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const notPrototypeName = (s: string) => !PROTOTYPE_NAMES.some((p) => s.includes(p));
const randomText = (maxLength: number, unit?: "grapheme") =>
  fc.string({ maxLength, ...(unit ? { unit } : {}) }).filter(notPrototypeName);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(2026, 2025, 0, 0.1 + 0.2, 1e21, -0, 5e-324) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue.map((error) => ({ error })) },
  { weight: 2, arbitrary: randomText(12) },
  { weight: 1, arbitrary: randomText(12, "grapheme") },
);

/** A fixture cell (test/support/forms.ts) as the snapshot's value. */
function cellToValue(c: Cell): CellValue {
  if (c !== null && typeof c === "object") return c.v;
  return c === "" ? null : c;
}

const randomRows = fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 40 });

/** A canonical form (or two stacked) as value rows. */
const templateRows = fc
  .constantFrom(
    () => departmentRows(),
    () => projectRows(),
    () => projectRows({ noTitle: true }),
    () => projectRows({ indicators: standardIndicators().slice(0, 4) }),
    () => stack(projectRows(), projectRows()),
    () => stack(departmentRows(), projectRows()),
  )
  .map((make) => make().map((row) => row.map(cellToValue)));

type Mutation =
  | { kind: "set"; row: number; col: number; value: CellValue }
  | { kind: "delete"; row: number }
  | { kind: "duplicate"; row: number }
  | { kind: "insert"; row: number; cells: CellValue[] }
  | { kind: "shift-right"; row: number }
  | { kind: "shift-left"; row: number }
  | { kind: "cut"; row: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      row: fc.nat(60),
      col: fc.nat(9),
      value: cellValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), row: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), row: fc.nat(60) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      row: fc.nat(60),
      cells: fc.array(cellValue, { maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shift-right" as const), row: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shift-left" as const), row: fc.nat(60) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("cut" as const), row: fc.nat(60), length: fc.nat(6) }),
  },
);

function mutate(rows: CellValue[][], mutations: Mutation[]): CellValue[][] {
  const out = rows.map((r) => [...r]);
  for (const m of mutations) {
    if (out.length === 0) break;
    const i = m.row % out.length;
    switch (m.kind) {
      case "set":
        while (out[i].length <= m.col) out[i].push(null);
        out[i][m.col] = m.value;
        break;
      case "delete":
        out.splice(i, 1);
        break;
      case "duplicate":
        out.splice(i, 0, [...out[i]]);
        break;
      case "insert":
        out.splice(i, 0, m.cells);
        break;
      case "shift-right":
        out[i].unshift(null);
        break;
      case "shift-left":
        out[i].shift();
        break;
      case "cut":
        out[i].length = Math.min(out[i].length, m.length);
        break;
    }
  }
  return out;
}

const damagedTemplate = fc
  .tuple(templateRows, fc.array(mutation, { maxLength: 12 }))
  .map(([rows, ms]) => mutate(rows, ms));

/** Displayed text of a value, roughly as Excel shows it. */
function shown(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

const NUMBER_FORMATS = ["General", "@", "0", "0.00", "#,##0.00", "0%", "0.00%", "yyyy/m/d", ""];

/** A side array (text, numberFormat, formulas): absent, shaped like values, or of its own shape. */
function sideArray<T>(
  values: CellValue[][],
  derive: (v: CellValue) => fc.Arbitrary<T>,
  random: fc.Arbitrary<T>,
) {
  return fc.oneof(
    fc.constant(undefined),
    fc.tuple(...values.map((row) => (row.length ? fc.tuple(...row.map(derive)) : fc.constant([] as T[])))),
    fc.array(fc.array(random, { maxLength: 12 }), { maxLength: 40 }),
  ) as fc.Arbitrary<T[][] | undefined>;
}

/** Merges near the grid: small areas (overlapping or not), sometimes a whole column. */
function mergesAround(top: number, left: number, rows: number, cols: number): fc.Arbitrary<CellRange[]> {
  const area = fc
    .tuple(
      fc.integer({ min: Math.max(0, top - 2), max: top + rows + 2 }),
      fc.integer({ min: Math.max(0, left - 2), max: left + cols + 2 }),
      fc.nat(4),
      fc.nat(6),
    )
    .map(([t, l, h, w]) => ({
      top: t,
      left: l,
      bottom: Math.min(MAX_ROW, t + h),
      right: Math.min(MAX_COL, l + w),
    }));
  // A whole-column merge starts at row 0 only for sheets near the top: SheetGrid caps a merge's
  // bottom / right at the snapshot's extent but not its top / left, so a merge from row 0 over a
  // sheet whose data starts at row ~1e6 costs ~1e6 map entries (~0.7 s) per merge (reported).
  const wholeColumn = fc.integer({ min: left, max: left + cols + 1 }).map((c) => ({
    top: top <= 1000 ? 0 : top - 5,
    left: Math.min(c, MAX_COL),
    bottom: MAX_ROW,
    right: Math.min(c, MAX_COL),
  }));
  return fc.array(fc.oneof({ weight: 9, arbitrary: area }, { weight: 1, arbitrary: wholeColumn }), {
    maxLength: 10,
  });
}

const offset = (max: number, far: number) =>
  fc.oneof({ weight: 8, arbitrary: fc.nat(max) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: far }) });

function sheetArb(name: string): fc.Arbitrary<SheetSnapshot> {
  return fc
    .tuple(
      fc.oneof({ weight: 1, arbitrary: randomRows }, { weight: 2, arbitrary: damagedTemplate }),
      offset(30, MAX_ROW - 200),
      offset(8, MAX_COL - 40),
    )
    .chain(([values, top, left]) => {
      const width = values.reduce((w, r) => Math.max(w, r.length), 0);
      return fc.record({
        name: fc.constant(name),
        top: fc.constant(top),
        left: fc.constant(left),
        values: fc.constant(values),
        text: sideArray(
          values,
          (v) => fc.oneof({ weight: 5, arbitrary: fc.constant(shown(v)) }, fc.constant(null), randomText(8)),
          fc.oneof(fc.constant(null), fc.constantFrom(...LABELS), randomText(8)),
        ),
        numberFormat: sideArray(
          values,
          () => fc.oneof(fc.constantFrom(...NUMBER_FORMATS), fc.constant(null)),
          fc.oneof(fc.constantFrom(...NUMBER_FORMATS), fc.constant(null)),
        ),
        formulas: sideArray(
          values,
          () =>
            fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, fc.constantFrom("", "=SUM(C6:C7)", "=1/0")),
          fc.constantFrom(null, "", "=A1"),
        ),
        merges: mergesAround(top, left, values.length, width),
      });
    })
    .map((s) => {
      // Absent arrays are left out, not set to undefined (as the hosts build them).
      const out: SheetSnapshot = {
        name: s.name,
        top: s.top,
        left: s.left,
        values: s.values,
        merges: s.merges,
      };
      if (s.text) out.text = s.text;
      if (s.numberFormat) out.numberFormat = s.numberFormat;
      if (s.formulas) out.formulas = s.formulas;
      return out;
    });
}

const SHEET_NAMES = ["部门整体", "项目1", "Sheet1", "项目 2", "O'Brien", "表（二）", "绩效目标表"];

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(sheetArb)))
  .map((sheets) => ({ name: "random.xlsx", sheets }));

// ---------------------------------------------------------------------------------------------
// Properties

/** A single A1 address (no `$`) that names exactly (row, col) on Excel's grid. */
function expectCell(cell: string, row?: number, col?: number): void {
  expect(cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
  const p = parseA1(cell);
  expect(p).not.toBeNull();
  expect(p!.row).toBeGreaterThanOrEqual(0);
  expect(p!.row).toBeLessThanOrEqual(MAX_ROW);
  expect(p!.col).toBeGreaterThanOrEqual(0);
  expect(p!.col).toBeLessThanOrEqual(MAX_COL);
  if (row !== undefined) expect(p!.row).toBe(row);
  if (col !== undefined) expect(p!.col).toBe(col);
}

function checkInvariants(wb: WorkbookSnapshot): void {
  const { model, diagnostics } = checkWorkbook(wb);
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));

  for (const d of diagnostics) {
    expect(RULE_IDS.has(d.rule)).toBe(true);
    expect(SEVERITIES.has(d.severity)).toBe(true);
    expect(CATEGORIES.has(d.category)).toBe(true);
    expect(sheets.has(d.sheet)).toBe(true);
    expectCell(d.cell, d.row, d.col);
    for (const r of d.related) {
      expect(sheets.has(r.sheet)).toBe(true);
      expectCell(r.cell);
    }
    if (d.formIndex !== null) {
      const form = model.forms[d.formIndex];
      expect(form).toBeDefined();
      expect(form.sheet).toBe(d.sheet);
    }
  }

  for (const form of model.forms) {
    const sheet = sheets.get(form.sheet);
    expect(sheet).toBeDefined();
    const lastRow = sheet!.top + sheet!.values.length - 1;
    const { top, left, bottom, right } = form.range;
    // Rows: within the rows the snapshot holds. Columns: from a cell of the snapshot, and on
    // Excel's grid (a form is FORM_WIDTH columns wide even where its right-hand cells are empty).
    expect(top).toBeGreaterThanOrEqual(sheet!.top);
    expect(bottom).toBeLessThanOrEqual(lastRow);
    // Narrowed (reported bug, src/engine/read-forms.ts readSheet): when two anchors share a row
    // (forms side by side, or `项目名称 | 项目名称`), the left form ends at `next.row - 1`, one row
    // above its own top, so its fields are never read. Minimal case: values [["项目名称", "项目名称"]]
    // gives range { top: 0, bottom: -1 }.
    const sideBySide = model.forms.some(
      (f) => f !== form && f.sheet === form.sheet && f.origin.row === form.origin.row,
    );
    if (!sideBySide) expect(top).toBeLessThanOrEqual(bottom);
    expect(left).toBeGreaterThanOrEqual(sheet!.left);
    expect(left).toBeLessThanOrEqual(right);
    expect(right).toBeLessThanOrEqual(MAX_COL);
    expect(form.origin.sheet).toBe(form.sheet);
    expect(form.origin.row).toBeGreaterThanOrEqual(top);
    if (!sideBySide) expect(form.origin.row).toBeLessThanOrEqual(bottom);
    expect(form.origin.col).toBe(left);
  }
  for (const name of model.sheetsWithoutForms) expect(sheets.has(name)).toBe(true);
}

describe("checkWorkbook on arbitrary grids", () => {
  it("never throws; diagnostics name real cells of real sheets; forms lie inside their sheet", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        checkInvariants(wb);
      }),
      { numRuns: runs(400) },
    );
  });

  it("finds forms in damaged templates often enough for the property to mean something", () => {
    // A guard on the generator, not on the engine: most damaged templates still read as forms.
    const samples = fc.sample(damagedTemplate, { numRuns: 100, seed: 42 });
    const withForms = samples.filter(
      (values) =>
        checkWorkbook({ sheets: [{ name: "S", top: 0, left: 0, values, merges: [] }] }).model.forms.length >
        0,
    );
    expect(withForms.length).toBeGreaterThan(50);
  });
});
