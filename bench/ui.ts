/**
 * Task-pane load figures: the production bundle's size (raw and gzip) and the time to first render
 * in headless Chromium (the pane opened outside Excel renders its message: that is its first render).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch, serveBuild } from "../test/e2e/harness";

const DIST = join(__dirname, "..", "dist", "addin");

export interface UiFigures {
  bundleRawKb: number;
  bundleGzipKb: number;
  firstRenderMs: number | null;
}

export function bundleSize(): { rawKb: number; gzipKb: number } | null {
  if (!existsSync(DIST)) return null;
  const files = readdirSync(DIST).filter((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f));
  if (files.length === 0) return null;
  const data = Buffer.concat(files.map((f) => readFileSync(join(DIST, f))));
  return {
    rawKb: Math.round((data.length / 1024) * 10) / 10,
    gzipKb: Math.round((gzipSync(data, { level: 9 }).length / 1024) * 10) / 10,
  };
}

export async function firstRenderMs(runs = 5): Promise<number | null> {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium) || !existsSync(join(DIST, "taskpane.html"))) return null;
  const server = await serveBuild();
  const browser = await launch();
  try {
    await browser.context.route("**/*", (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
    );
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await browser.page.goto(`${server.url}/taskpane.html?run=${i}`);
      await browser.page.locator("main h1").waitFor();
      times.push(await browser.page.evaluate(() => performance.now()));
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]);
  } finally {
    await browser.close();
    await server.close();
  }
}
