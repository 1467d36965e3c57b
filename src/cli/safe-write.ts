/**
 * Writing outputs without ever losing a submission:
 *  - sameFile: is an output the same file as an input? By device + inode when both exist (catches
 *    symbolic and hard links and a different case on a case-insensitive file system), else by real
 *    path (the folder's real path + the name, compared case-insensitively on Windows and macOS).
 *  - writeAtomic: writes to a hidden temporary file in the target folder, then moves it in place —
 *    without `force` by link() (fails if the target appeared meanwhile, never replaces it), with
 *    `force` by rename() (atomic replace). An interrupted or failed write leaves no target file
 *    and removes its temporary file; a killed process leaves at most a hidden `.~ptc-*.tmp`.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputError extends Error {
  constructor(
    readonly code: "exists" | "is-input" | "io",
    readonly file: string,
    message: string,
    readonly errno?: string,
  ) {
    super(message);
    this.name = "OutputError";
  }
}

/** The file system calls used (replaceable in tests, e.g. to act as a case-insensitive one). */
export interface FsLike {
  statSync(p: string): { dev: number; ino: number };
  realpathSync(p: string): string;
}

const caseInsensitive = process.platform === "win32" || process.platform === "darwin";

function realish(p: string, f: FsLike): string {
  try {
    return f.realpathSync(p);
  } catch {
    try {
      return join(f.realpathSync(dirname(resolve(p))), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

export function sameFile(a: string, b: string, f: FsLike = fs, insensitive = caseInsensitive): boolean {
  try {
    const x = f.statSync(a);
    const y = f.statSync(b);
    if (x.dev === y.dev && x.ino === y.ino && x.ino !== 0) return true;
  } catch {
    // one of them does not exist: compare paths
  }
  const ra = realish(a, f);
  const rb = realish(b, f);
  return insensitive ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

/** The first input that `output` is, or undefined. */
export function inputAt(output: string, inputs: readonly string[], f: FsLike = fs): string | undefined {
  return inputs.find((i) => sameFile(i, output, f));
}

export interface WriteOptions {
  force?: boolean;
  /** Test hook: called after the temporary file is written, before it is moved in place. */
  beforeCommit?: (tmp: string) => void;
}

/** Writes `data` to `file` atomically; see the module comment. */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array | (() => Promise<Uint8Array | string>),
  options: WriteOptions = {},
): Promise<void> {
  if (!options.force && fs.existsSync(file)) throw new OutputError("exists", file, "exists");
  const tmp = join(
    dirname(file),
    `.~ptc-${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const bytes = typeof data === "function" ? await data() : data;
    await fs.promises.writeFile(tmp, bytes, { flag: "wx" });
    options.beforeCommit?.(tmp);
    if (options.force) {
      await fs.promises.rename(tmp, file);
    } else {
      try {
        await fs.promises.link(tmp, file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw new OutputError("exists", file, "exists");
        if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
        // A file system without hard links (FAT, some network shares): check, then rename.
        if (fs.existsSync(file)) throw new OutputError("exists", file, "exists");
        await fs.promises.rename(tmp, file);
      }
    }
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const errno = (e as NodeJS.ErrnoException).code;
    throw new OutputError("io", file, e instanceof Error ? e.message : String(e), errno);
  } finally {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}
