/**
 * Security and privacy of the built pane: a Content-Security-Policy that allows only the add-in's
 * own origin and office.js, no eval or `new Function` in the bundles, and no network request
 * during a full check.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serveBuild, serveWeb } from "./harness";

const DIST = join(__dirname, "..", "..", "dist", "addin");

describe("security and privacy", () => {
  it("the task pane and command bundles use no eval and no new Function", () => {
    const bundles = readdirSync(DIST).filter((f) => /^(taskpane|commands)\.[0-9a-f]+\.js$/.test(f));
    expect(bundles).toHaveLength(2);
    for (const f of bundles) {
      const code = readFileSync(join(DIST, f), "utf8");
      expect(code).not.toMatch(/\beval\(/);
      expect(code).not.toMatch(/new Function\(/);
    }
  });

  it("the pane declares its Content-Security-Policy and renders under it without a violation", async () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).not.toContain("unsafe-eval");
    const server = await serveBuild();
    const { page, context, close } = await launch();
    try {
      await context.route("**/*", (route) =>
        route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
      );
      await page.addInitScript(() => {
        (window as unknown as { __csp: string[] }).__csp = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(`${server.url}/taskpane.html`);
      await page.getByTestId("status").waitFor();
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations).toEqual([]);
    } finally {
      await close();
      await server.close();
    }
  });

  it("a full check makes no network request beyond loading the add-in", async () => {
    const server = await serveWeb();
    const { page, context, close } = await launch();
    const requests: string[] = [];
    try {
      await context.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.request().url().startsWith(server.url) ? route.continue() : route.abort();
      });
      await page.goto(`${server.url}/`);
      await page.getByTestId("check-button").waitFor();
      const loaded = requests.length;
      await page.getByTestId("check-button").click();
      await page.getByTestId("finding").first().waitFor();
      await page.locator('[data-testid=finding][data-cell="部门整体!E9"]').click();
      await page.getByTestId("export-button").click();
      await page.locator('[data-testid=grid][data-sheet="检查记录"]').waitFor();
      // Loading fetched only the build's own files; the check, selection and report fetched nothing.
      expect(requests.slice(0, loaded).every((u) => u.startsWith(server.url))).toBe(true);
      expect(requests.slice(loaded)).toEqual([]);
    } finally {
      await close();
      await server.close();
    }
  });
});
