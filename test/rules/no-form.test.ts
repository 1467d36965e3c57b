import rule from "../../src/rules/no-form";
import { projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

ruleTester(rule, {
  valid: [
    { name: "a workbook with a form", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "other sheets beside a form are fine",
      workbook: workbook(sheet("说明", [["填表说明"]]), sheet("P", projectRows())),
    },
  ],
  invalid: [
    {
      name: "a workbook with no form at all",
      workbook: workbook(
        sheet("Sheet1", [
          ["项目", "金额"],
          ["办公费", 100],
        ]),
      ),
      errors: [{ messageId: "none", cell: "A1", sheet: "Sheet1", severity: "warning" }],
    },
    {
      name: "an empty workbook sheet",
      workbook: workbook(sheet("空白", [])),
      errors: [{ messageId: "none", cell: "A1" }],
    },
  ],
});
