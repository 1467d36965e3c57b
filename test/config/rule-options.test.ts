/**
 * Every rule option and the tolerance policy change what the rule reports: each test checks the same
 * workbook with the defaults and with the option set.
 */
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { RULES_BY_ID } from "../../src/rules";
import { dice } from "../../src/rules/task-project";
import type { CheckOptions } from "../../src/rules/types";
import {
  amount,
  departmentRows,
  projectRows,
  projectWithRows,
  sheet,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";

function found(ruleId: string, wb: WorkbookSnapshot, options: CheckOptions = {}): string[] {
  const rule = RULES_BY_ID.get(ruleId)!;
  return checkModel(readWorkbook(wb), options, [rule]).map(
    (d) => `${d.sheet}!${d.cell} ${d.messageId} ${d.severity}`,
  );
}

const withOptions = (rule: string, o: Record<string, unknown>): CheckOptions => ({
  ruleOptions: { [rule]: o },
});

describe("year bounds", () => {
  it("count-year: firstYear and lastYear move the accepted range", () => {
    const wb = workbook(sheet("P", projectRows({ start: 2026, end: 2100 })));
    expect(found("count-year", wb)).toEqual(["P!E7 year warning"]);
    expect(found("count-year", wb, withOptions("count-year", { lastYear: 2199 }))).toEqual([]);
    expect(found("count-year", wb, withOptions("count-year", { firstYear: 2030, lastYear: 2199 }))).toEqual([
      "P!C7 year warning",
    ]);
  });

  it("period-years: openEnded decides which 到期年度 means no end", () => {
    const wb = workbook(sheet("P", projectRows({ start: 2020, end: 2025, year: 2026 })));
    expect(found("period-years", wb)).toEqual(["P!E7 after-end error"]);
    expect(found("period-years", wb, withOptions("period-years", { openEnded: 2025 }))).toEqual([]);
    const open = workbook(sheet("P", projectRows({ start: 2020, end: 2099, year: 2026 })));
    expect(found("period-years", open)).toEqual([]);
  });
});

describe("unquantified: vagueWords", () => {
  it("reports a qualitative 效益 value containing a listed word, and only then", () => {
    const wb = projectWithRows({});
    expect(found("unquantified", wb)).toEqual([]);
    expect(found("unquantified", wb, withOptions("unquantified", { vagueWords: ["有效提升"] }))).toEqual([
      "P!E21 benefit warning",
    ]);
    expect(found("unquantified", wb, withOptions("unquantified", { vagueWords: ["明显改善"] }))).toEqual([]);
  });
});

describe("percent-range: satisfactionFloor", () => {
  it("warns about a satisfaction target below the floor; off by default", () => {
    const wb = projectWithRows({});
    expect(found("percent-range", wb)).toEqual([]);
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: 95 }))).toEqual([
      "P!E23 satisfaction-floor warning",
    ]);
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: 90 }))).toEqual([]);
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: null }))).toEqual([]);
  });

  it("leaves other rates alone", () => {
    const wb = projectWithRows({ 4: [null, "质量指标", "验收合格率", "80%", "80%"] });
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: 85 }))).toEqual([]);
  });
});

describe("similarity threshold", () => {
  it("task-project pairs a task with a less similar project name when lowered", () => {
    expect(dice("政务服务大厅运维", "政务服务中心运维")).toBeCloseTo(0.571, 2);
    const wb = workbook(
      sheet(
        "D",
        departmentRows({
          project: amount(20),
          tasks: [["政务服务中心运维", "运维", amount(100000), "运维"]],
        }),
      ),
      sheet("P", projectRows({ name: "政务服务大厅运维", budget: amount(200000) })),
    );
    expect(found("task-project", wb)).toEqual([]);
    expect(found("task-project", wb, withOptions("task-project", { similarity: 0.55 }))).toEqual([
      "D!D13 amount-differs warning",
    ]);
  });

  it("dept-vs-project stops pairing 0.75-similar names when raised", () => {
    expect(dice("运维系统验收合格率", "系统运维验收合格率")).toBe(0.75);
    const indicators = (name: string, v: string): IndicatorRow[] =>
      standardIndicators().map((r) => (r[1] === "质量指标" ? [null, "质量指标", name, v, v] : r));
    const wb = workbook(
      sheet("D", departmentRows({ indicators: indicators("运维系统验收合格率", "≥95%") })),
      sheet("P", projectRows({ indicators: indicators("系统运维验收合格率", "≥90%") })),
    );
    expect(found("dept-vs-project", wb)).toEqual(["D!F20 value-looser warning"]);
    expect(found("dept-vs-project", wb, withOptions("dept-vs-project", { similarity: 0.8 }))).toEqual([]);
  });

  it("text-figures pairs a task's text with a less similar project when lowered", () => {
    const wb = workbook(
      sheet(
        "D",
        departmentRows({
          project: amount(20),
          tasks: [["政务服务中心运维", "月均15000元", amount(50000), "完成运维"]],
        }),
      ),
      sheet("P", projectRows({ name: "政务服务大厅运维", budget: amount(100000) })),
    );
    expect(found("text-figures", wb)).toEqual([]);
    expect(found("text-figures", wb, withOptions("text-figures", { similarity: 0.55 }))).toEqual([
      "D!C13 monthly-budget warning",
    ]);
  });
});

describe("tolerance policy", () => {
  it("project-sum: interval by default, exact and absolute:N in 元", () => {
    const wb = workbook(
      sheet("D", departmentRows({ project: amount(10) })),
      sheet("P", projectRows({ budget: amount(100000.3) })),
    );
    expect(found("project-sum", wb)).toEqual([]);
    expect(found("project-sum", wb, { tolerance: "interval" })).toEqual([]);
    expect(found("project-sum", wb, { tolerance: "exact" })).toEqual(["D!C7 over error"]);
    expect(found("project-sum", wb, { tolerance: "absolute:0.1" })).toEqual(["D!C7 over error"]);
    expect(found("project-sum", wb, { tolerance: "absolute:1" })).toEqual([]);
  });

  it("dept-balance: absolute:N is in 元, the balance in 万元", () => {
    const wb = workbook(
      sheet("D", departmentRows({ basic: amount(50), project: amount(10), fiscal: amount(60.01) })),
    );
    expect(found("dept-balance", wb)).toEqual([]); // 0.01 万元 within 4 × 0.005
    expect(found("dept-balance", wb, { tolerance: "exact" })).toEqual(["D!E6 unbalanced error"]);
    expect(found("dept-balance", wb, { tolerance: "absolute:50" })).toEqual(["D!E6 unbalanced error"]);
    expect(found("dept-balance", wb, { tolerance: "absolute:100" })).toEqual([]);
  });

  it("cost-within-budget: a cost 0.40 元 over a budget shown in whole 元 passes only within the allowance", () => {
    const indicators = standardIndicators().map((r, i): IndicatorRow =>
      i === 0 ? ["成本指标", "经济成本指标", "预算控制数", "≤100000.4元", "≤100000.4元"] : r,
    );
    const wb = workbook(sheet("P", projectRows({ budget: amount(100000, 0), indicators }))); // ± 0.5 元
    expect(found("cost-within-budget", wb)).toEqual([]);
    expect(found("cost-within-budget", wb, { tolerance: "exact" })).toEqual(["P!F14 above error"]);
    expect(found("cost-within-budget", wb, { tolerance: "absolute:0.3" })).toEqual(["P!F14 above error"]);
  });

  it("key-tasks-total and development-split follow the policy too", () => {
    const tasks = workbook(
      sheet(
        "D",
        departmentRows({ project: amount(10), tasks: [["任务", "内容", amount(100000.3), "目标"]] }),
      ),
    );
    expect(found("key-tasks-total", tasks)).toEqual([]);
    expect(found("key-tasks-total", tasks, { tolerance: "exact" })).toEqual(["D!C7 above error"]);
    const split = workbook(
      sheet("D", departmentRows({ project: amount(10), special: amount(1), cityLevel: amount(1.01) })),
    );
    expect(found("development-split", split)).toEqual([]);
    expect(found("development-split", split, { tolerance: "absolute:50" })).toHaveLength(1);
    expect(found("development-split", split, { tolerance: "absolute:100" })).toEqual([]);
  });

  it("an unknown policy given to the engine directly falls back to interval", () => {
    const wb = workbook(
      sheet("D", departmentRows({ basic: amount(50), project: amount(10), fiscal: amount(60.01) })),
    );
    expect(found("dept-balance", wb, { tolerance: "loose" })).toEqual([]);
  });
});

describe("options given to the engine without validation", () => {
  it("an ill-typed or out-of-range value falls back to the default", () => {
    const wb = projectWithRows({});
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: "95" }))).toEqual([]);
    expect(found("percent-range", wb, withOptions("percent-range", { satisfactionFloor: 950 }))).toEqual([]);
  });
});

describe("vocabularies: placeNames", () => {
  it("cost-rebuild ignores the place names when pairing a standard with its quantity", () => {
    const indicators = standardIndicators().map((r, i): IndicatorRow => {
      if (i === 0) return ["成本指标", "经济成本指标", "东莞市补贴标准", "100元/人", "100元/人"];
      if (i === 3) return ["产出指标", "数量指标", "东莞市参训人数", "10人", "10人"];
      return r;
    });
    indicators.splice(4, 0, [null, null, "补贴对象人数", "20人", "20人"]);
    const wb = workbook(sheet("P", projectRows({ budget: amount(2000), indicators })));
    // Default: 东莞市 ties the standard to 东莞市参训人数 (100 × 10 = 1,000 ≠ 2,000).
    expect(found("cost-rebuild", wb)).toHaveLength(1);
    // With 东莞市 as a place name, 补贴 ties it to 补贴对象人数: 100 × 20 = 2,000 = the budget.
    expect(found("cost-rebuild", wb, { vocabularies: { placeNames: ["东莞市"] } })).toEqual([]);
  });
});
