/**
 * `--fix OUT.xlsx`: a fixed copy with every safe fix, never the input; read back with the lean reader,
 * every cell equals the input's except the fixed ones, and the copy re-checked no longer has those
 * findings (and has every other one).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkWorkbook } from "../../src/checker";
import { changedPart } from "../../src/cli/fix";
import { run } from "../../src/cli/main";
import type { WorkbookSnapshot } from "../../src/engine/snapshot";
import { toA1 } from "../../src/engine/address";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import type { Report } from "../../src/report/report";
import type { Diagnostic } from "../../src/core";

// Reading and checking the example (several times) takes seconds on a loaded machine.
jest.setTimeout(60_000);
const PER_SHEET = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";
const tmp = mkdtempSync(join(tmpdir(), "ptc-fix-"));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(["--jobs", "1", ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** `Sheet!A1` of every cell whose value differs (values as the lean reader gives them). */
function changedCells(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...a.sheets, ...b.sheets].map((s) => s.name));
  for (const name of names) {
    const s = a.sheets.find((x) => x.name === name);
    const t = b.sheets.find((x) => x.name === name);
    if (!s || !t) {
      out.push(`${name}!*`);
      continue;
    }
    const cells = new Map<string, string>();
    const put = (sh: WorkbookSnapshot["sheets"][number], side: 0 | 1) =>
      sh.values.forEach((row, i) =>
        row?.forEach((v, j) => {
          const k = toA1(sh.top + i, sh.left + j);
          const pair = JSON.parse(cells.get(k) ?? "[null,null]") as unknown[];
          pair[side] = v ?? null;
          cells.set(k, JSON.stringify(pair));
        }),
      );
    put(s, 0);
    put(t, 1);
    for (const [k, pair] of cells) {
      const [x, y] = JSON.parse(pair) as unknown[];
      if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) out.push(`${name}!${k}`);
    }
  }
  return out.sort();
}

const key = (d: Diagnostic) => `${d.rule}|${d.messageId}|${d.sheet}!${d.cell}`;

describe("--fix", () => {
  it("writes a fixed copy: only the fixed cells change, their findings are gone, every other finding stays", async () => {
    const out = join(tmp, "fixed.xlsx");
    const inputBytes = readFileSync(PER_SHEET);
    const { code, err } = await cli("--fix", out, PER_SHEET);
    expect(code).toBe(1); // the example still has errors: the fixes are the safe ones only
    expect(err).toContain(`已写出修正副本：${out}（${PER_SHEET}：4 处安全修正，3 个单元格）`);
    expect(err).toContain('综合窗口管理工作经费!D24  "发放及时率.%" → "发放及时率%"  (text-hygiene)');
    expect(readFileSync(PER_SHEET).equals(inputBytes)).toBe(true); // the input is never written

    const before = await readXlsxFile(PER_SHEET);
    const after = await readXlsxFile(out);
    expect(changedCells(before, after)).toEqual([
      "伙食补助费!D14",
      "综合窗口管理工作经费!D24",
      "部门整体!B11",
    ]);
    const was = checkWorkbook(before).diagnostics.map(key);
    const now = checkWorkbook(after).diagnostics.map(key);
    expect(was.filter((k) => !now.includes(k)).sort()).toEqual(
      [
        "text-hygiene|doubled|部门整体!B11",
        "text-hygiene|html|部门整体!B11",
        "text-hygiene|punctuation|伙食补助费!D14",
        "text-hygiene|punctuation|综合窗口管理工作经费!D24",
      ].sort(),
    );
    expect(now.filter((k) => !was.includes(k))).toEqual([]);
  });

  it("reports what was fixed in the JSON report, per file", async () => {
    const out = join(tmp, "fixed-json.xlsx");
    const { out: json } = await cli("-f", "json", "--fix", out, PER_SHEET);
    const report = JSON.parse(json) as Report;
    const fixed = report.files[0].fixed!;
    expect(fixed).toMatchObject({ out, fixes: 4, passes: 2 });
    expect(fixed.cells.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual(
      ["伙食补助费!D14", "综合窗口管理工作经费!D24", "部门整体!B11"].sort(),
    );
    expect(fixed.cells.find((c) => c.cell === "D14")).toEqual({
      sheet: "伙食补助费",
      cell: "D14",
      before: "支出标准。",
      after: "支出标准",
      rules: ["text-hygiene"],
      kind: "safe",
    });
    expect(fixed.suggestions).toBeUndefined(); // suggestions only with --fix-suggestions
  });

  it("--fix-suggestions also applies each finding's first suggestion, one edit per cell, and lists each edit", async () => {
    const out = join(tmp, "suggested.xlsx");
    const { code, err } = await cli("--fix", out, "--fix-suggestions", PER_SHEET);
    expect(code).toBe(1);
    expect(err).toContain(`已写出修正副本：${out}（${PER_SHEET}：4 处安全修正，1 处建议修正，5 个单元格）`);
    expect(err).toContain('部门整体!E19  "≥9.5万" → "≤9.5万"  (cost-operator)');
    expect(err).toContain('部门整体!F19  "≥9.5万" → "≤9.5万"  (cost-operator)');
    // unit-missing's suggestion edits the same cells: left out, and said so.
    expect(err).toContain(
      "未应用 部门整体!E19 的建议「补上单位「元/人」（取自指标名称）」（unit-missing）：该单元格已由「cost-operator」修正",
    );

    const before = await readXlsxFile(PER_SHEET);
    const after = await readXlsxFile(out);
    expect(changedCells(before, after)).toEqual([
      "伙食补助费!D14",
      "综合窗口管理工作经费!D24",
      "部门整体!B11",
      "部门整体!E19",
      "部门整体!F19",
    ]);
    const value = (s: WorkbookSnapshot, sheet: string, row: number, col: number) => {
      const sh = s.sheets.find((x) => x.name === sheet)!;
      return sh.values[row - sh.top]?.[col - sh.left];
    };
    expect(value(after, "部门整体", 18, 4)).toBe("≤9.5万");
    expect(value(after, "部门整体", 18, 5)).toBe("≤9.5万");
    const was = checkWorkbook(before).diagnostics.map(key);
    const now = checkWorkbook(after).diagnostics.map(key);
    expect(was.filter((k) => !now.includes(k)).sort()).toEqual(
      [
        "cost-operator|floor|部门整体!E19",
        "text-hygiene|doubled|部门整体!B11",
        "text-hygiene|html|部门整体!B11",
        "text-hygiene|punctuation|伙食补助费!D14",
        "text-hygiene|punctuation|综合窗口管理工作经费!D24",
      ].sort(),
    );
    expect(now.filter((k) => !was.includes(k))).toEqual([]);
  });

  it("--fix-suggestions in the JSON report: the suggestion's cells, the skipped one, in English", async () => {
    const out = join(tmp, "suggested-json.xlsx");
    const { out: json } = await cli(
      "-f",
      "json",
      "--lang",
      "en",
      "--fix",
      out,
      "--fix-suggestions",
      PER_SHEET,
    );
    const fixed = (JSON.parse(json) as Report).files[0].fixed!;
    expect(fixed).toMatchObject({ fixes: 4, suggestions: 1 });
    expect(fixed.cells.filter((c) => c.kind === "suggestion")).toEqual([
      {
        sheet: "部门整体",
        cell: "E19",
        before: "≥9.5万",
        after: "≤9.5万",
        rules: ["cost-operator"],
        kind: "suggestion",
      },
      {
        sheet: "部门整体",
        cell: "F19",
        before: "≥9.5万",
        after: "≤9.5万",
        rules: ["cost-operator"],
        kind: "suggestion",
      },
    ]);
    expect(fixed.skipped).toEqual([
      {
        sheet: "部门整体",
        cell: "E19",
        rule: "unit-missing",
        fix: expect.stringContaining("元/人") as string,
        by: ["cost-operator"],
      },
    ]);
    expect(fixed.skipped![0].fix).not.toMatch(/[补上取自]/);
  });

  // Real forms whose findings offer suggestions only (≥ on a cost, ≥100% on a rate).
  const CORPUS = join(__dirname, "../..", "../shared/corpus/forms");
  const suggested = ["nm-wuchuan-mw-2021", "hn-nanyue-yulu-2023", "hn-yueyangxian-nt-2022"].map((n) =>
    join(CORPUS, `${n}.xlsx`),
  );
  (existsSync(suggested[0]) ? it : it.skip)(
    "--fix-suggestions on real forms: only the suggested cells change, the findings that offered them are gone, none new",
    async () => {
      for (const file of suggested) {
        const out = join(tmp, `s-${file.split("/").pop()!}`);
        const { out: json } = await cli("-f", "json", "--fix", out, "--fix-suggestions", file);
        const fixed = (JSON.parse(json) as Report).files[0].fixed!;
        expect(fixed.suggestions).toBeGreaterThan(0);
        const before = await readXlsxFile(file);
        const after = await readXlsxFile(out);
        const cells = fixed.cells.map((c) => `${c.sheet}!${c.cell}`).sort();
        expect(changedCells(before, after)).toEqual(cells);
        const was = checkWorkbook(before).diagnostics;
        const offered = was
          .filter((d) => {
            const first = d.fixes?.find((f) => f.kind === "suggestion");
            return first?.edits.every((e) => cells.includes(`${e.sheet}!${e.cell}`));
          })
          .map(key);
        expect(offered.length).toBe(fixed.suggestions);
        const now = checkWorkbook(after).diagnostics.map(key);
        expect(now.filter((k) => offered.includes(k))).toEqual([]);
        expect(now.filter((k) => !was.map(key).includes(k))).toEqual([]);
      }
    },
  );

  it("--fix-suggestions needs --fix", async () => {
    const r = await cli("--fix-suggestions", PER_SHEET);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--fix-suggestions 须与 --fix 同用。");
  });

  it("never writes an input, keeps an existing copy unless --force, takes one input only", async () => {
    const copy = join(tmp, "input.xlsx");
    copyFileSync(PER_SHEET, copy);
    const mtime = statSync(copy).mtimeMs;
    const self = await cli("--fix", copy, copy);
    expect(self.code).toBe(2);
    expect(self.err).toContain("输入文件绝不会被改写");
    expect(statSync(copy).mtimeMs).toBe(mtime);

    const out = join(tmp, "twice.xlsx");
    expect((await cli("--fix", out, PER_SHEET)).code).toBe(1);
    const again = await cli("--fix", out, PER_SHEET);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect((await cli("--fix", out, "--force", PER_SHEET)).code).toBe(1);

    const many = await cli("--fix", join(tmp, "many.xlsx"), PER_SHEET, STACKED);
    expect(many.code).toBe(2);
    expect(many.err).toContain("--fix 只能用于单个文件。");
    expect(existsSync(join(tmp, "many.xlsx"))).toBe(false);
  });

  it("lists a long cell by where it starts to differ", () => {
    expect(changedPart("支出标准。", "支出标准")).toEqual(["支出标准。", "支出标准"]);
    const long = "前".repeat(50) + "优化优化" + "后".repeat(50);
    const [a, b] = changedPart(long, long.replace("优化优化", "优化"));
    // The common start runs into the phrase (优化…): 8 characters of context before the first change.
    expect(a).toBe(`…${"前".repeat(6)}优化优化${"后".repeat(14)}…`);
    expect(b).toBe(`…${"前".repeat(6)}优化${"后".repeat(16)}…`);
  });
});
