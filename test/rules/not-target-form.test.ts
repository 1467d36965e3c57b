import rule from "../../src/rules/not-target-form";
import { projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

/** A 项目支出绩效自评表 in the layout of templates.md §1.7 (X1). */
const selfAssessment = [
  ["项目支出绩效自评表"],
  ["(2022年度)"],
  ["项目名称", "委托业务项目"],
  ["主管部门", "某镇人民政府", "实施单位", "某镇人民政府"],
  ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["", "年度资金总额:", 90, 89.97, 89.97, 10, "100%", 10],
  ["年度总体目标", "预期目标", "", "", "实际完成情况"],
  [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ],
  ["", "产出指标(50分)", "数量指标", "委托业务项目数量", "≥50个", 50, 8, 8],
];

ruleTester(rule, {
  valid: [
    { name: "a target form", workbook: workbook(sheet("P", projectRows())) },
    { name: "a sheet of notes", workbook: workbook(sheet("说明", [["填表说明"], ["按模板填写"]])) },
  ],
  invalid: [
    {
      name: "a self-assessment is reported once, at its title",
      workbook: workbook(sheet("自评", selfAssessment)),
      errors: [{ messageId: "self-assessment", cell: "A1", severity: "info" }],
    },
    {
      name: "an evaluation report in prose",
      workbook: workbook(
        sheet("报告", [
          ["部门整体支出绩效评价报告"],
          ["一、基本情况"],
          ["(一)部门整体支出概况。"],
          ["1、收入:792.22万元。"],
        ]),
      ),
      errors: [{ messageId: "evaluation-report", cell: "A1", severity: "info" }],
    },
    {
      name: "a self-assessment beside a target form: only the self-assessment is reported",
      workbook: workbook(sheet("P", projectRows()), sheet("自评", selfAssessment)),
      errors: [{ messageId: "self-assessment", cell: "A1", sheet: "自评" }],
    },
  ],
});
