import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { PassThrough, pipeline, Transform, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

/** One member of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; others are refused when opened. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the member's local header. */
  offset: number;
  encrypted: boolean;
}

/** A structural problem with the archive; the caller turns it into its own error. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;

/**
 * Reads the central directory of a ZIP file: random access, so members can be read in any order
 * (a single streaming pass over an XLSX meets the workbook part after the sheets). Supports
 * ZIP64 sizes and offsets. Throws ZipError for a truncated or corrupt archive.
 */
export async function readZipDirectory(file: string, size: number): Promise<ZipEntry[]> {
  const fh = await open(file, "r");
  try {
    const read = async (pos: number, len: number): Promise<Buffer> => {
      if (pos < 0 || len < 0 || pos + len > size) throw new ZipError("truncated or corrupt ZIP (a record points outside the file)");
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh.read(buf, 0, len, pos);
      if (bytesRead !== len) throw new ZipError("truncated ZIP (short read)");
      return buf;
    };
    const tailLen = Math.min(size, MAX_EOCD_SEARCH);
    const tail = await read(size - tailLen, tailLen);
    let at = -1;
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
    if (at < 0) throw new ZipError("truncated or corrupt XLSX (no ZIP end record)");
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locAt = size - tailLen + at - 20;
      const loc = await read(locAt, 20);
      if (loc.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipError("corrupt ZIP64 archive (no locator)");
      const rec = await read(Number(loc.readBigUInt64LE(8)), 56);
      if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError("corrupt ZIP64 archive (no end record)");
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    const dir = await read(dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipError("corrupt ZIP central directory");
      const flags = dir.readUInt16LE(p + 8);
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      const e: ZipEntry = {
        name: dir.toString(flags & 0x800 ? "utf8" : "latin1", p + 46, p + 46 + nameLen),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        offset: dir.readUInt32LE(p + 42),
        encrypted: (flags & 1) === 1,
      };
      applyZip64Extra(e, dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
      entries.push(e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    // Where each member's data starts needs its local header (its extra field may differ in length).
    for (const e of entries) {
      const h = await read(e.offset, 30);
      if (h.readUInt32LE(0) !== LOCAL) throw new ZipError(`corrupt ZIP (no local header for ${e.name})`);
      dataStart.set(e, e.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28));
      if (dataStart.get(e)! + e.compressedSize > size) throw new ZipError(`truncated ZIP (${e.name} runs past the end of the file)`);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

const dataStart = new WeakMap<ZipEntry, number>();

/** Sizes that do not fit 32 bits sit in the ZIP64 extra field (id 1), in this order. */
function applyZip64Extra(e: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const next = (): number => { const v = Number(extra.readBigUInt64LE(r)); r += 8; return v; };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.offset === 0xffffffff) e.offset = next();
      return;
    }
    q += 4 + len;
  }
}

/**
 * A stream of one member's uncompressed bytes. `onRead` is told how many compressed bytes were
 * read from the file, for progress. Errors (corrupt deflate data) surface on the returned stream.
 */
export function openZipEntry(file: string, e: ZipEntry, onRead?: (bytes: number) => void): Readable {
  if (e.encrypted) throw new ZipError(`${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name} uses unsupported compression method ${e.method}`);
  const start = dataStart.get(e);
  if (start === undefined) throw new ZipError(`${e.name} is not from a directory read by readZipDirectory`);
  if (e.compressedSize === 0) {
    const empty = new PassThrough();
    empty.end();
    return empty;
  }
  const raw = createReadStream(file, { start, end: start + e.compressedSize - 1 });
  const out = e.method === 8 ? createInflateRaw() : new PassThrough();
  if (onRead) {
    const count = new Transform({ transform(chunk: Buffer, _enc, cb) { onRead(chunk.length); cb(null, chunk); } });
    pipeline(raw, count, out, () => undefined);
  } else {
    pipeline(raw, out, () => undefined);
  }
  return out;
}
