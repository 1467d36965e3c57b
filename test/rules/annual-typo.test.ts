import rule, { looksLikeTypo } from "../../src/rules/annual-typo";
import {
  departmentRows,
  projectRows,
  sheet,
  standardIndicators,
  workbook,
  type IndicatorRow,
} from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const S = standardIndicators();

/** The project's 社会效益 row (row 21: name D21, 实施周期 E21, 年度 F21) with these values. */
function benefit(period: string, annual: string): IndicatorRow[] {
  return S.map((r, k): IndicatorRow => (k === 7 ? [null, "社会效益", "提高工作积极性", period, annual] : r));
}

const project = (period: string, annual: string) =>
  workbook(sheet("P", projectRows({ indicators: benefit(period, annual) })));

ruleTester(rule, {
  valid: [
    { name: "identical values", workbook: project("有效提高", "有效提高") },
    {
      name: "two different words (提升 / 提高): different wording, not a typo",
      workbook: project("有效提升", "有效提高"),
    },
    { name: "two grades (良好 / 较好) may be different targets", workbook: project("良好", "较好") },
    { name: "neither side a known word (省级 / 市级)", workbook: project("达到省级要求", "达到市级要求") },
    { name: "punctuation only", workbook: project("有效提高。", "有效提高") },
    { name: "a word added (有效保障 / 有效的保障)", workbook: project("有效保障", "有效的保障") },
    { name: "more than one character apart", workbook: project("有效提高", "明显改善") },
    { name: "quantitative values one digit apart are not this rule's", workbook: project("≥95%", "≥96%") },
    { name: "one-character grades (优 / 良)", workbook: project("优", "良") },
  ],
  invalid: [
    {
      name: "the seed: 有效提高 / 有效提稿 (综合窗口管理工作经费, line 137)",
      workbook: project("有效提高", "有效提稿"),
      errors: [
        {
          messageId: "typo",
          cell: "F21",
          severity: "warning",
          related: ["E21"],
          args: { name: "提高工作积极性", annual: "有效提稿", period: "有效提高" },
        },
      ],
    },
    {
      name: "the typo on the 实施周期 side is still reported at the 年度 cell",
      workbook: project("有效保樟", "有效保障"),
      errors: [{ messageId: "typo", cell: "F21", related: ["E21"] }],
    },
    {
      name: "a doubled character",
      workbook: project("服务质量明显提升", "服务质量明显提提升"),
      errors: [{ messageId: "typo", cell: "F21" }],
    },
    {
      name: "a dropped character that breaks a word (有效提高 / 有效提)",
      workbook: project("有效提高", "有效提"),
      errors: [{ messageId: "typo", cell: "F21" }],
    },
    {
      name: "in a department form",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            indicators: S.map((r, k): IndicatorRow =>
              k === 7 ? [null, "社会效益", "营商环境", "持续优化", "持续优华"] : r,
            ),
          }),
        ),
      ),
      errors: [{ messageId: "typo", cell: "F23", related: ["E23"] }],
    },
  ],
});

describe("annual-typo heuristics", () => {
  it.each([
    ["有效提高", "有效提稿", true],
    ["有效提升", "有效提高", false],
    ["稳步推进", "稳步推近", true],
    ["按时完成", "按时完城", true],
    ["好", "差", false],
  ])("%s / %s → %s", (a, b, want) => {
    expect(looksLikeTypo(a, b)).toBe(want);
  });
});
