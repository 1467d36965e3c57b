/**
 * A reader that stops early (`perf-target-check … | head`) closes stdout. The command line must not
 * die with an unhandled EPIPE stack trace: it drops the rest of that output, finishes the run (files it
 * writes are still written) and exits with the code of what it found.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchWorkbookFile } from "../../bench/workbooks";

/** Runs the command line into `| head -c 1` (the reader takes one byte and closes the pipe). */
function runIntoHead(args: string[], dir: string): { code: number; stderr: string } {
  const errFile = join(dir, "stderr.txt");
  const node = [
    process.execPath,
    "--import",
    "tsx",
    "-e",
    "require('./src/cli/main.ts').main(process.argv.slice(1))",
    "--",
    ...args,
  ]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(" ");
  // pipefail: the status is the command line's (head's is 0).
  const r = spawnSync("bash", ["-o", "pipefail", "-c", `${node} 2>'${errFile}' | head -c 1 >/dev/null`]);
  return { code: r.status ?? -1, stderr: readFileSync(errFile, "utf8") };
}

describe("stdout closed by the reader", () => {
  it("exits with the findings' code, no stack trace, and still writes its files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ptc-pipe-"));
    const sarif = join(dir, "r.sarif");
    // 300 forms' findings are far more than a pipe holds, so writing goes on after the pipe is closed
    // (before the fix: "Error: write EPIPE" with a stack, from an unhandled 'error' event).
    const big = await benchWorkbookFile(300);
    const { code, stderr } = runIntoHead(["--lang", "en", "--sarif", sarif, big], dir);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(1);
    expect(existsSync(sarif)).toBe(true);
  }, 30_000);
});
