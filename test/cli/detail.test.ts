/** 详情 in the command line's renderings: JSON carries the rendered detail, text shows it on its own line. */
import { checkModel, type CheckResult } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { formatText } from "../../src/cli/format-text";
import { fileReport } from "../../src/report/report";
import rule from "../../src/rules/dept-vs-project";
import { departmentRows, projectRows, sheet, standardIndicators, workbook } from "../support/forms";

function result(): CheckResult {
  const dept = standardIndicators();
  dept[3] = ["产出指标", "数量指标", "伙食补贴人数", "≥40人", "≥40人"];
  const proj = standardIndicators();
  proj[3] = ["产出指标", "数量指标", "补贴人数", "≥22人", "≥22人"];
  const model = readWorkbook(
    workbook(
      sheet("D", departmentRows({ indicators: dept })),
      sheet("P", projectRows({ name: "伙食补助费", indicators: proj })),
    ),
  );
  return { model, diagnostics: checkModel(model, {}, [rule]) };
}

describe("a finding's 详情 in the command line", () => {
  it("is in the JSON diagnostic and on its own line in the text list, in the chosen language", () => {
    const zh = fileReport("x.xlsx", result(), "zh");
    expect(zh.diagnostics).toHaveLength(1);
    expect(zh.diagnostics[0].message).not.toContain("配对依据");
    expect(zh.diagnostics[0].detail).toContain("[40, +∞)");
    expect(formatText({ version: 1, files: [zh] }, "zh")).toMatch(/\n\s+详情：配对依据：.*\[22, \+∞\)/);
    const en = fileReport("x.xlsx", result(), "en");
    expect(formatText({ version: 1, files: [en] }, "en")).toMatch(/\n\s+Details: Paired by:/);
  });
});
