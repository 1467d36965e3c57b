/**
 * The built task pane in Chromium, against the in-memory Excel host loaded with the example:
 * check, findings and marks, selection, explanations, clearing marks back to exactly the
 * workbook's own formats, re-check after an edit, the report sheet, and English.
 */
import type { Page } from "playwright-core";
import { launch, screenshot, serveWeb } from "./harness";

interface DemoState {
  excel: {
    syncCount: number;
    resetSyncCount(): void;
    workbook: {
      activeSheet: string;
      sheets: { name: string; selection: { top: number; left: number; bottom: number; right: number }[] }[];
      settings: Map<string, unknown>;
    };
  };
  signature(): string;
}

let server: Awaited<ReturnType<typeof serveWeb>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveWeb();
  browser = await launch();
  page = browser.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/`);
  await page.getByTestId("grid").waitFor();
  await page.getByTestId("check-button").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function demo<T>(fn: (d: DemoState) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__demo)`) as Promise<T>;
}
const marked = (severity: string) => page.locator(`[data-testid=grid-cell][data-mark=${severity}]`);
const attr = (selector: string, name: string) => page.locator(selector).getAttribute(name);
const findingRows = () =>
  page
    .getByTestId("finding")
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")} ${e.getAttribute("data-severity")}`,
      ),
    );
async function showSheet(name: string) {
  await page.getByTestId("sheet-tab").filter({ hasText: name }).first().click();
  await page.locator(`[data-testid=grid][data-sheet="${name}"]`).waitFor();
}

describe("the task pane on the example workbook", () => {
  let before = "";

  it("opens with the pane and the grid, nothing marked", async () => {
    before = await demo((d) => d.signature());
    expect(await marked("error").count()).toBe(0);
    expect(await page.getByTestId("finding").count()).toBe(0);
    await screenshot(page, "01-opened");
  });

  it("检查表格 lists the findings and marks their cells, in 5 round trips (read 2, marks 3)", async () => {
    await demo((d) => d.excel.resetSyncCount());
    await page.getByTestId("check-button").click();
    await page.getByTestId("finding").first().waitFor();
    expect(await page.getByTestId("summary").innerText()).toMatch(/共 10 张表\s*错误 3 个\s*警告 18 个/);
    const rows = await findingRows();
    expect(rows).toHaveLength(21);
    expect(rows).toEqual(
      expect.arrayContaining([
        "部门整体!E9 required-field error",
        "综合窗口管理工作经费!B12 required-field error",
        "部门整体!F42 indicator-value error",
        "综合窗口管理工作经费!F26 annual-typo warning",
      ]),
    );
    expect(await demo((d) => d.excel.syncCount)).toBe(5);
    await showSheet("部门整体");
    expect(await attr('[data-address="部门整体!E9"]', "data-mark")).toBe("error");
    expect(await attr('[data-address="部门整体!B11"]', "data-mark")).toBe("warning");
    expect(await attr('[data-address="部门整体!C6"]', "data-mark")).toBeNull();
    await screenshot(page, "02-checked");
  });

  it("filters by severity", async () => {
    await page.getByTestId("filter-severity-warning").click();
    const rows = await findingRows();
    expect(rows.every((r) => !r.endsWith(" warning"))).toBe(true);
    expect(rows.length).toBe(3);
    await page.getByTestId("filter-severity-warning").click();
    expect((await findingRows()).length).toBe(21);
  });

  it("clicking a finding activates its sheet and selects its cell", async () => {
    await page.locator('[data-testid=finding][data-cell="综合窗口管理工作经费!B12"]').click();
    await page.locator('[data-testid=grid][data-sheet="综合窗口管理工作经费"]').waitFor();
    const sel = await demo((d) => {
      const s = d.excel.workbook.sheets.find((x) => x.name === d.excel.workbook.activeSheet)!;
      return { sheet: d.excel.workbook.activeSheet, selection: s.selection };
    });
    expect(sel.sheet).toBe("综合窗口管理工作经费");
    expect(sel.selection[0]).toMatchObject({ top: 11, left: 1 });
    expect(await attr('[data-address="综合窗口管理工作经费!B12"]', "data-selected")).toBe("true");
    await screenshot(page, "03-selected");
  });

  it("a warning can be explained; the explanation is saved in the workbook and kept on re-check", async () => {
    const row = page.locator('[data-testid=finding][data-cell="综合窗口管理工作经费!F26"]');
    // A compact row offers its actions once selected.
    await row.click();
    await row.getByTestId("explain-button").click();
    await page.getByTestId("explanation-input").fill("「有效提稿」为笔误，已通知填报人更正。");
    await screenshot(page, "04-explaining");
    await page.getByTestId("explanation-save").click();
    await row.getByTestId("explained-badge").waitFor();
    const saved = await demo((d) =>
      // One setting per explanation (co-authors' explanations are other settings).
      JSON.stringify(
        [...d.excel.workbook.settings].filter(([k]) => k.startsWith("perfTargetCheck.explanation:")),
      ),
    );
    expect(saved).toContain("已通知填报人更正");
    await page.getByTestId("check-button").click();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=summary]")?.textContent?.includes("已说明 1 个"),
    );
    await page
      .locator('[data-testid=finding][data-cell="综合窗口管理工作经费!F26"]')
      .getByTestId("explained-badge")
      .waitFor();
    await screenshot(page, "05-explained");
  });

  it("清除标记 removes exactly the marks: the workbook's formats are as before", async () => {
    expect(await demo((d) => d.signature())).not.toBe(before);
    await page.getByTestId("clear-button").click();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=status]")?.textContent?.includes("已清除"),
    );
    expect(await page.getByTestId("status").innerText()).toMatch(/已清除 \d+ 处标记/);
    expect(await marked("error").count()).toBe(0);
    expect(await marked("warning").count()).toBe(0);
    expect(await demo((d) => d.signature())).toBe(before);
  });

  it("after the user fills a flagged cell, the check re-runs by itself", async () => {
    await page.getByTestId("check-button").click();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=summary]")?.textContent?.includes("错误 3 个"),
    );
    await showSheet("综合窗口管理工作经费");
    await page.locator('[data-address="综合窗口管理工作经费!B12"]').dblclick();
    await page.getByTestId("grid-editor").fill("2026年完成窗口人员补贴发放和考评工作。");
    await page.getByTestId("grid-editor").press("Enter");
    await page.waitForFunction(
      () => document.querySelector("[data-testid=summary]")?.textContent?.includes("错误 2 个"),
      undefined,
      { timeout: 15000 },
    );
    expect(await findingRows()).not.toContain("综合窗口管理工作经费!B12 required-field error");
    expect(await attr('[data-address="综合窗口管理工作经费!B12"]', "data-mark")).toBeNull();
    await screenshot(page, "06-rechecked");
  });

  it("导出检查报告 writes the findings into a 检查记录 sheet", async () => {
    await page.getByTestId("export-button").click();
    await page.locator('[data-testid=grid][data-sheet="检查记录"]').waitFor();
    const text = await page.getByTestId("grid").innerText();
    expect(text).toContain("绩效目标表检查记录");
    // One row per finding, the sheet and the cell in columns of their own (the annotated copy's columns).
    expect(text).toMatch(/序号\s+申报表\s+工作表\s+单元格\s+指标路径\s+级别\s+类别\s+问题\s+说明\s+规则/);
    expect(text).toMatch(/部门整体\s+E9\s+市本级使用资金\s+错误\s+必填/);
    expect(text).toContain("已通知填报人更正");
    // Writing the report is not a user edit: no re-check was triggered.
    expect(await page.getByTestId("recheck-pending").count()).toBe(0);
    await screenshot(page, "07-report");
    expect(pageErrors).toEqual([]);
  });
});

describe("in English", () => {
  it("shows the pane in English with ?lang=en", async () => {
    const { page: en, close } = await launch();
    try {
      await en.goto(`${server.url}/?lang=en`);
      await en.getByTestId("check-button").click();
      await en.getByTestId("finding").first().waitFor();
      expect(await en.getByTestId("check-button").innerText()).toContain("Check forms");
      expect(await en.getByTestId("summary").innerText()).toMatch(/10 form\(s\)\s*3 error\(s\)/);
      await screenshot(en, "08-english");
    } finally {
      await close();
    }
  });
});
