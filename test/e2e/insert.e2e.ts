/**
 * Growing the form from the task pane, in Chromium against the in-memory Excel host: an indicator
 * row from the 指标库 and a new template project sheet, each previewed, inserted and re-checked.
 */
import type { Page } from "playwright-core";
import { launch, screenshot, serveWeb } from "./harness";

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
  await page.getByTestId("check-button").waitFor();
  await page.getByTestId("check-button").click();
  await page.getByTestId("finding").first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function sheetTexts(sheet: string): Promise<string[]> {
  return page.evaluate(`(() => {
    const s = window.__demo.excel.workbook.sheets.find((x) => x.name === ${JSON.stringify(sheet)});
    const out = [];
    for (const [, line] of s.cells) for (const [, c] of line) if (typeof c.value === "string") out.push(c.value);
    return out;
  })()`) as Promise<string[]>;
}

describe("inserting from the task pane", () => {
  it("inserts a 指标库 indicator row into a chosen form and group, after a preview", async () => {
    await page.getByTestId("tab-insert").click();
    await page.getByTestId("insert-form").click();
    await page.locator('[data-testid=insert-form-option][data-sheet="综合窗口管理工作经费"]').click();
    await page.getByTestId("insert-level2").click();
    await page.locator('[data-testid=insert-level2-option][data-level2="质量指标"]').click();
    await page.getByTestId("library-search").fill("合格");
    const entry = page.getByTestId("library-entry").first();
    const name = (await entry.getAttribute("data-name"))!;
    expect(name).toContain("合格");
    await entry.click();
    await page.getByTestId("insert-preview").waitFor();
    expect(await page.getByTestId("insert-preview").innerText()).toContain(name);
    await screenshot(page, "11-insert-row-dialog");
    await page.getByTestId("insert-row-button").click();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=status]")?.textContent?.includes("插入"),
    );
    expect(await sheetTexts("综合窗口管理工作经费")).toContain(name);
    // Re-checked: the example's 3 errors, plus the new row's two numbers left as blanks (__%) to fill.
    await page.getByTestId("tab-check").click();
    expect(await page.getByTestId("summary").innerText()).toMatch(/共 10 张表\s*错误 5 个/);
    await page.locator('[data-testid=grid][data-sheet="综合窗口管理工作经费"]').waitFor();
    await screenshot(page, "12-row-inserted");
  });

  it("says the structure is complete when nothing is missing", async () => {
    await page.getByTestId("tab-insert").click();
    await page.getByTestId("complete-structure-button").click();
    await page.locator("[data-testid=complete-preview][data-complete=true]").waitFor();
  });

  it("adds a template project sheet, prefilled from the department form, after a preview", async () => {
    await page.getByTestId("new-sheet-button").click();
    await page.getByTestId("new-sheet-preview").waitFor();
    const preview = await page.getByTestId("new-sheet-preview").innerText();
    expect(preview).toContain("东莞市南城政务服务中心");
    expect(preview).toContain("2026");
    await screenshot(page, "13-new-sheet-dialog");
    await page.getByTestId("new-sheet-apply").click();
    await page.locator('[data-testid=grid][data-sheet="项目绩效目标表"]').waitFor();
    expect(await sheetTexts("项目绩效目标表")).toEqual(
      expect.arrayContaining(["项目名称", "东莞市南城政务服务中心", "2026年预算金额(元)", "服务对象满意度"]),
    );
    await page.getByTestId("tab-check").click();
    await page.waitForFunction(() =>
      document.querySelector("[data-testid=summary]")?.textContent?.includes("共 11 张表"),
    );
    const rules = await page
      .locator('[data-testid=finding][data-cell^="项目绩效目标表!"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(["required-field", "required-indicators"]));
    await screenshot(page, "14-new-sheet-checked");
    expect(pageErrors).toEqual([]);
  });
});
