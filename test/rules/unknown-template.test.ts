import rule from "../../src/rules/unknown-template";
import { projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the Dongguan form", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "a P4 扶贫 form",
      workbook: workbook(
        sheet("P4", [
          ["绩效目标申报表"],
          ["项目名称", "村道硬化", "项目负责人及电话", "王某 13000000000"],
          ["主管部门", "县农业农村局", "实施单位", "某镇"],
          ["资金情况(万元)", "年度资金总额:", 50],
          ["", "其中:财政拨款", 50],
          ["总体目标", "年度目标"],
          ["", "硬化村道2公里"],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
          ["", "产出指标", "数量指标", "硬化里程", "≥2公里"],
        ]),
      ),
    },
    {
      name: "a sheet that is no form",
      workbook: workbook(
        sheet("S", [
          ["项目", "金额"],
          ["办公费", 100],
        ]),
      ),
    },
  ],
  invalid: [
    {
      name: "a target form of an unknown template: one finding at its title, anchors found and missing",
      workbook: workbook(
        sheet("X", [
          ["某市项目绩效目标考核表"],
          ["考核对象", "某局"],
          ["绩效指标分类", "绩效指标", "绩效指标描述", "评价标准"],
          ["产出指标", "完成率", "按期完成", "优"],
        ]),
      ),
      errors: [
        {
          messageId: "unknown",
          cell: "A1",
          severity: "warning",
          zhIncludes: ["不符合已知模板", "找到", "缺少"],
        },
      ],
    },
  ],
});
