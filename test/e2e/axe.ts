/**
 * axe-core in the e2e tests: run on a page as it stands (after a check), violations as
 * `id (impact): targets` lines, so a failing test says what to fix. axe is evaluated through the
 * DevTools protocol, which the pages' Content-Security-Policy (no inline script) does not block.
 */
import axe from "axe-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const context = sel ? document.querySelector(sel) : document;
    const r = await w.axe.run(context, { resultTypes: ["violations"] });
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  }, selector ?? null);
}

/** Screenshots to look at (gitignored): test/e2e/__screenshots__/<name>.png. */
export const SHOTS = join(__dirname, "__screenshots__");

export async function shot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  return file;
}
