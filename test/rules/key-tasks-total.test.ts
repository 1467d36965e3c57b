import rule from "../../src/rules/key-tasks-total";
import { amount, departmentRows, projectRows, sheet, stack, workbook, type Cell } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

type Task = [name: Cell, content: Cell, amount: Cell, goal: Cell];
const task = (name: string, yuan: Cell): Task => [name, "实施内容", yuan, "预期目标"];

/** The seed's four key tasks (lines 17-20): 1,307,080 元 in all. */
const SEED_TASKS: Task[] = [
  task("“莞家政务”自助终端机铺设工作", "457,080.00"),
  task("政务信息化项目运维", "600,000.00"),
  task("南城办事大厅公众办事材料寄递费用", "160,000.00"),
  task("南城办事大厅立体停车场办事群众停车经费", "90,000.00"),
];

ruleTester(rule, {
  valid: [
    { name: "the default form: 100,000 元 = 10 万元", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "the seed: 1,307,080 ≤ 6,993,400",
      workbook: workbook(sheet("D", departmentRows({ project: amount(699.34), tasks: SEED_TASKS }))),
    },
    {
      name: "above only within rounding: 10.00 万元 stands for up to 100,050 元",
      workbook: workbook(
        sheet("D", departmentRows({ project: amount(10), tasks: [task("任务", amount(100050))] })),
      ),
    },
    {
      name: "a blank or unreadable task amount: silent (amount reports the bad one)",
      workbook: workbook(
        sheet(
          "D1",
          departmentRows({ project: amount(10), tasks: [task("甲", amount(200000)), task("乙", null)] }),
        ),
        sheet(
          "D2",
          departmentRows({ project: amount(10), tasks: [task("甲", amount(200000)), task("乙", "二十万")] }),
        ),
      ),
    },
    {
      name: "项目支出 blank: silent (required-field reports it)",
      workbook: workbook(sheet("D", departmentRows({ project: null, tasks: [task("甲", amount(200000))] }))),
    },
    { name: "a project form alone", workbook: workbook(sheet("P", projectRows())) },
  ],
  invalid: [
    {
      name: "beyond rounding: 100,060 元 against 10.00 万元 (allowance 50.005 元)",
      workbook: workbook(
        sheet("D", departmentRows({ project: amount(10), tasks: [task("任务", amount(100060))] })),
      ),
      errors: [
        {
          messageId: "above",
          cell: "C7",
          severity: "error",
          related: ["D13"],
          args: {
            count: 1,
            sum: "100,060.00",
            project: "10.00",
            projectYuan: "100,000.00",
            diff: "60.00",
            allowance: "50.005",
          },
          zhIncludes: ["100,060.00", "10.00 万元", "60.00", "50.005"],
        },
      ],
    },
    {
      name: "two tasks adding up to more than 项目支出",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            project: amount(10),
            tasks: [task("甲", amount(60000)), task("乙", "50,000.00")],
          }),
        ),
      ),
      errors: [
        {
          messageId: "above",
          cell: "C7",
          related: ["D13", "D14"],
          args: { count: 2, sum: "110,000.00", diff: "10,000.00" },
        },
      ],
    },
    {
      name: "the seed's tasks against a 项目支出 of 130.00 万元 (in a stacked sheet)",
      workbook: workbook(
        sheet("S", stack(departmentRows({ project: amount(130), tasks: SEED_TASKS }), projectRows())),
      ),
      errors: [
        {
          messageId: "above",
          cell: "C7",
          args: { sum: "1,307,080.00", projectYuan: "1,300,000.00", diff: "7,080.00" },
        },
      ],
    },
  ],
});
