import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import {
  autoJobs,
  checkFiles,
  defaultJobs,
  FILES_PER_WORKER,
  resolveWorker,
  workerExecArgv,
  type WorkerSource,
} from "../../src/cli/batch";
import { csvRows, formatCsv } from "../../src/report/csv";
import { expandInputs, splitGlob } from "../../src/cli/inputs";
import { run, type CliIO } from "../../src/cli/main";
import { createProgress } from "../../src/cli/progress";
import type { Report } from "../../src/report/report";

const PER_SHEET = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";

async function cli(
  args: string[],
  extra: Partial<CliIO> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), ...extra });
  return { code, out, err };
}

/** The report without engine timings, which differ from run to run. */
function stable(report: Report): Report {
  return { ...report, files: report.files.map((f) => ({ ...f, engineMs: undefined })) };
}

jest.setTimeout(60_000);

const tmp = mkdtempSync(join(tmpdir(), "ptc-batch-"));
const root = join(tmp, "submissions");
const ODD = '报表,"甲".xlsx'; // a comma and quotes: CSV must quote it
/** What a folder search of `root` finds, in order (natural order, zh-CN collation, depth first). */
const FOUND = [ODD, "a-dept.xlsx", "broken.xlsx", "nested/deeper/stacked.xlsx", "UPPER.XLSX"].map((f) =>
  join(root, f),
);

const out = {
  json: join(tmp, "report.json"),
  sarif: join(tmp, "report.sarif"),
  csv: join(tmp, "summary.csv"),
};
/** The folder checked in-process, and on two worker threads with the combined reports written. */
let one: { code: number; out: string; err: string };
let two: { code: number; out: string; err: string };
let twoStdout: string;

beforeAll(async () => {
  mkdirSync(join(root, "nested", "deeper"), { recursive: true });
  mkdirSync(join(root, ".hiddendir"));
  copyFileSync(PER_SHEET, join(root, "a-dept.xlsx"));
  copyFileSync(PER_SHEET, join(root, "UPPER.XLSX"));
  copyFileSync(STACKED, join(root, ODD));
  copyFileSync(STACKED, join(root, "nested", "deeper", "stacked.xlsx"));
  copyFileSync(PER_SHEET, join(root, ".hidden.xlsx"));
  copyFileSync(PER_SHEET, join(root, ".hiddendir", "x.xlsx"));
  writeFileSync(join(root, "~$lock.xlsx"), "Excel's lock file");
  writeFileSync(join(root, "notes.txt"), "not a workbook");
  writeFileSync(join(root, "broken.xlsx"), "这不是一个工作簿");
  one = await cli(["--format", "json", "--jobs", "1", root]);
  two = await cli([
    ...["--format", "json", "--jobs", "2"],
    ...["--output", out.json, "--sarif", out.sarif, "--csv", out.csv],
    root,
  ]);
  twoStdout = two.out;
  two.out = readFileSync(out.json, "utf8"); // -o takes the --format output off stdout
});

describe("inputs: folders and globs", () => {
  it("searches a folder recursively for .xlsx, skipping lock, hidden and other files, in stable order", () => {
    const { entries, unmatched } = expandInputs([root]);
    expect(unmatched).toEqual([]);
    expect(entries.map((e) => e.file)).toEqual(FOUND);
  });

  it("expands globs itself (quoted), within segments and across folders with **", () => {
    const all = expandInputs([`${root}/**/*.xlsx`]).entries.map((e) => e.file);
    // Case-sensitive like the shell on Linux: UPPER.XLSX does not match *.xlsx; hidden files never do.
    expect(all).toEqual(FOUND.filter((f) => !f.endsWith("UPPER.XLSX")));
    expect(expandInputs([`${root}/*.xlsx`]).entries.map((e) => e.file)).toEqual([
      join(root, ODD),
      join(root, "a-dept.xlsx"),
      join(root, "broken.xlsx"),
    ]);
    expect(expandInputs([`${root}/nested/*/*.xlsx`]).entries.map((e) => e.file)).toEqual([FOUND[3]]);
    expect(expandInputs([`${root}/{a,b}*.xlsx`]).entries.map((e) => e.file)).toEqual(FOUND.slice(1, 3));
    // Relative to the working directory, as typed.
    expect(expandInputs(["examples/*.xlsx"]).entries.map((e) => e.file)).toEqual([PER_SHEET, STACKED]);
  });

  it("checks a file found twice once, but keeps explicitly named files as named", () => {
    const { entries } = expandInputs([join(root, "a-dept.xlsx"), root, `${root}/**/*.xlsx`]);
    expect(entries.map((e) => e.file)).toEqual([
      join(root, "a-dept.xlsx"),
      ...FOUND.filter((_f, i) => i !== 1),
    ]);
    expect(expandInputs([PER_SHEET, PER_SHEET]).entries).toHaveLength(2);
    // A missing plain path is kept (reported as not found); a glob or folder with nothing is unmatched.
    const empty = join(tmp, "empty-dir");
    mkdirSync(empty);
    const r = expandInputs([join(tmp, "missing.xlsx"), `${root}/*.xls`, empty]);
    expect(r.entries.map((e) => e.file)).toEqual([join(tmp, "missing.xlsx")]);
    expect(r.unmatched).toEqual([
      { arg: `${root}/*.xls`, kind: "glob" },
      { arg: empty, kind: "folder" },
    ]);
  });

  it("splits a glob into the folder to search and the pattern tinyglobby matches there", () => {
    expect(splitGlob("submissions/**/*.xlsx")).toEqual({ base: "submissions", rest: "**/*.xlsx" });
    expect(splitGlob("*.xlsx")).toEqual({ base: ".", rest: "*.xlsx" });
    expect(splitGlob("/data/*/x.xlsx")).toEqual({ base: "/data", rest: "*/x.xlsx" });
    expect(expandInputs([`${root}/[!a]*.xlsx`]).entries.map((e) => e.file)).toEqual([
      join(root, ODD),
      join(root, "broken.xlsx"),
    ]);
    expect(expandInputs([`${root}/nested/**`]).entries.map((e) => e.file)).toEqual([FOUND[3]]);
  });

  it("lists every submission file in natural order: 单位2 before 单位10, .xls/.xlsm/.et/.csv too", () => {
    const dir = join(tmp, "natural");
    for (const d of ["单位10", "单位2", "单位1"]) mkdirSync(join(dir, d), { recursive: true });
    for (const f of [
      "单位10/a.xlsx",
      "单位2/b.xls",
      "单位2/c.csv",
      "单位1/d.et",
      "单位1/e.xlsm",
      "单位1/f.txt",
    ])
      writeFileSync(join(dir, f), "x");
    expect(expandInputs([dir]).entries.map((e) => e.rel)).toEqual([
      "单位1/d.et",
      "单位1/e.xlsm",
      "单位2/b.xls",
      "单位2/c.csv",
      "单位10/a.xlsx",
    ]);
    expect(expandInputs([`${dir}/**/*.xls*`]).entries.map((e) => e.rel)).toEqual([
      "单位1/e.xlsm",
      "单位2/b.xls",
      "单位10/a.xlsx",
    ]);
  });
});

describe("batch checking on worker threads", () => {
  it("resolves the worker: compiled worker.js next to the code, else worker.ts through tsx", () => {
    const fromSrc = resolveWorker();
    expect(fromSrc).toMatchObject({ kind: "tsx", path: resolve("src/cli/worker.ts") });
    expect(resolveWorker(resolve("dist/node/cli"))).toEqual(
      existsSync("dist/node/cli/worker.js")
        ? { kind: "script", path: resolve("dist/node/cli/worker.js") }
        : null,
    );
    expect(resolveWorker(tmp)).toBeNull();
  });

  it("without --jobs, takes one worker per FILES_PER_WORKER files up to the free cores, so small runs stay in-process", () => {
    expect(autoJobs(1, 4)).toBe(1);
    expect(autoJobs(FILES_PER_WORKER - 1, 4)).toBe(1);
    expect(autoJobs(2 * FILES_PER_WORKER, 4)).toBe(2);
    expect(autoJobs(10_000, 4)).toBe(4);
    expect(autoJobs(10_000, 1)).toBe(1);
    // As measured on two cores (batch.ts): 1000 small files are no faster on two workers than in-process.
    expect([autoJobs(1000, 2), autoJobs(1500, 2)]).toEqual([1, 2]);
    // Free cores: the machine's less those the load average keeps busy, at least one.
    expect([defaultJobs(4, 0), defaultJobs(4, 1.2), defaultJobs(4, 9), defaultJobs(2, 0.4)]).toEqual([
      4, 3, 1, 2,
    ]);
    expect(defaultJobs()).toBeGreaterThanOrEqual(1);
  });

  it("starts workers without the parent's preloads and loader hooks (tsx's), other flags kept", () => {
    const tsx = ["--require", "/x/tsx/preflight.cjs", "--import", "file:///x/tsx/loader.mjs"];
    expect(workerExecArgv([...tsx, "--enable-source-maps"])).toEqual(["--enable-source-maps"]);
    expect(workerExecArgv(["-r", "a.js", "--import=b.mjs", "--loader", "c.mjs", "--cpu-prof"])).toEqual([
      "--cpu-prof",
    ]);
    expect(workerExecArgv(["--experimental-loader=d.mjs"])).toEqual([]);
    // Nothing to take out: undefined, so the worker inherits as Node does (V8 flags included).
    expect(workerExecArgv(["--max-old-space-size=100", "--cpu-prof"])).toBeUndefined();
    expect(workerExecArgv([])).toBeUndefined();
  });

  it("reports in input order with --jobs 2 (real worker threads) exactly as with --jobs 1", async () => {
    expect(two.code).toBe(one.code);
    const r1 = JSON.parse(one.out) as Report;
    const r2 = JSON.parse(two.out) as Report;
    expect(r2.files.map((f) => f.file)).toEqual(FOUND);
    expect(stable(r2)).toEqual(stable(r1));
    // The same through the exported API, on the real (tsx-loaded) worker.
    const api = await checkFiles(FOUND, { jobs: 2, lang: "zh", worker: resolveWorker() });
    expect(stable(api)).toEqual(stable(r1));
  });

  it("reports a broken file as its error entry, checks all the others, and exits 2", async () => {
    expect(two.code).toBe(2);
    const report = JSON.parse(two.out) as Report;
    const broken = report.files[2];
    expect(broken.file).toBe(join(root, "broken.xlsx"));
    expect(broken.error).toMatchObject({ code: "not-xlsx" });
    expect(broken.error!.message).toContain("broken.xlsx");
    for (const f of report.files.filter((_f, i) => i !== 2)) {
      expect(f.error).toBeUndefined();
      expect(f.forms).toHaveLength(10);
      expect(f.diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
    // Without the broken file: errors found → 1.
    expect((await cli(["--jobs", "2", `${root}/nested/**/*.xlsx`, join(root, "a-dept.xlsx")])).code).toBe(1);
  });

  describe("a worker that dies", () => {
    let fake: WorkerSource;
    beforeAll(() => {
      const script = join(tmp, "fake-worker.js");
      writeFileSync(
        script,
        `const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", (task) => {
  if (task.file.includes("throw")) setImmediate(() => { throw new Error("kaboom"); });
  else if (task.file.includes("exit")) process.exit(7);
  else setTimeout(() => parentPort.postMessage({ type: "result", id: task.id,
    report: { file: task.file, forms: [], diagnostics: [], engineMs: threadId } }), 3 * (task.id % 4));
});
parentPort.postMessage({ type: "ready" });
`,
      );
      fake = { kind: "script", path: script };
    });

    it("yields that file's internal error entry; the other files go on, in input order", async () => {
      const files = [
        "a.xlsx",
        "throw-me.xlsx",
        "b.xlsx",
        "c.xlsx",
        "exit-me.xlsx",
        "d.xlsx",
        "e.xlsx",
        "f.xlsx",
      ];
      const seen: number[] = [];
      const report = await checkFiles(files, {
        jobs: 3,
        lang: "en",
        worker: fake,
        onProgress: (done) => seen.push(done),
      });
      expect(report.files.map((f) => f.file)).toEqual(files);
      expect(report.files[1].error).toEqual({
        code: "internal",
        message: "The worker checking throw-me.xlsx stopped unexpectedly: kaboom",
      });
      expect(report.files[4].error?.code).toBe("internal");
      expect(report.files[4].error?.message).toContain("exit-me.xlsx");
      expect(report.files[4].error?.message).toContain("exit code 7");
      const ok = report.files.filter((f) => !f.error);
      expect(ok).toHaveLength(6);
      expect(new Set(ok.map((f) => f.engineMs)).size).toBeGreaterThan(1); // more than one thread worked
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it("checks again, alone, the other file a worker held when it died, and blames only the killer", async () => {
      const script = join(tmp, "holding-worker.js");
      // Holds both of its files: a "throw" file kills it before the other one is answered.
      writeFileSync(
        script,
        `const { parentPort } = require("node:worker_threads");
parentPort.on("message", (task) => {
  if (task.file.includes("throw")) setImmediate(() => { throw new Error("kaboom"); });
  else setTimeout(() => parentPort.postMessage({ type: "result", id: task.id,
    report: { file: task.file, forms: [], diagnostics: [] } }), 30);
});
parentPort.postMessage({ type: "ready" });
`,
      );
      const files = ["ok-1.xlsx", "throw-2.xlsx", "ok-3.xlsx", "ok-4.xlsx", "ok-5.xlsx"];
      const report = await checkFiles(files, {
        jobs: 2,
        lang: "en",
        worker: { kind: "script", path: script },
      });
      expect(report.files.map((f) => [f.file, f.error?.code ?? "ok"])).toEqual([
        ["ok-1.xlsx", "ok"],
        ["throw-2.xlsx", "internal"],
        ["ok-3.xlsx", "ok"],
        ["ok-4.xlsx", "ok"],
        ["ok-5.xlsx", "ok"],
      ]);
      expect(report.files[1].error?.message).toBe(
        "The worker checking throw-2.xlsx stopped unexpectedly: kaboom",
      );
    });

    it("falls back to in-process checking when no worker can start", async () => {
      const script = join(tmp, "broken-worker.js");
      writeFileSync(script, 'throw new Error("no build here");\n');
      const report = await checkFiles([PER_SHEET, STACKED], {
        jobs: 2,
        worker: { kind: "script", path: script },
      });
      expect(report.files.map((f) => [f.file, f.forms.length, f.error])).toEqual([
        [PER_SHEET, 10, undefined],
        [STACKED, 10, undefined],
      ]);
    });
  });

  const built = existsSync("dist/node/cli/worker.js");
  (built ? it : it.skip)("runs the compiled worker from bin → dist with --jobs 2", async () => {
    let status = 0;
    let stdout = "";
    try {
      stdout = execFileSync(
        process.execPath,
        ["bin/perf-target-check.js", "--jobs", "2", "--format", "json", root],
        {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      stdout = err.stdout;
    }
    expect(status).toBe(2);
    const inProcess = JSON.parse(one.out) as Report;
    expect(stable(JSON.parse(stdout) as Report)).toEqual(stable(inProcess));
  });
});

describe("combined reports", () => {
  it("-o writes the --format output to the file instead of stdout, for each format", async () => {
    expect(two.code).toBe(2);
    expect(twoStdout).toBe("");
    expect(stable(JSON.parse(two.out) as Report)).toEqual(stable(JSON.parse(one.out) as Report));
    expect(two.err).toContain(`已写出报告：${out.json}`);
    for (const format of ["text", "json", "sarif"]) {
      const file = join(tmp, `o.${format}`);
      const r = await cli(["--format", format, "-o", file, PER_SHEET]);
      const direct = await cli(["--format", format, PER_SHEET]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      const written = readFileSync(file, "utf8");
      if (format === "json")
        expect(stable(JSON.parse(written) as Report)).toEqual(stable(JSON.parse(direct.out) as Report));
      else expect(written).toBe(direct.out);
    }
  });

  it("--sarif writes SARIF 2.1.0: a result per finding, the broken file as a notification", () => {
    const report = JSON.parse(two.out) as Report;
    const sarif = JSON.parse(readFileSync(out.sarif, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const runs = sarif.runs[0];
    expect(runs.tool.driver.name).toBe("perf-target-check");
    expect(runs.artifacts).toHaveLength(FOUND.length);
    expect(runs.results).toHaveLength(report.files.reduce((n, f) => n + f.diagnostics.length, 0));
    expect(runs.invocations[0].executionSuccessful).toBe(false);
    expect(runs.invocations[0].toolExecutionNotifications).toHaveLength(1);
    expect(runs.invocations[0].toolExecutionNotifications[0].message.text).toContain("broken.xlsx");
  });

  it("--csv writes a UTF-8 summary with BOM, a header, one RFC 4180 row per file", () => {
    const report = JSON.parse(two.out) as Report;
    const bytes = readFileSync(out.csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines.pop()).toBe(""); // CRLF after every row
    expect(lines[0]).toBe("文件,状态,表数,错误,警告,提示,首个错误或原因,备注");
    expect(lines).toHaveLength(1 + FOUND.length);
    const dept = report.files[1];
    const firstError = dept.diagnostics.find((d) => d.severity === "error")!;
    const count = (s: string) => dept.diagnostics.filter((d) => d.severity === s).length;
    expect(lines[2]).toBe(
      [FOUND[1], "有错误", 10, count("error"), count("warning"), count("info"), ""].join(",") +
        `${firstError.sheet}!${firstError.cell} ${firstError.message},`,
    );
    expect(lines[3]).toMatch(new RegExp(`^${FOUND[2]},无法读取,0,0,0,0,`));
    expect(lines[3]).toContain("broken.xlsx");
    expect(lines[1].startsWith(`"${join(root, '报表,""甲"".xlsx')}",有错误,10,`)).toBe(true);
  });

  it("quotes per RFC 4180, defuses formulas, and speaks English with --lang en", () => {
    const row = (fields: string[]) => csvRows([fields]);
    expect(row(["plain", 'a,"b"', "two\nlines"])).toBe('plain,"a,""b""","two\nlines"\r\n');
    // Formulas are defused, also the full-width ＝＋－＠ a Chinese input method types.
    expect(row(["=HYPERLINK(1)", "+1", "-1", "@x", "＝SUM(A1)", "＋1", "－1", "＠x"])).toBe(
      "'=HYPERLINK(1),'+1,'-1,'@x,'＝SUM(A1),'＋1,'－1,'＠x\r\n",
    );
    const csv = formatCsv(
      {
        version: 1,
        files: [
          { file: "ok.xlsx", status: "passed", forms: [], diagnostics: [] },
          { file: "m.xlsm", status: "passed", notes: ["macro"], forms: [], diagnostics: [] },
          { file: "none.xlsx", status: "no-form", forms: [], diagnostics: [] },
          {
            file: "old.xls",
            status: "not-checked",
            forms: [],
            diagnostics: [],
            error: { code: "legacy-xls", message: "save as" },
          },
          {
            file: "bad.xlsx",
            status: "unreadable",
            forms: [],
            diagnostics: [],
            error: { code: "not-found", message: "gone" },
          },
        ],
      },
      "en",
    );
    expect(csv).toBe(
      "\uFEFFFile,Status,Forms,Errors,Warnings,Infos,First error or reason,Notes\r\n" +
        "ok.xlsx,passed,0,0,0,0,,\r\n" +
        "m.xlsm,passed,0,0,0,0,,Macro-enabled workbook (.xlsm): its cells were checked, its macros were not run.\r\n".replace(
          /,(Macro.*)\r/,
          ',"$1"\r',
        ) +
        "none.xlsx,no form recognised,0,0,0,0,No form recognised: this file does not count as passed; check that the right file was submitted.,\r\n" +
        "old.xls,not checked,0,0,0,0,save as,\r\n" +
        "bad.xlsx,unreadable,0,0,0,0,gone,\r\n",
    );
  });

  it("says so and exits 2 when a report cannot be written, after printing the results", async () => {
    const r = await cli(["--csv", join(tmp, "no-such-dir", "x.csv"), PER_SHEET]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("部门整体!E9");
    expect(r.err).toContain("无法写出报告");
  });
});

describe("progress and usage", () => {
  let many: string;
  beforeAll(async () => {
    // 21 small workbooks: enough for a progress line, quick to check.
    many = join(tmp, "many");
    mkdirSync(many);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("随便").getCell("A1").value = "没有表格";
    await wb.xlsx.writeFile(join(many, "00.xlsx"));
    for (let i = 1; i <= 20; i++)
      copyFileSync(join(many, "00.xlsx"), join(many, `${String(i).padStart(2, "0")}.xlsx`));
  });

  it("draws one updating progress line on a terminal for more than 20 files, cleared at the end", async () => {
    const { code, err, out } = await cli(["--jobs", "1", many], { stderrIsTTY: true });
    expect(code).toBe(2); // workbooks without a form: not checked
    expect(err).toContain("\r已检查 21/21 个文件…\x1b[K");
    expect(err.endsWith("\r\x1b[K")).toBe(true);
    expect(err).not.toContain("\n");
    expect(out).toContain("共检查 21 个文件");
    const en = await cli(["--jobs", "1", "--lang", "en", many], { stderrIsTTY: true });
    expect(en.err).toContain("Checked 21/21 files…");
  });

  it("never draws it when stderr is not a terminal, or for 20 files or fewer", async () => {
    const piped = await cli(["--format", "json", "--jobs", "2", many]);
    expect(piped.err).toBe("");
    expect((JSON.parse(piped.out) as Report).files).toHaveLength(21);
    const few = await cli(["--jobs", "1", `${many}/0*.xlsx`], { stderrIsTTY: true });
    expect(few.err).toBe("");
  });

  it("throttles updates but always draws the last one", () => {
    let clock = 0;
    const lines: string[] = [];
    const p = createProgress(
      (s) => lines.push(s),
      true,
      30,
      "zh",
      () => clock,
    );
    for (let i = 0; i <= 30; i++) {
      clock += 10;
      p.update(i, 30);
    }
    p.end();
    expect(lines.length).toBeLessThan(10);
    expect(lines[lines.length - 2]).toBe("\r已检查 30/30 个文件…\x1b[K");
    expect(lines[lines.length - 1]).toBe("\r\x1b[K");
  });

  it("exits 2 with a clear message when a glob matches nothing or a folder has no .xlsx", async () => {
    const pattern = join(tmp, "nowhere", "**", "*.xlsx");
    const r = await cli([pattern, PER_SHEET]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(`没有与「${pattern}」匹配的 .xlsx 文件。\n`);
    const en = await cli(["--lang", "en", `${root}/*.csv`]);
    expect(en.code).toBe(2);
    expect(en.err).toContain(`No .xlsx file matches ${root}/*.csv.`);
    const dir = join(tmp, "no-workbooks");
    mkdirSync(dir);
    writeFileSync(join(dir, "readme.txt"), "");
    const folder = await cli([dir]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(`文件夹「${dir}」中没有 .xlsx 文件。`);
  });

  it("rejects a bad --jobs", async () => {
    for (const bad of ["0", "two", "-1", "1.5"]) {
      const r = await cli(["--jobs", bad, PER_SHEET]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("--jobs");
    }
  });

  // root reads every folder whatever its mode, and Windows has no chmod 0: nothing to lock there.
  const canLock = process.getuid?.() !== 0 && process.platform !== "win32";
  (canLock ? it : it.skip)(
    "checks a folder that cannot be read as an unreadable entry, and the rest",
    async () => {
      const { chmodSync } = await import("node:fs");
      const locked = join(tmp, "locked-tree");
      mkdirSync(join(locked, "closed"), { recursive: true });
      copyFileSync(PER_SHEET, join(locked, "a.xlsx"));
      chmodSync(join(locked, "closed"), 0);
      try {
        const { code, out } = await cli(["--format", "json", locked]);
        expect(code).toBe(2);
        const report = JSON.parse(out) as Report;
        expect(report.files.map((f) => [f.file, f.error?.code])).toEqual([
          [join(locked, "a.xlsx"), undefined],
          [join(locked, "closed"), "unreadable"],
        ]);
      } finally {
        chmodSync(join(locked, "closed"), 0o755);
      }
    },
  );
});
