import { checkModel } from "../../src/checker";
import type { ProjectForm } from "../../src/engine/model";
import { readWorkbook } from "../../src/engine/read-forms";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import rule, { derivations } from "../../src/rules/cost-rebuild";
import { amount, projectRows, sheet, workbook, type IndicatorRow, type ProjectSpec } from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { p10Rows } from "../support/profile-forms";

type Row = [name: string, value: string | null];

/**
 * A project form (budget in B8) whose 经济成本指标 rows are `costs` (from row 14, annual values in F) and
 * whose 数量指标 rows are `counts` (from row 16 + costs.length). Period values equal annual ones unless
 * `noPeriod` (as in the seed's P3).
 */
function form(
  budget: number,
  costs: Row[],
  counts: Row[],
  spec: ProjectSpec = {},
  noPeriod = false,
): ProjectSpec {
  const row = (l1: string | null, l2: string | null, [name, v]: Row): IndicatorRow => [
    l1,
    l2,
    name,
    noPeriod ? null : v,
    v,
  ];
  const indicators: IndicatorRow[] = [
    ...costs.map((c, i) => (i === 0 ? row("成本指标", "经济成本指标", c) : row(null, null, c))),
    [null, "社会成本指标", null, null, null],
    [null, "生态环境成本指标", null, null, null],
    ...counts.map((c, i) => (i === 0 ? row("产出指标", "数量指标", c) : row(null, null, c))),
    [null, "质量指标", "验收合格率", "100%", "100%"],
    [null, "时效指标", "按时完成率", "100%", "100%"],
    ["效益指标", "经济效益", null, null, null],
    [null, "社会效益", "服务水平", "有效提升", "有效提升"],
    [null, "生态效益", null, null, null],
    ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "≥90%"],
  ];
  return { start: 2022, end: 2099, ...spec, budget: amount(budget), indicators };
}

const wb = (spec: ProjectSpec) => workbook(sheet("P", projectRows(spec)));

// The seed's four projects that rebuild exactly (domain notes §5.2 I9–I12).
const P2 = (lease = "≤18000元/台/年", comm = "1416元/台", serviceCount = "5台", leaseCount = "25台") =>
  form(
    457080,
    [
      ["租赁费", lease],
      ["东莞市电子政务外网通信服务支出标准", comm],
    ],
    [
      ["购买服务事项数", serviceCount],
      ["设备租赁数量", leaseCount],
    ],
  );
const P3 = (reward = "300元/人/月", rewardCount = "每月≤32人") =>
  form(
    311277,
    [
      ["奖励标准", reward],
      ["津贴标准", "组长400元/人/月，副组长200元/人/月"],
      ["人员经费标准", "该两人全年经费合计160077.00元。"],
      ["总成本控制数", "≤311277.00元"],
    ],
    [
      ["津贴发放人数", "每月正队长5名、副队长5名"],
      ["奖励发放人数", rewardCount],
      ["工资发放人数", "2人"],
    ],
    {},
    true,
  );
const P4 = (cost = "5元", count = "受惠群众每月≥1500人") =>
  form(90000, [["人均减免成本", cost]], [["服务群众人数", count]]);
const P7 = (standard = "60元/人/天", days = "<250天（工作日）", people = "≥22人") =>
  form(
    330000,
    [["支出标准。", standard]],
    [
      ["供餐数量", days],
      ["补贴人数", people],
    ],
  );

const P2_CELLS = ["F14", "F15", "F18", "F19"];
const P3_CELLS = ["F14", "F15", "F16", "F20", "F21"];
const P4_CELLS = ["F14", "F17"];
const P7_CELLS = ["F14", "F17", "F18"];

ruleTester(rule, {
  valid: [
    { name: "P2: 25台 × 18,000元/台/年 + 5台 × 1,416元/台 = 457,080", workbook: wb(P2()) },
    {
      name: "P3: 32 × 300 × 12 + (5 × 400 + 5 × 200) × 12 + 160,077.00 = 311,277.00 (period column blank)",
      workbook: wb(P3()),
    },
    { name: "P4: 1,500人/月 × 5元/人 (人均) × 12月 = 90,000", workbook: wb(P4()) },
    { name: "P4 written 5元/人次 and ≥1500人/月", workbook: wb(P4("≤5元/人次", "≥1500人/月")) },
    { name: "P7: 22人 × 60元/人/天 × 250天 = 330,000", workbook: wb(P7()) },
    {
      name: "P7 without a day count indicator: 250 working days from the 年度目标",
      workbook: wb({
        ...form(330000, [["支出标准", "60元/人/天"]], [["补贴人数", "≥22人"]]),
        annualGoal: "为22名在岗职工提供工作日餐费补助，覆盖2026年度约250个工作日。",
      }),
    },
    { name: "P2 with a magnitude: ≤1.8万元/台/年", workbook: wb(P2("≤1.8万元/台/年")) },
    {
      name: "a shortfall at a stated minimum proves nothing (≥1200人 × 5 × 12 = 72,000)",
      workbook: wb(P4("5元", "受惠群众每月≥1200人")),
    },
    {
      name: "a unit cost with no matching quantity: silent",
      workbook: wb(form(90000, [["奖励标准", "300元/人/月"]], [["设备数量", "5台"]])),
    },
    {
      name: "a day rate with no day count anywhere: silent",
      workbook: wb(form(90000, [["支出标准", "60元/人/天"]], [["补贴人数", "22人"]])),
    },
    {
      name: "ambiguous pairing (two 台 counts, names unrelated to the standard): silent",
      workbook: wb(
        form(
          100000,
          [["通信标准", "1416元/台"]],
          [
            ["甲类数量", "5台"],
            ["乙类数量", "25台"],
          ],
        ),
      ),
    },
    {
      name: "a range standard (P1 81140-165696元/年/人 × 39人): silent",
      workbook: wb(
        form(
          4832039,
          [
            ["支出总额", "≤4832039元"],
            ["人员薪酬标准", "81140-165696元/年/人"],
          ],
          [["招聘人数", "39人"]],
        ),
      ),
    },
    {
      name: "only totals: nothing to rebuild",
      workbook: wb(form(600000, [["预算控制数", "≤60万元"]], [["网络系统运维数量（项）", "6项"]])),
    },
    {
      name: "a shortfall while another cost indicator is not counted (qualitative): silent",
      workbook: wb(
        form(
          500000,
          [
            ["租赁费", "18000元/台/年"],
            ["其他成本", "按实际发生"],
          ],
          [["设备租赁数量", "25台"]],
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a 万元 family (P10): 40人 × 2,000元/人 = 80,000元 above 本年度预计投入 7 万元",
      workbook: workbook(
        sheet("P10", [
          ...p10Rows().slice(0, 14),
          ["", "", "成本指标", "补助标准", "2000元/人"],
          ...p10Rows().slice(15),
        ]),
      ),
      errors: [
        {
          messageId: "exceeds",
          cell: "B10",
          args: { budget: "70,000.00", diff: "10,000.00", allowance: "5,000" },
        },
      ],
    },
    {
      name: "P2 with 30 devices: 547,080 > 457,080",
      workbook: wb(P2(undefined, undefined, undefined, "30台")),
      errors: [
        {
          messageId: "exceeds",
          cell: "B8",
          severity: "warning",
          related: P2_CELLS,
          args: { diff: "90,000.00" },
          zhIncludes: ["30台 × 18,000元/台/年 + 5台 × 1,416元/台 = 547,080元", "457,080.00"],
        },
      ],
    },
    {
      name: "P2 at 20,000元/台/年: 507,080 > 457,080",
      workbook: wb(P2("≤20000元/台/年")),
      errors: [
        {
          messageId: "exceeds",
          cell: "B8",
          related: P2_CELLS,
          zhIncludes: ["25台 × 20,000元/台/年 + 5台 × 1,416元/台 = 507,080元", "按指标值上限计"],
        },
      ],
    },
    {
      name: "P2 with 20 devices at the maximum standard: 367,080 < 457,080",
      workbook: wb(P2(undefined, undefined, undefined, "20台")),
      errors: [{ messageId: "short", cell: "B8", related: P2_CELLS, args: { diff: "-90,000.00" } }],
    },
    {
      name: "P3 with 40 rewarded a month: 340,077.00 > 311,277.00",
      workbook: wb(P3(undefined, "每月≤40人")),
      errors: [
        {
          messageId: "exceeds",
          cell: "B8",
          related: P3_CELLS,
          args: { diff: "28,800.00" },
          zhIncludes: ["40人 × 300元/人/月 × 12月 + 5名 × 400元/人/月 × 12月"],
        },
      ],
    },
    {
      name: "P3 at 350元/人/月: 330,477.00 > 311,277.00",
      workbook: wb(P3("350元/人/月")),
      errors: [{ messageId: "exceeds", cell: "B8", related: P3_CELLS, args: { diff: "19,200.00" } }],
    },
    {
      name: "P3 with at most 30 rewarded: 304,077.00 < 311,277.00",
      workbook: wb(P3(undefined, "每月≤30人")),
      errors: [{ messageId: "short", cell: "B8", related: P3_CELLS, args: { diff: "-7,200.00" } }],
    },
    {
      name: "P4 at 6元: 108,000 > 90,000",
      workbook: wb(P4("6元")),
      errors: [
        {
          messageId: "exceeds",
          cell: "B8",
          related: P4_CELLS,
          zhIncludes: ["1,500人/月 × 6元/人 × 12月 = 108,000元"],
        },
      ],
    },
    {
      name: "P4 with ≥2000 a month: 120,000 > 90,000",
      workbook: wb(P4(undefined, "受惠群众每月≥2000人")),
      errors: [{ messageId: "exceeds", cell: "B8", related: P4_CELLS, zhIncludes: ["按指标值下限计"] }],
    },
    {
      name: "P7 with ≥40人 (the department form's figure): 600,000 > 330,000",
      workbook: wb(P7(undefined, undefined, "≥40人")),
      errors: [
        {
          messageId: "exceeds",
          cell: "B8",
          related: P7_CELLS,
          args: { diff: "270,000.00" },
          zhIncludes: ["40人 × 60元/人/天 × 250天 = 600,000元"],
        },
      ],
    },
    {
      name: "P7 at 70元/人/天: 385,000 > 330,000",
      workbook: wb(P7("70元/人/天")),
      errors: [{ messageId: "exceeds", cell: "B8", related: P7_CELLS }],
    },
    {
      name: "P7 with exactly 200 days and 22 people: 264,000 < 330,000",
      workbook: wb(P7(undefined, "200天", "22人")),
      errors: [{ messageId: "short", cell: "B8", related: P7_CELLS }],
    },
  ],
});

function projectForms(spec: ProjectSpec): ProjectForm[] {
  return readWorkbook(wb(spec)).forms.filter((f): f is ProjectForm => f.kind === "project");
}

describe("derivations", () => {
  it("lists the derivation of a consistent form", () => {
    const [d] = derivations(projectForms(P2())[0]);
    expect(d.text).toBe("25台 × 18,000元/台/年 + 5台 × 1,416元/台 = 457,080元 = 预算金额");
    expect(d.total.toString()).toBe("457080");
    expect(d.consistent).toBe(true);
    expect(d.bound).toBe("upper");
  });

  it("lists the derivation of an inconsistent form", () => {
    const [d] = derivations(projectForms(P4("6元"))[0]);
    expect(d.text).toBe("1,500人/月 × 6元/人 × 12月 = 108,000元 > 预算金额 90,000.00元");
    expect(d.consistent).toBe(false);
    expect(d.finding).toBe("exceeds");
  });

  it("lists nothing where no complete derivation exists", () => {
    expect(
      derivations(projectForms(form(90000, [["奖励标准", "300元/人/月"]], [["设备数量", "5台"]]))[0]),
    ).toEqual([]);
  });
});

describe("the example workbook", () => {
  it.each(["examples/nancheng-2026-per-sheet.xlsx", "examples/nancheng-2026-stacked.xlsx"])(
    "%s: P2, P3, P4 and P7 rebuild exactly, no finding",
    async (path) => {
      const model = readWorkbook(await readXlsxFile(path));
      expect(checkModel(model, {}, [rule])).toEqual([]);
      const texts = model.forms
        .filter((f): f is ProjectForm => f.kind === "project")
        .flatMap((f) => derivations(f).map((d) => `${f.displayName}: ${d.text}`));
      expect(texts).toEqual([
        "专用设备租赁费支出: 25台 × 18,000元/台/年 + 5台 × 1,416元/台 = 457,080元 = 预算金额",
        "综合窗口管理工作经费: 32人 × 300元/人/月 × 12月 + 5名 × 400元/人/月 × 12月 + 5名 × 200元/人/月 × 12月 + 160,077.00元 = 311,277.00元 = 预算金额",
        "南城办事大厅办理业务群众停车费减免经费: 1,500人/月 × 5元/人 × 12月 = 90,000元 = 预算金额",
        "伙食补助费: 22人 × 60元/人/天 × 250天 = 330,000元 = 预算金额",
      ]);
    },
  );
});
