/**
 * Issue 9, the reviewer's command line: never lose a submission, never hide a file, the
 * conventions (exit codes, -o, --max-warnings, --quiet, rules, SARIF, language), isolated rules.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { checkModel, INTERNAL_RULE } from "../../src/checker";
import { readWorkbook } from "../../src/engine/read-forms";
import { readXlsxFile } from "../../src/hosts/xlsx/read-xlsx";
import { ALL_RULES } from "../../src/rules";
import { defineRule, type Rule } from "../../src/rules/types";
import { artifactLocation, cellRegion } from "../../src/cli/format-sarif";
import { chooseLang, run, type CliIO } from "../../src/cli/main";
import type { Report } from "../../src/report/report";
import { sameFile, writeAtomic } from "../../src/cli/safe-write";
import { serveDirectory } from "../../scripts/static-server";

jest.setTimeout(120_000);

const PER_SHEET = "examples/nancheng-2026-per-sheet.xlsx";
const STACKED = "examples/nancheng-2026-stacked.xlsx";
const tmp = mkdtempSync(join(tmpdir(), "ptc-review-"));

async function cli(args: string[], extra: Partial<CliIO> = {}) {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {}, ...extra });
  return { code, out, err };
}

function bytesOf(file: string): Buffer {
  return readFileSync(file);
}

describe("never lose a submission", () => {
  const input = join(tmp, "a.xlsx");
  beforeAll(() => copyFileSync(PER_SHEET, input));

  it("refuses to annotate onto the input: same path, through a link, a hard link, another spelling", async () => {
    const before = bytesOf(input);
    symlinkSync(input, join(tmp, "link.xlsx"));
    linkSync(input, join(tmp, "hard.xlsx"));
    for (const out of [
      input,
      join(tmp, "link.xlsx"),
      join(tmp, "hard.xlsx"),
      join(tmp, ".", "x", "..", "a.xlsx"),
    ]) {
      const r = await cli(["--annotate", out, input, "--force"]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("拒绝写出");
    }
    // Reports too.
    for (const flag of ["-o", "--sarif", "--csv"]) expect((await cli([flag, input, input])).code).toBe(2);
    expect(bytesOf(input).equals(before)).toBe(true);
  });

  it("on a case-insensitive file system a different case is the same file", () => {
    // A stand-in for NTFS/APFS: names resolve case-insensitively to one inode.
    const fsLike = {
      statSync: (p: string) => {
        if (p.toLowerCase() === input.toLowerCase()) return { dev: 1, ino: 42 };
        throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      },
      realpathSync: (p: string) => p,
    };
    expect(sameFile(input, input.replace(/a\.xlsx$/, "A.XLSX"), fsLike, false)).toBe(true);
    expect(sameFile(input, join(tmp, "b.xlsx"), fsLike, false)).toBe(false);
    // And path comparison without inodes folds case where the platform does.
    const noStat = { statSync: fsLike.realpathSync as never, realpathSync: (p: string) => p };
    expect(
      sameFile(
        "/x/A.xlsx",
        "/x/a.xlsx",
        {
          ...noStat,
          statSync: () => {
            throw new Error();
          },
        },
        true,
      ),
    ).toBe(true);
  });

  it("keeps an existing output unless --force", async () => {
    const out = join(tmp, "kept.xlsx");
    writeFileSync(out, "mine");
    const r = await cli(["--annotate", out, input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`文件已存在：${out}，未覆盖`);
    expect(readFileSync(out, "utf8")).toBe("mine");
    const forced = await cli(["--annotate", out, input, "--force"]);
    expect(forced.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("an interrupted write leaves no file and no temporary file", async () => {
    const dir = join(tmp, "atomic");
    mkdirSync(dir);
    const out = join(dir, "copy.xlsx");
    await expect(
      writeAtomic(out, "data", {
        beforeCommit: (tmpFile) => {
          expect(readFileSync(tmpFile, "utf8")).toBe("data");
          throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    expect(readdirSync(dir)).toEqual([]);
    await expect(writeAtomic(out, async () => Promise.reject(new Error("no bytes")))).rejects.toThrow(
      "no bytes",
    );
    expect(readdirSync(dir)).toEqual([]);
    await writeAtomic(out, "ok");
    await expect(writeAtomic(out, "again")).rejects.toMatchObject({ code: "exists" });
    expect(readFileSync(out, "utf8")).toBe("ok");
  });

  it("--annotate-dir writes one copy per input, mirroring the tree, never into the input folder", async () => {
    const subs = join(tmp, "subs");
    mkdirSync(join(subs, "单位2"), { recursive: true });
    mkdirSync(join(subs, "单位10"));
    copyFileSync(PER_SHEET, join(subs, "单位2", "表.xlsx"));
    copyFileSync(STACKED, join(subs, "单位10", "表.xlsm"));
    writeFileSync(join(subs, "旧.xls"), "x");
    const outDir = join(tmp, "annotated");
    const r = await cli(["--annotate-dir", outDir, subs]);
    expect(r.err).toContain("已写出标注副本");
    expect(r.code).toBe(2); // the .xls was not checked
    expect(existsSync(join(outDir, "单位2", "表.xlsx"))).toBe(true);
    expect(existsSync(join(outDir, "单位10", "表.xlsx"))).toBe(true); // an .xlsm's copy is an .xlsx
    expect(existsSync(join(outDir, "旧.xlsx"))).toBe(false);
    expect(r.err).toContain("未写出标注副本");
    // Inside the input folder: refused before anything is written.
    const inside = await cli(["--annotate-dir", join(subs, "out"), subs]);
    expect(inside.code).toBe(2);
    expect(inside.err).toContain("位于被检查的文件夹");
    expect(existsSync(join(subs, "out"))).toBe(false);
    const next = await cli(["--annotate-dir", join(subs, "单位2"), join(subs, "单位2", "表.xlsx")]);
    expect(next.code).toBe(2);
  });
});

describe("never hide a file", () => {
  const mixed = join(tmp, "mixed");
  let empty: string;
  beforeAll(async () => {
    mkdirSync(join(mixed, "单位10"), { recursive: true });
    mkdirSync(join(mixed, "单位2", "sub"), { recursive: true });
    copyFileSync(PER_SHEET, join(mixed, "单位10", "申报表.xlsx"));
    copyFileSync(PER_SHEET, join(mixed, "单位2", "宏.xlsm"));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
    empty = join(mixed, "单位2", "sub", "空表.xlsx");
    await wb.xlsx.writeFile(empty);
    writeFileSync(join(mixed, "旧表.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(mixed, "wps.et"), "x");
    writeFileSync(join(mixed, "数据.csv"), "a,b\n");
    writeFileSync(join(mixed, "readme.txt"), "notes");
  });

  it("lists .xls, .xlsm, .et, .csv and no-form files with their status in text, CSV and JSON", async () => {
    const csv = join(tmp, "mixed.csv");
    const text = await cli(["--csv", csv, mixed]);
    expect(text.code).toBe(2);
    const files = text.out.split("\n").filter((l) => l.startsWith(mixed));
    expect(files.map((f) => f.slice(mixed.length + 1))).toEqual([
      "单位2/宏.xlsm",
      "单位2/sub/空表.xlsx",
      "单位10/申报表.xlsx",
      "旧表.xls",
      "数据.csv",
      "wps.et",
    ]);
    expect(text.out).toContain("含宏的工作簿（.xlsm）：已检查表格内容，宏未运行。");
    expect(text.out).toContain("未识别申报表：0 张表");
    expect(text.out).toContain("旧版格式（.et），未检查");
    expect(text.out).toContain("另存为 .xlsx");
    expect(text.out).toContain("有错误：10 张表，错误 3 个");
    expect(text.out).toContain(
      "文件状态：通过 0 个，有错误 2 个，未识别申报表 1 个，未检查 3 个，无法读取 0 个。",
    );
    const rows = readFileSync(csv, "utf8").slice(1).split("\r\n");
    expect(rows.slice(1, 7).map((r) => r.split(",")[1])).toEqual([
      "有错误",
      "未识别申报表",
      "有错误",
      "未检查",
      "未检查",
      "未检查",
    ]);
    const json = JSON.parse((await cli(["--format", "json", mixed])).out) as Report;
    expect(json.files.map((f) => f.status)).toEqual([
      "errors",
      "no-form",
      "errors",
      "not-checked",
      "not-checked",
      "not-checked",
    ]);
    expect(json.files[0].notes).toEqual(["macro"]);
    expect(json.files[3].error?.code).toBe("legacy-xls");
    expect(json.files[4].error?.code).toBe("csv");
  });

  it("a workbook with no form alone exits 2, not 0", async () => {
    expect((await cli([empty])).code).toBe(2);
  });
});

describe("conventions", () => {
  it("--max-warnings and --quiet as in ESLint", async () => {
    // The example's 部门整体 sheet alone has warnings; a form with only warnings is needed for exit 0.
    const onlyWarnings = join(tmp, "warn.json");
    const r = JSON.parse((await cli(["--format", "json", PER_SHEET])).out) as Report;
    const warnings = r.files[0].diagnostics.filter((d) => d.severity === "warning").length;
    expect(warnings).toBeGreaterThan(0);
    // Errors dominate: exit 1 whatever --max-warnings says.
    expect((await cli(["--max-warnings", "0", PER_SHEET])).code).toBe(1);
    const quiet = JSON.parse(
      await cli(["--quiet", "--format", "json", "-o", onlyWarnings, PER_SHEET]).then(() =>
        readFileSync(onlyWarnings, "utf8"),
      ),
    ) as Report;
    expect(quiet.files[0].diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(quiet.files[0].diagnostics.length).toBeGreaterThan(0);
    expect((await cli(["--max-warnings", "x", PER_SHEET])).code).toBe(2);
    // A warnings-only run, through the baseline of its own errors: exit 0 within the limit, 1 above it.
    const sarif = join(tmp, "errors-only.sarif");
    await cli(["--quiet", "--format", "sarif", "-o", sarif, PER_SHEET]);
    expect((await cli(["--baseline", sarif, PER_SHEET])).code).toBe(0);
    expect((await cli(["--baseline", sarif, "--max-warnings", String(warnings), PER_SHEET])).code).toBe(0);
    const over = await cli(["--baseline", sarif, "--max-warnings", String(warnings - 1), PER_SHEET]);
    expect(over.code).toBe(1);
    expect(over.err).toContain(`超过 --max-warnings ${warnings - 1}`);
  });

  it("rules: a table or JSON with id, category, severity, description and help URI", async () => {
    const table = await cli(["rules"]);
    expect(table.code).toBe(0);
    expect(table.out.split("\n")[0]).toMatch(/^规则\s+类别\s+默认级别\s+说明\s+帮助文档$/);
    expect(table.out).toMatch(/required-field\s+必填\s+错误\s+/);
    const json = JSON.parse((await cli(["rules", "--format", "json", "--lang", "en"])).out) as {
      id: string;
      helpUri: string;
      description: string;
    }[];
    expect(json.map((r) => r.id)).toEqual([...ALL_RULES.map((r) => r.meta.id), "internal"]);
    for (const r of json) {
      // In English, the page's English half (its `## English` heading).
      expect(r.helpUri).toMatch(new RegExp(`^file:///.*/docs/rules/${r.id}\\.md#english$`));
      expect(new URL(r.helpUri).protocol).toBe("file:");
    }
    const zh = JSON.parse((await cli(["rules", "--format", "json", "--lang", "zh"])).out) as {
      helpUri: string;
    }[];
    expect(zh.every((r) => /\.md$/.test(r.helpUri))).toBe(true);
    expect(json[0].description).toMatch(/^[\x20-\x7e\u4e00-\u9fff（）「」、，。：；·×≥≤±%…—–‘’“”/]+$/);
  });

  it("SARIF: each rule's helpUri is its page, the English half (#english) in English", async () => {
    for (const lang of ["zh", "en"] as const) {
      const sarif = JSON.parse((await cli(["--format", "sarif", "--lang", lang, PER_SHEET])).out) as {
        runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[];
      };
      const rules = sarif.runs[0].tool.driver.rules;
      expect(rules.length).toBeGreaterThan(0);
      const tail = lang === "en" ? "#english" : "";
      for (const r of rules) expect(r.helpUri).toMatch(new RegExp(`/docs/rules/${r.id}\\.md${tail}$`));
    }
  });

  it("SARIF: file URIs by pathToFileURL, also for a Windows path; relative paths against %SRCROOT%", () => {
    expect(artifactLocation("C:\\报表\\a.xlsx")).toEqual({ uri: "file:///C:/%E6%8A%A5%E8%A1%A8/a.xlsx" });
    expect(artifactLocation("\\\\server\\share\\b.xlsx").uri).toBe("file://server/share/b.xlsx");
    expect(artifactLocation("/srv/报表 1/a.xlsx")).toEqual({
      uri: "file:///srv/%E6%8A%A5%E8%A1%A8%201/a.xlsx",
    });
    expect(artifactLocation("单位2/a #1.xlsx")).toEqual({
      uri: "%E5%8D%95%E4%BD%8D2/a%20%231.xlsx",
      uriBaseId: "%SRCROOT%",
    });
    expect(cellRegion("AB12")).toEqual({ startLine: 12, startColumn: 28, endLine: 12, endColumn: 29 });
  });

  it("fingerprints are equal across two runs and differ after an edit; --baseline shows only new findings", async () => {
    const file = join(tmp, "fp.xlsx");
    copyFileSync(PER_SHEET, file);
    const a = JSON.parse((await cli(["--format", "json", file])).out) as Report;
    const b = JSON.parse((await cli(["--format", "json", "--jobs", "1", file])).out) as Report;
    const fps = (r: Report) => r.files[0].diagnostics.map((d) => d.fingerprint);
    expect(fps(a)).toEqual(fps(b));
    expect(new Set(fps(a)).size).toBe(fps(a).length);
    const baseline = join(tmp, "last-week.sarif");
    await cli(["--sarif", baseline, file]);
    // Edit: a flagged indicator value changes; the finding on it gets a new fingerprint.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const target = a.files[0].diagnostics.find((d) => d.rule === "unit-missing")!;
    wb.getWorksheet(target.sheet)!.getCell(target.cell).value = "≥99";
    await wb.xlsx.writeFile(file);
    const c = JSON.parse((await cli(["--format", "json", file])).out) as Report;
    const edited = c.files[0].diagnostics.find(
      (d) => d.sheet === target.sheet && d.cell === target.cell && d.rule === "unit-missing",
    );
    expect(edited).toBeDefined();
    expect(edited!.fingerprint).not.toBe(target.fingerprint);
    const diff = await cli(["--format", "json", "--baseline", baseline, file]);
    const fresh = (JSON.parse(diff.out) as Report).files[0].diagnostics;
    expect(fresh.map((d) => `${d.sheet}!${d.cell} ${d.rule}`)).toContain(
      `${target.sheet}!${target.cell} unit-missing`,
    );
    expect(fresh.length).toBeLessThan(5);
    expect(diff.err).toMatch(/与基线 .* 相比：新问题 \d+ 个，未变 \d+ 个/);
  });

  it("speaks Chinese when LANG is zh or unset, English for en; --lang overrides; help and option errors in one language", async () => {
    expect(chooseLang([], {})).toBe("zh");
    expect(chooseLang([], { LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(chooseLang([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(chooseLang([], { LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en");
    expect(chooseLang(["--lang", "zh"], { LANG: "en_US.UTF-8" })).toBe("zh");
    expect(chooseLang(["--lang=en"], {})).toBe("en");
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("用法：");
    expect(help.out).toContain("选项：");
    expect(help.out).toContain("显示帮助");
    expect(help.out).not.toMatch(/display help|Usage:|Options:|output format/);
    const en = await cli(["--help"], { env: { LANG: "en_US.UTF-8" } });
    expect(en.out).toContain("Usage:");
    expect(en.out).not.toMatch(/用法|选项|显示帮助/);
    const bad = await cli(["--bogus", PER_SHEET]);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("未知选项：--bogus （用 --help 查看用法）\n");
    const badEn = await cli(["--format", "xml", PER_SHEET], { env: { LANG: "en_US.UTF-8" } });
    expect(badEn.err).toBe("Invalid value for --format: xml（choices: text, json, sarif） (see --help)\n");
    const unreadable = await cli([join(tmp, "nope.xlsx")], { env: { LANG: "en_US.UTF-8" } });
    expect(unreadable.out).toContain("was not found");
    expect(unreadable.out).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("a failing rule never stops the check", () => {
  it("a throwing rule yields one internal finding naming it; the other rules' findings are still reported", async () => {
    const model = readWorkbook(await readXlsxFile(PER_SHEET));
    const boom: Rule = defineRule({
      meta: { ...ALL_RULES[0].meta, id: "boom", messages: { x: { zh: "x", en: "x" } } },
      check(ctx) {
        ctx.report({ messageId: "x", ref: model.forms[0].origin }); // discarded: the rule did not finish
        throw new TypeError("Cannot read properties of undefined (reading 'text')");
      },
    });
    const normal = checkModel(model);
    const withBoom = checkModel(model, {}, [...ALL_RULES, boom]);
    const internal = withBoom.filter((d) => d.rule === "internal");
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: "error", messageId: "crashed", args: { rule: "boom" } });
    expect(withBoom.filter((d) => d.rule !== "internal")).toEqual(normal);
    expect(withBoom.some((d) => d.rule === "boom")).toBe(false);
    expect(INTERNAL_RULE.meta.messages.crashed.zh).toContain("{rule}");
  });
});

describe("the static server (sirv)", () => {
  it("survives a malformed URL, serves the folder and nothing outside it", async () => {
    const root = join(tmp, "www");
    mkdirSync(root);
    writeFileSync(join(root, "index.html"), "<p>demo</p>");
    writeFileSync(join(tmp, "secret.txt"), "secret");
    const server = await serveDirectory(root);
    try {
      expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(404);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toBe("<p>demo</p>");
      for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
        const r = await fetch(server.url + p);
        expect(await r.text()).not.toContain("secret");
      }
      expect((await fetch(`${server.url}/index.html`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

/** Microsoft's SARIF validator, from the npm package's platform binary. */
function multitool(): string | null {
  try {
    const bin = require("@microsoft/sarif-multitool") as string;
    if (!existsSync(bin)) return null;
    // npm may not have run the package's postinstall (chmod u+x) under allowScripts.
    if ((statSync(bin).mode & 0o100) === 0) chmodSync(bin, 0o755);
    return bin;
  } catch {
    return null;
  }
}

describe("SARIF validated by sarif-multitool", () => {
  const bin = multitool();
  (bin ? it : it.skip)(
    "reports no error and no warning on the example's SARIF, fixes included (and a mixed run)",
    async () => {
      const sarif = join(tmp, "example.sarif");
      await cli(["--format", "sarif", "-o", sarif, PER_SHEET]);
      const mixed = join(tmp, "mixed.sarif");
      writeFileSync(join(tmp, "broken.xlsx"), "not a workbook");
      await cli([
        "--format",
        "sarif",
        "-o",
        mixed,
        "--lang",
        "en",
        PER_SHEET,
        STACKED,
        join(tmp, "broken.xlsx"),
      ]);
      // The validated logs carry fixes, safe ones and suggestions (result.fixes).
      const kinds = (file: string) =>
        (
          JSON.parse(readFileSync(file, "utf8")) as {
            runs: {
              results: {
                fixes?: { artifactChanges: { replacements: { properties?: { kind?: string } }[] }[] }[];
              }[];
            }[];
          }
        ).runs[0].results.flatMap((x) =>
          (x.fixes ?? []).flatMap((f) =>
            f.artifactChanges.flatMap((c) => c.replacements.map((p) => p.properties?.kind)),
          ),
        );
      for (const file of [sarif, mixed])
        expect(new Set(kinds(file))).toEqual(new Set(["safe", "suggestion"]));
      for (const file of [sarif, mixed]) {
        const r = spawnSync(bin!, ["validate", file, "-o", `${file}.validation.sarif`], {
          encoding: "utf8",
          timeout: 90_000,
          env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
        });
        expect(r.error).toBeUndefined();
        const results = (
          JSON.parse(readFileSync(`${file}.validation.sarif`, "utf8")) as {
            runs: { results: { level?: string; ruleId: string; message: { text?: string } }[] }[];
          }
        ).runs[0].results;
        expect(results.map((x) => `${x.level ?? "warning"} ${x.ruleId}`)).toEqual([]);
        expect(r.status).toBe(0);
      }
    },
  );
});

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

describe("the report sheet rendered by LibreOffice", () => {
  const soffice = which("soffice");
  if (!soffice && process.env.REQUIRE_SOFFICE === "1") {
    it("needs soffice (REQUIRE_SOFFICE=1)", () => {
      throw new Error("REQUIRE_SOFFICE=1 but soffice is not on PATH");
    });
    return;
  }
  (soffice ? it : it.skip)("prints the 检查结果 sheet on A4 landscape pages", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ptc-report-"));
    const copy = join(dir, "annotated.xlsx");
    expect((await cli(["--annotate", copy, STACKED])).code).toBe(1);
    // Only the report sheet, so that the PDF is its pages.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    for (const ws of [...wb.worksheets]) if (ws.name !== "检查结果") wb.removeWorksheet(ws.id);
    const only = join(dir, "检查结果.xlsx");
    await wb.xlsx.writeFile(only);
    const r = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        only,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const pdf = only.replace(/\.xlsx$/, ".pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (which("pdftoppm")) {
      const artifacts = resolve("test-artifacts");
      mkdirSync(artifacts, { recursive: true });
      const prefix = join(artifacts, "report-sheet-page1");
      execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
      const png = readFileSync(`${prefix}.png`);
      // Landscape: wider than tall (PNG IHDR width, height).
      expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
      process.stdout.write(`report sheet page 1: ${basename(prefix)}.png\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
