/** The byte-level builders the corpus relies on produce what they claim to. */
import { inflateRawSync } from "node:zlib";
import { compoundFile, crc32, dropImpliedRefs, unzip, zip } from "./zip";

describe("zip", () => {
  it("round-trips parts, with the CRC-32 of each", () => {
    const parts = new Map([
      ["a.txt", Buffer.from("hello, 世界")],
      ["dir/b.xml", Buffer.from("<x/>".repeat(1000))],
    ]);
    const bytes = zip(parts);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    expect(unzip(bytes)).toEqual(parts);
    // The local header's CRC is the part's (checked independently of unzip).
    expect(bytes.readUInt32LE(14)).toBe(crc32(parts.get("a.txt")!));
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    const size = bytes.readUInt32LE(18);
    expect(inflateRawSync(bytes.subarray(30 + 5, 30 + 5 + size)).toString()).toBe("hello, 世界");
  });
});

describe("compoundFile", () => {
  it("writes a CFB v3 header, a FAT and a directory naming each stream", () => {
    const cfb = compoundFile([
      ["EncryptionInfo", Buffer.alloc(8, 1)],
      ["EncryptedPackage", Buffer.alloc(700, 2)],
    ]);
    expect(cfb.subarray(0, 8)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(cfb.length % 512).toBe(0);
    expect(cfb.readUInt16LE(26)).toBe(3); // major version
    expect(cfb.readUInt16LE(30)).toBe(9); // 512-byte sectors
    const sector = (n: number) => cfb.subarray(512 * (n + 1), 512 * (n + 2));
    const fat = sector(cfb.readUInt32LE(76));
    expect(fat.readUInt32LE(0)).toBe(0xfffffffd); // the FAT sector itself
    const dir = sector(cfb.readUInt32LE(48));
    const name = (i: number) =>
      dir.toString("utf16le", i * 128, i * 128 + dir.readUInt16LE(i * 128 + 64) - 2);
    expect([0, 1, 2].map(name)).toEqual(["Root Entry", "EncryptionInfo", "EncryptedPackage"]);
    // EncryptedPackage: 700 bytes over a chain of two sectors.
    const start = dir.readUInt32LE(2 * 128 + 116);
    expect(dir.readUInt32LE(2 * 128 + 120)).toBe(700);
    expect(fat.readUInt32LE(start * 4)).toBe(start + 1);
    expect(fat.readUInt32LE((start + 1) * 4)).toBe(0xfffffffe);
    expect(sector(start)[0]).toBe(2);
  });
});

describe("dropImpliedRefs", () => {
  it("drops only the r attributes a reader can infer", () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>3</v></c></row>' +
      '<row r="2"><c r="B2"><v>4</v></c></row><row r="5"><c r="A5"/></row></sheetData>';
    expect(dropImpliedRefs(xml)).toBe(
      '<sheetData><row><c><v>1</v></c><c><v>2</v></c><c r="D1"><v>3</v></c></row>' +
        '<row><c r="B2"><v>4</v></c></row><row r="5"><c/></row></sheetData>',
    );
  });
});
