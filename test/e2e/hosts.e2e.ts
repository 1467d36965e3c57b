/**
 * The pane's behaviour where there is nothing normal to check: outside Excel, a workbook with no
 * form, a file that is not a workbook. It must say so clearly — never a blank pane, never a crash —
 * and it must make no network request beyond loading the add-in itself.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { launch, screenshot, serveBuild, serveWeb } from "./harness";

let server: Awaited<ReturnType<typeof serveBuild>>;
let web: Awaited<ReturnType<typeof serveWeb>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const external: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveBuild();
  web = await serveWeb();
  browser = await launch();
  page = browser.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Record (and refuse) every request that leaves the loopback server.
  await browser.context.route("**/*", (route) => {
    const url = route.request().url();
    if (
      url.startsWith(server.url) ||
      url.startsWith(web.url) ||
      url.startsWith("data:") ||
      url.startsWith("blob:")
    )
      return route.continue();
    external.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await web?.close();
});

async function openWorkbook(name: string, buffer: Buffer) {
  await page.getByTestId("file-input").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
}

describe("the pane where there is nothing normal to check", () => {
  it("where office.js cannot be reached (this machine has no internet), the pane says so, naming the address (and only office.js was requested)", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByTestId("status").waitFor();
    const text = await page.getByTestId("status").innerText();
    expect(text).toContain("无法加载 Office 的脚本库 office.js");
    expect(text).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(text).not.toContain("此加载项需要在 Excel 中运行");
    expect(
      external.every((u) => u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")),
    ).toBe(true);
    await screenshot(page, "09-outside-excel");
  });

  it("a workbook without any form: the pane says none was found", async () => {
    external.length = 0;
    await page.goto(`${web.url}/`);
    await page.getByTestId("check-button").waitFor();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("支出明细");
    ws.addRow(["科目", "金额"]);
    ws.addRow(["办公费", 1200]);
    await openWorkbook("明细.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    await page.locator('[data-testid=grid][data-sheet="支出明细"]').waitFor();
    await page.getByTestId("check-button").click();
    await page.locator("[data-testid=summary][data-kind=noForms]").waitFor();
    expect(await page.getByTestId("summary").innerText()).toContain("找到绩效目标表");
    expect(await page.locator('[data-testid=finding][data-rule="no-form"]').count()).toBe(1);
    await screenshot(page, "10-no-form");
  });

  it("a file that is not a workbook: a message naming the file, and the previous workbook stays usable", async () => {
    await openWorkbook("损坏的文件.xlsx", Buffer.from("这不是工作簿"));
    await page.getByTestId("demo-error").waitFor();
    expect(await page.getByTestId("demo-error").innerText()).toContain("损坏的文件.xlsx");
    await page.getByTestId("check-button").click();
    await page.locator("[data-testid=summary][data-kind=noForms]").waitFor();
    expect(pageErrors).toEqual([]);
    // The demo itself fetched nothing from outside: data stays on the machine.
    expect(external).toEqual([]);
  });
});
