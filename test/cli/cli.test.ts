import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import type { Report } from "../../src/report/report";

const PER_SHEET = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), "ptc-cli-"));

describe("perf-target-check", () => {
  it("prints the example's findings as text, grouped by form, in Chinese, and exits 1 on errors", async () => {
    const { code, out } = await cli(PER_SHEET);
    expect(code).toBe(1);
    expect(out).toContain("部门整体预算绩效目标申报表  东莞市南城政务服务中心  (部门整体!A1:");
    expect(out).toMatch(
      /部门整体!E9 {2}错误 {2}「市本级使用资金」未填写，此项为必填项。 {2}\(required-field\)/,
    );
    expect(out).toMatch(/综合窗口管理工作经费!B12 {2}错误 {2}「2026年度目标」未填写/);
    expect(out.trim().split("\n").pop()).toMatch(
      /^共检查 1 个文件、10 张表：错误 \d+ 个，警告 \d+ 个，提示 \d+ 个。$/,
    );
  });

  it("speaks English with --lang en", async () => {
    const { out } = await cli("--lang", "en", PER_SHEET);
    expect(out).toContain("部门整体!E9  error  市本级使用资金 is blank; it is required.  (required-field)");
    expect(out).toMatch(/Checked 1 file\(s\), 10 form\(s\)/);
  });

  it("writes JSON in the documented shape", async () => {
    const { code, out } = await cli("--format", "json", PER_SHEET, STACKED);
    expect(code).toBe(1);
    const report = JSON.parse(out) as Report;
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual([PER_SHEET, STACKED]);
    for (const file of report.files) {
      expect(file.forms).toHaveLength(10);
      expect(file.forms.filter((f) => f.kind === "department")).toHaveLength(1);
      for (const f of file.forms) {
        expect(f.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
        expect(f.name).not.toBe("");
      }
      for (const d of file.diagnostics) {
        expect(["error", "warning", "info"]).toContain(d.severity);
        expect(["required", "amounts", "indicators", "wording", "consistency", "template"]).toContain(
          d.category,
        );
        expect(d.cell).toMatch(/^[A-Z]+\d+$/);
        expect(d.message).not.toMatch(/\{\w+\}/);
        for (const r of d.related) expect(r.cell).toMatch(/^[A-Z]+\d+$/);
      }
    }
    const stacked = report.files[1];
    expect(stacked.forms[0]).toMatchObject({
      kind: "department",
      sheet: "绩效目标表",
      name: "东莞市南城政务服务中心",
    });
    expect(stacked.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: "required-field",
          severity: "error",
          sheet: "绩效目标表",
          cell: "E13",
        }),
        expect.objectContaining({ rule: "required-field", cell: "B123" }),
      ]),
    );
  });

  it("writes SARIF 2.1.0 with one result per diagnostic naming file, sheet and cell", async () => {
    const json = JSON.parse((await cli("--format", "json", STACKED)).out) as Report;
    const { out } = await cli("--format", "sarif", STACKED);
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe("2.1.0");
    const runs = sarif.runs[0];
    expect(runs.tool.driver.name).toBe("perf-target-check");
    expect(runs.results).toHaveLength(json.files[0].diagnostics.length);
    const first = runs.results[0];
    const d = json.files[0].diagnostics[0];
    expect(first.ruleId).toBe(d.rule);
    expect(runs.tool.driver.rules[first.ruleIndex].id).toBe(d.rule);
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe(STACKED);
    expect(first.locations[0].logicalLocations[0].fullyQualifiedName).toBe(`${d.sheet}!${d.cell}`);
    expect(["error", "warning", "note"]).toContain(first.level);
  });

  it("names the file and says why when it cannot be read, and exits 2", async () => {
    const bogus = join(tmp, "报表.xlsx");
    writeFileSync(bogus, "这不是一个工作簿");
    const missing = join(tmp, "missing.xlsx");
    const { code, out } = await cli(bogus, missing, PER_SHEET);
    expect(code).toBe(2);
    expect(out).toContain(`${bogus}\n  无法读取文件 ${bogus}`);
    expect(out).not.toMatch(/could not|not found/); // Chinese only
    expect(out).toContain("报表.xlsx");
    expect(out).toContain("missing.xlsx");
    expect(out).not.toMatch(/\bat .*\.ts:\d+/); // no stack traces
    // The good file is still checked.
    expect(out).toContain("部门整体!E9");
    const json = JSON.parse((await cli("--format", "json", bogus)).out) as Report;
    expect(json.files[0].error).toMatchObject({ code: "not-xlsx" });
  });

  it("flags a workbook with no form instead of passing it silently", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("随便").getCell("A1").value = "没有表格";
    const file = join(tmp, "empty-form.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, out } = await cli(file);
    // Not a passed submission: its own status, counted as not checked (exit 2).
    expect(code).toBe(2);
    expect(out).toContain("随便!A1  警告  未找到绩效目标表");
    expect(out).toContain("  未识别申报表：0 张表，错误 0 个，警告 1 个，提示 0 个\n");
    const json = JSON.parse((await cli("--format", "json", file)).out) as Report;
    expect(json.files[0].status).toBe("no-form");
  });

  it("rejects bad usage with exit 2", async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli("--format", "xml", PER_SHEET)).code).toBe(2);
    expect((await cli("--annotate", join(tmp, "x.xlsx"), PER_SHEET, STACKED)).code).toBe(2);
  });

  it("writes an annotated copy with marked cells, notes and a report sheet", async () => {
    const out = join(tmp, "annotated.xlsx");
    const { code, err } = await cli("--annotate", out, PER_SHEET);
    expect(code).toBe(1);
    expect(err).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("部门整体")!.getCell("E9");
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(JSON.stringify(cell.note)).toContain("市本级使用资金");
    // Warnings are amber, and cells without findings keep their own look.
    const dept = wb.getWorksheet("部门整体")!;
    expect(dept.getCell("B11").fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
    expect(JSON.stringify(dept.getCell("C9").fill ?? null)).not.toContain("FFFFC7CE");
    expect(JSON.stringify(dept.getCell("C9").fill ?? null)).not.toContain("FFFFEB9C");
    const report = wb.getWorksheet("检查结果")!;
    expect(report.getCell("A1").value).toBe("检查结果：nancheng-2026-per-sheet.xlsx");
    expect(String(report.getCell("A2").value)).toMatch(
      /^检查时间：\d{4}-\d\d-\d\d \d\d:\d\d\u3000申报表 10 张\u3000错误 3 个/,
    );
    expect(report.getRow(4).values).toEqual([
      undefined,
      "序号",
      "申报表",
      "工作表",
      "单元格",
      "指标路径",
      "级别",
      "类别",
      "问题",
      "说明",
      "规则",
    ]);
    const first = report.getRow(5);
    expect(first.getCell(2).value).toBe("东莞市南城政务服务中心");
    expect(first.getCell(4).value).toMatchObject({ text: "E9", hyperlink: "#'部门整体'!E9" });
    expect(first.getCell(5).value).toBe("市本级使用资金");
    // An indicator's finding names its label path.
    const paths = [];
    for (let r = 5; r <= report.rowCount; r++) paths.push(String(report.getRow(r).getCell(5).value));
    expect(paths).toContain("成本指标 › 经济成本指标 › 人均机关事业单位派遣人员经费");
    // Frozen header, filters, print setup.
    expect(report.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(report.autoFilter).toBeTruthy();
    expect(report.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: "4:4",
    });
    // The original is untouched: still no report sheet.
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(PER_SHEET);
    expect(orig.getWorksheet("检查结果")).toBeUndefined();
  });

  const built = existsSync("dist/node/cli/main.js");
  (built ? it : it.skip)("runs as a real command (bin → dist)", () => {
    let status = 0;
    let stdout = "";
    try {
      stdout = execFileSync(process.execPath, ["bin/perf-target-check.js", "--format", "json", PER_SHEET], {
        encoding: "utf8",
      });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      stdout = err.stdout;
    }
    expect(status).toBe(1);
    expect((JSON.parse(stdout) as Report).files[0].forms).toHaveLength(10);
  });
});
