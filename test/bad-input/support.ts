/** Writing the corpus to a temporary directory and matching outcomes, shared by the bad-input tests. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, type CorpusCase, type ExpectedFinding } from "./corpus";

export interface BuiltCase extends CorpusCase {
  path: string;
}

/** Builds every file of the corpus into a new temporary directory. */
export async function writeCorpus(): Promise<{ dir: string; cases: BuiltCase[]; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "bad-input-"));
  const cases: BuiltCase[] = [];
  for (const c of CORPUS) {
    const path = join(dir, c.file);
    writeFileSync(path, await c.build());
    cases.push({ ...c, path });
  }
  return { dir, cases, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SeenFinding {
  rule: string;
  sheet: string;
  cell: string;
  message: string;
}

/** The expected findings that are not among the seen ones. */
export function missingFindings(expected: ExpectedFinding[] = [], seen: SeenFinding[]): ExpectedFinding[] {
  return expected.filter(
    (e) =>
      !seen.some(
        (s) =>
          s.rule === e.rule &&
          (e.sheet === undefined || s.sheet === e.sheet) &&
          (e.cell === undefined || s.cell === e.cell) &&
          (e.message === undefined ||
            (typeof e.message === "string" ? s.message.includes(e.message) : e.message.test(s.message))),
      ),
  );
}

/** A line that looks like a JavaScript stack frame (`at fn (file.ts:12:3)`). */
export const STACK_FRAME = /^\s*at .+[:(]\d+(:\d+)?\)?$|\bat .*\.(ts|js):\d+/m;
