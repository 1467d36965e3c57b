/**
 * Just enough of ZIP to read an .xlsx package: the central directory, stored and deflated entries,
 * and bounds against hostile archives (entry count, uncompressed size, compression ratio). The
 * inflater is passed in (node:zlib in Node, fflate in the browser), so this file imports nothing.
 *
 * Entries are inflated only when asked for, so a package's pictures, printer settings and custom
 * XML never cost a byte of memory.
 */

/** Inflates raw DEFLATE data into at most `maxOutput` bytes; throws if the output would be larger. */
export type Inflate = (data: Uint8Array, maxOutput: number) => Uint8Array;

export interface ZipLimits {
  /** Most entries in the central directory. */
  maxEntries: number;
  /** Largest uncompressed entry, bytes. */
  maxEntryBytes: number;
  /** Largest total of the entries actually read, bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed / compressed ratio of an entry above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/**
 * Real workbooks: a few dozen entries, sheets of a few MB; sheet XML deflates 10–100×. A million
 * formatted blank rows stay below 200 MB; a zip bomb is thousands of times its size.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 1000,
  ratioFloorBytes: 1024 * 1024,
};

/** What went wrong, as a code the reader turns into a message (`part` names the entry, if one). */
export type ZipProblem =
  | "no-directory"
  | "bad-directory"
  | "too-many-entries"
  | "encrypted"
  | "method"
  | "too-large"
  | "ratio"
  | "truncated"
  | "inflate";

export class ZipError extends Error {
  readonly problem: ZipProblem;
  readonly part: string | null;
  constructor(problem: ZipProblem, part: string | null, detail: string) {
    super(detail);
    this.name = "ZipError";
    this.problem = problem;
    this.part = part;
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly lowerCase = new Map<string, Entry>();
  private total = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly inflate: Inflate,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.readDirectory();
  }

  /** Entry names in directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The entry's bytes, or null when there is no such entry. Names match case-insensitively as a fallback. */
  read(name: string): Uint8Array | null {
    const e = this.find(name);
    if (!e) return null;
    const { data, limits } = this;
    if (e.flags & 1) throw new ZipError("encrypted", e.name, "the entry is encrypted");
    if (e.size > limits.maxEntryBytes) {
      throw new ZipError("too-large", e.name, `the entry is ${e.size} bytes uncompressed`);
    }
    if (this.total + e.size > limits.maxTotalBytes) {
      throw new ZipError("too-large", e.name, "the package is too large uncompressed");
    }
    if (e.size > limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio) {
      throw new ZipError(
        "ratio",
        e.name,
        `the entry inflates ${Math.round(e.size / Math.max(1, e.compressedSize))}× (a zip bomb?)`,
      );
    }
    const p = e.localOffset;
    if (p + 30 > data.length || u32(data, p) !== LOCAL) {
      throw new ZipError("truncated", e.name, "its local header is missing");
    }
    const start = p + 30 + u16(data, p + 26) + u16(data, p + 28);
    const end = start + e.compressedSize;
    if (end > data.length) throw new ZipError("truncated", e.name, "the entry is cut off");
    const raw = data.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      out = raw;
    } else if (e.method === 8) {
      try {
        // One byte of slack: an entry larger than its directory says is damaged, not trusted.
        out = this.inflate(raw, e.size + 1);
      } catch (err) {
        throw new ZipError("inflate", e.name, err instanceof Error ? err.message : String(err));
      }
    } else {
      throw new ZipError("method", e.name, `compression method ${e.method} is not supported`);
    }
    if (out.length !== e.size) {
      throw new ZipError("inflate", e.name, `${out.length} bytes where the directory says ${e.size}`);
    }
    this.total += out.length;
    return out;
  }

  private find(name: string): Entry | undefined {
    return this.entries.get(name) ?? this.lowerCase.get(name.toLowerCase());
  }

  private readDirectory(): void {
    const { data, limits } = this;
    let eocd = -1;
    for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
      if (data[i] === 0x50 && u32(data, i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw new ZipError("no-directory", null, "no end of central directory (the file is cut off)");
    const count = u16(data, eocd + 10);
    const dirSize = u32(data, eocd + 12);
    let p = u32(data, eocd + 16);
    if (count === 0xffff || p === 0xffffffff) {
      throw new ZipError("bad-directory", null, "ZIP64 archives are not supported");
    }
    if (count > limits.maxEntries) {
      throw new ZipError("too-many-entries", null, `${count} entries (at most ${limits.maxEntries})`);
    }
    if (p + dirSize > data.length)
      throw new ZipError("no-directory", null, "the central directory is cut off");
    const decoder = new TextDecoder("utf-8");
    for (let k = 0; k < count; k++) {
      if (p + 46 > data.length || u32(data, p) !== CENTRAL) {
        throw new ZipError("bad-directory", null, `central directory entry ${k + 1} is damaged`);
      }
      const nameLen = u16(data, p + 28);
      const entry: Entry = {
        flags: u16(data, p + 8),
        method: u16(data, p + 10),
        compressedSize: u32(data, p + 20),
        size: u32(data, p + 24),
        localOffset: u32(data, p + 42),
        name: decoder.decode(data.subarray(p + 46, p + 46 + nameLen)),
      };
      if (!this.entries.has(entry.name)) {
        this.entries.set(entry.name, entry);
        const lower = entry.name.toLowerCase();
        if (!this.lowerCase.has(lower)) this.lowerCase.set(lower, entry);
      }
      p += 46 + nameLen + u16(data, p + 30) + u16(data, p + 32);
    }
  }
}

function u16(d: Uint8Array, i: number): number {
  return d[i] | (d[i + 1] << 8);
}

function u32(d: Uint8Array, i: number): number {
  return (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> 0;
}
