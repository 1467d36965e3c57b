/**
 * `npm start` / `npm stop` on a machine without Excel (this Linux one): a certificate for localhost
 * is made, the dev server answers over https with it, the web steps are printed instead of a
 * sideload, and `npm stop` stops the server. HOME is a fresh folder so no real certificate is touched.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(__dirname, "..", "..");
const run = promisify(execFile);

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => done(typeof a === "object" && a ? a.port : 0));
    });
  });
}

function status(url: string, ca: Buffer): Promise<number | string> {
  return new Promise((done) => {
    get(url, { ca, timeout: 5000 }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    }).on("error", (e: NodeJS.ErrnoException) => done(e.code ?? e.message));
  });
}

it("serves over https with a certificate its own CA signs, says there is no Excel, and stops", async () => {
  const home = mkdtempSync(join(tmpdir(), "ptc-home-"));
  const port = await freePort();
  const env = { ...process.env, HOME: home, USERPROFILE: home, PORT: String(port), PTC_TRUST_CA: "0" };
  const tsx = require.resolve("tsx/cli");
  const started = await run(process.execPath, [tsx, "scripts/start.ts"], {
    cwd: ROOT,
    env,
    timeout: 400_000,
  });
  try {
    expect(started.stdout).toContain(`开发服务器已启动：https://localhost:${port}/`);
    expect(started.stdout).toContain("没有桌面版 Excel");
    const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
    // Verified against the generated CA: the certificate is the trusted one, not a self-signed stand-in.
    expect(await status(`https://localhost:${port}/taskpane.html`, ca)).toBe(200);
  } finally {
    const stopped = await run(process.execPath, [tsx, "scripts/stop.ts"], { cwd: ROOT, env });
    expect(stopped.stdout).toContain("已停止开发服务器");
  }
  await new Promise((r) => setTimeout(r, 1000));
  const ca = readFileSync(join(home, ".office-addin-dev-certs", "ca.crt"));
  expect(await status(`https://localhost:${port}/taskpane.html`, ca)).toBe("ECONNREFUSED");
}, 500_000);
