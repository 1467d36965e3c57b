import rule from "../../src/rules/text-hygiene";
import {
  amount,
  departmentRows,
  projectRows,
  sheet,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/**
 * The standard indicator table with some rows replaced. In a project form, row i of the table is
 * sheet row 14 + i (names in D, values in E and F): 0 经济成本 (row 14), 3 数量 (17), 5 时效 (19),
 * 7 社会效益 (21).
 */
function project(replace: Record<number, IndicatorRow>, spec: Parameters<typeof projectRows>[0] = {}) {
  const indicators = standardIndicators();
  for (const [i, row] of Object.entries(replace)) indicators[Number(i)] = row;
  return workbook(sheet("P", projectRows({ ...spec, indicators })));
}

const GOAL =
  "<p>为全面提升政务服务水平，现制定2026年度总体绩效目标如下：</p> <p>通过优化优化“企莞家”企业综合服务专区，实现实现数据共享。</p>";

ruleTester(rule, {
  valid: [
    {
      name: "the default forms",
      workbook: workbook(sheet("D", departmentRows()), sheet("P", projectRows())),
    },
    {
      name: "single characters repeated across words are normal Chinese (seed: 工作作风, 质保金金额)",
      workbook: project(
        { 0: ["成本指标", "经济成本指标", "质保金金额", "14955.23元", "14955.23元"] },
        {
          periodGoal: "改进工作作风，提高工作效率，人人参与，常常检查。",
          annualGoal: "一步一步推进，一个一个落实。",
        },
      ),
    },
    {
      name: "a word used twice, not adjacent (seed line 151: 减免…减免)",
      workbook: project({}, { periodGoal: "对使用立体停车场的办事群众实行减免90分钟停车费用减免优惠。" }),
    },
    {
      name: "the seed's names: a unit in brackets, an inner space, quotes",
      workbook: project({
        0: [
          "成本指标",
          "经济成本指标",
          "“莞家政务”自助终端机租赁费 18000元/台/年",
          "≤18000元/台",
          "≤18000元/台",
        ],
        3: ["产出指标", "数量指标", "网络系统运维数量（项）", "6项", "6项"],
        5: [null, "时效指标", "故障设备维修及时率(%)", "≥95%", "≥95%"],
      }),
    },
    {
      name: "comparison signs are not HTML (seed line 233: <250天（工作日）), goals may end with 。",
      workbook: project(
        { 3: ["产出指标", "数量指标", "供餐数量", "<250天（工作日）", "<250天"] },
        { periodGoal: "确保 a<b 且 R&D 投入增长。" },
      ),
    },
  ],
  invalid: [
    {
      name: "the 指标库's placeholder left in a 三级 name (templates.md §1.5: (≥**%), ≥**人)",
      workbook: project({
        3: ["产出指标", "数量指标", "受益建档立卡贫困人口数≥**人", "≥29人", "≥29人"],
        5: ["产出指标", "时效指标", "按期完成率(≥**%)", "≥95%", "≥95%"],
      }),
      errors: [
        { messageId: "placeholder", cell: "D17", args: { snippet: "≥**人" } },
        { messageId: "placeholder", cell: "D19", args: { snippet: "(≥**%)" } },
      ],
    },
    {
      name: "the seed's 总体绩效目标 (line 15): <p> tags and 优化优化, one finding of each kind",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            goal: GOAL,
          }),
        ),
      ),
      errors: [
        {
          messageId: "html",
          cell: "B11",
          severity: "warning",
          args: { snippet: "<p>" },
          zhIncludes: ["总体绩效目标", "<p>"],
          fixes: [
            {
              kind: "safe",
              messageId: "fixHtml",
              edits: [
                {
                  cell: "B11",
                  before: GOAL,
                  after:
                    "为全面提升政务服务水平，现制定2026年度总体绩效目标如下： 通过优化优化“企莞家”企业综合服务专区，实现实现数据共享。",
                },
              ],
            },
          ],
        },
        {
          messageId: "doubled",
          cell: "B11",
          args: { phrase: "优化", doubled: "优化优化" },
          zhIncludes: ["优化优化"],
          // Only the reported run: 实现实现 is the next finding once this one is fixed.
          fixes: [
            {
              kind: "safe",
              messageId: "fixDoubled",
              edits: [{ cell: "B11", before: GOAL, after: GOAL.replace("优化优化", "优化") }],
            },
          ],
        },
      ],
    },
    {
      name: "an HTML entity in a project goal, a tag in a task's content",
      workbook: workbook(
        sheet("P", projectRows({ periodGoal: "保障测试工作&nbsp;正常开展。" })),
        sheet(
          "D",
          departmentRows({ tasks: [["测试任务", "开展<br/>测试工作", amount(100000), "完成测试"]] }),
        ),
      ),
      errors: [
        {
          messageId: "html",
          cell: "B10",
          sheet: "P",
          args: { snippet: "&nbsp;" },
          fixes: [
            {
              kind: "safe",
              messageId: "fixHtml",
              edits: [
                { cell: "B10", before: "保障测试工作&nbsp;正常开展。", after: "保障测试工作 正常开展。" },
              ],
            },
          ],
        },
        {
          messageId: "html",
          cell: "C13",
          sheet: "D",
          zhIncludes: ["测试任务", "主要实施内容"],
          fixes: [
            {
              kind: "safe",
              messageId: "fixHtml",
              edits: [{ cell: "C13", before: "开展<br/>测试工作", after: "开展\n测试工作" }],
            },
          ],
        },
      ],
    },
    {
      name: "stray punctuation in 三级 names (seed: 发放及时率.% line 135, 支出标准。 line 230)",
      workbook: project({
        0: ["成本指标", "经济成本指标", "支出标准。", "60元/人/天", "60元/人/天"],
        5: [null, "时效指标", "发放及时率.%", "100%", "100%"],
        3: ["产出指标", "数量指标", "服务人数，", "≥100人", "≥100人"],
      }),
      errors: [
        {
          messageId: "punctuation",
          cell: "D14",
          args: { text: "支出标准。", mark: "。" },
          fixes: [
            {
              kind: "safe",
              messageId: "fixPunctuation",
              edits: [{ cell: "D14", before: "支出标准。", after: "支出标准" }],
            },
          ],
        },
        { messageId: "punctuation", cell: "D17", args: { mark: "，" } },
        {
          messageId: "punctuation",
          cell: "D19",
          args: { mark: ".%" },
          zhIncludes: ["发放及时率.%"],
          // The dot goes, the % stays: it states the unit.
          fixes: [
            {
              kind: "safe",
              messageId: "fixPunctuation",
              edits: [{ cell: "D19", before: "发放及时率.%", after: "发放及时率%" }],
            },
          ],
        },
      ],
    },
    {
      name: "spaces around names: a 三级 name, the 项目名称 (full-width space), a task name",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            name: "测试项目\u3000",
            indicators: standardIndicators().map((r, i) =>
              i === 3 ? ["产出指标", "数量指标", " 服务人数 ", "≥100人", "≥100人"] : r,
            ),
          }),
        ),
        sheet("D", departmentRows({ tasks: [["测试任务 ", "开展测试工作", amount(100000), "完成测试"]] })),
      ),
      errors: [
        {
          messageId: "spaces",
          cell: "B2",
          sheet: "P",
          zhIncludes: ["项目名称"],
          fixes: [
            {
              kind: "safe",
              messageId: "fixSpaces",
              edits: [{ cell: "B2", before: "测试项目\u3000", after: "测试项目" }],
            },
          ],
        },
        { messageId: "spaces", cell: "D17", sheet: "P" },
        { messageId: "spaces", cell: "B13", sheet: "D" },
      ],
    },
    {
      name: "a doubled phrase in both value cells is one finding; several kinds in one name",
      workbook: project({
        7: ["效益指标", "社会效益", "服务服务水平。", "有效提升有效提升", "有效提升有效提升"],
      }),
      errors: [
        {
          messageId: "doubled",
          cell: "E21",
          related: ["F21"],
          args: { phrase: "有效提升" },
          // One finding on both value cells: one fix editing both.
          fixes: [
            {
              kind: "safe",
              messageId: "fixDoubled",
              edits: [
                { cell: "E21", before: "有效提升有效提升", after: "有效提升" },
                { cell: "F21", before: "有效提升有效提升", after: "有效提升" },
              ],
            },
          ],
        },
        { messageId: "doubled", cell: "D21", args: { phrase: "服务" } },
        { messageId: "punctuation", cell: "D21", args: { mark: "。" } },
      ],
    },
    {
      name: "HTML in the 年度 value only, a doubled 项目名称 with a trailing 。",
      workbook: project(
        { 3: ["产出指标", "数量指标", "服务人数", "≥100人", "<p>≥100人</p>"] },
        { name: "测试测试项目。" },
      ),
      errors: [
        { messageId: "html", cell: "F17", related: [] },
        { messageId: "doubled", cell: "B2" },
        { messageId: "punctuation", cell: "B2" },
      ],
    },
  ],
});
