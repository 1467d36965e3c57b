/**
 * The pane's warm-up: one check of a tiny built-in workbook (a department form and a project form,
 * a few rows each, shaped like the example's) when the pane loads, so the engine's code is compiled
 * and its tables built before the user's first check. Pure data and the engine; nothing is shown.
 */
import { checkWorkbook } from "../checker";
import type { CellValue, WorkbookSnapshot } from "../engine/snapshot";

const _ = null;
const row6 = (...cells: CellValue[]): CellValue[] => [
  ...cells,
  ...Array<CellValue>(6 - cells.length).fill(_),
];

const INDICATOR_HEADER = row6("绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值");

/** The tiny workbook: every part of the reader and every rule has something to look at. */
export const WARM_UP_SNAPSHOT: WorkbookSnapshot = {
  name: "warm-up.xlsx",
  sheets: [
    {
      name: "部门整体",
      top: 0,
      left: 0,
      merges: [
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 2, left: 1, bottom: 2, right: 5 },
        { top: 4, left: 0, bottom: 9, right: 0 },
      ],
      values: [
        row6("示例街道部门整体预算绩效目标申报表"),
        row6("(2026年)"),
        row6("部门名称", "示例政务服务中心"),
        row6("基本信息", "财政供养人员数", 12, "下属二级单位数", 0),
        row6("预算整体情况", "部门预算支出", "预算金额(万元)", "收入来源", "预算金额(万元)"),
        row6(_, "基本支出", 100.5, "财政拨款", 148.5),
        row6(_, "项目支出", 48, "其他资金", 0),
        row6(_, "事业发展性支出", "预算金额(万元)", "按预算级次划分", "预算金额(万元)"),
        row6(_, "财政专项资金", 0, "市本级使用资金", _),
        row6(_, "其他事业发展性支出", 0, "拟用于对下转移支付资金", 0),
        row6("总体绩效目标", "完成政务服务事项全市通办，群众满意度≥95%，月均寄递费用4000元。"),
        row6("年度重点工作任务", "名称", "主要实施内容", "拟投入的资金(元)", "期望达到的目标(概述)"),
        row6(_, "办事材料寄递费用", "推进政务服务事项全市通办。", 480000, "寄递费用月均40000元。"),
        row6("其他需完成的任务(可选填)"),
        INDICATOR_HEADER,
        row6(_, "成本指标", "经济成本指标", "人均伙食补贴标准", "≤60元/人/天", "≤60元/人/天"),
        row6(_, "产出指标", "数量指标", "伙食补贴人数", "≥40人", "≥40人"),
        row6(_, _, "质量指标", "处理群众投诉件办结率", "≥95%", "≥95%"),
        row6(_, _, "时效指标", "信息化运维响应时间", "30分钟内", "30分钟内"),
        row6(_, "效益指标", "社会效益", "业务和服务水平", "有效提升", "有效提升"),
        row6(_, "满意度指标", "服务对象满意度", "办事群众满意度", "≥95%", "≥95%"),
      ],
    },
    {
      name: "办事材料寄递费用",
      top: 0,
      left: 0,
      merges: [
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 1, left: 1, bottom: 1, right: 5 },
        { top: 8, left: 0, bottom: 11, right: 0 },
      ],
      values: [
        row6("项目绩效目标表"),
        row6("项目名称", "办事材料寄递费用"),
        row6("项目类型", "其他运转类（综合类）"),
        row6("项目等级", "二级项目"),
        row6("主管部门", "示例政务服务中心"),
        row6("用款单位", "示例政务服务中心"),
        row6("实施周期", "起始年度", 2024, "到期年度", 2026),
        row6("2026年预算金额(元)", 480000),
        row6("总体绩效目标", "实施周期总目标"),
        row6(_, "每月寄递办事材料，寄递费用月均40000元，群众满意度≥95%。"),
        row6(_, "2026年度目标"),
        row6(_, "全年寄递办事材料不少于12000件，寄递及时率100%。"),
        INDICATOR_HEADER,
        row6(_, "成本指标", "经济成本指标", "寄递费用标准", "≤40元/件", "≤40元/件"),
        row6(_, "产出指标", "数量指标", "寄递件数", "≥12000件", "≥12000件"),
        row6(_, _, "质量指标", "寄递准确率", "≥95%", "≥95%"),
        row6(_, _, "时效指标", "寄递及时率", "100%", "100%"),
        row6(_, "效益指标", "社会效益", "群众跑动次数", "有效减少", "有效减少"),
        row6(_, "满意度指标", "服务对象满意度", "服务对象满意度", "≥95%", "≥95%"),
      ],
    },
  ],
};

let warmed = false;

/**
 * How many times the warm-up checks the tiny workbook: one check compiles the code, a few more let
 * the JavaScript engine optimise the hot paths (measured by `npm run bench`, engineColdMs).
 */
export const WARM_UP_ROUNDS = 5;

/**
 * Checks the tiny workbook WARM_UP_ROUNDS times (later calls do nothing); returns how long it took
 * in ms. Never throws: a warm-up that fails only leaves the first real check slower.
 */
export function warmEngine(rounds = WARM_UP_ROUNDS): number {
  if (warmed) return 0;
  warmed = true;
  const t = typeof performance !== "undefined" ? performance.now() : Date.now();
  try {
    for (let i = 0; i < rounds; i++) checkWorkbook(WARM_UP_SNAPSHOT);
  } catch {
    // nothing to do: the real check reports its own problems
  }
  return (typeof performance !== "undefined" ? performance.now() : Date.now()) - t;
}
