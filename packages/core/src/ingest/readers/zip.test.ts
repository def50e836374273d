import { statSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "./test-files";
import { openZipEntry, readZipDirectory, ZipError, type ZipEntry } from "./zip";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Member { name: string; data: Buffer; method: 0 | 8; localExtra?: Buffer; zip64?: boolean }

/** Builds a ZIP the way a writer would: local headers and data, central directory, end record. */
function buildZip(members: Member[], comment = ""): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let pos = 0;
  for (const m of members) {
    const body = m.method === 8 ? deflateRawSync(m.data) : m.data;
    const name = Buffer.from(m.name, "utf8");
    const extra = m.localExtra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(m.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    chunks.push(local, name, extra, body);
    const cext = m.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (m.zip64) {
      cext.writeUInt16LE(1, 0);
      cext.writeUInt16LE(24, 2);
      cext.writeBigUInt64LE(BigInt(m.data.length), 4);
      cext.writeBigUInt64LE(BigInt(body.length), 12);
      cext.writeBigUInt64LE(BigInt(pos), 20);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(m.method, 10);
    c.writeUInt32LE(m.zip64 ? 0xffffffff : body.length, 20);
    c.writeUInt32LE(m.zip64 ? 0xffffffff : m.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(cext.length, 30);
    c.writeUInt32LE(m.zip64 ? 0xffffffff : pos, 42);
    central.push(c, name, cext);
    pos += 30 + name.length + extra.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(pos, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...chunks, dir, end, Buffer.from(comment)]);
}

async function text(file: string, e: ZipEntry, onRead?: (n: number) => void): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of openZipEntry(file, e, onRead)) parts.push(c as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

const big = Buffer.from("rij;naam\n".repeat(20_000));
const members: Member[] = [
  { name: "a.txt", data: Buffer.from("stored bytes"), method: 0 },
  { name: "dir/b.xml", data: big, method: 8, localExtra: Buffer.from([0xca, 0xfe, 4, 0, 1, 2, 3, 4]) },
  { name: "é.txt", data: Buffer.alloc(0), method: 0 },
  { name: "z64.txt", data: Buffer.from("zip64 sizes"), method: 8, zip64: true },
];

describe("ZIP directory reader", () => {
  it("lists members in directory order and reads stored, deflated, empty and ZIP64-sized ones in any order", async () => {
    const f = tmp.write("ok.zip", buildZip(members, "a trailing comment"));
    const dir = await readZipDirectory(f, statSync(f).size);
    expect(dir.map((e) => [e.name, e.method, e.size])).toEqual([["a.txt", 0, 12], ["dir/b.xml", 8, big.length], ["é.txt", 0, 0], ["z64.txt", 8, 11]]);
    let read = 0;
    expect(await text(f, dir[3]!)).toBe("zip64 sizes");
    expect(await text(f, dir[1]!, (n) => { read += n; })).toBe(big.toString());
    expect(read).toBe(dir[1]!.compressedSize);
    expect(await text(f, dir[0]!)).toBe("stored bytes");
    expect(await text(f, dir[2]!)).toBe("");
  });

  it("refuses a cut archive, a directory pointing past the end, and corrupt deflate data", async () => {
    const whole = buildZip(members);
    for (const cut of [whole.length - 5, Math.floor(whole.length / 2), 10]) {
      const f = tmp.write(`cut-${cut}.zip`, whole.subarray(0, cut));
      await expect(readZipDirectory(f, cut)).rejects.toBeInstanceOf(ZipError);
    }
    const moved = Buffer.from(whole);
    moved.writeUInt32LE(whole.length * 2, whole.length - 6); // central directory offset
    const g = tmp.write("moved.zip", moved);
    await expect(readZipDirectory(g, moved.length)).rejects.toThrow(/outside the file/);

    const bad = Buffer.from(whole);
    const dir = await readZipDirectory(tmp.write("probe.zip", whole), whole.length);
    const start = dir[1]!.offset + 30 + "dir/b.xml".length + 8;
    for (let i = start + 2; i < start + dir[1]!.compressedSize - 2; i += 3) bad[i] = bad[i]! ^ 0xa5;
    const h = tmp.write("bad.zip", bad);
    const entries = await readZipDirectory(h, bad.length);
    await expect(text(h, entries[1]!)).rejects.toThrow();
  });

  it("refuses encrypted members and unknown compression methods when opened", async () => {
    const f = tmp.write("plain.zip", buildZip(members));
    const [e] = await readZipDirectory(f, statSync(f).size);
    expect(() => openZipEntry(f, { ...e!, encrypted: true })).toThrow(/encrypted/);
    expect(() => openZipEntry(f, { ...e!, method: 12 })).toThrow(/compression method 12/);
    expect(() => openZipEntry(f, { ...e! })).toThrow(/not from a directory/);
  });
});
