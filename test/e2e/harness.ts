/**
 * E2E harness: serves the production build (dist/addin) on a loopback port and drives Debian's
 * Chromium through playwright-core, with the flags this closed network needs.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveDirectory } from "../../scripts/static-server";

const ROOT = join(__dirname, "..", "..", "dist", "addin");
const WEB = join(__dirname, "..", "..", "dist", "web");
export const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

/** The add-in build (dist/addin: task pane, command page, manifest). */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(ROOT, "taskpane.html")))
    throw new Error("dist/addin is not built: run `npm run build:addin`");
  return serveDirectory(ROOT);
}

/** The web checker (dist/web, built with the example: `npm run test:e2e` does both builds). */
export async function serveWeb(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(WEB, "index.html")))
    throw new Error("dist/web is not built: run `webpack --mode production --env web --env examples`");
  return serveDirectory(WEB);
}

export async function launch(
  options: { ignoreHTTPSErrors?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  // A fresh profile each run; Playwright takes it as the persistent context's directory.
  const userDataDir = mkdtempSync(join(tmpdir(), "ptc-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    viewport: { width: 1400, height: 900 },
    locale: "zh-CN",
    ...options,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
