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
    writeSync(this.fd, text);
  }

  flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join("\n") + "\n");
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    if (this.own) closeSync(this.fd);
  }
}
