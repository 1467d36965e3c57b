/**
 * The static file server of the demo (`npm run demo`) and the end-to-end tests: sirv (maintained,
 * safe against path traversal and malformed URLs such as `/%E0%A4%A`, which crashed the hand-written
 * server this replaces) on Node's http server, bound to loopback only. It serves one folder and
 * nothing outside it; `/` is `index`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

/** Serves `root` on 127.0.0.1:`port` (0: any free port); `/` is `index`. */
export async function serveDirectory(
  root: string,
  port = 0,
  index = "index.html",
): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = sirv(root, { dev: false, etag: true, dotfiles: false, extensions: [] });
  const server = createServer((req, res) => {
    if (req.url === "/" || req.url?.startsWith("/?")) req.url = `/${index}${req.url.slice(1)}`;
    serve(req, res, () => {
      res.statusCode = 404;
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((r) => server.close(() => r())) };
}
