/**
 * Issue 13's pane in Chromium: at the 350 px of a task pane, compact rows, one Tab stop for the
 * list, arrow keys and Enter, the sticky toolbar; a sum's working with its items (the fixture
 * diagnostic rendered with Fluent's styles); 怎么改 opening the rule's help page (the English half in an
 * English pane); and axe-core
 * finding no violation on the web checker, the add-in's pane page and a help page.
 */
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  renderToStyleElements,
  SSRProvider,
  webLightTheme,
} from "@fluentui/react-components";
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Page } from "playwright-core";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { groupFindings } from "../../src/taskpane/view-model";
import { SUM_KEY, sumFixtureView } from "../taskpane/fixtures";
import { axeViolations, shot } from "./axe";
import { launch, serveBuild, serveWeb } from "./harness";

let web: Awaited<ReturnType<typeof serveWeb>>;
let addin: Awaited<ReturnType<typeof serveBuild>>;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const pageErrors: string[] = [];

const PANE_WIDTH = 350;

beforeAll(async () => {
  web = await serveWeb();
  addin = await serveBuild();
  browser = await launch();
  page = browser.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${web.url}/`);
  // The web checker's pane at a task pane's width.
  await page.addStyleTag({ content: `.pane { width: ${PANE_WIDTH}px !important; }` });
  await page.getByTestId("check-button").click();
  await page.getByTestId("finding").first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await addin?.close();
});

async function paneBox() {
  return (await page.locator(".pane").boundingBox())!;
}

/** Findings wholly inside the pane's visible area. */
async function visibleFindings(): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector(".pane")!.getBoundingClientRect();
    return Array.from(document.querySelectorAll("[data-testid=finding]")).filter((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    }).length;
  });
}

/** Tab stops from the pane's first (the 检查 tab) until focus leaves the pane. */
async function tabStops(): Promise<number> {
  await page.focus("[data-testid=tab-check]");
  let stops = 1;
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    if (!(await page.evaluate(() => Boolean(document.activeElement?.closest(".pane"))))) break;
    stops++;
  }
  return stops;
}

const active = () =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e?.getAttribute("data-cell") ?? e?.getAttribute("data-testid") ?? e?.tagName ?? "";
  });

describe("at 350 px", () => {
  it("shows many compact findings and crosses the pane in few Tab stops", async () => {
    const visible = await visibleFindings();
    const stops = await tabStops();
    console.log(`350 px: ${visible} findings visible of 22; ${stops} Tab stops across the pane`);
    // Before issue 13: 3 findings visible, 109 Tab stops.
    expect(visible).toBeGreaterThanOrEqual(10);
    expect(stops).toBeLessThanOrEqual(12);
    const box = await paneBox();
    await shot(page, "compact-list-350", { x: box.x, y: box.y, width: box.width, height: box.height });
  });

  it("one Tab stop for the list; arrow keys move; Enter selects the cell in the workbook", async () => {
    const rows = page.getByTestId("finding");
    expect(await page.locator('[data-testid=finding][tabindex="0"]').count()).toBe(1);
    await page.locator('[data-testid=finding][tabindex="0"]').focus();
    const first = await active();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const third = await active();
    expect(third).toBe(await rows.nth(2).getAttribute("data-cell"));
    expect(third).not.toBe(first);
    await page.keyboard.press("ArrowUp");
    const second = await rows.nth(1).getAttribute("data-cell");
    expect(await active()).toBe(second);
    await page.keyboard.press("Enter");
    await page.locator(`[data-testid=finding][data-cell="${second}"][data-selected=true]`).waitFor();
    const [sheet, cell] = second!.split("!");
    await page.locator(`[data-testid=grid][data-sheet="${sheet}"]`).waitFor();
    expect(await page.locator(`[data-address="${sheet}!${cell}"]`).getAttribute("data-selected")).toBe(
      "true",
    );
    // The roving Tab stop follows: still one, now the selected row.
    expect(await page.locator('[data-testid=finding][tabindex="0"]').getAttribute("data-cell")).toBe(second);
    await page.keyboard.press("End");
    expect(await active()).toBe(await rows.last().getAttribute("data-cell"));
    await page.keyboard.press("Home");
    expect(await active()).toBe(await rows.first().getAttribute("data-cell"));
    // The selected row shows its whole message and its actions, the others one line each.
    expect(await page.getByTestId("finding-body").count()).toBe(1);
    await page.locator(`[data-testid=finding][data-cell="${second}"]`).getByTestId("help-link").waitFor();
    const box = await paneBox();
    await shot(page, "selected-row-350", { x: box.x, y: box.y, width: box.width, height: box.height });
  });

  it("the toolbar and the counts stay in view while the list scrolls", async () => {
    await page.locator(".pane").evaluate((e) => e.scrollTo(0, e.scrollHeight));
    const pane = await paneBox();
    const header = (await page.getByTestId("pane-header").boundingBox())!;
    expect(header.y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(header.y).toBeLessThan(pane.y + 40);
    expect(await page.getByTestId("check-button").isVisible()).toBe(true);
    await shot(page, "scrolled-350", { x: pane.x, y: pane.y, width: pane.width, height: pane.height });
    await page.locator(".pane").evaluate((e) => e.scrollTo(0, 0));
  });

  it("axe finds no violation on the web checker after a check", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("怎么改", () => {
  it("opens the rule's help page, rendered from docs/rules, offline, without violations", async () => {
    const row = page.locator('[data-testid=finding][data-rule="required-field"]').first();
    await row.click();
    const [help] = await Promise.all([
      browser.context.waitForEvent("page"),
      row.getByTestId("help-link").click(),
    ]);
    await help.waitForLoadState();
    expect(help.url()).toBe(`${web.url}/help/rules/required-field.html`);
    expect(await help.locator("h1").innerText()).toContain("required-field");
    expect(await help.locator("h2").first().innerText()).toBe("检查内容");
    await help.setViewportSize({ width: 700, height: 800 });
    await shot(help, "help-page");
    expect(await axeViolations(help)).toEqual([]);
    await help.close();
  });

  it("opens the English half in an English pane, linked both ways, without violations", async () => {
    const { page: en, close } = await launch();
    try {
      await en.goto(`${web.url}/?lang=en`);
      await en.getByTestId("check-button").click();
      const row = en.locator('[data-testid=finding][data-rule="required-field"]').first();
      await row.waitFor();
      await row.click();
      const [help] = await Promise.all([
        en.context().waitForEvent("page"),
        row.getByTestId("help-link").click(),
      ]);
      await help.waitForLoadState();
      expect(help.url()).toBe(`${web.url}/help/rules/en/required-field.html`);
      expect(await help.locator("html").getAttribute("lang")).toBe("en");
      expect(await help.locator("h1").innerText()).toMatch(/^required-field — [A-Z]/);
      expect(await help.locator("h2").allInnerTexts()).toEqual([
        "What it checks",
        "Why reviewers reject it",
        "Wrong",
        "Right",
        "How to fix",
        "Options",
      ]);
      await help.setViewportSize({ width: 700, height: 800 });
      await shot(help, "help-page-en");
      expect(await axeViolations(help)).toEqual([]);
      // The other language is one link away, each way.
      await help.getByRole("link", { name: "中文" }).click();
      expect(help.url()).toBe(`${web.url}/help/rules/required-field.html`);
      expect(await help.locator("h2").first().innerText()).toBe("检查内容");
      await help.getByRole("link", { name: "English" }).click();
      expect(help.url()).toBe(`${web.url}/help/rules/en/required-field.html`);
    } finally {
      await close();
    }
  });
});

describe("the working of a sum", () => {
  it("shows every item by its label with its amount, the total, the difference and the allowance", async () => {
    const view = sumFixtureView("zh");
    const renderer = createDOMRenderer();
    const list = createElement(FindingList, {
      lang: "zh",
      groups: groupFindings(view, view.findings),
      selectedKey: SUM_KEY,
      editingKey: null,
      saving: false,
      onSelect: () => undefined,
      onExplain: () => undefined,
      onCancelExplain: () => undefined,
      onSaveExplanation: () => undefined,
      onRemoveExplanation: () => undefined,
    });
    const body = renderToStaticMarkup(
      createElement(
        RendererProvider,
        { renderer } as Parameters<typeof RendererProvider>[0],
        createElement(SSRProvider, null, createElement(FluentProvider, { theme: webLightTheme }, list)),
      ),
    );
    const styles = renderToStaticMarkup(createElement(Fragment, null, ...renderToStyleElements(renderer)));
    const sum = await browser.context.newPage();
    try {
      await sum.setViewportSize({ width: PANE_WIDTH, height: 600 });
      await sum.setContent(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>sum</title>${styles}</head>` +
          `<body style="margin:0;padding:12px;font-family:'WenQuanYi Micro Hei',sans-serif"><main><h1 style="font-size:14px;margin:0 0 8px">项目支出与项目预算（示例）</h1>${body}</main></body></html>`,
      );
      const table = sum.getByTestId("sum-table");
      expect(await table.locator("[data-testid=sum-item]").count()).toBe(2);
      const text = (await table.innerText()).replace(/\s+/g, " ");
      expect(text).toContain("项目名称「伙食补助费」 100,000.00");
      expect(text).toContain("差额 30,000.50");
      const box = (await table.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(PANE_WIDTH);
      await shot(sum, "sum-table");
      expect(await axeViolations(sum)).toEqual([]);
    } finally {
      await sum.close();
    }
  });
});

describe("the add-in's pane page", () => {
  it("has no axe violation as it opens (here without office.js)", async () => {
    const p = await browser.context.newPage();
    try {
      // No internet here: office.js is refused, and the pane says so.
      await p.route("https://appsforoffice.microsoft.com/**", (r) => r.abort());
      await p.goto(`${addin.url}/taskpane.html`);
      await p.getByTestId("status").waitFor();
      expect(await axeViolations(p)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it("raised no page error", () => {
    expect(pageErrors).toEqual([]);
  });
});
