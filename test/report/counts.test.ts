/**
 * One way of counting (src/report/counts.ts): the function itself, and the pane (runCheck on the
 * in-memory Excel host, as the add-in checks) and the command line (text line, JSON, CSV) giving the
 * same counts for the example workbook.
 */
import { memoryHost } from "../support/memory-host";
import { runCheck } from "../../src/app/run-check";
import { run } from "../../src/cli/main";
import { addCounts, countFindings } from "../../src/report/counts";
import { formatCsv } from "../../src/report/csv";
import { fileCounts, totals, type Report } from "../../src/report/report";
import { applyExplanations } from "../../src/taskpane/view-model";

jest.setTimeout(60_000);
const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function cli(...args: string[]): Promise<string> {
  let out = "";
  await run(["--jobs", "1", ...args], { stdout: (s) => (out += s), stderr: () => undefined });
  return out;
}

describe("countFindings", () => {
  it("counts forms, each severity, and explained warnings only", () => {
    const c = countFindings(3, [
      { severity: "error" },
      { severity: "error", explanation: { text: "x" } }, // an error is never counted as explained
      { severity: "warning" },
      { severity: "warning", explanation: { text: "已核实" } },
      { severity: "warning", explanation: null },
      { severity: "info" },
    ]);
    expect(c).toEqual({ forms: 3, errors: 2, warnings: 3, infos: 1, explained: 1 });
    expect(countFindings(0, [])).toEqual({ forms: 0, errors: 0, warnings: 0, infos: 0, explained: 0 });
  });

  it("adds counts field by field", () => {
    const a = countFindings(2, [{ severity: "error" }, { severity: "warning", explanation: 1 }]);
    const b = countFindings(1, [{ severity: "info" }, { severity: "warning" }]);
    expect(addCounts([a, b])).toEqual({ forms: 3, errors: 1, warnings: 2, infos: 1, explained: 1 });
  });
});

describe("the pane and the command line count alike", () => {
  it("gives the same counts for the example workbook", async () => {
    const { host } = await memoryHost(EXAMPLE);
    const pane = (await runCheck(host, "zh")).view.counts;

    const report = JSON.parse(await cli("-f", "json", EXAMPLE)) as Report;
    const file = fileCounts(report.files[0]);
    expect(file).toEqual(pane);
    const sum = totals(report);
    expect({
      forms: sum.forms,
      errors: sum.errors,
      warnings: sum.warnings,
      infos: sum.infos,
      explained: sum.explained,
    }).toEqual(pane);
    // The example's figures, so that "equal" is not "both empty".
    expect(pane).toMatchObject({ forms: 10, errors: 3, explained: 0 });
    expect(pane.warnings).toBeGreaterThan(10);

    const text = await cli(EXAMPLE);
    expect(text).toContain(
      `有错误：${pane.forms} 张表，错误 ${pane.errors} 个，警告 ${pane.warnings} 个，提示 ${pane.infos} 个`,
    );
    // The CSV's row: file, status, forms, errors, warnings, infos, …
    const row = formatCsv(report, "zh").split("\r\n")[1].split(",");
    expect(row.slice(2, 6).map(Number)).toEqual([pane.forms, pane.errors, pane.warnings, pane.infos]);
  });

  it("counts explained warnings the same way after a 说明 is added in the pane", async () => {
    const { host } = await memoryHost(EXAMPLE);
    const view = (await runCheck(host, "zh")).view;
    const warning = view.findings.find((f) => f.severity === "warning")!;
    const error = view.findings.find((f) => f.severity === "error")!;
    const at = "2026-01-01T00:00:00Z";
    const explained = applyExplanations(view, [
      { key: warning.key, text: "已核实", at },
      { key: error.key, text: "错误不能说明", at },
    ]);
    expect(explained.counts).toEqual(countFindings(view.forms.length, explained.findings));
    expect(explained.counts).toEqual({ ...view.counts, explained: 1 });
  });
});
