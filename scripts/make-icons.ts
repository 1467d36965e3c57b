/**
 * Draws the add-in's icons (a green form with a white check mark) as PNGs at every size the
 * manifest uses. Pure Node (zlib): run `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from point p to segment ab. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the unit-square icon at (x, y) in [0,1]²: 0 outside, 1 background, 2 check mark. */
function shade(x: number, y: number): number {
  const r = 0.18;
  const m = 0.06;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return 0;
  const w = 0.075;
  if (segDist(x, y, 0.27, 0.52, 0.44, 0.69) < w || segDist(x, y, 0.44, 0.69, 0.75, 0.33) < w) return 2;
  return 1;
}

for (const size of SIZES) {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const s = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (s === 1) bg++;
          if (s === 2) mark++;
        }
      }
      const n = ss * ss;
      const a = (bg + mark) / n;
      const white = mark / Math.max(1, bg + mark);
      const o = (y * size + x) * 4;
      // #107C41 (Excel green) blended with white for the check mark.
      rgba[o] = Math.round(0x10 + (255 - 0x10) * white);
      rgba[o + 1] = Math.round(0x7c + (255 - 0x7c) * white);
      rgba[o + 2] = Math.round(0x41 + (255 - 0x41) * white);
      rgba[o + 3] = Math.round(255 * a);
    }
  }
  writeFileSync(`assets/icon-${size}.png`, png(size, rgba));
}
console.log(`assets/icon-{${SIZES.join(",")}}.png`);
