/**
 * The add-in's configuration: the CheckConfig stored in the workbook setting perfTargetCheck.config,
 * read by the Office.js adapter (on the in-memory Excel host) in the same round trips as before.
 */
import { readFileSync } from "node:fs";
import { runCheck } from "../../src/app/run-check";
import { CONFIG_KEY, createExcelHost } from "../../src/hosts/excel/excel-host";
import { createMemoryExcel, memoryWorkbookFromXlsx } from "../../src/emulator/excel";
import type { JsonValue } from "../../src/emulator/excel/state";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

async function setup(setting?: JsonValue) {
  const wb = await memoryWorkbookFromXlsx(readFileSync(EXAMPLE), EXAMPLE);
  if (setting !== undefined) wb.settings.set(CONFIG_KEY, setting);
  const excel = createMemoryExcel(wb, {});
  const host = createExcelHost({
    run: excel.run,
    isSetSupported: excel.isSetSupported,
    lang: "zh",
    kind: "memory",
  });
  return { excel, host };
}

describe("the workbook setting perfTargetCheck.config", () => {
  it("without it, the defaults: the example's 3 errors", async () => {
    const { host } = await setup();
    const run = await runCheck(host, "zh");
    expect(run.view.counts).toMatchObject({ errors: 3 });
    expect(run.configMessages).toEqual([]);
  });

  it("turns a rule off and sets a rule option, with no round trip more than a check without it", async () => {
    const plain = await setup();
    await runCheck(plain.host, "zh");
    plain.excel.resetSyncCount();
    await runCheck(plain.host, "zh");
    const without = plain.excel.syncCount;
    const { excel, host } = await setup({
      rules: { "required-field": "off", "percent-range": { options: { satisfactionFloor: 95 } } },
    });
    await runCheck(host, "zh");
    excel.resetSyncCount();
    const run = await runCheck(host, "zh");
    expect(excel.syncCount).toBe(without);
    const rules = new Set(run.result.diagnostics.map((d) => d.rule));
    expect(rules.has("required-field")).toBe(false);
    expect(run.result.diagnostics.some((d) => d.messageId === "satisfaction-floor")).toBe(true);
  });

  it("accepts the configuration as JSON text", async () => {
    const { host } = await setup(JSON.stringify({ rules: { "required-field": "off" } }));
    const run = await runCheck(host, "en");
    expect(run.result.diagnostics.some((d) => d.rule === "required-field")).toBe(false);
  });

  it("an invalid setting: the defaults, and the problem to show", async () => {
    const { host } = await setup({ rules: { "required-field": "of" } });
    const run = await runCheck(host, "zh");
    expect(run.view.counts).toMatchObject({ errors: 3 });
    expect(run.configMessages).toEqual([
      '工作簿设置：配置项 rules.required-field.severity：严重性 "of" 无效：应为 "off"、"info"、"warning" 或 "error"。',
    ]);
  });
});
