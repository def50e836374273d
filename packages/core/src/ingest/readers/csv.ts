import { VizierError } from "@vizier/model";
import { CsvParser, RecordTooLarge, type CsvRecord } from "./csv-parser";
import { makeDecoder, type ChunkDecoder } from "./decode";
import { ByteSource } from "./file-bytes";
import { normaliseHeader } from "./header";
import type { EncodingChoice } from "./open";
import { detectDelimiter } from "./sniff";
import type { OpenedSource, SourceRow } from "./types";

export const MIXED_ENCODING = "invalid UTF-8 (mixed encodings?)";

/**
 * Opens a delimited text file: reads records until the header, then streams the rest. Rows
 * whose field count differs from the header, or (UTF-8) that hold undecodable bytes, carry a
 * `problem` instead of failing the file. A file without a header row is read with the column
 * names given (`names`): its first line is then a row like any other. Records starting on the
 * first `skip` lines (a title or notes above the header) are ignored; row numbers stay the lines
 * of the file. A first line `sep=;` (Excel writes it to name the delimiter) names the delimiter
 * and is skipped.
 */
export async function openCsv(file: string, size: number, encoding: EncodingChoice, head: Buffer, delimiterOpt?: string,
  names?: readonly string[], skipOpt = 0): Promise<OpenedSource> {
  const src = new ByteSource(file);
  const sampleDecoder = makeDecoder(encoding.name, encoding.fallback);
  const sample = sampleDecoder.write(head);
  const sep = /^\uFEFF?sep=([^\r\n])\r?\n/i.exec(sample);
  const skip = sep ? Math.max(skipOpt, 1) : skipOpt;
  // Lines above the header (a title, notes) say nothing about the delimiter.
  const delimiter = delimiterOpt ?? sep?.[1] ?? detectDelimiter(skip > 0 ? sample.split("\n").slice(skip).join("\n") : sample);
  const decoder = makeDecoder(encoding.name, encoding.fallback);
  const parser = new CsvParser(delimiter);
  const chunks = src.chunks();
  const pending: CsvRecord[] = [];
  let done = false;

  /** Pulls chunks until at least one record is parsed or the file ends. */
  const fill = async (): Promise<void> => {
    while (pending.length === 0 && !done) {
      const next = await chunks.next();
      try {
        if (next.done) {
          parser.push(decoder.end(), pending);
          parser.end(pending);
          done = true;
        } else {
          parser.push(decoder.write(next.value), pending);
        }
      } catch (e) {
        await chunks.return(undefined);
        if (e instanceof RecordTooLarge) throw new VizierError("INVALID_INPUT", `${file}: ${e.message}`, { location: { file, row: e.line } });
        throw e;
      }
    }
  };

  await fill();
  for (;;) {
    let k = 0;
    while (k < pending.length && pending[k]!.line <= skip) k++;
    if (k > 0) pending.splice(0, k);
    if (pending.length > 0 || done) break;
    await fill();
  }
  let columns: string[];
  /** Fields a row needs: the header's trailing unnamed columns (a header ending in delimiters) may be missing. */
  let needed: number;
  if (names !== undefined) {
    columns = normaliseHeader(names, file, " (--columns)");
    needed = columns.length;
    if (pending.length === 0) {
      await chunks.return(undefined);
      throw new VizierError("INVALID_INPUT", `${file} is empty (no rows)`, { location: { file } });
    }
    // A byte-order mark belongs to the file, not to the first value.
    const first = pending[0]!.fields;
    if (first.length > 0 && first[0]!.startsWith("\uFEFF")) first[0] = first[0]!.slice(1);
  } else {
    const headerRec = pending.shift();
    if (!headerRec) {
      await chunks.return(undefined);
      throw new VizierError("INVALID_INPUT", `${file} is empty (no header row)`, { location: { file } });
    }
    columns = normaliseHeader(headerRec.fields, file);
    needed = headerRec.fields.length;
    while (needed > 0 && headerRec.fields[needed - 1]!.trim() === "") needed--;
    if (headerRec.error) throw new VizierError("INVALID_INPUT", `${file}: ${headerRec.error} (header)`, { location: { file, row: headerRec.line } });
  }

  // The rows of each decoded chunk together: one await per chunk, not per row.
  async function* groups(): AsyncGenerator<SourceRow[]> {
    try {
      for (;;) {
        if (pending.length === 0) await fill();
        if (pending.length === 0) return;
        const group = new Array<SourceRow>(pending.length);
        for (let k = 0; k < pending.length; k++) group[k] = toRow(pending[k]!, columns, needed, decoder);
        pending.length = 0;
        yield group;
      }
    } finally {
      await chunks.return(undefined);
    }
  }
  const rowGroups = groups();
  async function* rows(): AsyncGenerator<SourceRow> {
    for await (const group of rowGroups) for (const row of group) yield row;
  }

  return {
    file, format: "csv", delimiter, columns,
    // A getter: detected UTF-8 can still turn into Windows-1252 while streaming (see decode.ts).
    get encoding() {
      return decoder.encoding;
    },
    rows: rows(),
    rowGroups,
    bytesTotal: size,
    bytesRead: () => src.bytesRead,
  };
}

/**
 * Whether every field from position `n` on is empty: rows ending in delimiters the header does
 * not have ("1;2;" under "a;b", as many exports write them) lose nothing and are not ragged.
 */
function emptyFrom(f: readonly string[], n: number): boolean {
  for (let i = n; i < f.length; i++) if (f[i]!.trim() !== "") return false;
  return true;
}

function toRow(rec: CsvRecord, columns: readonly string[], needed: number, decoder: ChunkDecoder): SourceRow {
  const f = rec.fields;
  const values: Record<string, string> = {};
  const n = columns.length;
  for (let i = 0; i < n; i++) values[columns[i]!] = f[i] ?? "";
  const row: SourceRow = { row: rec.line, values };
  if (rec.error) row.problem = { reason: rec.error };
  else if (f.length !== n && !(f.length > n ? emptyFrom(f, n) : f.length >= needed)) {
    row.problem = { reason: `expected ${n} fields, found ${f.length}` };
    // Keep surplus fields (as "#<position>") so the quarantined row loses nothing.
    for (let i = n; i < f.length; i++) if (!(`#${i + 1}` in values)) values[`#${i + 1}`] = f[i]!;
  } else if (decoder.sawInvalid) {
    for (let i = 0; i < n; i++) {
      if (f[i]!.includes("\uFFFD")) {
        row.problem = { column: columns[i]!, reason: MIXED_ENCODING };
        break;
      }
    }
  }
  return row;
}
