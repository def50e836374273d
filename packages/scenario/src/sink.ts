/**
 * Streaming file writers: rows go to disk in 256 KiB blocks, so a scale-50 scenario never holds
 * a whole file in memory. Delimited text (any delimiter, CRLF or LF, UTF-8 or Windows-1252) and
 * JSON Lines.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export type Encoding = "utf-8" | "windows-1252";

const CP1252_HIGH: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b,
  "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99,
  "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** Encodes text as Windows-1252; characters outside it become "?" as legacy exports do. */
export function encodeCp1252(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 63;
    out[n++] = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (CP1252_HIGH[ch] ?? 63);
  }
  return out.subarray(0, n);
}

/** Appends text to a file in blocks. */
class BlockFile {
  private fd: number;
  private buf: string[] = [];
  private size = 0;

  constructor(readonly path: string, private readonly encoding: Encoding) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, "w");
  }

  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= 1 << 18) this.flush();
  }

  private flush(): void {
    if (this.buf.length === 0) return;
    const text = this.buf.join("");
    writeSync(this.fd, this.encoding === "utf-8" ? Buffer.from(text, "utf8") : encodeCp1252(text));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Something rows are written to; `rows` counts data rows (not the header). */
export interface RowSink {
  readonly path: string;
  rows: number;
  row(values: readonly (string | number)[]): void;
  close(): void;
}

export interface DelimitedOptions {
  delimiter: string;
  crlf?: boolean;
  encoding?: Encoding;
  /** Quote every field (some exports do), not only those that need it. */
  quoteAll?: boolean;
}

/** A delimited text file with a header row. */
export function delimitedSink(path: string, header: readonly string[], o: DelimitedOptions): RowSink {
  const file = new BlockFile(path, o.encoding ?? "utf-8");
  const eol = o.crlf ? "\r\n" : "\n";
  const q = (v: string | number): string => {
    const s = String(v);
    return o.quoteAll || s.includes(o.delimiter) || s.includes('"') || s.includes("\n") || s.includes("\r") ? `"${s.replace(/"/g, '""')}"` : s;
  };
  file.write(header.map(q).join(o.delimiter) + eol);
  const sink: RowSink = {
    path, rows: 0,
    row(values) {
      if (values.length !== header.length) throw new Error(`${path}: row has ${values.length} fields, header ${header.length}`);
      file.write(values.map(q).join(o.delimiter) + eol);
      sink.rows++;
    },
    close: () => file.close(),
  };
  return sink;
}

/** JSON Lines; `row` takes the values in the order of `keys`, and `object` a nested record. */
export interface JsonlSink extends RowSink {
  object(o: Record<string, unknown>): void;
}

export function jsonlSink(path: string): JsonlSink {
  const file = new BlockFile(path, "utf-8");
  const sink: JsonlSink = {
    path, rows: 0,
    row(values) { sink.object(Object.fromEntries(values.map((v, i) => [String(i), v]))); },
    object(o) { file.write(JSON.stringify(o) + "\n"); sink.rows++; },
    close: () => file.close(),
  };
  return sink;
}
