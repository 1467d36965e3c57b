/**
 * npm run demo: serves the built add-in (dist/web) on http://localhost:3000 and prints the demo's
 * address. Loopback only; nothing is fetched from elsewhere.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveDirectory } from "./static-server";

const ROOT = join(__dirname, "..", "dist", "web");
const PORT = Number(process.env.PORT ?? 3000);

if (!existsSync(join(ROOT, "index.html"))) {
  console.error("dist/web is not built: run `npm run demo` first.");
  process.exit(1);
}

void serveDirectory(ROOT, PORT).then(() => {
  console.log(`绩效目标表检查 demo: http://localhost:${PORT}/  (?lang=en for English)`);
});
