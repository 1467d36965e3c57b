import rule from "../../src/rules/text-figures";
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
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
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { p10Rows } from "../support/profile-forms";

const NAME = "南城办事大厅公众办事材料寄递费用";

/** A project whose 经济成本指标 are the budget cap and a monthly cost (rows 14, 15). */
function mailProject(budget: number, monthly: Cell = "12000元", name: Cell = NAME): Cell[][] {
  const indicators: IndicatorRow[] = standardIndicators(budget);
  indicators[1] = [null, "经济成本指标", "平均每月寄递费用", monthly, monthly];
  indicators.splice(2, 0, [null, "社会成本指标", null, null, null]);
  return projectRows({ name, budget: amount(budget), indicators });
}

/** A department form with one task (goal in E13, content in C13, name in B13). */
function dept(task: [Cell, Cell, Cell, Cell], spec: Parameters<typeof departmentRows>[0] = {}): Cell[][] {
  return departmentRows({ ...spec, tasks: [task] });
}

ruleTester(rule, {
  valid: [
    {
      name: "monthly × 12 equals the budget and the monthly indicator",
      workbook: workbook(
        sheet("D", dept([NAME, "寄递服务", amount(144000), "寄递费用月均12000元。"])),
        sheet("P", mailProject(144000)),
      ),
    },
    {
      name: "a monthly ceiling indicator the text keeps under (≤13000元/月)",
      workbook: workbook(
        sheet("D", dept([NAME, "寄递服务", amount(144000), "每月寄递费用12000元"])),
        sheet("P", mailProject(144000, "≤13000元/月")),
      ),
    },
    {
      name: "a task naming no project, with an amount no project has: silent",
      workbook: workbook(
        sheet("D", dept(["其他工作", "开展工作", amount(50000), "月均15000元"])),
        sheet("P", mailProject(160000)),
      ),
    },
    {
      name: "a satisfaction target the indicator states (不低于90% / ≥90%)",
      workbook: workbook(sheet("D", departmentRows({ goal: "服务对象满意度不低于90%。" }))),
    },
    {
      name: "a satisfaction figure that could mean several indicators: not paired",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            goal: "群众整体办事满意率不低于90%。",
            indicators: [
              ...standardIndicators(),
              [null, null, "办事群众满意度", "≥95%", "≥95%"],
              [null, null, "热线服务满意度", "≥90%", "≥90%"],
            ],
          }),
        ),
      ),
    },
    {
      name: "per-unit amounts and amounts without 月 are not monthly figures",
      workbook: workbook(
        sheet("P", projectRows({ annualGoal: "每人每天60元，全年合计120000元，标准500元/人/月。" })),
      ),
    },
  ],
  invalid: [
    {
      name: "a 万元 family (P10): 7,000元/月 × 12 = 84,000元 > 本年度预计投入 7 万元",
      workbook: workbook(
        sheet("P10", [
          ...p10Rows().slice(0, 11),
          ["本年度绩效目标", "每月发放补助7000元"],
          ...p10Rows().slice(12),
        ]),
      ),
      errors: [
        {
          messageId: "monthly-budget",
          cell: "B12",
          args: { annual: "84,000", budget: "70,000.00", diff: "14,000.00" },
        },
      ],
    },
    {
      name: "the seed's 寄递: 15,000元/月 × 12 > 160,000 and ≠ 12,000元/月",
      workbook: workbook(
        sheet("D", dept([NAME, "寄递服务", amount(160000), "寄递费用月均15000元。"])),
        sheet("P", mailProject(160000)),
      ),
      errors: [
        {
          messageId: "monthly-budget",
          cell: "E13",
          sheet: "D",
          severity: "warning",
          related: ["B13", "P!B8", "P!B2"],
          args: { monthly: "15,000", annual: "180,000", cmp: ">", budget: "160,000.00", diff: "20,000.00" },
          zhIncludes: ["15,000 元/月 × 12 = 180,000 元 > 预算金额 160,000.00 元"],
        },
        {
          messageId: "monthly-indicator",
          cell: "E13",
          related: ["B13", "P!D15", "P!F15"],
          zhIncludes: ["平均每月寄递费用", "12000元"],
        },
      ],
    },
    {
      name: "the seed's 停车: paired by amount, 7,000元/月 × 12 < 90,000",
      workbook: workbook(
        sheet(
          "D",
          dept([
            "南城办事大厅立体停车场办事群众停车经费",
            "减免停车费",
            amount(90000),
            "预计月均为群众减免停车费7000元。",
          ]),
        ),
        sheet("P", projectRows({ name: "南城办事大厅办理业务群众停车费减免经费", budget: amount(90000) })),
      ),
      errors: [{ messageId: "monthly-budget", cell: "E13", args: { cmp: "<", annual: "84,000" } }],
    },
    {
      name: "a project's own annual goal, in 万元 per month (0.7万元/月 × 12 < 100,000; ±6,000 for one decimal of 万)",
      workbook: workbook(sheet("P", projectRows({ annualGoal: "每月支出0.7万元。" }))),
      errors: [
        { messageId: "monthly-budget", cell: "B12", related: ["B8", "B2"], args: { annual: "84,000.0" } },
      ],
    },
    {
      name: "a task's satisfaction target against its project's only satisfaction indicator",
      workbook: workbook(
        sheet(
          "S",
          stack(
            dept(["政务信息化项目运维", "运维", amount(600000), "提升服务满意度至95%以上。"]),
            projectRows({ name: "政务信息化项目运维费用", budget: amount(600000) }),
          ),
        ),
      ),
      errors: [
        {
          messageId: "satisfaction-differs",
          cell: "E13",
          related: ["B13", "D49", "F49"],
          args: { target: "≥95%", name: "服务对象满意度" },
        },
      ],
    },
    {
      name: "the overall goal against the form's only satisfaction indicator; the task content too",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            goal: "群众满意度不低于95%。",
            tasks: [["测试任务", "满意度达到85%", amount(100000), "完成测试"]],
          }),
        ),
      ),
      errors: [
        { messageId: "satisfaction-differs", cell: "B11", related: ["D25", "F25"] },
        { messageId: "satisfaction-differs", cell: "C13", related: ["B13", "D25", "F25"] },
      ],
    },
  ],
});

describe("text-figures on the example workbook", () => {
  it("finds the seed's 寄递, 停车 and 运维 contradictions and nothing else", async () => {
    const model = readWorkbook(await readXlsxFile("examples/nancheng-2026-per-sheet.xlsx"));
    const found = checkModel(model, {}, [rule]).map((d) => `${d.sheet}!${d.cell} ${d.messageId}`);
    expect(found.sort()).toEqual(
      [
        "部门整体!E14 satisfaction-differs",
        "部门整体!E15 monthly-budget",
        "部门整体!E15 monthly-indicator",
        "部门整体!E16 monthly-budget",
      ].sort(),
    );
  });
});
