/**
 * A checked workbook whose 项目支出 does not match its projects, with the project-sum finding given
 * the working helper i10s's rules provide (items with labels, the total, a 详情): the fixture the
 * pane's tests and screenshots use, whether or not the rules fill these in yet.
 */
import { buildView, type CheckView } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import type { Diagnostic, Lang } from "../../src/core";
import { amount, departmentRows, projectRows, sheet, workbook } from "../support/forms";

export const SUM_KEY = "project-sum|over|部门!C7";

export function sumFixtureView(lang: Lang = "zh"): CheckView {
  const wb = workbook(
    sheet("部门", departmentRows({ project: amount(10) })),
    sheet("伙食补助费", projectRows({ name: "伙食补助费", budget: amount(100000) })),
    sheet("窗口考评", projectRows({ name: "窗口考评", budget: amount(30000.5) })),
  );
  const result = checkWorkbook(wb);
  const diagnostics = result.diagnostics.map((d): Diagnostic => {
    if (d.rule !== "project-sum") return d;
    return {
      ...d,
      sum: {
        ...d.sum!,
        items: [
          { sheet: "伙食补助费", cell: "B8", label: "伙食补助费", field: "项目名称", amount: "100,000.00" },
          { sheet: "窗口考评", cell: "B8", label: "窗口考评", field: "项目名称", amount: "30,000.50" },
        ],
        total: { sheet: "部门", cell: "C7", label: "项目支出", amount: d.sum!.right },
      },
      detail: { messageId: "short", args: { ...d.args } },
    };
  });
  return buildView({ ...result, diagnostics }, [], lang);
}
