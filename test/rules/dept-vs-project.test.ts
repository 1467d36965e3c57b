import rule from "../../src/rules/dept-vs-project";
import { checkModel } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import {
  departmentRows,
  projectRows,
  sheet,
  stack,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/** The standard table with row `i` replaced. Department rows start at 16, project rows at 14. */
function with_(i: number, row: IndicatorRow): IndicatorRow[] {
  const rows = standardIndicators();
  rows[i] = row;
  return rows;
}

const pair = (dept: IndicatorRow[], project: IndicatorRow[], projectName = "测试项目") =>
  workbook(
    sheet("D", departmentRows({ indicators: dept })),
    sheet("P", projectRows({ name: projectName, indicators: project })),
  );

ruleTester(rule, {
  valid: [
    {
      name: "the same standard tables in both forms",
      workbook: pair(standardIndicators(), standardIndicators()),
    },
    {
      name: "a contained name, qualified by the project's name, with the same value",
      workbook: pair(
        with_(3, ["产出指标", "数量指标", "伙食补贴人数", "≥22人", "≥22人"]),
        with_(3, ["产出指标", "数量指标", "补贴人数", "≥22人", "≥22人"]),
        "伙食补助费",
      ),
    },
    {
      name: "a contained generic name whose qualifier is not the project's (办事群众满意度 ⊃ 群众满意度)",
      workbook: pair(
        with_(9, ["满意度指标", "服务对象满意度", "办事群众满意度", "≥95%", "≥95%"]),
        with_(9, ["满意度指标", "服务对象满意度", "群众满意度", "≥90%", "≥90%"]),
        "政务信息化项目运维费用",
      ),
    },
    {
      name: "a contained name shorter than four characters (租赁费)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "自助终端机租赁费", "≤18000元/台", "≤18000元/台"]),
        with_(0, ["成本指标", "经济成本指标", "租赁费", "≤198068.84元", "≤198068.84元"]),
        "专用设备租赁费支出",
      ),
    },
    {
      name: "the same name under another 二级",
      workbook: pair(
        with_(4, [null, "质量指标", "验收合格率", "≥95%", "≥95%"]),
        standardIndicators().map((r, i) =>
          i === 4
            ? [null, "质量指标", "合格率", "100%", "100%"]
            : i === 5
              ? [null, "时效指标", "验收合格率", "100%", "100%"]
              : r,
        ),
      ),
    },
    {
      name: "ranges, compound and qualitative values are not compared; a missing unit is unit-missing's",
      workbook: pair(
        with_(3, ["产出指标", "数量指标", "服务人数", "100-200人", "≥100"]),
        with_(3, ["产出指标", "数量指标", "服务人数", "≥150人", "≥100人"]),
      ),
    },
    {
      name: "several projects: one of them agrees",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({ indicators: with_(3, ["产出指标", "数量指标", "服务人数", "≥100人", "≥100人"]) }),
        ),
        sheet(
          "P1",
          projectRows({ indicators: with_(3, ["产出指标", "数量指标", "服务人数", "≥50人", "≥50人"]) }),
        ),
        sheet("P2", projectRows({ indicators: standardIndicators() })),
      ),
    },
    {
      name: "a target the project's value meets (≥95% vs 100%, similar names)",
      workbook: pair(
        with_(4, [null, "质量指标", "运维系统验收合格率", "≥95%", "≥95%"]),
        with_(4, [null, "质量指标", "系统运维验收合格率", "100%", "100%"]),
      ),
    },
    {
      name: "a maximum the project's standard meets (≤60元/人/天 vs 60元/人/天, the same standard)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "人均伙食补贴标准", "≤60元/人/天", "≤60元/人/天"]),
        with_(0, ["成本指标", "经济成本指标", "支出标准。", "60元/人/天", "60元/人/天"]),
        "伙食补助费",
      ),
    },
    {
      name: "a maximum in 万元 that the project's lower maximum in 元 meets (≤10万元 vs ≤90000元)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "预算控制数", "≤10万元", "≤10万元"]),
        with_(0, ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤90000元"]),
      ),
    },
    {
      name: "a minimum the project's higher minimum meets (≥22人 vs ≥40人)",
      workbook: pair(
        with_(3, ["产出指标", "数量指标", "伙食补贴人数", "≥22人", "≥22人"]),
        with_(3, ["产出指标", "数量指标", "补贴人数", "≥40人", "≥40人"]),
        "伙食补助费",
      ),
    },
    {
      name: "a per-unit standard with another figure is not paired by its unit",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "人均伙食补贴标准", "≤60元/人/天", "≤60元/人/天"]),
        with_(0, ["成本指标", "经济成本指标", "支出标准", "50元/人/天", "50元/人/天"]),
        "伙食补助费",
      ),
    },
  ],
  invalid: [
    {
      name: "a count that differs (伙食补贴人数 ≥40人 vs 补贴人数 ≥22人)",
      workbook: pair(
        with_(3, ["产出指标", "数量指标", "伙食补贴人数", "≥40人", "≥40人"]),
        with_(3, ["产出指标", "数量指标", "补贴人数", "≥22人", "≥22人"]),
        "伙食补助费",
      ),
      errors: [
        {
          messageId: "value-looser",
          cell: "F19",
          sheet: "D",
          severity: "warning",
          related: ["D19", "P!D17", "P!F17", "P!B2"],
          args: { value: "≥40人", otherValue: "≥22人", project: "伙食补助费" },
          zhIncludes: ["伙食补贴人数", "补贴人数", "≥22人", "达到它不一定达到", "改为同一目标值"],
          detail: { messageId: "detail-contains", args: { deptRange: "[40, +∞)", projRange: "[22, +∞)" } },
        },
      ],
    },
    {
      name: "a unit that differs by a period (300元/人 vs 300元/人/月)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "窗口服务之星奖励标准", "300元/人", "300元/人"]),
        with_(0, ["成本指标", "经济成本指标", "奖励标准", "300元/人/月", "300元/人/月"]),
        "综合窗口管理工作经费",
      ),
      errors: [
        {
          messageId: "period-differs",
          cell: "F16",
          args: { dept: "元/人", proj: "元/人/月", period: { messageId: "period-month" } },
          zhIncludes: ["一个写了按月计、一个没有写", "请写明是否按月计"],
        },
      ],
    },
    {
      name: "a standard and its yearly form, paired by the only 元/台 standard of that figure (≤18000元/台 vs ≤18000元/台/年)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "自助终端机租赁费", "≤18000元/台", "≤18000元/台"]),
        [
          ["成本指标", "经济成本指标", "租赁费", "≤18000元/台/年", "≤18000元/台/年"],
          ...standardIndicators().slice(1, 2),
          [null, null, "通信服务支出标准", "1416元/台", "1416元/台"],
          ...standardIndicators().slice(3),
        ],
        "专用设备租赁费支出",
      ),
      errors: [
        {
          messageId: "period-differs",
          cell: "F16",
          related: ["D16", "P!D14", "P!F14", "P!B2"],
          args: { dept: "元/台", proj: "元/台/年", period: { messageId: "period-year" } },
          detail: { messageId: "detail-standard" },
        },
      ],
    },
    {
      name: "targets that cannot both be met (100% vs ≤90%)",
      workbook: pair(
        with_(4, [null, "质量指标", "验收合格率", "100%", "100%"]),
        with_(4, [null, "质量指标", "验收合格率", "≤90%", "≤90%"]),
      ),
      errors: [
        {
          messageId: "value-conflicts",
          cell: "F20",
          zhIncludes: ["相互矛盾", "不可能同时达到"],
          detail: { messageId: "detail-exact", args: { deptRange: "[100, 100]", projRange: "(-∞, 90]" } },
        },
      ],
    },
    {
      name: "units of another kind (元/人 vs 元/台)",
      workbook: pair(
        with_(0, ["成本指标", "经济成本指标", "维护标准", "≤300元/人", "≤300元/人"]),
        with_(0, ["成本指标", "经济成本指标", "维护标准", "≤300元/台", "≤300元/台"]),
      ),
      errors: [{ messageId: "unit-differs", cell: "F16", args: { dept: "元/人", proj: "元/台" } }],
    },
    {
      name: "exact names, project stacked under the department form; 万元 and 元 compared in 元",
      workbook: workbook(
        sheet(
          "S",
          stack(
            departmentRows({
              indicators: with_(0, ["成本指标", "经济成本指标", "预算控制数", "≤10万元", "≤10万元"]),
            }),
            projectRows({
              indicators: with_(0, ["成本指标", "经济成本指标", "预算控制数", "≤100000元", "≤120000元"]),
            }),
          ),
        ),
      ),
      errors: [{ messageId: "value-looser", cell: "F16", related: ["D16", "D40", "F40", "B28"] }],
    },
  ],
});

describe("dept-vs-project on the example workbook", () => {
  it("finds the seed's three true mismatches and nothing else (≥95% vs 100% and ≤60 vs 60 agree)", async () => {
    const model = readWorkbook(await readXlsxFile("examples/nancheng-2026-per-sheet.xlsx"));
    const found = checkModel(model, {}, [rule]).map((d) => `${d.sheet}!${d.cell} ${d.messageId}`);
    expect(found).toEqual([
      "部门整体!F20 period-differs",
      "部门整体!F22 period-differs",
      "部门整体!F30 value-looser",
    ]);
  });
});
