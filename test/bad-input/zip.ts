/**
 * Just enough ZIP and OLE2 (CFB) to build damaged and foreign files byte by byte in the tests:
 * read an .xlsx package into its parts, rewrite parts, pack them again (node:zlib deflateRaw + a
 * CRC-32 of our own), and write a minimal compound file with named streams.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The parts of a ZIP archive, in order, by name (read from the central directory). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no end of central directory");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const parts = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    parts.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** A ZIP archive of the given parts, deflated. */
export function zip(parts: Map<string, Buffer> | [string, Buffer | string][]): Buffer {
  const entries = parts instanceof Map ? [...parts] : parts;
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4); // version needed
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt32LE(0, 10); // time, date
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    head.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(0, 12);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** Rewrites (or, returning null, drops) the XML parts of an .xlsx package. */
export function patchParts(xlsx: Buffer, edit: (name: string, text: string) => string | null): Buffer {
  const parts = unzip(xlsx);
  const out = new Map<string, Buffer>();
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/.test(name)) {
      out.set(name, data);
      continue;
    }
    const next = edit(name, data.toString("utf8"));
    if (next !== null) out.set(name, Buffer.from(next, "utf8")); // null: the part is dropped
  }
  return zip(out);
}

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A minimal OLE2 compound file (CFB v3) whose root storage holds the named streams, each with the
 * given bytes stored in regular sectors. Enough for a reader to walk the directory: a legacy .xls
 * holds `Workbook`, a password-protected .xlsx holds `EncryptionInfo` and `EncryptedPackage`.
 */
export function compoundFile(streams: [string, Buffer][]): Buffer {
  const sectorsOf = (n: number) => Math.max(1, Math.ceil(n / SECTOR));
  const dirEntries = streams.length + 1;
  const dirSectors = Math.ceil((dirEntries * 128) / SECTOR);
  const dataSectors = streams.reduce((n, [, d]) => n + sectorsOf(d.length), 0);
  const total = 1 + dirSectors + dataSectors; // FAT + directory + streams
  if (total > SECTOR / 4) throw new Error("compoundFile: too large for one FAT sector");

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  let next = 1;
  const chain = (n: number): number => {
    const first = next;
    for (let i = 0; i < n; i++, next++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : next + 1, next * 4);
    return first;
  };
  const dirStart = chain(dirSectors);
  const starts = streams.map(([, d]) => chain(sectorsOf(d.length)));

  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (
    i: number,
    name: string,
    type: number,
    opts: { child?: number; right?: number; start?: number; size?: number } = {},
  ) => {
    const o = i * 128;
    const nameBytes = Buffer.from(name + "\0", "utf16le");
    nameBytes.copy(dir, o);
    dir.writeUInt16LE(nameBytes.length, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(NOSTREAM, o + 68);
    dir.writeUInt32LE(opts.right ?? NOSTREAM, o + 72);
    dir.writeUInt32LE(opts.child ?? NOSTREAM, o + 76);
    dir.writeUInt32LE(opts.start ?? ENDOFCHAIN, o + 116);
    dir.writeUInt32LE(opts.size ?? 0, o + 120);
  };
  entry(0, "Root Entry", 5, { child: streams.length > 0 ? 1 : NOSTREAM });
  // A degenerate (all-right) tree: valid for reading, if not balanced.
  streams.forEach(([name, data], k) =>
    entry(k + 1, name, 2, {
      right: k + 1 < streams.length ? k + 2 : NOSTREAM,
      start: starts[k],
      size: data.length,
    }),
  );
  for (let i = dirEntries; i < dir.length / 128; i++) {
    dir.writeUInt32LE(NOSTREAM, i * 128 + 68);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 72);
    dir.writeUInt32LE(NOSTREAM, i * 128 + 76);
  }

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 68); // no DIFAT sectors
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0

  const data = streams.map(([, d]) => {
    const b = Buffer.alloc(sectorsOf(d.length) * SECTOR);
    d.copy(b);
    return b;
  });
  return Buffer.concat([header, fat, dir, ...data]);
}

/**
 * Leave out the `r` attributes a reader can infer (SpreadsheetML makes them optional): a row's when it
 * follows the previous row, a cell's when it follows the previous cell of its row.
 */
export function dropImpliedRefs(sheetXml: string): string {
  let row = 0;
  let col = 0;
  return sheetXml.replace(/<(row|c)\b([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    if (name === "row") {
      const r = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? row + 1);
      const implied = r === row + 1;
      row = r;
      col = 0;
      return implied ? `<row${attrs.replace(/\s*\br="\d+"/, "")}${close}>` : tag;
    }
    const m = /\br="([A-Z]+)(\d+)"/.exec(attrs);
    if (!m) return tag;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    const implied = c === col + 1 && Number(m[2]) === row;
    col = c;
    return implied ? `<c${attrs.replace(/\s*\br="[A-Z]+\d+"/, "")}${close}>` : tag;
  });
}
