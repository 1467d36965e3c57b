/**
 * Test fixtures: build snapshots of canonical forms (or any grid) in a few lines, so each rule's
 * table of cases states only what differs from a valid form.
 */
import { parseRangeA1 } from "../../src/engine/address";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";

/** A cell: a string or number, or a value with the text Excel shows (`{ v: 973.2, t: "973.20" }`). */
export type Cell = string | number | null | { v: CellValue; t?: string; f?: string; fmt?: string };

export function sheet(
  name: string,
  rows: Cell[][],
  opts: { top?: number; left?: number; merges?: string[] } = {},
): SheetSnapshot {
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormat: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const t: string[] = [];
    const f: (string | null)[] = [];
    const n: string[] = [];
    for (const cell of row) {
      if (cell !== null && typeof cell === "object") {
        v.push(cell.v);
        t.push(cell.t ?? (cell.v === null ? "" : String(cell.v)));
        f.push(cell.f ?? null);
        n.push(cell.fmt ?? "General");
      } else {
        v.push(cell === "" ? null : cell);
        t.push(cell === null ? "" : String(cell));
        f.push(null);
        n.push("General");
      }
    }
    values.push(v);
    text.push(t);
    formulas.push(f);
    numberFormat.push(n);
  }
  return {
    name,
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values,
    text,
    formulas,
    numberFormat,
    merges: (opts.merges ?? []).map((m) => parseRangeA1(m)!),
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets };
}

/** Rows from tab-separated text, one line a row (as the seed is written). */
export function tsv(text: string): Cell[][] {
  return text
    .replace(/^\n/, "")
    .split("\n")
    .map((line) => line.split("\t").map((c) => (c === "" ? null : c)));
}

/** An amount cell as a real template stores it: a number shown with two decimals. */
export function amount(v: number, decimals = 2): Cell {
  const t = v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return { v, t, fmt: decimals ? "#,##0.00" : "#,##0" };
}

export type IndicatorRow = [l1: Cell, l2: Cell, l3: Cell, period: Cell, annual: Cell];

/** A complete, valid indicator table (every required slot filled, optional slots empty). */
export function standardIndicators(budgetYuan = 100000): IndicatorRow[] {
  return [
    ["成本指标", "经济成本指标", "预算控制数", `≤${budgetYuan}元`, `≤${budgetYuan}元`],
    [null, "社会成本指标", null, null, null],
    [null, "生态环境成本指标", null, null, null],
    ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"],
    [null, "质量指标", "验收合格率", "100%", "100%"],
    [null, "时效指标", "按时完成率", "100%", "100%"],
    ["效益指标", "经济效益", null, null, null],
    [null, "社会效益", "服务水平", "有效提升", "有效提升"],
    [null, "生态效益", null, null, null],
    ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
  ];
}

/**
 * A one-sheet workbook ("P") holding a project form whose standard indicator table has some rows
 * replaced. Row i of the table is sheet row 14 + i: 0 经济成本 (14), 1 社会成本 (15), 2 生态环境成本 (16),
 * 3 数量 (17), 4 质量 (18), 5 时效 (19), 6 经济效益 (20), 7 社会效益 (21), 8 生态效益 (22), 9 满意度 (23).
 */
export function projectWithRows(replace: Record<number, IndicatorRow>) {
  const indicators = standardIndicators();
  for (const [i, row] of Object.entries(replace)) indicators[Number(i)] = row;
  return workbook(sheet("P", projectRows({ indicators })));
}

export interface ProjectSpec {
  name?: Cell;
  type?: Cell;
  level?: Cell;
  owner?: Cell;
  user?: Cell;
  start?: Cell;
  end?: Cell;
  year?: number;
  budget?: Cell;
  budgetLabel?: string;
  periodGoal?: Cell;
  annualGoal?: Cell;
  annualGoalLabel?: string;
  indicators?: IndicatorRow[];
  /** Leave out the title row. */
  noTitle?: boolean;
}

/**
 * A canonical project form starting at A1 (title in row 1). With the title, fields sit at:
 * 项目名称 B2, 项目类型 B3, 项目等级 B4, 主管部门 B5, 用款单位 B6, 起始年度 C7, 到期年度 E7,
 * 预算金额 B8, 实施周期总目标 B10, 年度目标 B12, indicator header row 13, first indicator row 14.
 */
export function projectRows(spec: ProjectSpec = {}): Cell[][] {
  const year = spec.year ?? 2026;
  const has = <K extends keyof ProjectSpec>(k: K) => Object.prototype.hasOwnProperty.call(spec, k);
  const get = <K extends keyof ProjectSpec>(k: K, d: ProjectSpec[K]) => (has(k) ? spec[k] : d);
  const rows: Cell[][] = [];
  if (!spec.noTitle) rows.push(["项目绩效目标表"]);
  rows.push(
    ["项目名称", get("name", "测试项目") as Cell],
    ["项目类型", get("type", "其他运转类（综合类）") as Cell],
    ["项目等级", get("level", "二级项目") as Cell],
    ["主管部门", get("owner", "测试部门") as Cell],
    ["用款单位", get("user", "测试部门") as Cell],
    ["实施周期", "起始年度", get("start", year) as Cell, "到期年度", get("end", year) as Cell],
    [spec.budgetLabel ?? `${year}年预算金额(元)`, get("budget", amount(100000)) as Cell],
    ["总体绩效目标", "实施周期总目标"],
    [null, get("periodGoal", "保障测试工作正常开展。") as Cell],
    [null, spec.annualGoalLabel ?? `${year}年度目标`],
    [null, get("annualGoal", "完成年度测试工作。") as Cell],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"],
  );
  for (const ind of spec.indicators ?? standardIndicators()) rows.push([null, ...ind]);
  return rows;
}

export interface DepartmentSpec {
  name?: Cell;
  year?: number;
  staff?: Cell;
  subUnits?: Cell;
  basic?: Cell;
  project?: Cell;
  fiscal?: Cell;
  other?: Cell;
  special?: Cell;
  otherDevelopment?: Cell;
  cityLevel?: Cell;
  transfer?: Cell;
  goal?: Cell;
  tasks?: [name: Cell, content: Cell, amount: Cell, goal: Cell][];
  indicators?: IndicatorRow[];
}

/**
 * A canonical department form starting at A1. Fields: 部门名称 B3, 财政供养人员数 C4, 下属二级单位数 E4,
 * 基本支出 C6, 财政拨款 E6, 项目支出 C7, 其他资金 E7, 财政专项资金 C9, 市本级使用资金 E9,
 * 其他事业发展性支出 C10, 拟用于对下转移支付资金 E10, 总体绩效目标 B11, task header row 12,
 * first task row 13.
 */
export function departmentRows(spec: DepartmentSpec = {}): Cell[][] {
  const has = <K extends keyof DepartmentSpec>(k: K) => Object.prototype.hasOwnProperty.call(spec, k);
  const get = <K extends keyof DepartmentSpec>(k: K, d: DepartmentSpec[K]) => (has(k) ? spec[k] : d);
  const year = spec.year ?? 2026;
  const rows: Cell[][] = [
    ["测试部门部门整体预算绩效目标申报表"],
    [`(${year}年)`],
    ["部门名称", get("name", "测试部门") as Cell],
    ["基本信息", "财政供养人员数", get("staff", 10) as Cell, "下属二级单位数", get("subUnits", 0) as Cell],
    ["预算整体情况", "部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"],
    [null, "基本支出", get("basic", amount(50)) as Cell, "财政拨款", get("fiscal", amount(60)) as Cell],
    [null, "项目支出", get("project", amount(10)) as Cell, "其他资金", get("other", amount(0)) as Cell],
    [null, "事业发展性支出", "预算金额(万元)", "按预算级次划分", "预算金额(万元)"],
    [
      null,
      "财政专项资金",
      get("special", amount(0)) as Cell,
      "市本级使用资金",
      get("cityLevel", amount(0)) as Cell,
    ],
    [
      null,
      "其他事业发展性支出",
      get("otherDevelopment", amount(0)) as Cell,
      "拟用于对下转移支付资金",
      get("transfer", amount(0)) as Cell,
    ],
    ["总体绩效目标", get("goal", "完成部门年度工作目标。") as Cell],
    ["年度重点工作任务", "名称", "主要实施内容", "拟投入的资金(元)", "期望达到的目标(概述)"],
  ];
  for (const t of spec.tasks ?? [["测试任务", "开展测试工作", amount(100000), "完成测试"]])
    rows.push([null, ...t]);
  rows.push(["其他需完成的任务(可选填)"]);
  rows.push([null, "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"]);
  const inds = spec.indicators ?? standardIndicators(100000);
  inds.forEach((ind, i) => rows.push([i === 0 ? "绩效指标" : null, ...ind]));
  return rows;
}

/** Stack forms in one sheet with a blank row between them. */
export function stack(...forms: Cell[][][]): Cell[][] {
  const rows: Cell[][] = [];
  forms.forEach((f, i) => {
    if (i > 0) rows.push([]);
    rows.push(...f);
  });
  return rows;
}
