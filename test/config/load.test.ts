/**
 * Finding and applying a configuration: the upward search from the checked file, then from the
 * working directory; --config; the command line's --rule and --template over the file; --print-config;
 * and the problems a file can have (missing, unreadable, not JSON, invalid).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { prepareConfig } from "../../src/cli/config-options";
import { run } from "../../src/cli/main";
import type { Report } from "../../src/report/report";
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile } from "../../src/config/load";

const EXAMPLE = resolve(__dirname, "../../examples/nancheng-2026-per-sheet.xlsx");

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

// root/perf-target-check.config.json, root/a/b/ (no config) holding the example, root/near/ with its own.
const root = mkdtempSync(join(tmpdir(), "ptc-config-"));
const deep = join(root, "a", "b");
const near = join(root, "near");
mkdirSync(deep, { recursive: true });
mkdirSync(near, { recursive: true });
const deepFile = join(deep, "form.xlsx");
const nearFile = join(near, "form.xlsx");
copyFileSync(EXAMPLE, deepFile);
copyFileSync(EXAMPLE, nearFile);
const write = (dir: string, config: unknown, name = CONFIG_FILE_NAME) => {
  const file = join(dir, name);
  writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
  return file;
};
const rootConfig = write(root, { rules: { "required-field": "off", "text-hygiene": "error" } });
const nearConfig = write(near, { rules: { "required-field": "warning" } });

const rulesOf = (r: Report, i = 0) => new Set(r.files[i].diagnostics.map((d) => d.rule));
const severities = (r: Report, rule: string, i = 0) => [
  ...new Set(r.files[i].diagnostics.filter((d) => d.rule === rule).map((d) => d.severity)),
];

describe("discovery", () => {
  it("finds the nearest configuration upward from a folder", () => {
    expect(findConfigFile(deep)).toBe(rootConfig);
    expect(findConfigFile(near)).toBe(nearConfig);
    expect(findConfigFile(tmpdir())).toBeNull();
  });

  it("checks each file with the configuration nearest to it", async () => {
    const { out } = await cli("--format", "json", "--jobs", "1", deepFile, nearFile);
    const report = JSON.parse(out) as Report;
    expect(rulesOf(report, 0).has("required-field")).toBe(false); // root: off
    expect(severities(report, "text-hygiene", 0)).toEqual(["error"]);
    expect(severities(report, "required-field", 1)).toEqual(["warning"]); // near: its own file
    expect(severities(report, "text-hygiene", 1)).toEqual(["warning"]); // not inherited from root
  });

  it("falls back to the working directory's configuration", () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "ptc-noconfig-"));
    const file = join(elsewhere, "form.xlsx");
    const prepared = prepareConfig({}, [file], "zh", [], near);
    if (!prepared.ok) throw new Error(prepared.messages.join("\n"));
    expect(prepared.sourceFor(file)).toBe(nearConfig);
    expect(prepared.optionsFor(file).rules).toEqual({ "required-field": "warning" });
    const none = prepareConfig({}, [file], "zh", [], elsewhere);
    expect(none.ok && none.sourceFor(file)).toBeNull();
  });

  it("--config FILE replaces the search", async () => {
    const other = write(root, { rules: { "text-hygiene": "off" } }, "other.json");
    const { out } = await cli("--format", "json", "--config", other, deepFile);
    const report = JSON.parse(out) as Report;
    expect(rulesOf(report).has("text-hygiene")).toBe(false);
    expect(rulesOf(report).has("required-field")).toBe(true); // root's file is not read
  });
});

describe("precedence", () => {
  it("--rule wins over the file, rule by rule", async () => {
    const { out, code } = await cli(
      "--format",
      "json",
      "--rule",
      "required-field=error",
      "--rule",
      "text-hygiene=off",
      deepFile,
    );
    const report = JSON.parse(out) as Report;
    expect(severities(report, "required-field")).toEqual(["error"]);
    expect(rulesOf(report).has("text-hygiene")).toBe(false);
    expect(code).toBe(1);
  });

  it("--template wins over the file's templates, and is checked against the known profiles", () => {
    const dir = mkdtempSync(join(tmpdir(), "ptc-tpl-"));
    write(dir, { templates: ["dongguan-2026"] });
    const file = join(dir, "x.xlsx");
    const known = ["dongguan-2026", "mof-2015"];
    const p = prepareConfig({ template: ["mof-2015"] }, [file], "zh", known);
    expect(p.ok && p.optionsFor(file).templates).toEqual(["mof-2015"]);
    const q = prepareConfig({}, [file], "zh", known);
    expect(q.ok && q.optionsFor(file).templates).toEqual(["dongguan-2026"]);
    const bad = prepareConfig({ template: ["hubei"] }, [file], "en", known);
    expect(!bad.ok && bad.messages).toEqual([
      "command line --template: setting templates[0]: unknown template 'hubei'. Known templates: dongguan-2026, mof-2015.",
    ]);
  });

  it("--print-config shows the effective configuration of the file, and checks nothing", async () => {
    const { out, code } = await cli("--print-config", "--rule", "required-field=error", deepFile);
    expect(code).toBe(0);
    const shown = JSON.parse(out) as { source: string; rules: Record<string, { severity: string }> };
    expect(shown.source).toBe(rootConfig);
    expect(shown.rules["required-field"].severity).toBe("error"); // the command line over the file
    expect(shown.rules["text-hygiene"].severity).toBe("error"); // from the file
    expect(shown.rules["unit-missing"].severity).toBe("warning"); // the default
    expect((await cli("--print-config", deepFile, nearFile)).code).toBe(2);
  });
});

describe("problems, each a line naming the file or the flag, exit 2", () => {
  it("a bad --rule", async () => {
    const r = await cli("--rule", "unquantifed=off", "--rule", "unquantified", deepFile);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('--rule "unquantified" 无效：应写作 规则编号=off|info|warning|error');
    expect(r.err).toContain(
      "命令行 --rule：配置项 rules.unquantifed：未知的规则「unquantifed」，是否指「unquantified」？",
    );
    const sev = await cli("--lang", "en", "--rule", "unquantified=fatal", deepFile);
    expect(sev.err).toContain(
      'command line --rule: setting rules.unquantified.severity: the severity "fatal" is not valid',
    );
  });

  it("a missing --config file", async () => {
    const r = await cli("--config", join(root, "nope.json"), deepFile);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`找不到配置文件 ${join(root, "nope.json")}。\n`);
  });

  it("a file that is not JSON, with the line and column where Node gives the position", () => {
    const file = write(
      mkdtempSync(join(tmpdir(), "ptc-bad-")),
      '{\n  "rules": {\n    "unquantified": off\n  }\n}',
    );
    const r = loadConfigFile(file, "zh");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.messages[0]).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：不是有效的 JSON(（第 3 行第 \\d+ 列附近）)?：`,
      ),
    );
  });

  it("a file that cannot be read (a folder)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ptc-dir-"));
    const r = loadConfigFile(dir, "en");
    expect(!r.ok && r.messages[0]).toBe(`${dir}: the configuration file cannot be read: EISDIR`);
  });

  it("an invalid file: every problem, with its path, and nothing is checked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ptc-invalid-"));
    const file = write(dir, {
      tolerance: "loose",
      rules: { "percent-range": { options: { satisfactionFloor: 120 } } },
    });
    copyFileSync(EXAMPLE, join(dir, "form.xlsx"));
    const r = await cli(join(dir, "form.xlsx"));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n").sort()).toEqual(
      [
        `${file}：配置项 rules.percent-range.options.satisfactionFloor：120 无效：应为 0 至 100 之间的数，或 null（不检查）。`,
        `${file}：配置项 tolerance：容差策略 "loose" 无效：应为 "interval"（按填报精度）、"exact"（不容差）或 "absolute:N"（N 元，如 "absolute:50"）。`,
      ].sort(),
    );
  });

  it("never writes the configuration or the checked file", async () => {
    const before = [readFileSync(rootConfig), readFileSync(deepFile)];
    await cli("--format", "json", deepFile);
    expect([readFileSync(rootConfig), readFileSync(deepFile)]).toEqual(before);
  });
});
