import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/checker";
import { run } from "../../src/cli/main";
import type { Report } from "../../src/report/report";
import type { DepartmentForm, ProjectForm } from "../../src/engine/model";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import {
  buildTemplateWorkbook,
  DEPARTMENT_SHEET,
  ListSheet,
  projectSheetName,
  TemplateWriteError,
  writeFormLayout,
  writeTemplateWorkbook,
} from "../../src/hosts/xlsx/write-template";
import { departmentFormLayout, projectFormLayout } from "../../src/template/layouts";
import type { FormLayout } from "../../src/template/types";
import { render } from "../../src/messages";

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const A1 = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

// Writing and reading workbooks back takes seconds on a loaded machine.
jest.setTimeout(30000);

const tmp = mkdtempSync(join(tmpdir(), "ptc-new-"));
const FILE = join(tmp, "测试局-2027.xlsx");
const PROJECT_SHEETS = [1, 2, 3].map(projectSheetName);

describe("perf-target-check new", () => {
  let written: { code: number; out: string; err: string };
  beforeAll(async () => {
    written = await cli("new", FILE, "--projects", "3", "--dept", "测试局", "--year", "2027");
  });

  it("writes the workbook and says what it wrote", () => {
    expect(written.err).toBe("");
    expect(written.code).toBe(0);
    expect(existsSync(FILE)).toBe(true);
    expect(written.out).toContain(FILE);
    expect(written.out).toContain("2027 年度");
    expect(written.out).toContain("项目绩效目标表 3 张");
    expect(written.out).toContain(`工作表：${[DEPARTMENT_SHEET, ...PROJECT_SHEETS].join("、")}`);
    expect(written.out).toContain("「测试局」");
  });

  it("reads back as 1 department + 3 project forms with only blanks to fill in", async () => {
    const { model, diagnostics } = checkWorkbook(await readXlsxFile(FILE));
    expect(model.sheetsWithoutForms).toEqual([]);
    expect(model.forms.map((f) => [f.kind, f.sheet])).toEqual([
      ["department", DEPARTMENT_SHEET],
      ...PROJECT_SHEETS.map((s) => ["project", s]),
    ]);
    for (const f of model.forms) {
      expect(f.layoutNotes).toEqual([]);
      expect(f.structureIssues).toEqual([]);
    }
    // A blank form is incomplete — and nothing else: no findings of any other category.
    expect(diagnostics.length).toBeGreaterThan(0);
    const other = diagnostics.filter((d) => d.category !== "required");
    expect(other).toEqual([]);
  });

  it("prefills the department, 主管部门, 用款单位 and the year", async () => {
    const { model } = checkWorkbook(await readXlsxFile(FILE));
    const dept = model.forms[0] as DepartmentForm;
    expect(dept.name?.text).toBe("测试局");
    expect(dept.year).toBe(2027);
    for (const f of model.forms.slice(1) as ProjectForm[]) {
      expect(f.owner?.text).toBe("测试局");
      expect(f.user?.text).toBe("测试局");
      expect(f.name?.text ?? "").toBe("");
      if (f.budgetLabel?.year != null) expect(f.budgetLabel.year).toBe(2027);
      if (f.annualGoalLabel?.year != null) expect(f.annualGoalLabel.year).toBe(2027);
    }
  });

  it("is checked by the command as 4 forms with required findings only", async () => {
    const { code, out } = await cli("--format", "json", FILE);
    const report = JSON.parse(out) as Report;
    expect(report.files[0].forms.map((f) => f.kind)).toEqual(["department", "project", "project", "project"]);
    expect(new Set(report.files[0].diagnostics.map((d) => d.category))).toEqual(new Set(["required"]));
    expect([0, 1]).toContain(code);
  });

  describe("as a workbook (exceljs)", () => {
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = await load(FILE);
    });

    const forms: [string, () => FormLayout][] = [
      [DEPARTMENT_SHEET, () => departmentFormLayout({ year: 2027, name: "测试局" })],
      [projectSheetName(2), () => projectFormLayout({ year: 2027, owner: "测试局", user: "测试局" })],
    ];

    it("has the sheets in order, the department first", () => {
      expect(wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
        DEPARTMENT_SHEET,
        ...PROJECT_SHEETS,
      ]);
    });

    it.each(forms)("%s: merges, column widths and row heights as laid out", (sheet, layoutOf) => {
      const layout = layoutOf();
      const ws = wb.getWorksheet(sheet)!;
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      const expected = layout.merges
        .filter((m) => m.top !== m.bottom || m.left !== m.right)
        .map((m) => `${A1(m.top, m.left)}:${A1(m.bottom, m.right)}`);
      expect(expected.length).toBeGreaterThan(0);
      expect([...merges].sort()).toEqual([...expected].sort());
      layout.columnWidths.forEach((w, c) => expect(ws.getColumn(c + 1).width).toBeCloseTo(w, 5));
      for (const { row, height } of layout.rowHeights)
        expect(ws.getRow(row + 1).height).toBeCloseTo(height, 5);
    });

    it.each(forms)("%s: values, fonts, borders and number formats as laid out", (sheet, layoutOf) => {
      const layout = layoutOf();
      const ws = wb.getWorksheet(sheet)!;
      const covered = (r: number, c: number) =>
        layout.merges.some(
          (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
        );
      let bordered = 0;
      for (const cell of layout.cells) {
        const x = ws.getCell(cell.row + 1, cell.col + 1);
        if (cell.value !== null && cell.value !== "" && !covered(cell.row, cell.col)) {
          expect(x.value).toBe(cell.value);
        }
        expect(x.font?.name).toBe("宋体");
        const border = cell.style !== "title" && cell.style !== "subtitle";
        if (border) {
          bordered++;
          expect(x.border?.top?.style).toBe("thin");
          expect(x.border?.left?.style).toBe("thin");
          expect(x.border?.bottom?.style).toBe("thin");
          expect(x.border?.right?.style).toBe("thin");
        } else {
          expect(x.border?.top).toBeUndefined();
        }
        if (cell.style === "amount") expect(x.numFmt).toBe("#,##0.00");
        if (cell.style === "header") expect(x.fill).toMatchObject({ type: "pattern", pattern: "solid" });
        if (cell.style === "title") expect(x.font?.bold).toBe(true);
      }
      expect(bordered).toBeGreaterThan(layout.cells.length / 2);
    });

    it.each(forms)("%s: data validations with prompts", (sheet, layoutOf) => {
      const layout = layoutOf();
      const ws = wb.getWorksheet(sheet)!;
      expect(layout.validations.length).toBeGreaterThan(0);
      const type = { list: "list", wholeNumber: "whole", decimal: "decimal" } as const;
      for (const v of layout.validations) {
        for (const [r, c] of [
          [v.range.top, v.range.left],
          [v.range.bottom, v.range.right],
        ]) {
          const dv = ws.getCell(r + 1, c + 1).dataValidation;
          expect(dv).toMatchObject({ type: type[v.kind], allowBlank: true });
          if (v.prompt) expect(dv).toMatchObject({ showInputMessage: true, prompt: v.prompt });
          if (v.kind === "list") {
            const f = String(dv.formulae[0]);
            if (f.startsWith('"')) expect(f).toBe(`"${v.list.join(",")}"`);
          } else {
            expect(dv.formulae.map(Number)).toEqual([v.min, v.max]);
          }
        }
      }
    });

    it("prints on A4 portrait, one page wide", () => {
      for (const ws of wb.worksheets.filter((w) => w.state === "visible")) {
        expect(ws.pageSetup).toMatchObject({
          paperSize: 9,
          orientation: "portrait",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
        });
      }
    });
  });

  it("refuses to overwrite an existing file, and leaves it alone", async () => {
    const before = readFileSync(FILE);
    const { code, out, err } = await cli("new", FILE);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(FILE);
    expect(err).toContain("--force");
    expect(readFileSync(FILE).equals(before)).toBe(true);

    const en = await cli("new", FILE, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toBe(`${FILE} already exists; add --force to overwrite it.\n`);
  });

  it("overwrites with --force", async () => {
    const file = join(tmp, "force.xlsx");
    writeFileSync(file, "old");
    expect((await cli("new", file)).code).toBe(2);
    expect(readFileSync(file, "utf8")).toBe("old");
    const { code, out } = await cli("new", file, "--force", "--projects", "2", "--lang", "en");
    expect(code).toBe(0);
    expect(out).toContain(`Wrote ${file}:`);
    expect(out).toContain("2 project form(s)");
    expect(out).toContain("No department given");
    const wb = await load(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      DEPARTMENT_SHEET,
      projectSheetName(1),
      projectSheetName(2),
    ]);
  });

  it("defaults to next year, one project and a blank department", async () => {
    const file = join(tmp, "defaults.xlsx");
    const { code, out } = await cli("new", file);
    expect(code).toBe(0);
    const next = new Date().getFullYear() + 1;
    expect(out).toContain(`${next} 年度`);
    const { model, diagnostics } = checkWorkbook(await readXlsxFile(file));
    expect(model.forms.map((f) => f.kind)).toEqual(["department", "project"]);
    expect((model.forms[0] as DepartmentForm).year).toBe(next);
    expect((model.forms[0] as DepartmentForm).name?.text ?? "").toBe("");
    expect((model.forms[1] as ProjectForm).owner?.text ?? "").toBe("");
    expect(diagnostics.filter((d) => d.category !== "required")).toEqual([]);
  });

  it("writes a department-only workbook with --projects 0", async () => {
    const file = join(tmp, "dept-only.xlsx");
    expect((await cli("new", file, "--projects", "0", "--dept", "测试局")).code).toBe(0);
    const { model } = checkWorkbook(await readXlsxFile(file));
    expect(model.forms.map((f) => f.kind)).toEqual(["department"]);
  });

  it.each([
    [["--year", "1999"], "--year"],
    [["--year", "2100"], "--year"],
    [["--year", "二〇二七"], "--year"],
    [["--year", "2027.5"], "--year"],
    [["--projects", "501"], "--projects"],
    [["--projects", "-1"], "--projects"],
    [["--projects", "1.5"], "--projects"],
    [["--projects", "three"], "--projects"],
  ])("rejects %j with exit 2 and writes nothing", async (args, named) => {
    const file = join(tmp, `bad-${args.join("")}.xlsx`);
    const { code, out, err } = await cli("new", file, ...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(named);
    expect(err).toContain(args[1]);
    expect(existsSync(file)).toBe(false);
  });

  it("rejects a missing or non-.xlsx output and an unwritable path with exit 2", async () => {
    expect((await cli("new")).code).toBe(2);
    const noExt = await cli("new", join(tmp, "测试局"));
    expect(noExt.code).toBe(2);
    expect(noExt.err).toContain(".xlsx");

    const noDir = join(tmp, "no-such-dir", "x.xlsx");
    const missing = await cli("new", noDir);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`无法写出 ${noDir}：目录不存在\n`);

    const dir = join(tmp, "a-dir.xlsx");
    mkdirSync(dir);
    const isDir = await cli("new", dir, "--force", "--lang", "en");
    expect(isDir.code).toBe(2);
    expect(isDir.err).toContain(`Could not write ${dir}: `);
  });

  it("leaves the checking usage alone: a file called like a subcommand's option is still checked", async () => {
    const { code, out } = await cli("--format", "json", FILE, FILE);
    expect([0, 1]).toContain(code);
    expect((JSON.parse(out) as Report).files).toHaveLength(2);
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("perf-target-check [选项] 文件|文件夹|通配符...");
    expect(help.out).toContain("perf-target-check new OUT.xlsx");
  });
});

describe("writeTemplateWorkbook", () => {
  it("throws a typed, bilingual error naming the file instead of overwriting", async () => {
    const file = join(tmp, "api.xlsx");
    await writeTemplateWorkbook(file, { year: 2027, projects: 1 });
    const e = await writeTemplateWorkbook(file, { year: 2027, projects: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TemplateWriteError);
    expect(e).toMatchObject({ code: "exists", file });
    expect((e as Error).message).toContain(`文件已存在：${file}`);
    expect(render(e as TemplateWriteError, "en")).toContain(`${file} already exists`);
    await expect(
      writeTemplateWorkbook(file, { year: 2027, projects: 2 }, { force: true }),
    ).resolves.toMatchObject({ sheets: [DEPARTMENT_SHEET, projectSheetName(1), projectSheetName(2)] });
  });

  it("writes a layout at an origin and keeps lists over 255 characters on a hidden sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const lists = new ListSheet(wb);
    const long = Array.from({ length: 40 }, (_, i) => `很长的选项名称第${i + 1}项`);
    writeFormLayout(
      wb.addWorksheet("表"),
      {
        kind: "project",
        rowCount: 1,
        colCount: 2,
        cells: [
          { row: 0, col: 0, value: "项目类型", style: "label" },
          { row: 0, col: 1, value: null, style: "text" },
        ],
        merges: [],
        columnWidths: [12, 30],
        rowHeights: [{ row: 0, height: 24 }],
        validations: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, kind: "list", list: long }],
      },
      { row: 2, col: 1 },
      lists,
    );
    lists.finish();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = back.getWorksheet("表")!;
    expect(ws.getCell("B3").value).toBe("项目类型");
    expect(ws.getColumn("C").width).toBe(30);
    expect(ws.getRow(3).height).toBe(24);
    expect(ws.getCell("C3").dataValidation).toMatchObject({
      type: "list",
      formulae: ["'下拉选项'!$A$1:$A$40"],
    });
    const hidden = back.getWorksheet("下拉选项")!;
    expect(hidden.state).toBe("veryHidden");
    expect(hidden.getCell("A40").value).toBe("很长的选项名称第40项");
  });

  it("refuses out-of-range options", () => {
    expect(() => buildTemplateWorkbook({ year: 1999, projects: 1 })).toThrow(TemplateWriteError);
    expect(() => buildTemplateWorkbook({ year: 2027, projects: 501 })).toThrow(TemplateWriteError);
  });
});

// ---------------------------------------------------------------------------------------------
// Rendering with LibreOffice: does the workbook open and print as a form?

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

const soffice = which("soffice");
const requireSoffice = process.env.REQUIRE_SOFFICE === "1";

describe("rendering with LibreOffice", () => {
  if (!soffice && requireSoffice) {
    it("needs soffice (REQUIRE_SOFFICE=1)", () => {
      throw new Error("REQUIRE_SOFFICE=1 but soffice is not on PATH: apt-get install libreoffice-calc-nogui");
    });
    return;
  }

  (soffice ? it : it.skip)(
    "converts the workbook to a non-trivial PDF and renders page 1",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "ptc-soffice-"));
      const profile = join(dir, "profile");
      const file = join(dir, "测试局-2027.xlsx");
      await writeTemplateWorkbook(file, { dept: "测试局", year: 2027, projects: 3 });
      const start = performance.now();
      const r = spawnSync(
        soffice!,
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          file,
        ],
        { encoding: "utf8", timeout: 120_000 },
      );
      const seconds = ((performance.now() - start) / 1000).toFixed(1);
      expect(r.error).toBeUndefined();
      expect({ status: r.status, stderr: r.stderr }).toMatchObject({ status: 0 });
      const pdf = join(dir, basename(file).replace(/\.xlsx$/, ".pdf"));
      expect(existsSync(pdf)).toBe(true);
      const bytes = statSync(pdf).size;
      expect(bytes).toBeGreaterThan(10_000);
      expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      process.stdout.write(`soffice: ${basename(file)} -> PDF in ${seconds} s (${bytes} bytes)\n`);

      if (which("pdftoppm")) {
        const artifacts = resolve("test-artifacts");
        mkdirSync(artifacts, { recursive: true });
        const prefix = join(artifacts, "new-workbook-page1");
        execFileSync("pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
        expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
      }
      rmSync(dir, { recursive: true, force: true });
    },
    150_000,
  );
});
