import { buildView, explanationKey, type CheckView, type Finding } from "../../src/app/findings";
import { checkWorkbook } from "../../src/checker";
import type { Explanation } from "../../src/hosts/host";
import type { Category, Severity } from "../../src/core";
import {
  applyExplanations,
  cellLabel,
  DEFAULT_FILTERS,
  explanationsOf,
  filterCounts,
  filterFindings,
  groupFindings,
  groupHeading,
  listedFindings,
  mergeExplanations,
  reasonOf,
  relatedLabel,
  summaryLine,
  upsertExplanation,
  withoutExplanation,
  type Filters,
} from "../../src/taskpane/view-model";
import { amount, departmentRows, projectRows, sheet, standardIndicators, workbook } from "../support/forms";

/** A department form whose sides differ by 10 万元 (an error with a sum) and a project form with a vague 时效 value (a warning). */
function realView(explanations: Explanation[] = []): CheckView {
  const indicators = standardIndicators();
  indicators[5] = [null, "时效指标", "按时完成率", "及时", "及时"];
  const wb = workbook(
    sheet("部门", departmentRows({ fiscal: amount(70) })),
    sheet("项目A", projectRows({ name: "项目A", indicators })),
  );
  return buildView(checkWorkbook(wb), explanations, "zh");
}

let seq = 0;
/** A hand-made finding (row/col from the cell, key from rule|messageId|cell). */
function finding(p: Partial<Finding> & { cell: string; severity: Severity }): Finding {
  const sheetName = p.sheet ?? "S";
  const rule = p.rule ?? `rule-${seq++}`;
  const messageId = p.messageId ?? "m";
  return {
    rule,
    category: "indicators",
    sheet: sheetName,
    row: Number(p.cell.replace(/\D/g, "")) - 1,
    col: p.cell.charCodeAt(0) - 65,
    related: [],
    messageId,
    args: {},
    formIndex: null,
    key: explanationKey({ rule, messageId, sheet: sheetName, cell: p.cell }),
    message: `${p.severity} at ${p.cell}`,
    explanation: null,
    ...p,
  };
}

function handView(findings: Finding[]): CheckView {
  const counts = { forms: 2, errors: 0, warnings: 0, infos: 0, explained: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return {
    forms: [
      { index: 0, kind: "department", sheet: "S", range: "A1:F40", name: "测试部门" },
      { index: 1, kind: "project", sheet: "S", range: "A42:F70", name: "测试项目" },
    ],
    findings,
    counts,
  };
}

const only = (severities: Severity[], category: Category | "all" = "all"): Filters => ({
  severities: {
    error: severities.includes("error"),
    warning: severities.includes("warning"),
    info: severities.includes("info"),
  },
  category,
});

describe("on a checked workbook", () => {
  const view = realView();

  it("finds the error with its sum and the warning", () => {
    const cells = view.findings.map((f) => [cellLabel(f), f.severity, f.rule]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ["部门!E6", "error", "dept-balance"],
        ["项目A!E19", "warning", "unquantified"],
      ]),
    );
    const balance = view.findings.find((f) => f.rule === "dept-balance");
    expect(balance?.sum).toEqual({
      left: "60.00",
      right: "70.00",
      diff: "10.00",
      allowance: "0.02",
      unit: "万元",
      items: [
        { sheet: "部门", cell: "C6", label: "基本支出", amount: "50.00" },
        { sheet: "部门", cell: "C7", label: "项目支出", amount: "10.00" },
      ],
    });
  });

  it("groups by form in the forms' order, with headings", () => {
    const groups = groupFindings(view, view.findings);
    expect(groups.map((g) => g.key)).toEqual(["form-0", "form-1"]);
    expect(groupHeading(groups[0], "zh")).toEqual({
      title: "测试部门",
      kind: "部门整体预算绩效目标申报表",
      where: "部门!A1:F25",
      template: "模板：东莞 2026 部门整体预算绩效目标申报表",
    });
    expect(groupHeading(groups[1], "en")).toMatchObject({ title: "项目A", kind: "Project form" });
    expect(listedFindings(groups)).toHaveLength(view.findings.length);
  });

  it("writes the summary line with UI.summary", () => {
    const { errors, warnings } = view.counts;
    expect(summaryLine(view, "zh")).toEqual({
      kind: "summary",
      text: `共 2 张表：错误 ${errors} 个，警告 ${warnings} 个（已说明 0 个），提示 0 个。`,
    });
  });

  it("a saved explanation comes back on the next check and is counted", () => {
    const warning = view.findings.find((f) => f.severity === "warning")!;
    const e = { key: warning.key, text: "系统对接时限以合同为准", at: "2026-01-05T08:00:00.000Z" };
    const again = realView([e]);
    expect(again.findings.find((f) => f.key === warning.key)?.explanation).toEqual(e);
    expect(again.counts.explained).toBe(1);
    expect(summaryLine(again, "zh").text).toContain("已说明 1 个");
  });
});

describe("summaryLine", () => {
  it("invites a check before the first one", () => {
    expect(summaryLine(null, "zh")).toEqual({ kind: "intro", text: expect.stringContaining("检查表格") });
  });

  it("says no form was found", () => {
    const view = buildView(checkWorkbook(workbook(sheet("空白", [["随便写点"]]))), [], "zh");
    expect(summaryLine(view, "zh")).toEqual({
      kind: "noForms",
      text: expect.stringContaining("找到绩效目标表"),
    });
    // The no-form finding itself sits under 工作簿.
    const groups = groupFindings(view, view.findings);
    expect(groups.map((g) => g.key)).toEqual(["workbook"]);
    expect(groupHeading(groups[0], "zh")).toEqual({ title: "工作簿", kind: "", where: "", template: "" });
  });

  it("says no problem was found", () => {
    const view = buildView(checkWorkbook(workbook(sheet("P", projectRows()))), [], "zh");
    expect(view.findings).toEqual([]);
    const line = summaryLine(view, "zh");
    expect(line.kind).toBe("noFindings");
    expect(line.text).toContain("共 1 张表");
    expect(line.text).toContain("未发现问题");
    expect(summaryLine(view, "en").text).toMatch(/^1 form\(s\).* No problems found\.$/);
  });
});

describe("grouping and filtering", () => {
  const w0 = finding({ cell: "B3", severity: "warning", formIndex: 0, category: "required" });
  const e0 = finding({ cell: "C9", severity: "error", formIndex: 0, category: "amounts" });
  const i0 = finding({ cell: "A2", severity: "info", formIndex: 0 });
  const e1 = finding({ cell: "B44", severity: "error", formIndex: 1, category: "required" });
  const wb = finding({
    cell: "A1",
    severity: "warning",
    sheet: "Other",
    formIndex: null,
    category: "template",
  });
  const view = handView([wb, i0, w0, e0, e1]);

  it("puts workbook-level findings first, then forms; errors first within a form, row order kept", () => {
    const groups = groupFindings(view, view.findings);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ["workbook", 1],
      ["form-0", 3],
      ["form-1", 1],
    ]);
    expect(groups[1].bySeverity.map((s) => [s.severity, s.findings.map((f) => f.cell)])).toEqual([
      ["error", ["C9"]],
      ["warning", ["B3"]],
      ["info", ["A2"]],
    ]);
    expect(listedFindings(groups).map((f) => f.cell)).toEqual(["A1", "C9", "B3", "A2", "B44"]);
  });

  it("a form index without a form falls under 工作簿", () => {
    const stray = finding({ cell: "D4", severity: "error", formIndex: 7 });
    expect(groupFindings(view, [stray]).map((g) => g.key)).toEqual(["workbook"]);
  });

  it("leaves out forms with no visible finding", () => {
    const shown = filterFindings(view.findings, only(["error"]));
    expect(groupFindings(view, shown).map((g) => g.key)).toEqual(["form-0", "form-1"]);
  });

  it("filters by severity and category", () => {
    expect(filterFindings(view.findings, DEFAULT_FILTERS)).toHaveLength(5);
    expect(filterFindings(view.findings, only(["warning"])).map((f) => f.cell)).toEqual(["A1", "B3"]);
    expect(
      filterFindings(view.findings, only(["error", "warning", "info"], "required")).map((f) => f.cell),
    ).toEqual(["B3", "B44"]);
    expect(filterFindings(view.findings, only([]))).toEqual([]);
  });

  it("counts each filter's options under the other filter", () => {
    expect(filterCounts(view.findings, DEFAULT_FILTERS)).toEqual({
      severity: { error: 2, warning: 2, info: 1 },
      category: { template: 1, required: 2, indicators: 1, amounts: 1, wording: 0, consistency: 0 },
      allCategories: 5,
      visible: 5,
      total: 5,
    });
    // Only errors: category counts shrink, severity counts do not (they ignore their own filter).
    expect(filterCounts(view.findings, only(["error"]))).toEqual({
      severity: { error: 2, warning: 2, info: 1 },
      category: { template: 0, required: 1, indicators: 0, amounts: 1, wording: 0, consistency: 0 },
      allCategories: 2,
      visible: 2,
      total: 5,
    });
    // Only required: severity counts shrink.
    const c = filterCounts(view.findings, only(["error", "warning", "info"], "required"));
    expect(c.severity).toEqual({ error: 1, warning: 1, info: 0 });
    expect(c.visible).toBe(2);
  });
});

describe("cell labels", () => {
  it("names cells Sheet!A1, related cells on the same sheet by their address only", () => {
    expect(cellLabel({ sheet: "部门", cell: "E6" })).toBe("部门!E6");
    expect(relatedLabel({ sheet: "部门", cell: "C6" }, "部门")).toBe("C6");
    expect(relatedLabel({ sheet: "项目A", cell: "B8" }, "部门")).toBe("项目A!B8");
  });
});

describe("explanations", () => {
  const a = { key: "a", text: "A", at: "2026-01-01T00:00:00.000Z" };
  const b = { key: "b", text: "B", at: "2026-01-02T00:00:00.000Z" };

  it("upserts and removes by key", () => {
    const a2 = { ...a, text: "A2", at: "2026-01-03T00:00:00.000Z" };
    expect(upsertExplanation([a, b], a2)).toEqual([b, a2]);
    expect(upsertExplanation([a], b)).toEqual([a, b]);
    expect(withoutExplanation([a, b], "a")).toEqual([b]);
    expect(withoutExplanation([a, b], "zzz")).toEqual([a, b]);
  });

  it("merges by key, the later edit winning", () => {
    const older = { ...a, text: "old", at: "2025-12-31T00:00:00.000Z" };
    const newer = { ...a, text: "new", at: "2026-02-01T00:00:00.000Z" };
    expect(mergeExplanations([a, b], [older])).toEqual([a, b]);
    expect(mergeExplanations([a, b], [newer])).toEqual([newer, b]);
    expect(mergeExplanations([b], [a])).toEqual([b, a]);
  });

  it("attaches to warnings only and recounts", () => {
    const w = finding({ cell: "B3", severity: "warning", formIndex: 0 });
    const e = finding({ cell: "C9", severity: "error", formIndex: 0 });
    const view = handView([w, e]);
    const list = [
      { key: w.key, text: "说明", at: "2026-01-01T00:00:00.000Z" },
      { key: e.key, text: "errors cannot be explained", at: "2026-01-01T00:00:00.000Z" },
    ];
    const next = applyExplanations(view, list);
    expect(next.findings[0].explanation?.text).toBe("说明");
    expect(next.findings[1].explanation).toBeNull();
    expect(next.findings[1]).toBe(e); // unchanged findings keep their identity
    expect(next.counts.explained).toBe(1);
    expect(explanationsOf(next)).toEqual([list[0]]);
    expect(applyExplanations(next, []).counts.explained).toBe(0);
  });
});

describe("reasonOf", () => {
  it("takes the message of an Error, a string, or an object with a message", () => {
    expect(reasonOf(new Error("boom"), "zh")).toBe("boom");
    expect(reasonOf("bad", "zh")).toBe("bad");
    expect(reasonOf({ code: "InvalidArgument", message: "Office said no" }, "en")).toBe("Office said no");
    expect(reasonOf(undefined, "zh")).toBe("未知错误");
    expect(reasonOf(42, "en")).toBe("unknown error");
  });
});
