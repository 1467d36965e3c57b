/**
 * The web checker (dist/web) from a plain static server: it opens the example, checks it, and
 * hands over the annotated copy and the report as downloads — built in the browser, no request
 * beyond the page's own files.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { launch, screenshot, serveWeb } from "./harness";

it("opens the example, checks it, and downloads the annotated copy and the CSV report", async () => {
  const server = await serveWeb();
  const { page, context, close } = await launch();
  const outside: string[] = [];
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("blob:") || url.startsWith("data:"))
        return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/`);
    await page.getByTestId("check-button").click();
    await page.locator("[data-testid=summary]").waitFor();
    expect(await page.getByTestId("summary").innerText()).toContain("3");

    const [annotated] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-annotated").click(),
    ]);
    expect(annotated.suggestedFilename()).toBe("nancheng-2026-per-sheet-检查结果.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await annotated.path())!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("检查结果");
    expect(sheet).toBeDefined();
    const rows = sheet!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).join("|"));
    expect(rows.filter((r) => r.includes("|错误|")).length).toBe(3);
    // The flagged cell of the blank 市本级使用资金 is filled in the copy.
    const dept = wb.worksheets.find((w) => w.name !== "检查结果" && w.getCell("E9").note);
    expect(dept).toBeDefined();

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-report").click(),
    ]);
    expect(csv.suggestedFilename()).toBe("nancheng-2026-per-sheet-检查报告.csv");
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.split(/\r?\n/)[1]).toContain("nancheng-2026-per-sheet.xlsx");
    expect(text).toContain(",3,");
    expect(outside).toEqual([]);
    await screenshot(page, "22-web-checker");
  } finally {
    await close();
    await server.close();
  }
});
