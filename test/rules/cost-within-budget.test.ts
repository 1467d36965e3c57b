import rule from "../../src/rules/cost-within-budget";
import {
  amount,
  departmentRows,
  projectRows,
  sheet,
  stack,
  standardIndicators,
  workbook,
  type Cell,
  type IndicatorRow,
  type ProjectSpec,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { p1Rows } from "../support/profile-forms";

/** A project form (budget in B8, years in C7 / E7) whose 经济成本指标 row (row 14, values E14 / F14) says `period` / `annual`. */
function project(period: Cell, annual: Cell, spec: ProjectSpec = {}, name = "预算控制数"): ProjectSpec {
  const indicators: IndicatorRow[] = standardIndicators();
  indicators[0] = ["成本指标", "经济成本指标", name, period, annual];
  return { ...spec, indicators };
}

const wb = (spec: ProjectSpec) => workbook(sheet("P", projectRows(spec)));

ruleTester(rule, {
  valid: [
    { name: "the standard table: ≤100000元 against 100,000.00", workbook: wb({}) },
    {
      name: "the seed's totals equal to the budget (≤4832039元, ≤60万元, 14955.23元, ≤311277.00元)",
      workbook: workbook(
        sheet(
          "P1",
          projectRows(
            project(
              "≤4832039元",
              "≤4832039元",
              { budget: "4,832,039.00", start: 2022, end: 2099 },
              "支出总额",
            ),
          ),
        ),
        sheet(
          "P6",
          projectRows(project("≤60万元", "≤60万元", { budget: "600,000.00", start: 2026, end: 2099 })),
        ),
        sheet(
          "P5",
          projectRows(
            project(
              "14955.23元",
              "14955.23元",
              { budget: "14,955.23", start: 2024, end: 2026 },
              "质保金金额",
            ),
          ),
        ),
        sheet(
          "P3",
          projectRows(
            project("≤311277.00元", "≤311277.00元", { budget: "311,277.00", start: 2023, end: 2099 }),
          ),
        ),
      ),
    },
    {
      name: "a total written in a sentence (seed line 127) below the budget",
      workbook: wb(
        project(
          "该两人全年经费合计160077.00元。",
          "该两人全年经费合计160077.00元。",
          { budget: "311,277.00" },
          "人员经费标准",
        ),
      ),
    },
    {
      name: "per-unit standards are not totals (元/人/月, 元/台, a range in 元/年/人)",
      workbook: wb(project("≤300000元/人/月", "81140-165696元/年/人", { budget: amount(100000) })),
    },
    {
      name: "above only within rounding: ≤10万元 stands for up to 105,000 元",
      workbook: wb(project("≤10万元", "≤10万元", { budget: amount(99600) })),
    },
    {
      name: "one cent above, within 2 × 0.005",
      workbook: wb(project("≤100000.01元", "≤100000.01元")),
    },
    {
      name: "a multi-year project's 实施周期 total may exceed one year's budget",
      workbook: wb(project("≤30万元", "≤10万元", { start: 2024, end: 2026 })),
    },
    {
      name: "social costs, qualitative values and a department form are out of scope",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: standardIndicators().map((r, i) =>
              i === 0
                ? ["成本指标", "经济成本指标", "预算控制数", "有效控制", "有效控制"]
                : i === 1
                  ? [null, "社会成本指标", "社会成本", "≤500000元", "≤500000元"]
                  : r,
            ),
          }),
        ),
        sheet("D", departmentRows({ indicators: standardIndicators(5000000) })),
      ),
    },
    {
      name: "a blank or unreadable budget: silent",
      workbook: workbook(
        sheet("P1", projectRows(project("≤120000元", "≤120000元", { budget: null }))),
        sheet("P2", projectRows(project("≤120000元", "≤120000元", { budget: "十万元" }))),
      ),
    },
  ],
  invalid: [
    {
      name: "a 万元 family (P1): ≤60万元 above the 年度资金总额 50.00 万元 = 500,000 元",
      workbook: workbook(
        sheet(
          "P1",
          p1Rows({
            indicators: [
              ["产出指标", "数量指标", "宣传场次", "≥30场", "≥10场"],
              ["产出指标", "成本指标", "宣传经费", "≤150万元", "≤60万元"],
            ],
          }),
        ),
      ),
      errors: [
        {
          messageId: "above",
          cell: "I13",
          related: ["E6"],
          args: { amount: "600,000.00", budget: "500,000.00", diff: "100,000.00", allowance: "5,050" },
        },
      ],
    },
    {
      name: "the 年度 total above the budget",
      workbook: wb(project("≤100000元", "≤120000元")),
      errors: [
        {
          messageId: "above",
          cell: "F14",
          severity: "error",
          related: ["B8"],
          args: { amount: "120,000.00", budget: "100,000.00", diff: "20,000.00", allowance: "0.505" },
          zhIncludes: ["预算控制数", "≤120000元", "年度指标值", "20,000.00", "0.505"],
        },
      ],
    },
    {
      name: "both cells above in a one-year project: one finding on the 年度 cell",
      workbook: wb(project("≤12万元", "≤12万元")),
      errors: [
        {
          messageId: "above",
          cell: "F14",
          related: ["E14", "B8"],
          args: { amount: "120,000.00", allowance: "5,000.005" },
        },
      ],
    },
    {
      name: "only the 实施周期 cell above, in a one-year project",
      workbook: wb(project("≤120000元", "≤100000元")),
      errors: [{ messageId: "above", cell: "E14", related: ["B8"], zhIncludes: ["实施周期指标值"] }],
    },
    {
      name: "two cents above, beyond 2 × 0.005",
      workbook: wb(project("≤100000.02元", "≤100000.02元")),
      errors: [{ messageId: "above", cell: "F14", args: { diff: "0.02", allowance: "0.01" } }],
    },
    {
      name: "a multi-year project: the 年度 cell is still checked",
      workbook: wb(project("≤50万元", "≤50万元", { start: 2022, end: 2099, budget: amount(457080) })),
      errors: [{ messageId: "above", cell: "F14", related: ["B8"] }],
    },
    {
      name: "a range and a compound value: the largest total counts",
      workbook: workbook(
        sheet("R", projectRows(project("8-12万元", "8-12万元"))),
        sheet("C", projectRows(project("设备费8万元，服务费12万元", "≤10万元"))),
      ),
      errors: [
        {
          messageId: "above",
          cell: "F14",
          sheet: "R",
          related: ["E14", "B8"],
          args: { amount: "120,000.00" },
        },
        { messageId: "above", cell: "E14", sheet: "C", related: ["B8"] },
      ],
    },
    {
      name: "a project stacked under the department form",
      workbook: workbook(
        sheet(
          "S",
          stack(departmentRows(), projectRows(project("≤16万元", "≤16万元", { budget: "150,000.00" }))),
        ),
      ),
      errors: [
        {
          messageId: "above",
          cell: "F40",
          related: ["E40", "B34"],
          args: { budget: "150,000.00", diff: "10,000.00" },
        },
      ],
    },
  ],
});
