/**
 * The canonical department and project forms (spec/template.md) as data: every cell of the six
 * columns A–F with its value and named style, the merges, column widths, row heights and data
 * validations. Hosts write a layout at any origin; tests turn it into a snapshot (layoutToSheet) and
 * read it back with the engine, so the template and the reader cannot drift apart.
 */
import type { CellRange } from "../engine/snapshot";
import { FORM_WIDTH } from "../engine/template";
import { LEVEL1, STANDARD_TREE, level2Display, type Level2 } from "../engine/vocabulary";
import type { FormLayout, LayoutCell, TemplateStyle, ValidationSpec } from "./types";

/** Column widths of the example workbooks (characters), A–F. */
export const COLUMN_WIDTHS: readonly number[] = [16, 18, 22, 28, 22, 22];

/** Row heights in points. */
export const ROW_HEIGHTS = { title: 32, subtitle: 22, goalText: 60, taskRow: 40, otherTasks: 40 } as const;

/** 项目类型: the 一体化 classification (人员类 / 运转类 / 特定目标类) with the seed's local sub-types. */
export const PROJECT_TYPES: readonly string[] = [
  "其他运转类（综合类）",
  "其他运转类（信息化运维类）",
  "其他特定目标类（部门职能类）",
  "人员类",
  "公用经费类",
  "特定目标类",
];

export const PROJECT_LEVELS: readonly string[] = ["一级项目", "二级项目", "三级项目"];

/** The 一级 labels, in template order. */
export const LEVEL1_LIST: readonly string[] = [...LEVEL1];

/**
 * The 二级 labels as the template prints them: the standard tree's ten plus 可持续影响, which some
 * templates add under 效益指标. (The older tree's 成本指标 二级 is not offered: it is also a 一级 label.)
 */
export const LEVEL2_LIST: readonly string[] = STANDARD_TREE.flatMap((g) =>
  g.level1 === "效益指标" ? [...g.level2, "可持续影响指标" as Level2] : [...g.level2],
).map(level2Display);

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2099;
export const AMOUNT_MAX = 1e12;
export const COUNT_MAX = 1e6;

/** Accumulates a form row by row; every row has `width` cells (six for the canonical forms). */
export class LayoutBuilder {
  readonly rows: LayoutCell[][] = [];
  readonly merges: CellRange[] = [];
  readonly rowHeights: { row: number; height: number }[] = [];
  readonly validations: ValidationSpec[] = [];

  constructor(
    readonly width: number = FORM_WIDTH,
    readonly widths: readonly number[] = COLUMN_WIDTHS,
  ) {}

  /** Appends a row of blank cells in `style`; returns its index. */
  add(style: TemplateStyle = "text", height?: number): number {
    const row = this.rows.length;
    this.rows.push(Array.from({ length: this.width }, (_, col) => ({ row, col, value: null, style })));
    if (height !== undefined) this.rowHeights.push({ row, height });
    return row;
  }

  set(row: number, col: number, value: string | number | null | undefined, style: TemplateStyle): void {
    this.rows[row][col] = { row, col, value: value ?? null, style };
  }

  /** A value over columns left..right of one row, merged when wider than a cell. */
  span(
    row: number,
    left: number,
    right: number,
    value: string | number | null | undefined,
    style: TemplateStyle,
  ): void {
    this.set(row, left, value, style);
    for (let c = left + 1; c <= right; c++) this.set(row, c, null, style);
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
  }

  /** Merge one column over rows top..bottom (the top cell keeps its value; the others take its style). */
  mergeDown(top: number, bottom: number, col: number): void {
    if (bottom <= top) return;
    const { style } = this.rows[top][col];
    for (let r = top + 1; r <= bottom; r++) this.set(r, col, null, style);
    this.merges.push({ top, left: col, bottom, right: col });
  }

  validate(spec: ValidationSpec): void {
    this.validations.push(spec);
  }

  /** A label in A and a value over B:F. */
  field(label: string, value: string | null | undefined, style: TemplateStyle = "text"): number {
    const r = this.add();
    this.set(r, 0, label, "label");
    this.span(r, 1, this.width - 1, value, style);
    return r;
  }

  /** The 绩效指标 table: header row and one row per standard 二级 slot, labels merged down. */
  indicatorTable(): void {
    const header = this.add("header");
    this.set(header, 0, "绩效指标", "label");
    ["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"].forEach((t, i) =>
      this.set(header, i + 1, t, "header"),
    );
    const first = header + 1;
    for (const group of STANDARD_TREE) {
      const top = this.rows.length;
      group.level2.forEach((l2, i) => {
        const r = this.add("indicator");
        this.set(r, 1, i === 0 ? group.level1 : null, "indicator");
        this.set(r, 2, level2Display(l2), "indicator");
      });
      this.mergeDown(top, this.rows.length - 1, 1);
    }
    const last = this.rows.length - 1;
    this.mergeDown(header, last, 0);
    this.validate({
      range: { top: first, left: 1, bottom: last, right: 1 },
      kind: "list",
      list: [...LEVEL1_LIST],
      prompt: "请从列表中选择一级指标",
    });
    this.validate({
      range: { top: first, left: 2, bottom: last, right: 2 },
      kind: "list",
      list: [...LEVEL2_LIST],
      prompt: "请从列表中选择二级指标",
    });
  }

  build(kind: FormLayout["kind"]): FormLayout {
    return {
      kind,
      rowCount: this.rows.length,
      colCount: this.width,
      cells: this.rows.flat(),
      merges: this.merges,
      columnWidths: [...this.widths],
      rowHeights: this.rowHeights,
      validations: this.validations,
    };
  }
}

export const rowRange = (row: number, left: number, right = left): CellRange => ({
  top: row,
  left,
  bottom: row,
  right,
});

function yearValidation(range: CellRange): ValidationSpec {
  return {
    range,
    kind: "wholeNumber",
    min: YEAR_MIN,
    max: YEAR_MAX,
    prompt: `请填写四位年份（${YEAR_MIN}–${YEAR_MAX}，长期项目到期年度填 2099）`,
  };
}

export function amountValidation(range: CellRange, unit: string): ValidationSpec {
  return { range, kind: "decimal", min: 0, max: AMOUNT_MAX, prompt: `请填写金额（单位：${unit}）` };
}

function countValidation(range: CellRange): ValidationSpec {
  return { range, kind: "wholeNumber", min: 0, max: COUNT_MAX, prompt: "请填写非负整数" };
}

export const blankToNull = (s: string | undefined): string | null =>
  s === undefined || s.trim() === "" ? null : s;

/**
 * A blank 项目绩效目标表 (template.md, "Project form"): title in row 0, fields from row 1, the
 * indicator header in row 12 and one row per standard 二级 slot below it. 主管部门 / 用款单位 and
 * 项目名称 are filled when given; the year goes into `2026年预算金额(元)` and `2026年度目标`.
 */
export function projectFormLayout(opts: {
  year: number;
  owner?: string;
  user?: string;
  name?: string;
}): FormLayout {
  const b = new LayoutBuilder();
  const last = FORM_WIDTH - 1;
  const title = b.add("title", ROW_HEIGHTS.title);
  b.span(title, 0, last, "项目绩效目标表", "title");

  b.field("项目名称", blankToNull(opts.name));
  const type = b.field("项目类型", null);
  const level = b.field("项目等级", null);
  b.field("主管部门", blankToNull(opts.owner));
  b.field("用款单位", blankToNull(opts.user));

  const period = b.add();
  b.set(period, 0, "实施周期", "label");
  b.set(period, 1, "起始年度", "label");
  b.set(period, 2, null, "integer");
  b.set(period, 3, "到期年度", "label");
  b.span(period, 4, last, null, "integer");

  const budget = b.field(`${opts.year}年预算金额(元)`, null, "amount");

  const goals = b.add();
  b.set(goals, 0, "总体绩效目标", "label");
  b.span(goals, 1, last, "实施周期总目标", "label");
  const periodGoal = b.add("text", ROW_HEIGHTS.goalText);
  b.span(periodGoal, 1, last, null, "text");
  const annualLabel = b.add();
  b.span(annualLabel, 1, last, `${opts.year}年度目标`, "label");
  const annualGoal = b.add("text", ROW_HEIGHTS.goalText);
  b.span(annualGoal, 1, last, null, "text");
  b.mergeDown(goals, annualGoal, 0);

  b.indicatorTable();

  b.validate({
    range: rowRange(type, 1, last),
    kind: "list",
    list: [...PROJECT_TYPES],
    prompt: "请选择项目类型",
  });
  b.validate({
    range: rowRange(level, 1, last),
    kind: "list",
    list: [...PROJECT_LEVELS],
    prompt: "请选择项目等级",
  });
  b.validate(yearValidation(rowRange(period, 2)));
  b.validate(yearValidation(rowRange(period, 4, last)));
  b.validate(amountValidation(rowRange(budget, 1, last), "元"));
  return b.build("project");
}

/**
 * A blank 部门整体预算绩效目标申报表 (template.md, "Department form"): title and `(2026年)` lines,
 * 部门名称, 基本信息, the six rows of 预算整体情况 (万元), 总体绩效目标, 年度重点工作任务 with `tasks`
 * blank task rows (default 3), 其他需完成的任务 and the indicator table.
 */
export function departmentFormLayout(opts: { year: number; name?: string; tasks?: number }): FormLayout {
  const b = new LayoutBuilder();
  const last = FORM_WIDTH - 1;
  const name = blankToNull(opts.name);
  const taskCount = Math.max(0, Math.floor(opts.tasks ?? 3));

  const title = b.add("title", ROW_HEIGHTS.title);
  b.span(title, 0, last, `${name ?? ""}部门整体预算绩效目标申报表`, "title");
  const year = b.add("subtitle", ROW_HEIGHTS.subtitle);
  b.span(year, 0, last, `(${opts.year}年)`, "subtitle");

  b.field("部门名称", name);

  const basic = b.add();
  b.set(basic, 0, "基本信息", "label");
  b.set(basic, 1, "财政供养人员数", "label");
  b.set(basic, 2, null, "integer");
  b.set(basic, 3, "下属二级单位数", "label");
  b.span(basic, 4, last, null, "integer");
  b.validate(countValidation(rowRange(basic, 2)));
  b.validate(countValidation(rowRange(basic, 4, last)));

  const budgetRows: [string, string | null, string, string | null][] = [
    ["部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"],
    ["基本支出", null, "财政拨款", null],
    ["项目支出", null, "其他资金", null],
    ["事业发展性支出", "预算金额(万元)", "按预算级次划分", "预算金额(万元)"],
    ["财政专项资金", null, "市本级使用资金", null],
    ["其他事业发展性支出", null, "拟用于对下转移支付资金", null],
  ];
  const budgetTop = b.rows.length;
  budgetRows.forEach(([left, leftValue, right, rightValue], i) => {
    const r = b.add();
    b.set(r, 0, i === 0 ? "预算整体情况" : null, "label");
    b.set(r, 1, left, "label");
    const subHeader = leftValue !== null;
    b.set(r, 2, leftValue, subHeader ? "label" : "amount");
    b.set(r, 3, right, "label");
    b.span(r, 4, last, rightValue, subHeader ? "label" : "amount");
    if (!subHeader) {
      b.validate(amountValidation(rowRange(r, 2), "万元"));
      b.validate(amountValidation(rowRange(r, 4, last), "万元"));
    }
  });
  b.mergeDown(budgetTop, b.rows.length - 1, 0);

  const goal = b.field("总体绩效目标", null);
  b.rowHeights.push({ row: goal, height: ROW_HEIGHTS.goalText });

  const taskHeader = b.add("header");
  b.set(taskHeader, 0, "年度重点工作任务", "label");
  b.set(taskHeader, 1, "名称", "header");
  b.set(taskHeader, 2, "主要实施内容", "header");
  b.set(taskHeader, 3, "拟投入的资金(元)", "header");
  b.span(taskHeader, 4, last, "期望达到的目标(概述)", "header");
  for (let i = 0; i < taskCount; i++) {
    const r = b.add("text", ROW_HEIGHTS.taskRow);
    b.set(r, 3, null, "amount");
    b.span(r, 4, last, null, "text");
    b.validate(amountValidation(rowRange(r, 3), "元"));
  }
  b.mergeDown(taskHeader, b.rows.length - 1, 0);

  const other = b.field("其他需完成的任务(可选填)", null);
  b.rowHeights.push({ row: other, height: ROW_HEIGHTS.otherTasks });

  b.indicatorTable();
  return b.build("department");
}
