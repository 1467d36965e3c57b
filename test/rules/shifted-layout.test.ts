import rule, { rowList } from "../../src/rules/shifted-layout";
import { projectRows, sheet, workbook } from "../support/forms";
import { ruleTester } from "../support/rule-tester";

function withRows(edit: (rows: ReturnType<typeof projectRows>) => void) {
  const rows = projectRows();
  edit(rows);
  return workbook(sheet("P", rows));
}

ruleTester(rule, {
  valid: [
    { name: "the canonical layout", workbook: workbook(sheet("P", projectRows())) },
    {
      name: "a form at an offset is not shifted",
      workbook: workbook({ ...sheet("P", projectRows()), left: 3 }),
    },
  ],
  invalid: [
    {
      name: "a satisfaction row typed one column left (six seed forms)",
      workbook: withRows((rows) => {
        rows[22] = [...rows[22].slice(1), null];
      }),
      errors: [
        { messageId: "row-shifted-left", cell: "A23", severity: "warning", args: { rows: { list: ["23"] } } },
      ],
    },
    {
      name: "an extra empty cell before the values, on several rows: one finding listing them",
      workbook: withRows((rows) => {
        for (const i of [13, 16, 17]) rows[i] = [...rows[i].slice(0, 4), null, ...rows[i].slice(4)];
      }),
      errors: [
        {
          messageId: "extra-column",
          cell: "E14",
          args: { rows: { list: ["14", "17–18"], quote: false }, count: 3 },
          related: ["E17", "E18"],
        },
      ],
    },
    {
      name: "goal text in the label column (seed: 机关事业单位派遣人员经费)",
      workbook: withRows((rows) => {
        rows[11] = ["完成年度测试工作。"];
      }),
      errors: [{ messageId: "text-in-label-column", cell: "A12" }],
    },
    {
      name: "an amount stored as text is an info",
      workbook: workbook(sheet("P", projectRows({ budget: "100,000.00" }))),
      errors: [{ messageId: "number-as-text", cell: "B8", severity: "info" }],
    },
  ],
});

describe("rowList", () => {
  it.each([
    [[0], ["1"]],
    [
      [4, 5, 6, 9],
      ["5–7", "10"],
    ],
    [
      [9, 4, 5, 5],
      ["5–6", "10"],
    ],
  ])("%j → %j", (rows, want) => expect(rowList(rows)).toEqual({ list: want, quote: false }));
});
