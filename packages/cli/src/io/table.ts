import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { VizierError } from "@vizier/model";
import { detectDelimiter } from "@vizier/core/ingest";

/** A whole delimited file in memory: header plus rows of strings. */
export interface Table {
  header: string[];
  rows: string[][];
}

/** Reads a CSV/TSV file with a header row; the delimiter is detected; a UTF-8 BOM is dropped. */
export function readTable(path: string, opts: { header?: boolean } = {}): Table {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) throw new VizierError("INVALID_INPUT", `${path} looks like a binary file, not delimited text`, { location: { file: path } });
  const delimiter = detectDelimiter(text.slice(0, 65536));
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot parse ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  if (opts.header === false) return { header: [], rows: records };
  const [header, ...rows] = records;
  if (!header) throw new VizierError("INVALID_INPUT", `${path} is empty`, { location: { file: path } });
  return { header: header.map((h) => h.trim()), rows };
}

/** Quotes a CSV field when needed (RFC 4180). */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a header and rows as RFC 4180 CSV. */
export function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly (string | number)[]>): void {
  const out: string[] = [header.map(csvField).join(",")];
  for (const r of rows) out.push(r.map(csvField).join(","));
  writeFileSync(path, out.join("\n") + "\n");
}

/** Index of a named column, or a clear error naming the file and the columns it has. */
export function columnIndex(table: Table, name: string, file: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new VizierError("INVALID_ARGUMENT", `column "${name}" not found in ${file}; it has: ${table.header.join(", ")}`, { location: { file, column: name } });
  return i;
}
