/**
 * npm start: a trusted localhost certificate, the dev server over https in the background, and the
 * add-in sideloaded into desktop Excel (Windows, Mac) — or, where there is no desktop Excel, the
 * steps for Excel on the web. `npm stop` undoes it. The yo office template does the same with
 * office-addin-debugging; see scripts/deploy/sideload.ts for why that package is not used.
 */
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { get } from "node:https";
import { dirname, join, resolve } from "node:path";
import { ensureDevCertificates } from "./deploy/certs";
import { rewriteManifest, buildSettings } from "./deploy/settings";
import { manifestId, sideloadPlan, type SideloadPlan } from "./deploy/sideload";
import { STATE_DIR, STATE_FILE, readState, type DevState } from "./deploy/state";

const ROOT = resolve(__dirname, "..");

async function main(): Promise<void> {
  if (readState()) {
    console.log("开发服务器已在运行（npm stop 停止）。");
    return;
  }
  const port = Number(process.env.PORT ?? 3000);
  const url = `https://localhost:${port}/`;
  const certs = await ensureDevCertificates({ trust: process.env.PTC_TRUST_CA !== "0" });
  certs.messages.forEach((m) => console.log(m));

  mkdirSync(STATE_DIR, { recursive: true });
  // The manifest Excel loads: the repository's, with the port rewritten when it is not 3000.
  const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const manifest = join(STATE_DIR, "manifest.xml");
  writeFileSync(manifest, rewriteManifest(xml, buildSettings({ ADDIN_URL: url })));

  const log = openSync(join(STATE_DIR, "dev-server.log"), "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, PORT: String(port), HTTPS: "1" },
  });
  closeSync(log);
  child.unref();
  const id = manifestId(xml);
  const state: DevState = { pid: child.pid ?? 0, port, id, manifest, sideloaded: false };
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

  console.log(`正在编译并启动 ${url} …`);
  const ok = await waitForServer(`${url}taskpane.html`, certs.ca, 240_000, () => child.exitCode !== null);
  if (!ok) {
    console.error(`开发服务器没有启动。日志：${join(STATE_DIR, "dev-server.log")}`);
    try {
      process.kill(-state.pid);
    } catch {
      /* already gone */
    }
    rmSync(STATE_FILE, { force: true });
    process.exitCode = 1;
    return;
  }
  console.log(`开发服务器已启动：${url}（https，证书${certs.trusted ? "受信任" : "尚未受信任"}）`);

  const plan = sideloadPlan(process.platform, manifest, id, url);
  const applied = apply(plan);
  state.sideloaded = plan.automatic && applied;
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
  console.log("停止：npm stop");
}

function waitForServer(url: string, ca: Buffer, timeoutMs: number, gone: () => boolean): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  return new Promise((done) => {
    const attempt = () => {
      if (gone() || Date.now() > end) return done(false);
      const req = get(url, { ca, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) done(true);
        else setTimeout(attempt, 1000);
      });
      req.on("error", () => setTimeout(attempt, 1000));
    };
    attempt();
  });
}

/** Carries out a sideload plan; false when a step failed (its reason is printed). */
export function apply(plan: SideloadPlan): boolean {
  for (const step of plan.steps) {
    try {
      if (step.kind === "print") console.log(step.text);
      else if (step.kind === "run") execFileSync(step.command, step.args, { stdio: "ignore" });
      else if (step.kind === "copy") {
        mkdirSync(dirname(step.to), { recursive: true });
        copyFileSync(step.from, step.to);
      } else if (step.kind === "remove") {
        if (existsSync(step.path)) rmSync(step.path);
      }
    } catch (e) {
      console.error(`旁加载失败：${(e as Error).message}`);
      return false;
    }
  }
  return true;
}

if (require.main === module) void main();
