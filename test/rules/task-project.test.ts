import rule, { SIMILARITY_THRESHOLD, dice, nameKey } from "../../src/rules/task-project";
import { amount, departmentRows, projectRows, sheet, workbook, type Cell } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

type Task = [name: Cell, content: Cell, amount: Cell, goal: Cell];

const task = (name: string, yuan: Cell): Task => [name, "实施内容", yuan, "预期目标"];

/** The seed's four 年度重点工作任务 (lines 17-20) and nine projects (lines 59-270). */
const seedTasks: Task[] = [
  task("“莞家政务”自助终端机铺设工作", amount(457080)),
  task("政务信息化项目运维", amount(600000)),
  task("南城办事大厅公众办事材料寄递费用", amount(160000)),
  task("南城办事大厅立体停车场办事群众停车经费", amount(90000)),
];
const seedProjects: [string, number][] = [
  ["机关事业单位派遣人员经费", 4832039],
  ["专用设备租赁费支出", 457080],
  ["综合窗口管理工作经费", 311277],
  ["南城办事大厅办理业务群众停车费减免经费", 90000],
  ["南城政务服务大厅品质提升工程", 14955.23],
  ["政务信息化项目运维费用", 600000],
  ["伙食补助费", 330000],
  ["南城办事大厅公众办事材料寄递费用", 160000],
  ["政务云平台资源租赁费用", 198068.84],
];

/** A department form (tasks from row 13, amount in column D) and one project sheet per project. */
function book(tasks: Task[], projects: [string, Cell][]) {
  return workbook(
    sheet("部门整体", departmentRows({ tasks })),
    ...projects.map(([name, budget], i) => sheet(`P${i + 1}`, projectRows({ name, budget }))),
  );
}

const seed = (tasks: Task[] = seedTasks) =>
  book(
    tasks,
    seedProjects.map(([n, v]) => [n, amount(v)]),
  );

ruleTester(rule, {
  valid: [
    { name: "the seed: four tasks, nine projects, amounts agree", workbook: seed() },
    {
      name: "a task named like no project",
      workbook: book([task("窗口人员培训", amount(50000))], [["伙食补助费", amount(330000)]]),
    },
    {
      name: "amounts within the shown precision (457,080 vs 457,080.00)",
      workbook: book(
        [task("专用设备租赁费支出", amount(457080, 0))],
        [["专用设备租赁费支出", amount(457080)]],
      ),
    },
    {
      name: "a task that covers two projects it names (the sum)",
      workbook: book(
        [task("政务云平台资源租赁", amount(300000))],
        [
          ["政务云平台资源租赁费用（一期）", amount(100000)],
          ["政务云平台资源租赁费用（二期）", amount(200000)],
        ],
      ),
    },
    {
      name: "two tasks for one project add up to its budget",
      workbook: book(
        [task("伙食补助费", amount(130000)), task("伙食补助", amount(200000))],
        [["伙食补助费", amount(330000)]],
      ),
    },
    {
      name: "a blank task amount or project budget is required-field's business",
      workbook: book(
        [task("伙食补助费", null), task("政务云平台资源租赁费用", amount(1))],
        [
          ["伙食补助费", amount(330000)],
          ["政务云平台资源租赁费用", null],
        ],
      ),
    },
    {
      name: "a similar name does not count when the amount is exactly another project's budget",
      workbook: book(
        [task("南城办事大厅办理业务群众停车费减免", amount(160000))],
        [
          ["南城办事大厅办理业务群众停车费减免经费（二期）", amount(90000)],
          ["南城办事大厅公众办事材料寄递费用", amount(160000)],
        ],
      ),
    },
  ],
  invalid: [
    {
      name: "the seed with the 寄递 task planned at 180,000 (月均15000元 × 12)",
      workbook: seed(seedTasks.map((t, i) => (i === 2 ? task(String(t[0]), amount(180000)) : t))),
      errors: [
        {
          messageId: "amount-differs",
          cell: "D15",
          severity: "warning",
          related: ["B15", "P8!B2", "P8!B8"],
          args: { amount: "180,000.00", budget: "160,000.00", diff: "20,000.00", allowance: "0.01" },
          zhIncludes: ["南城办事大厅公众办事材料寄递费用"],
        },
      ],
    },
    {
      name: "a name that contains the project's (运维 / 运维费用) with another amount",
      workbook: book(
        [task("政务信息化项目运维", amount(650000))],
        [["政务信息化项目运维费用", amount(600000)]],
      ),
      errors: [{ messageId: "amount-differs", cell: "D13", args: { diff: "50,000.00" } }],
    },
    {
      name: "an exact name, even when the amount is another project's budget",
      workbook: book(
        [task("伙食补助费", amount(90000))],
        [
          ["伙食补助费", amount(330000)],
          ["停车费减免经费", amount(90000)],
        ],
      ),
      errors: [{ messageId: "amount-differs", cell: "D13", related: ["B13", "P1!B2", "P1!B8"] }],
    },
    {
      name: "a task typed in 万元 by mistake",
      workbook: book([task("专用设备租赁费支出", amount(45.71))], [["专用设备租赁费支出", amount(457080)]]),
      errors: [{ messageId: "amount-differs", cell: "D13", args: { amount: "45.71", budget: "457,080.00" } }],
    },
  ],
});

describe("task-project name matching", () => {
  it("keeps every non-matching seed pair below the threshold", () => {
    const pairs: [number, number][] = [
      [0, 1],
      [1, 5],
      [2, 7],
      [3, 3],
    ];
    for (let t = 0; t < seedTasks.length; t++) {
      for (let p = 0; p < seedProjects.length; p++) {
        if (pairs.some(([a, b]) => a === t && b === p)) continue;
        const score = dice(nameKey(String(seedTasks[t][0])), nameKey(seedProjects[p][0]));
        expect(score).toBeLessThan(SIMILARITY_THRESHOLD);
      }
    }
  });

  it("cuts generic endings and punctuation", () => {
    expect(nameKey("“政务信息化项目运维”费用")).toBe(nameKey("政务信息化项目运维"));
    expect(nameKey("伙食补助费")).toBe("伙食补助费");
  });
});
