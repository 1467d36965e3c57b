/**
 * Turns the command line's FILE... arguments into the list of files to check.
 *
 *  - An existing file is taken as given (whatever its extension: the checker then says why a .xls or
 *    a .csv cannot be checked). A path that does not exist and has no glob characters is kept too,
 *    so that it is reported as "not found" with the other files.
 *  - A folder is searched recursively for `.xlsx` files (any case), skipping Excel's `~$` lock files
 *    and hidden files and folders (name starting with "."). Entries are visited in code-point order
 *    of their names (locale-independent), depth first, so the output is stable.
 *  - Anything else with `*`, `?`, `[…]` or `{a,b}` is a glob, expanded here (so quoting it is safe,
 *    and it works where the shell does not expand, e.g. Windows): `*`, `?` and classes stay within a
 *    path segment, `**` spans any number of folders. Globs match `.xlsx` files only, with the same
 *    skips as folders (a glob never matches a hidden or `~$` file).
 *  - A file found through a folder or a glob is checked once, at its first place: it is skipped when
 *    the same file (by real path) is already in the list. A file named explicitly is always checked
 *    as named — naming it twice checks it twice, as before folders and globs existed.
 *  - A glob or folder that yields no .xlsx file is reported in `unmatched` (a usage error).
 *  - A folder that cannot be read becomes an entry with an error (reported like an unreadable file).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, resolve } from "node:path";

export interface InputEntry {
  file: string;
  /** Set when this entry is a folder that could not be read. */
  error?: { code: string; errno?: string };
}

export interface ExpandedInputs {
  entries: InputEntry[];
  unmatched: { arg: string; kind: "glob" | "folder" }[];
}

const XLSX = /\.xlsx$/i;
const MAGIC = /[*?[\]{}]/;

/** True for names the folder walk and globs skip: hidden files/folders, Excel lock files. */
export function isSkippedName(name: string, isFile: boolean): boolean {
  return name.startsWith(".") || (isFile && name.startsWith("~$"));
}

export function hasGlobMagic(arg: string): boolean {
  return MAGIC.test(arg);
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface WalkSink {
  file: (rel: string, full: string) => void;
  error: (full: string, errno: string | undefined) => void;
}

/**
 * Depth-first walk of `dir`, calling `sink.file` for each .xlsx file (not hidden, not a lock file)
 * down to `maxDepth` levels (1 = only `dir` itself). Symlinks are followed, loops are not.
 */
function walk(dir: string, maxDepth: number, sink: WalkSink, rel = "", depth = 1, seen = new Set<string>()) {
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
  entries.sort((a, b) => codePointCompare(a.name, b.name));
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
    if (isDir && depth < maxDepth) walk(full, maxDepth, sink, childRel, depth + 1, seen);
    else if (isFile && XLSX.test(entry.name)) sink.file(childRel, full);
  }
  seen.delete(real); // only ancestors count as a loop; the same folder reached twice is deduplicated later
}

/**
 * A glob (with "/" separators) as a RegExp over "/"-separated relative paths. Supports `*`, `?`,
 * `**` as a whole segment, `[abc]`, `[a-z]`, `[!x]` / `[^x]`, `{a,b}` (nestable) and `\` escapes.
 */
export function globToRegExp(glob: string, flags = ""): RegExp {
  return new RegExp(`^${globSource(glob)}$`, flags);
}

function globSource(glob: string): string {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === "*") {
      const segmentStart = i === 0 || glob[i - 1] === "/";
      if (glob[i + 1] === "*" && segmentStart && (i + 2 === glob.length || glob[i + 2] === "/")) {
        if (i + 2 === glob.length) {
          out += ".*";
          i += 2;
        } else {
          out += "(?:[^/]+/)*";
          i += 3;
        }
        continue;
      }
      while (glob[i] === "*") i++; // a run of stars inside a segment is one star
      out += "[^/]*";
      continue;
    }
    if (c === "?") {
      out += "[^/]";
      i++;
      continue;
    }
    if (c === "[") {
      const cls = parseClass(glob, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
        continue;
      }
    }
    if (c === "{") {
      const alts = parseBraces(glob, i);
      if (alts) {
        out += `(?:${alts.parts.map(globSource).join("|")})`;
        i = alts.end;
        continue;
      }
    }
    if (c === "\\" && i + 1 < glob.length) {
      out += escapeRegExp(glob[i + 1]);
      i += 2;
      continue;
    }
    out += escapeRegExp(c);
    i++;
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/** `[...]` starting at `start`: its RegExp source and the index after `]`, or null if unclosed. */
function parseClass(glob: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (glob[i] === "!" || glob[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  while (i < glob.length && (glob[i] !== "]" || first)) {
    const c = glob[i];
    if (c === "/") return null;
    if (c === "\\" && i + 1 < glob.length) {
      body += "\\" + glob[i + 1];
      i += 2;
    } else {
      body += c === "-" && !first && glob[i + 1] !== "]" ? "-" : c.replace(/[\\\]^[-]/, "\\$&");
      i++;
    }
    first = false;
  }
  if (i >= glob.length) return null;
  return { source: negate ? `[^/${body}]` : `[${body}]`, end: i + 1 };
}

/** `{a,b,...}` starting at `start`: its top-level alternatives and the index after `}`. */
function parseBraces(glob: string, start: number): { parts: string[]; end: number } | null {
  let depth = 0;
  const parts: string[] = [];
  let from = start + 1;
  for (let i = start; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") {
      i++;
    } else if (c === "{") {
      depth++;
    } else if (c === "}") {
      depth--;
      if (depth === 0) {
        parts.push(glob.slice(from, i));
        return parts.length > 1 ? { parts, end: i + 1 } : null;
      }
    } else if (c === "," && depth === 1) {
      parts.push(glob.slice(from, i));
      from = i + 1;
    }
  }
  return null;
}

/** Splits a glob into the folder to search (its leading segments without magic) and the rest. */
export function splitGlob(glob: string): { base: string; rest: string; maxDepth: number } {
  const segments = glob.split("/");
  let k = 0;
  while (k < segments.length - 1 && !hasGlobMagic(segments[k])) k++;
  let base = segments.slice(0, k).join("/");
  if (base === "" && glob.startsWith("/")) base = "/";
  else if (base === "") base = ".";
  const rest = segments.slice(k).join("/");
  const maxDepth = rest.includes("**") || rest.includes("{") ? Infinity : segments.length - k;
  return { base, rest, maxDepth };
}

function unescapeBase(base: string): string {
  return process.platform === "win32" ? base : base.replace(/\\(.)/g, "$1");
}

/** Expands `args` into files to check; see the module comment. */
export function expandInputs(args: readonly string[]): ExpandedInputs {
  const entries: InputEntry[] = [];
  const unmatched: ExpandedInputs["unmatched"] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean, error?: InputEntry["error"]) => {
    let key: string;
    try {
      key = realpathSync.native(file);
    } catch {
      key = resolve(file);
    }
    if (seen.has(key) && !explicit) return;
    seen.add(key);
    entries.push(error ? { file, error } : { file });
  };
  const folderError = (dir: string, errno: string | undefined) =>
    add(dir, false, { code: "unreadable", ...(errno ? { errno } : {}) });

  for (const arg of args) {
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(arg);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const before = entries.length;
      let found = 0;
      walk(arg, Infinity, {
        file: (_rel, full) => {
          found++;
          add(full, false);
        },
        error: folderError,
      });
      if (found === 0 && entries.length === before) unmatched.push({ arg, kind: "folder" });
      continue;
    }
    if (st || !hasGlobMagic(arg)) {
      add(arg, true);
      continue;
    }
    // A glob. On Windows "\" is a separator, elsewhere it escapes the next character.
    const glob = process.platform === "win32" ? arg.replace(/\\/g, "/") : arg;
    const { base, rest, maxDepth } = splitGlob(glob);
    const re = globToRegExp(rest, process.platform === "win32" || process.platform === "darwin" ? "i" : "");
    const dir = unescapeBase(base);
    let found = 0;
    let baseIsDir = false;
    try {
      baseIsDir = statSync(dir).isDirectory();
    } catch {
      baseIsDir = false;
    }
    if (baseIsDir) {
      walk(dir, maxDepth, {
        file: (rel, full) => {
          if (!re.test(rel)) return;
          found++;
          add(full, false);
        },
        error: folderError,
      });
    }
    if (found === 0) unmatched.push({ arg, kind: "glob" });
  }
  return { entries, unmatched };
}
