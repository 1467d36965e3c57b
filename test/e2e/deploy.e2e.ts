/**
 * The deployable build, as IT would serve it: `ADDIN_URL=https://localhost:<port>/ptc/ OFFICE_JS=local
 * npm run build` into a fresh folder, served over https under /ptc/, the pane loaded in Chromium with
 * every request recorded. None may leave the add-in's origin, office.js included (the local copy).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import sirv from "sirv";
import { launch, screenshot } from "./harness";

const ROOT = resolve(__dirname, "..", "..");
const schema = join(ROOT, "test", "addin", "manifest-schema", "OfficeAppManifestV1_1.xsd");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createNetServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

let out: string;
let origin: string;
let server: Server;

beforeAll(async () => {
  const port = await freePort();
  origin = `https://localhost:${port}`;
  out = mkdtempSync(join(tmpdir(), "ptc-addin-"));
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: `${origin}/ptc/`, OFFICE_JS: "local" },
      stdio: "ignore",
    },
  );
  const certs = mkdtempSync(join(tmpdir(), "ptc-certs-"));
  const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => join(certs, f));
  await generateCertificates(ca, cert, key, 2, ["localhost"]);
  const files = sirv(out, { dev: true });
  server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
    if (!req.url?.startsWith("/ptc/")) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = req.url.slice("/ptc".length);
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
}, 600_000);

afterAll(async () => {
  await new Promise((done) => server?.close(done));
});

describe("the deployable add-in (ADDIN_URL, OFFICE_JS=local)", () => {
  it("has no demo, no example workbook and no source map, and a manifest naming only its origin", () => {
    const all = readdirSync(out, { recursive: true }).map(String);
    expect(all).toContain("manifest.xml");
    expect(all).toContain("taskpane.html");
    expect(all).toContain("commands.html");
    expect(all).toContain(join("office-js", "office.js"));
    expect(all.filter((f) => /demo|examples|\.xlsx$|\.map$/.test(f))).toEqual([]);
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${origin}/ptc/`)).toBe(true);
    execFileSync("xmllint", ["--noout", "--schema", schema, join(out, "manifest.xml")], { stdio: "pipe" });
  });

  it("loads the pane with office.js from the local copy: every request stays on the add-in's origin", async () => {
    const { page, context, close } = await launch({ ignoreHTTPSErrors: true });
    const requests: string[] = [];
    try {
      await context.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort();
      });
      await page.goto(`${origin}/ptc/taskpane.html`);
      await page.getByTestId("status").waitFor();
      // office.js loaded (from the add-in's own origin) and reports that this is not Excel.
      expect(await page.getByTestId("status").innerText()).toContain("此加载项需要在 Excel 中运行");
      expect(requests.some((u) => u === `${origin}/ptc/office-js/office.js`)).toBe(true);
      expect(requests.filter((u) => !u.startsWith(`${origin}/ptc/`))).toEqual([]);
      await screenshot(page, "20-deployed-local-office-js");
    } finally {
      await close();
    }
  });

  it("where office.js cannot be loaded, the pane says so — not that it runs outside Excel", async () => {
    const { page, context, close } = await launch({ ignoreHTTPSErrors: true });
    try {
      await context.route("**/office-js/**", (route) => route.abort());
      await page.goto(`${origin}/ptc/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$16`);
      await page.getByTestId("status").waitFor();
      const text = await page.getByTestId("status").innerText();
      expect(text).toContain("无法加载 Office 的脚本库 office.js");
      expect(text).toContain(`${origin}/ptc/office-js/office.js`);
      expect(text).not.toContain("此加载项需要在 Excel 中运行");
      await screenshot(page, "21-office-js-unreachable");
    } finally {
      await close();
    }
  });
});
