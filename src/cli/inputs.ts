/**
 * Turns the command line's FILE... arguments into the list of files to check.
 *
 *  - An existing file is taken as given (whatever its extension: check-file.ts then says why a .xls
 *    or a .csv is not checked). A path that does not exist and has no glob characters is kept too,
 *    so that it is reported as "not found" with the other files.
 *  - A folder is searched recursively for every file a reviewer would count as a submission
 *    (SUBMISSION_EXTENSIONS: .xlsx and .xlsm, which are checked, and .xls, .et, .csv, … which are
 *    listed with the reason they are not), skipping Excel's `~$` lock files and hidden files and
 *    folders (name starting with "."). Names are visited in natural order (单位2 before 单位10,
 *    Intl.Collator with numeric: true), depth first, so the output is stable.
 *  - Anything else with glob characters is a glob, expanded here by tinyglobby (so quoting it is
 *    safe, and it works where the shell does not expand, e.g. Windows). Globs match submission
 *    files only, with the same skips as folders, in the same natural order.
 *  - A file found through a folder or a glob is checked once, at its first place: it is skipped when
 *    the same file (by real path) is already in the list. A file named explicitly is always checked
 *    as named — naming it twice checks it twice.
 *  - A glob or folder that yields no submission file is reported in `unmatched` (a usage error).
 *  - A folder that cannot be read becomes an entry with an error (reported like an unreadable file).
 *
 * Each entry carries `rel`, its path below the folder or glob base it was found in (its base name
 * when named explicitly): `--annotate-dir` mirrors that tree.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";

export interface InputEntry {
  file: string;
  /** The path below the folder or glob base it was found in ("/"-separated); the base name if named. */
  rel: string;
  /** Set when this entry is a folder that could not be read. */
  error?: { code: string; errno?: string };
}

export interface ExpandedInputs {
  entries: InputEntry[];
  unmatched: { arg: string; kind: "glob" | "folder" }[];
  /** The folders given (and glob bases): an --annotate-dir must not lie inside one. */
  roots: string[];
}

/** Files a reviewer counts as submissions: the checked ones and those reported as not checked. */
export const SUBMISSION_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et", ".ett", ".xlsb", ".ods", ".csv"];

export function isSubmissionName(name: string): boolean {
  return SUBMISSION_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** True for names the folder walk and globs skip: hidden files/folders, Excel lock files. */
export function isSkippedName(name: string, isFile: boolean): boolean {
  return name.startsWith(".") || (isFile && name.startsWith("~$"));
}

export function hasGlobMagic(arg: string): boolean {
  // Without any of these characters picomatch finds no glob and no negation: a plain path is told
  // apart without loading tinyglobby (it is loaded on demand in the bundled command line).
  if (!/[*?[\]{}()!+@]/.test(arg)) return false;
  return isDynamicPattern(arg);
}

/** Natural order: 单位2 before 单位10, the same on every machine. */
export const naturalCollator = new Intl.Collator("zh-CN", { numeric: true, sensitivity: "variant" });

/** Compares "/"-separated paths segment by segment in natural order (a folder's files stay together). */
export function naturalPathCompare(a: string, b: string): number {
  const x = a.split(/[/\\]/);
  const y = b.split(/[/\\]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = naturalCollator.compare(x[i], y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

interface WalkSink {
  file: (rel: string, full: string) => void;
  error: (full: string, errno: string | undefined) => void;
}

/** Depth-first walk of `dir`, calling `sink.file` for each submission file. Symlinks are followed, loops are not. */
function walk(dir: string, sink: WalkSink, rel = "", seen = new Set<string>()) {
  let real: string;
  let entries: Dirent[];
  try {
    real = realpathSync(dir);
    if (seen.has(real)) return;
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    sink.error(dir, (e as NodeJS.ErrnoException).code);
    return;
  }
  seen.add(real);
  entries.sort((a, b) => naturalCollator.compare(a.name, b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link
      }
    }
    if (isSkippedName(entry.name, isFile)) continue;
    if (isDir) walk(full, sink, childRel, seen);
    else if (isFile && isSubmissionName(entry.name)) sink.file(childRel, full);
  }
  seen.delete(real); // only ancestors count as a loop; the same folder reached twice is deduplicated later
}

/** Splits a glob into the folder to search (its leading segments without magic) and the rest. */
export function splitGlob(glob: string): { base: string; rest: string } {
  const segments = glob.split("/");
  let k = 0;
  while (k < segments.length - 1 && !hasGlobMagic(segments[k])) k++;
  let base = segments.slice(0, k).join("/");
  if (base === "" && glob.startsWith("/")) base = "/";
  else if (base === "") base = ".";
  return { base, rest: segments.slice(k).join("/") };
}

function unescapeBase(base: string): string {
  return process.platform === "win32" ? base : base.replace(/\\(.)/g, "$1");
}

/** Expands `args` into files to check; see the module comment. */
export function expandInputs(args: readonly string[]): ExpandedInputs {
  const entries: InputEntry[] = [];
  const unmatched: ExpandedInputs["unmatched"] = [];
  const roots: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, rel: string, explicit: boolean, error?: InputEntry["error"]) => {
    let key: string;
    try {
      key = realpathSync.native(file);
    } catch {
      key = resolve(file);
    }
    if (seen.has(key) && !explicit) return;
    seen.add(key);
    entries.push(error ? { file, rel, error } : { file, rel });
  };
  const folderError = (dir: string, errno: string | undefined) =>
    add(dir, basename(dir), false, { code: "unreadable", ...(errno ? { errno } : {}) });

  for (const arg of args) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      roots.push(arg);
      const before = entries.length;
      let found = 0;
      walk(arg, {
        file: (rel, full) => {
          found++;
          add(full, rel, false);
        },
        error: folderError,
      });
      if (found === 0 && entries.length === before) unmatched.push({ arg, kind: "folder" });
      continue;
    }
    if (st || !hasGlobMagic(arg)) {
      add(arg, basename(arg), true);
      continue;
    }
    // A glob. On Windows "\" is a separator, elsewhere it escapes the next character.
    const glob = process.platform === "win32" ? arg.replace(/\\/g, "/") : arg;
    const { base, rest } = splitGlob(glob);
    const dir = unescapeBase(base);
    let found = 0;
    let baseIsDir = false;
    try {
      baseIsDir = statSync(dir).isDirectory();
    } catch {
      baseIsDir = false;
    }
    if (baseIsDir) {
      roots.push(dir);
      const matches = globSync(rest, {
        cwd: dir,
        dot: false,
        onlyFiles: true,
        expandDirectories: false,
        caseSensitiveMatch: !(process.platform === "win32" || process.platform === "darwin"),
      })
        .filter(
          (rel) =>
            isSubmissionName(rel) &&
            !rel.split("/").some((seg, i, all) => isSkippedName(seg, i === all.length - 1)),
        )
        .sort(naturalPathCompare);
      for (const rel of matches) {
        found++;
        add(join(dir, rel), rel, false);
      }
    }
    if (found === 0) unmatched.push({ arg, kind: "glob" });
  }
  return { entries, unmatched, roots };
}
