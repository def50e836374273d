import { closeSync, openSync, writeSync } from "node:fs";
import { csvField } from "../../io/table";

/** Streams CSV rows to a file (or standard output) in large blocks. */
export class CsvOut {
  private readonly fd: number;
  private readonly own: boolean;
  private buf: string[] = [];
  private size = 0;

  constructor(path: string | undefined, header: readonly string[]) {
    this.own = path !== undefined && path !== "-";
    this.fd = this.own ? openSync(path as string, "w") : 1;
    this.row(header);
  }

  row(fields: readonly (string | number)[]): void {
    const line = fields.map(csvField).join(",");
    this.buf.push(line);
    this.size += line.length;
    if (this.size > 1 << 22) this.flush();
  }

  raw(text: string): void {
    this.flush();
    writeAll(this.fd, text);
  }

  flush(): void {
    if (this.buf.length === 0) return;
    writeAll(this.fd, this.buf.join("\n") + "\n");
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    if (this.own) closeSync(this.fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text`: a write to a pipe may take only part of it, or none (EAGAIN) once Node
 * has made standard output non-blocking, so this writes on from where the last write stopped.
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 2); // the reader is behind: wait 2 ms
    }
  }
}
