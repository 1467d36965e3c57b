/**
 * One-click fixes in the web checker (dist/web): a copy of the example with every kind of safe fix
 * (HTML residue, a doubled phrase, stray punctuation, edge spaces, full-width digits), each applied from
 * its finding's 修正 preview: the finding disappears and no other cell of the in-memory workbook, and no
 * other finding, changes. Screenshots: a fix preview and the 全部安全修正 confirmation.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { launch, screenshot, serveWeb } from "./harness";

const EXAMPLE = "examples/nancheng-2026-per-sheet.xlsx";

/** axe-core's violations inside one element (the fix preview, the confirmation): ids and targets. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy allows no inline script.
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<Result> } }).axe;
    const r = await axe.run({ include: [sel] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, selector);
}

/** The example with the two kinds of safe fix it lacks: full-width digits and a trailing space. */
async function testWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  wb.getWorksheet("部门整体")!.getCell("C6").value = "９７３.２０";
  wb.getWorksheet("机关事业单位派遣人员经费")!.getCell("B2").value = "机关事业单位派遣人员经费 ";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every non-blank cell value of the in-memory workbook, by `Sheet!row:col`. */
async function cells(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    type Cell = { value: unknown };
    type Sheet = { name: string; cells: Map<number, Map<number, Cell>> };
    const demo = (window as unknown as { __demo: { excel: { workbook: { sheets: Sheet[] } } } }).__demo;
    const out: Record<string, unknown> = {};
    for (const s of demo.excel.workbook.sheets)
      for (const [r, row] of s.cells)
        for (const [c, cell] of row) if (cell.value !== null) out[`${s.name}!${r}:${c}`] = cell.value;
    return out;
  });
}

async function findingKeys(page: Page): Promise<string[]> {
  return page
    .locator("[data-testid=finding]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key") ?? ""));
}

function changed(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

const KINDS: { key: string; message: string; cell: string }[] = [
  { key: "text-hygiene|html|部门整体!B11", message: "fixHtml", cell: "部门整体!10:1" },
  { key: "text-hygiene|doubled|部门整体!B11", message: "fixDoubled", cell: "部门整体!10:1" },
  { key: "text-hygiene|punctuation|伙食补助费!D14", message: "fixPunctuation", cell: "伙食补助费!13:3" },
  {
    key: "text-hygiene|spaces|机关事业单位派遣人员经费!B2",
    message: "fixSpaces",
    cell: "机关事业单位派遣人员经费!1:1",
  },
  { key: "amount|fullWidth|部门整体!C6", message: "fixFullWidth", cell: "部门整体!5:2" },
];

it("applies each kind of safe fix from its preview: the finding goes, nothing else changes", async () => {
  const server = await serveWeb();
  const { page, close } = await launch();
  try {
    await page.goto(`${server.url}/`);
    await page.locator("[data-testid=workbook-name]").filter({ hasText: "nancheng" }).waitFor();
    await page.getByTestId("file-input").setInputFiles({
      name: "fixes-test.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await testWorkbook(),
    });
    await page.locator("[data-testid=workbook-name]").filter({ hasText: "fixes-test" }).waitFor();
    await page.getByTestId("check-button").click();
    await page.locator("[data-testid=summary]").waitFor();
    await page.locator(`[data-testid=finding][data-key="${KINDS[0].key}"]`).waitFor();
    expect(await page.getByTestId("fix-all-button").innerText()).toMatch(/全部安全修正（5）/);

    for (const [i, kind] of KINDS.entries()) {
      const row = page.locator(`[data-testid=finding][data-key="${kind.key}"]`);
      await row.waitFor();
      const keysBefore = await findingKeys(page);
      const cellsBefore = await cells(page);
      // 修正 is among the selected row's actions (compact rows show them on selection only).
      await row.getByTestId("finding-message").click();
      await row.getByTestId("fix-button").click();
      const option = row.locator(`[data-testid=fix-option][data-kind=safe][data-message=${kind.message}]`);
      await option.waitFor();
      if (i === 0) {
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, "30-fix-preview");
        expect(await axeViolations(page, "[data-testid=fix-preview]")).toEqual([]);
      }
      await option.getByTestId("fix-apply").click();
      await row.waitFor({ state: "detached" });
      await page.locator("[data-testid=check-button]:not([disabled])").waitFor();
      const keysAfter = await findingKeys(page);
      expect(keysBefore.filter((k) => !keysAfter.includes(k))).toEqual([kind.key]);
      expect(keysAfter.filter((k) => !keysBefore.includes(k))).toEqual([]);
      expect(changed(cellsBefore, await cells(page))).toEqual([kind.cell]);
    }
    const after = await cells(page);
    expect(after["部门整体!5:2"]).toBe("973.20");
    expect(after["伙食补助费!13:3"]).toBe("支出标准");
    expect(after["机关事业单位派遣人员经费!1:1"]).toBe("机关事业单位派遣人员经费");
    expect(String(after["部门整体!10:1"])).not.toMatch(/<p>|优化优化/);
  } finally {
    await close();
    await server.close();
  }
});

it("全部安全修正 lists every edit before applying them in one batch", async () => {
  const server = await serveWeb();
  const { page, close } = await launch();
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${server.url}/`);
    await page.locator("[data-testid=workbook-name]").filter({ hasText: "nancheng" }).waitFor();
    await page.getByTestId("check-button").click();
    await page.locator("[data-testid=summary]").waitFor();
    const before = await cells(page);
    await page.getByTestId("fix-all-button").click();
    const confirm = page.getByTestId("fix-all-confirm");
    await confirm.waitFor();
    // 3 cells: the goal (its second fix waits for the next check), two 三级 names.
    expect(await confirm.locator("[data-testid=fix-edit]").count()).toBe(3);
    await screenshot(page, "31-fix-all-confirm");
    expect(await axeViolations(page, "[data-testid=fix-all-confirm]")).toEqual([]);
    await page.getByTestId("fix-all-apply").click();
    await confirm.waitFor({ state: "detached" });
    await page.locator("[data-testid=check-button]:not([disabled])").waitFor();
    expect(changed(before, await cells(page))).toEqual(
      ["伙食补助费!13:3", "综合窗口管理工作经费!23:3", "部门整体!10:1"].sort(),
    );
    // The doubled phrase left for the next pass.
    expect(await page.getByTestId("fix-all-button").innerText()).toMatch(/全部安全修正（1）/);
  } finally {
    await close();
    await server.close();
  }
});
