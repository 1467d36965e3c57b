/**
 * The whole bad-input corpus and a good workbook in one command-line run: every unusable file gets
 * its error (code and message naming it), every usable one its findings, the good workbook its usual
 * findings, exit status 2 — no stack trace, no hang, bounded time and memory.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { run } from "../../src/cli/main";
import type { Report, ReportFile } from "../../src/report/report";
import { CORPUS } from "./corpus";
import { missingFindings, STACK_FRAME, writeCorpus, type BuiltCase } from "./support";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";
/** The whole run: the corpus' own bounds added up, and time to load the example. */
const RUN_MS = CORPUS.reduce((n, c) => n + c.maxMs, 0) + 5000;

jest.setTimeout(120_000);

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let cases: BuiltCase[] = [];
let cleanup = () => {};
beforeAll(async () => {
  ({ cases, cleanup } = await writeCorpus());
});
afterAll(() => cleanup());

/** Checks one file's entry of the report against the corpus' expected outcome. */
function expectOutcome(c: BuiltCase, file: ReportFile): void {
  expect(file.file).toBe(c.path);
  if ("error" in c.outcome) {
    expect(file.error?.code).toBe(c.outcome.error);
    expect(file.error?.message).toContain(basename(c.path));
    if (c.outcome.message) expect(file.error?.message).toMatch(c.outcome.message);
    expect(file.forms).toEqual([]);
    return;
  }
  expect(file.error).toBeUndefined();
  expect(file.forms.map((f) => `${f.kind} ${f.sheet}!${f.range.split(":")[0]}`)).toEqual(c.outcome.forms);
  expect(missingFindings(c.outcome.findings, file.diagnostics)).toEqual([]);
  for (const rule of c.outcome.absent ?? [])
    expect(file.diagnostics.filter((d) => d.rule === rule)).toEqual([]);
}

/** The English reader messages' words (src/messages/reader.ts), which a zh run never shows. */
const ENGLISH_READER =
  /could not be read|is not a valid|was not found|is empty|has no worksheets|is a legacy|is an encrypted/;

describe("perf-target-check on the bad-input corpus plus a good workbook", () => {
  let report: Report;
  let code: number;
  let alone: Report;

  beforeAll(async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const res = await cli("--format", "json", "--jobs", "1", ...cases.map((c) => c.path), EXAMPLE);
    const ms = performance.now() - start;
    expect(ms).toBeLessThan(RUN_MS);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
    expect(res.err).toBe("");
    report = JSON.parse(res.out) as Report;
    code = res.code;
    alone = JSON.parse((await cli("--format", "json", "--jobs", "1", EXAMPLE)).out) as Report;
  });

  it("reports every file, in order, and exits 2 because some could not be checked", () => {
    expect(report.files.map((f) => f.file)).toEqual([...cases.map((c) => c.path), EXAMPLE]);
    expect(code).toBe(2);
  });

  it.each(CORPUS.map((c) => [c.kind, c.file] as const))("%s", (_kind, name) => {
    const i = cases.findIndex((c) => c.file === name);
    expectOutcome(cases[i], report.files[i]);
  });

  it("gives each reader error in English with --lang en, the reason and the part as in Chinese", async () => {
    const read = cases.filter((c) => "error" in c.outcome && !c.path.endsWith(".xls"));
    const res = await cli("--format", "json", "--jobs", "1", "--lang", "en", ...read.map((c) => c.path));
    const en = JSON.parse(res.out) as Report;
    read.forEach((c, i) => {
      const zh = report.files[cases.indexOf(c)].error!;
      const { code, message } = en.files[i].error!;
      expect(code).toBe(zh.code);
      expect(message).toContain(c.path);
      expect(message).toMatch(ENGLISH_READER);
      expect(message.replace(c.path, "")).not.toMatch(/无法|找不到|文件|不是有效/);
      // What the reader says in brackets (the part and the parser's reason) is in both languages.
      const why = /（(?:工作表「[^」]*」(?:单元格 \w+)?，)?([^（）]*)）$/.exec(zh.message)?.[1];
      if (zh.code === "unreadable") expect(message).toContain(`${why})`);
    });
  });

  it("still checks the good workbook, exactly as on its own", () => {
    const example = report.files[report.files.length - 1];
    expect(example.error).toBeUndefined();
    expect(example.forms).toHaveLength(10);
    expect(example.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "required-field", sheet: "部门整体", cell: "E9" }),
        expect.objectContaining({ rule: "required-field", sheet: "综合窗口管理工作经费", cell: "B12" }),
      ]),
    );
    const withoutTiming = (f: ReportFile) => ({ ...f, engineMs: undefined });
    expect(withoutTiming(example)).toEqual(withoutTiming(alone.files[0]));
  });

  it("prints text that names each file and why, without a stack trace", async () => {
    const { code: textCode, out } = await cli("--jobs", "1", ...cases.map((c) => c.path), EXAMPLE);
    expect(textCode).toBe(2);
    expect(out).not.toMatch(STACK_FRAME);
    for (const c of cases) {
      expect(out).toContain(`${c.path}\n`);
      // The reason, in Chinese only (no English half on the same line).
      if ("error" in c.outcome) {
        const line = new RegExp(`${escape(c.path)}\\n  ([^\\n]*${escape(c.path)}[^\\n]*)\\n`).exec(out)?.[1];
        expect(line).toBeDefined();
        expect(line).not.toContain(` / ${c.path}`);
        expect(line).not.toMatch(ENGLISH_READER);
      }
    }
    expect(out).toMatch(/部门整体!E9 {2}错误 {2}「市本级使用资金」未填写/);
    // A finding on a million-row sheet points at its cell.
    expect(out).toMatch(/项目!B1048576 {2}/);
  });
});

/** dist/ is built from the current sources (else the spawned command would test old code). */
function distIsFresh(): boolean {
  const main = "dist/node/cli/main.js";
  if (!existsSync(main)) return false;
  const built = statSync(main).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : p.endsWith(".ts") ? statSync(p).mtimeMs : 0);
    }, 0);
  return ["src/engine", "src/rules", "src/hosts/xlsx", "src/cli"].every((d) => newest(d) <= built);
}

describe("the real command (bin → dist, built with `npx tsc -p tsconfig.node.json`)", () => {
  (distIsFresh() ? it : it.skip)("checks the corpus in a 512 MB heap, with exit status 2", () => {
    let status = 0;
    let stdout = "";
    let stderr = "";
    const start = performance.now();
    try {
      stdout = execFileSync(
        process.execPath,
        [
          "--max-old-space-size=512",
          "bin/perf-target-check.js",
          "--format",
          "json",
          "--jobs",
          "1",
          ...cases.map((c) => c.path),
          EXAMPLE,
        ],
        { encoding: "utf8", timeout: RUN_MS, maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (e) {
      const err = e as { status: number | null; stdout: string; stderr: string; signal?: string };
      status = err.status ?? -1;
      stdout = err.stdout;
      stderr = err.stderr;
    }
    expect(performance.now() - start).toBeLessThan(RUN_MS);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(status).toBe(2);
    const report = JSON.parse(stdout) as Report;
    cases.forEach((c, i) => expectOutcome(c, report.files[i]));
    expect(report.files[cases.length].diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "required-field", cell: "E9" })]),
    );
  });
});

describe("--annotate on files plain exceljs cannot handle", () => {
  it.each(["whole-sheet-validation.xlsx", "whole-column-merge.xlsx"])(
    "writes the annotated copy of %s in bounded time",
    async (name) => {
      const c = cases.find((x) => basename(x.path) === name)!;
      expect(c).toBeDefined();
      const out = `${c.path}.annotated.xlsx`;
      const start = performance.now();
      const res = await cli("--annotate", out, c.path);
      expect(performance.now() - start).toBeLessThan(10_000);
      expect([0, 1]).toContain(res.code);
      expect(existsSync(out)).toBe(true);
      expect(statSync(out).size).toBeGreaterThan(1000);
    },
  );
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
