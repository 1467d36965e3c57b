import rule from "../../src/rules/amount";
import { amount, departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";
import { p1Rows } from "../support/profile-forms";

const NA = { v: { error: "#N/A" }, t: "#N/A" };

ruleTester(rule, {
  valid: [
    {
      name: "a complete department form and project form",
      workbook: workbook(sheet("S", stack(departmentRows(), projectRows()))),
    },
    {
      name: "the seed's amounts, numbers stored as text with thousands separators",
      workbook: workbook(
        sheet(
          "D",
          departmentRows({
            basic: amount(973.2),
            project: amount(699.34),
            fiscal: "1,672.54",
            other: "0.00",
            cityLevel: null, // blank: required-field's finding, not a format one
            tasks: [["“莞家政务”自助终端机铺设工作", "部署", "457,080.00", "完成部署"]],
          }),
        ),
        sheet("P", projectRows({ budget: "4,832,039.00" })),
      ),
    },
    {
      name: "amounts written with their unit",
      workbook: workbook(
        sheet("D", departmentRows({ basic: "50万元" })),
        sheet("P", projectRows({ budget: "100000元" })),
      ),
    },
    {
      name: "zero amounts and a blank task amount",
      workbook: workbook(
        sheet("D", departmentRows({ other: 0, transfer: "0", tasks: [["任务", "内容", null, "目标"]] })),
      ),
    },
  ],
  invalid: [
    {
      name: "a profile field is named by its whole label (其中:财政拨款, not 其中)",
      workbook: workbook(sheet("P1", p1Rows({ fiscal: "五十万" }))),
      errors: [
        {
          messageId: "notNumber",
          cell: "E7",
          args: { field: "其中:财政拨款", text: "五十万" },
          zhIncludes: ["「其中:财政拨款」应填写金额数字（单位：万元）"],
        },
      ],
    },
    {
      name: "full-width digits: a warning with a safe fix writing them half-width, nothing else",
      workbook: workbook(
        sheet("D", departmentRows({ fiscal: "６０.００" })),
        sheet("P", projectRows({ budget: "４，８３２，０３９．００" })),
      ),
      errors: [
        {
          messageId: "fullWidth",
          cell: "E6",
          sheet: "D",
          severity: "warning",
          args: { text: "６０.００" },
          fixes: [
            {
              kind: "safe",
              messageId: "fixFullWidth",
              edits: [{ cell: "E6", before: "６０.００", after: "60.00" }],
            },
          ],
        },
        {
          messageId: "fullWidth",
          cell: "B8",
          sheet: "P",
          fixes: [
            {
              kind: "safe",
              messageId: "fixFullWidth",
              edits: [{ cell: "B8", before: "４，８３２，０３９．００", after: "4,832,039.00" }],
            },
          ],
        },
      ],
    },
    {
      name: "an amount in words",
      workbook: workbook(sheet("P", projectRows({ budget: "一万四千元" }))),
      errors: [
        {
          messageId: "notNumber",
          cell: "B8",
          severity: "error",
          related: ["A8"],
          args: { text: "一万四千元" },
          zhIncludes: ["2026年预算金额(元)", "一万四千元", "元"],
        },
      ],
    },
    {
      name: "an error value in 基本支出",
      workbook: workbook(sheet("D", departmentRows({ basic: NA }))),
      errors: [
        { messageId: "errorValue", cell: "C6", related: ["B6"], zhIncludes: ["基本支出", "#N/A", "万元"] },
      ],
    },
    {
      name: "negative amounts: a number, a minus sign in text, accounting brackets",
      workbook: workbook(
        sheet("D", departmentRows({ other: "-1.00", transfer: "(5.00)" })),
        sheet("P", projectRows({ budget: amount(-5000) })),
      ),
      errors: [
        { messageId: "negative", cell: "E7", sheet: "D", zhIncludes: ["其他资金", "-1.00"] },
        { messageId: "negative", cell: "E10", sheet: "D", zhIncludes: ["拟用于对下转移支付资金", "-5.00"] },
        { messageId: "negative", cell: "B8", sheet: "P", args: { text: "-5,000.00" } },
      ],
    },
    {
      name: "a key task's planned funds in words",
      workbook: workbook(
        sheet("D", departmentRows({ tasks: [["测试任务", "开展测试工作", "十万元", "完成测试"]] })),
      ),
      errors: [
        { messageId: "notNumber", cell: "D13", related: ["D12"], zhIncludes: ["测试任务", "拟投入的资金"] },
      ],
    },
    {
      name: "text where 市本级使用资金 belongs",
      workbook: workbook(sheet("D", departmentRows({ cityLevel: "待定" }))),
      errors: [{ messageId: "notNumber", cell: "E9", zhIncludes: ["市本级使用资金", "待定"] }],
    },
    {
      name: "several forms stacked in one sheet",
      workbook: workbook(
        sheet("S", stack(departmentRows({ special: "约5万" }), projectRows({ budget: NA }))),
      ),
      errors: [
        { messageId: "notNumber", cell: "C9" },
        // The department form takes rows 1-25, a blank row, then the project form: 预算金额 on row 34.
        { messageId: "errorValue", cell: "B34" },
      ],
    },
  ],
});
