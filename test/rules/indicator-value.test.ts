import rule from "../../src/rules/indicator-value";
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

const S = standardIndicators();

/** The standard project table (first row 14) with row i (0-based) replaced. */
function replaceRow(i: number, row: IndicatorRow): IndicatorRow[] {
  return S.map((r, k) => (k === i ? row : r));
}

/** The seed's department 效益 block (lines 46-50), labels one column off. */
const seedBenefitBlock: IndicatorRow[] = [
  [null, "效益指标", "经济效益", null, null],
  [null, null, "社会效益", "信息化服务水平", "有效提升"],
  ["业务和服务水平", null, null, "达到省、市工作要求", "达到省、市工作要求"],
  ["健全网络安全管理制度", null, null, "有效推进网络基础设施建设", "有效推进网络基础设施建设"],
  ["生态效益", null, null, null, null],
];

ruleTester(rule, {
  valid: [
    { name: "a complete project form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a complete department form", workbook: workbook(sheet("D", departmentRows())) },
    {
      name: "a placeholder row marks an unused slot (无 | 无 | 无, - | - | -)",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 1
                ? [null, "社会成本指标", "无", "无", "无"]
                : k === 8
                  ? [null, "生态效益", "-", "-", "－"]
                  : r,
            ),
          }),
        ),
      ),
    },
    {
      name: "deadlines, ranges and qualitative values are values",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: replaceRow(5, [
              null,
              "时效指标",
              "设备安装及时性",
              "1月份完成25台设备的安装和调试",
              "12月底前",
            ]),
          }),
        ),
      ),
    },
    {
      name: "a 三级 name typed in the 一级 column, values in place (read as a layout note)",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: [...S.slice(0, 8), ["业务水平", null, null, "达到要求", "达到要求"], ...S.slice(8)],
          }),
        ),
      ),
    },
    {
      name: "values under an unknown 二级 label and no name: level2-parent reports the label",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(9, ["满意度指标", "群众满意度", null, "≥90%", "≥90%"]) }),
        ),
      ),
    },
  ],
  invalid: [
    {
      name: "a number left as the 指标库's or the template's blank (≥__人, ≥**%) is unfilled",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 3
                ? ["产出指标", "数量指标", "补助发放人数", "≥__人", "39人"]
                : k === 4
                  ? [null, "质量指标", "验收合格率", "100%", "(≥**%)"]
                  : r,
            ),
          }),
        ),
      ),
      errors: [
        {
          messageId: "unfilled-value",
          cell: "E17",
          severity: "error",
          related: ["D17"],
          args: { name: "补助发放人数", column: "实施周期指标值", value: "≥__人", blank: "__" },
        },
        {
          messageId: "unfilled-value",
          cell: "F18",
          args: { name: "验收合格率", column: "年度指标值", value: "(≥**%)", blank: "**" },
        },
      ],
    },
    {
      name: "a blank 年度指标值",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(3, ["产出指标", "数量指标", "服务人数", "≥100人", null]) }),
        ),
      ),
      errors: [
        {
          messageId: "blank-value",
          cell: "F17",
          severity: "error",
          related: ["D17"],
          args: { name: "服务人数", column: "年度指标值" },
        },
      ],
    },
    {
      name: "both values blank: two cells to fill",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(4, [null, "质量指标", "验收合格率", "", "  "]) })),
      ),
      errors: [
        { messageId: "blank-value", cell: "E18", args: { column: "实施周期指标值" } },
        { messageId: "blank-value", cell: "F18", args: { column: "年度指标值" } },
      ],
    },
    {
      name: "values that are only - _ * / 无 count as blank",
      workbook: workbook(
        sheet(
          "P",
          projectRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 0
                ? ["成本指标", "经济成本指标", "预算控制数", "/", "*"]
                : k === 5
                  ? [null, "时效指标", "按时完成率", "——", "_"]
                  : k === 7
                    ? [null, "社会效益", "服务水平", "无", "有效提升"]
                    : r,
            ),
          }),
        ),
      ),
      errors: [
        { messageId: "placeholder-value", cell: "E14", args: { value: "/" } },
        { messageId: "placeholder-value", cell: "F14", args: { value: "*" } },
        { messageId: "placeholder-value", cell: "E19", args: { value: "——" } },
        { messageId: "placeholder-value", cell: "F19", args: { value: "_" } },
        {
          messageId: "placeholder-value",
          cell: "E21",
          args: { value: "无", column: "实施周期指标值" },
          zhIncludes: ["「服务水平」"],
        },
      ],
    },
    {
      name: "values with no 三级 name",
      workbook: workbook(
        sheet("P", projectRows({ indicators: replaceRow(4, [null, "质量指标", null, "100%", "100%"]) })),
      ),
      errors: [
        {
          messageId: "missing-name",
          cell: "D18",
          related: ["E18", "F18"],
          args: { values: { list: ["100%", "100%"] } },
        },
      ],
    },
    {
      name: "a name that is only - counts as missing",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(9, ["满意度指标", "服务对象满意度", "-", "≥90%", null]) }),
        ),
      ),
      errors: [{ messageId: "missing-name", cell: "D23", args: { values: { list: ["≥90%"] } } }],
    },
    {
      name: "an indicator in an optional slot still needs its values",
      workbook: workbook(
        sheet(
          "P",
          projectRows({ indicators: replaceRow(8, [null, "生态效益", "绿化覆盖率", null, "≥30%"]) }),
        ),
      ),
      errors: [{ messageId: "blank-value", cell: "E22", args: { name: "绿化覆盖率" } }],
    },
    {
      name: "the seed's department 效益 block: 信息化服务水平 has one value only",
      workbook: workbook(
        sheet("D", departmentRows({ indicators: [...S.slice(0, 6), ...seedBenefitBlock, S[9]] })),
      ),
      errors: [{ messageId: "blank-value", cell: "G23", related: ["E23"], args: { name: "信息化服务水平" } }],
    },
    {
      name: "a form with a single 指标值 column is checked once, under that name",
      workbook: workbook(
        sheet(
          "P",
          projectRows()
            .map((r) =>
              r.includes("一级指标")
                ? ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]
                : r.slice(0, 5),
            )
            .map((r, i) => (i === 16 ? [null, null, "质量指标", "验收合格率", null] : r)),
        ),
      ),
      errors: [{ messageId: "blank-value", cell: "E17", args: { column: "指标值" } }],
    },
    {
      name: "stacked forms: one finding in each",
      workbook: workbook(
        sheet(
          "S",
          stack(
            departmentRows({
              indicators: replaceRow(3, ["产出指标", "数量指标", "服务人数", null, "≥100人"]),
            }),
            projectRows({
              indicators: replaceRow(9, ["满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "无"]),
            }),
          ),
        ),
      ),
      errors: [
        { messageId: "blank-value", cell: "E19" },
        { messageId: "placeholder-value", cell: "F49" },
      ],
    },
  ],
});
