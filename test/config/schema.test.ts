/** CheckConfig validation: every problem has its message, in both languages, with its JSON path. */
import {
  effectiveConfig,
  mergeOptions,
  toCheckOptions,
  validateConfig,
  type ConfigIssue,
} from "../../src/config/schema";
import { configFromSetting } from "../../src/config/workbook";
import { ALL_RULES } from "../../src/rules";
import { t } from "../../src/messages";

function issues(input: unknown, templates: string[] = []): { id: string; path: string }[] {
  const v = validateConfig(input, { templates });
  return v.ok ? [] : v.issues.map((i) => ({ id: i.id, path: i.path }));
}

function only(input: unknown, templates: string[] = []): ConfigIssue {
  const v = validateConfig(input, { templates });
  if (v.ok) throw new Error("expected a problem");
  expect(v.issues).toHaveLength(1);
  return v.issues[0];
}

describe("validateConfig", () => {
  it("accepts a full configuration and turns it into CheckOptions", () => {
    const config = {
      $schema: "./perf-target-check.schema.json",
      templates: ["dongguan-2026"],
      tolerance: "absolute:50",
      rules: {
        unquantified: "off",
        "percent-range": { severity: "error", options: { satisfactionFloor: 85 } },
        "count-year": { options: { firstYear: 2000, lastYear: 2099 } },
        "unit-missing": "info",
      },
      vocabularies: { placeNames: ["东莞市"] },
    };
    expect(issues(config, ["dongguan-2026"])).toEqual([]);
    const v = validateConfig(config);
    if (!v.ok) throw new Error("expected valid");
    expect(toCheckOptions(v.config)).toEqual({
      templates: ["dongguan-2026"],
      tolerance: "absolute:50",
      vocabularies: { placeNames: ["东莞市"] },
      rules: { unquantified: "off", "percent-range": "error", "unit-missing": "info" },
      ruleOptions: {
        "percent-range": { satisfactionFloor: 85 },
        "count-year": { firstYear: 2000, lastYear: 2099 },
      },
    });
    expect(issues({})).toEqual([]);
    expect(issues({ tolerance: "exact" })).toEqual([]);
    expect(issues({ tolerance: "interval" })).toEqual([]);
    expect(issues({ rules: { "percent-range": { options: { satisfactionFloor: null } } } })).toEqual([]);
  });

  it.each([
    ["a JSON array", [], "notObject", ""],
    ["a string", "rules", "notObject", ""],
    ["an unknown top-level key", { rule: {} }, "unknownKey", "rule"],
    ["an unknown rule id", { rules: { "no-such-rule": "off" } }, "unknownRule", "rules.no-such-rule"],
    ["a misspelt rule id", { rules: { unquantifed: "off" } }, "unknownRuleNear", "rules.unquantifed"],
    ["a bad severity", { rules: { unquantified: "of" } }, "badSeverity", "rules.unquantified.severity"],
    [
      "a bad severity in an entry",
      { rules: { unquantified: { severity: 2 } } },
      "badSeverity",
      "rules.unquantified.severity",
    ],
    ["a rule entry of the wrong kind", { rules: { unquantified: 0 } }, "badRuleEntry", "rules.unquantified"],
    [
      "an unknown key in a rule entry",
      { rules: { unquantified: { level: "off" } } },
      "unknownKey",
      "rules.unquantified.level",
    ],
    [
      "an unknown option",
      { rules: { "percent-range": { options: { floor: 85 } } } },
      "unknownOption",
      "rules.percent-range.options.floor",
    ],
    [
      "an option of a rule that has none",
      { rules: { "no-form": { options: { x: 1 } } } },
      "noOptions",
      "rules.no-form.options.x",
    ],
    [
      "a number out of range",
      { rules: { "task-project": { options: { similarity: 1.5 } } } },
      "badNumber",
      "rules.task-project.options.similarity",
    ],
    [
      "null where a number is required",
      { rules: { "task-project": { options: { similarity: null } } } },
      "badNumber",
      "rules.task-project.options.similarity",
    ],
    [
      "a nullable number out of range",
      { rules: { "percent-range": { options: { satisfactionFloor: 120 } } } },
      "badNumberOrNull",
      "rules.percent-range.options.satisfactionFloor",
    ],
    [
      "a fractional year",
      { rules: { "count-year": { options: { lastYear: 2099.5 } } } },
      "badInteger",
      "rules.count-year.options.lastYear",
    ],
    [
      "a year as text",
      { rules: { "period-years": { options: { openEnded: "2099" } } } },
      "badInteger",
      "rules.period-years.options.openEnded",
    ],
    [
      "a word list with a blank",
      { rules: { unquantified: { options: { vagueWords: ["有效提高", ""] } } } },
      "badWords",
      "rules.unquantified.options.vagueWords[1]",
    ],
    [
      "a word list that is a string",
      { rules: { unquantified: { options: { vagueWords: "有效提高" } } } },
      "badWords",
      "rules.unquantified.options.vagueWords",
    ],
    ["a bad tolerance policy", { tolerance: "absolute:-5" }, "badTolerance", "tolerance"],
    ["a tolerance policy that is a number", { tolerance: 50 }, "badTolerance", "tolerance"],
    ["templates as a string", { templates: "dongguan-2026" }, "badTemplates", "templates"],
    ["a bad $schema", { $schema: 1 }, "badString", "$schema"],
    ["vocabularies of the wrong kind", { vocabularies: [] }, "notObject", "vocabularies"],
    ["an unknown vocabulary", { vocabularies: { cities: [] } }, "unknownKey", "vocabularies.cities"],
    [
      "place names with a number",
      { vocabularies: { placeNames: ["东莞市", 3] } },
      "badWords",
      "vocabularies.placeNames[1]",
    ],
    ["rules of the wrong kind", { rules: [] }, "notObject", "rules"],
  ])("%s", (_name, input, id, path) => {
    const i = only(input);
    expect({ id: i.id, path: i.path }).toEqual({ id, path });
    // Both languages render with every placeholder filled.
    for (const lang of ["zh", "en"] as const) {
      const text = t(`config.${i.id}`, lang, i.args);
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it("checks template ids against the known profiles", () => {
    const i = only({ templates: ["dongguan-2026", "hubei"] }, ["dongguan-2026", "mof-2015"]);
    expect(i).toMatchObject({ id: "unknownTemplate", path: "templates[1]" });
    expect(t(`config.${i.id}`, "zh", i.args)).toBe(
      "未知的模板「hubei」。可用的模板：dongguan-2026, mof-2015。",
    );
    expect(t(`config.${i.id}`, "en", i.args)).toBe(
      "unknown template 'hubei'. Known templates: dongguan-2026, mof-2015.",
    );
    expect(issues({ templates: ["anything"] }, [])).toEqual([]); // no list: not checked
  });

  it("reports every problem of a document, not only the first", () => {
    expect(issues({ tolerance: "x", rules: { nope: "off", unquantified: "bad" }, extra: 1 })).toEqual(
      expect.arrayContaining([
        { id: "badTolerance", path: "tolerance" },
        { id: "unknownRule", path: "rules.nope" },
        { id: "badSeverity", path: "rules.unquantified.severity" },
        { id: "unknownKey", path: "extra" },
      ]),
    );
  });

  it("names the value and the expectation in zh-CN and English", () => {
    const i = only({ rules: { "percent-range": { options: { satisfactionFloor: 120 } } } });
    expect(t(`config.${i.id}`, "zh", i.args)).toBe("120 无效：应为 0 至 100 之间的数，或 null（不检查）。");
    expect(t(`config.${i.id}`, "en", i.args)).toBe(
      "120 is not valid: give a number from 0 to 100, or null (not checked).",
    );
  });
});

describe("mergeOptions and effectiveConfig", () => {
  it("lets the later options win rule by rule and option by option", () => {
    const file = toCheckOptions({
      rules: {
        unquantified: "off",
        "percent-range": { options: { satisfactionFloor: 85 } },
        "count-year": "error",
      },
      templates: ["a"],
    });
    const cli = toCheckOptions({ rules: { unquantified: "warning" }, templates: ["b"] });
    const merged = mergeOptions(file, cli);
    expect(merged.rules).toEqual({ unquantified: "warning", "count-year": "error" });
    expect(merged.ruleOptions).toEqual({ "percent-range": { satisfactionFloor: 85 } });
    expect(merged.templates).toEqual(["b"]);
  });

  it("fills in every rule with its default severity and options", () => {
    const e = effectiveConfig(
      toCheckOptions({ rules: { unquantified: "off" } }),
      "/x/perf-target-check.config.json",
    );
    expect(Object.keys(e.rules)).toEqual(ALL_RULES.map((r) => r.meta.id));
    expect(e.rules.unquantified).toEqual({ severity: "off", options: { vagueWords: [] } });
    expect(e.rules["percent-range"]).toEqual({ severity: "error", options: { satisfactionFloor: null } });
    expect(e.rules["task-project"].options).toEqual({ similarity: 0.75 });
    expect(e.rules["count-year"].options).toEqual({ firstYear: 1900, lastYear: 2099 });
    expect(e.tolerance).toBe("interval");
    expect(e.templates).toBeNull();
  });

  it("every declared option has a bilingual description and a default it accepts", () => {
    for (const r of ALL_RULES) {
      for (const [name, spec] of Object.entries(r.meta.options ?? {})) {
        expect(spec.description.zh).not.toBe("");
        expect(spec.description.en).not.toBe("");
        expect(issues({ rules: { [r.meta.id]: { options: { [name]: spec.default } } } })).toEqual([]);
      }
    }
  });
});

describe("the workbook setting", () => {
  it("reads an object or its JSON text; none means the defaults", () => {
    expect(configFromSetting(null, "zh")).toEqual({ options: {}, messages: [], issues: [] });
    expect(configFromSetting({ rules: { unquantified: "off" } }, "zh").options).toEqual({
      rules: { unquantified: "off" },
    });
    expect(configFromSetting('{"tolerance":"exact"}', "zh").options).toEqual({ tolerance: "exact" });
  });

  it("falls back to the defaults with a message naming the setting", () => {
    const bad = configFromSetting({ rules: { nope: "off" } }, "zh");
    expect(bad.options).toEqual({});
    expect(bad.messages).toEqual([
      "工作簿设置：配置项 rules.nope：未知的规则「nope」。规则编号见 docs/config.md（如 no-form）。",
    ]);
    const text = configFromSetting("{oops", "en");
    expect(text.messages[0]).toMatch(/^workbook setting: is not valid JSON/);
  });
});
