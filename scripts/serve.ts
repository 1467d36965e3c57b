/**
 * npm run demo: serves the built add-in (dist/addin) on http://localhost:3000 and prints the demo's
 * address. Loopback only; nothing is fetched from elsewhere.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const ROOT = join(__dirname, "..", "dist", "addin");
const PORT = Number(process.env.PORT ?? 3000);
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".map": "application/json",
};

if (!existsSync(join(ROOT, "demo.html"))) {
  console.error("dist/addin is not built: run `npm run build:addin` first.");
  process.exit(1);
}

createServer((req, res) => {
  const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  const file = join(ROOT, path === "/" ? "demo.html" : path);
  if (!file.startsWith(ROOT) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
}).listen(PORT, "127.0.0.1", () => {
  console.log(`绩效目标表检查 demo: http://localhost:${PORT}/demo.html  (?lang=en for English)`);
});
