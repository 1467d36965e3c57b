import rule from "../../src/rules/owner";
import { departmentRows, projectRows, sheet, stack, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

const DEPT = "东莞市南城政务服务中心";

/** Department form on sheet D (部门名称 B3), project on sheet P (主管部门 B5, 用款单位 B6). */
ruleTester(rule, {
  valid: [
    {
      name: "the seed: 主管部门 = 用款单位 = 部门名称 for every project",
      workbook: workbook(
        sheet(
          "S",
          stack(
            departmentRows({ name: DEPT }),
            projectRows({ owner: DEPT, user: DEPT }),
            projectRows({ name: "项目二", owner: DEPT, user: DEPT }),
          ),
        ),
      ),
    },
    {
      name: "spaces, full-width characters and quotes do not make a difference",
      workbook: workbook(
        sheet("D", departmentRows({ name: "“莞家”服务中心" })),
        sheet("P", projectRows({ owner: " 莞家 服务中心 ", user: "「莞家」服务中心" })),
      ),
    },
    {
      name: "a department with 下属二级单位: 用款单位 may be a subordinate",
      workbook: workbook(
        sheet("D", departmentRows({ name: DEPT, subUnits: 2 })),
        sheet("P", projectRows({ owner: DEPT, user: "南城某下属单位" })),
      ),
    },
    {
      name: "blank 主管部门 / 用款单位 are required-field's business",
      workbook: workbook(
        sheet("D", departmentRows({ name: DEPT })),
        sheet("P", projectRows({ owner: null, user: "" })),
      ),
    },
    {
      name: "a project form alone: nothing to compare with",
      workbook: workbook(sheet("P", projectRows({ owner: "甲单位", user: "乙单位" }))),
    },
    {
      name: "two department forms: which one a project belongs to is not known",
      workbook: workbook(
        sheet("D1", departmentRows({ name: "甲部门" })),
        sheet("D2", departmentRows({ name: "乙部门" })),
        sheet("P", projectRows({ owner: "甲部门", user: "甲部门" })),
      ),
    },
    {
      name: "an unreadable 下属二级单位数",
      workbook: workbook(
        sheet("D", departmentRows({ name: DEPT, subUnits: "无" })),
        sheet("P", projectRows({ owner: "甲单位" })),
      ),
    },
  ],
  invalid: [
    {
      name: "用款单位 is another unit",
      workbook: workbook(
        sheet("D", departmentRows({ name: DEPT })),
        sheet("P", projectRows({ owner: DEPT, user: "东莞市南城街道办事处" })),
      ),
      errors: [
        {
          messageId: "differs",
          cell: "B6",
          sheet: "P",
          severity: "warning",
          related: ["D!B3"],
          args: { field: "用款单位", value: "东莞市南城街道办事处", department: DEPT },
        },
      ],
    },
    {
      name: "both differ (a form copied from another department)",
      workbook: workbook(
        sheet(
          "S",
          stack(
            departmentRows({ name: DEPT }),
            projectRows({ owner: "东莞市政务服务数据管理局", user: "东莞市政务服务数据管理局" }),
          ),
        ),
      ),
      errors: [
        { messageId: "differs", cell: "B31", related: ["B3"], args: { field: "主管部门" } },
        { messageId: "differs", cell: "B32", related: ["B3"], args: { field: "用款单位" } },
      ],
    },
    {
      name: "the same unit written short is only info",
      workbook: workbook(
        sheet("D", departmentRows({ name: DEPT })),
        sheet("P", projectRows({ owner: "南城政务服务中心", user: DEPT })),
      ),
      errors: [
        {
          messageId: "differs",
          cell: "B5",
          severity: "info",
          zhIncludes: ["「南城政务服务中心」", `「${DEPT}」`],
        },
      ],
    },
  ],
});
