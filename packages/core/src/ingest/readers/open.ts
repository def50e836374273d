import { VizierError } from "@vizier/model";
import { openCsv } from "./csv";
import { canonicalEncoding } from "./decode";
import { readHead } from "./file-bytes";
import { openJsonl } from "./jsonl";
import { detectEncoding, detectFormat } from "./sniff";
import type { OpenedSource, OpenOptions } from "./types";
import { openXlsx } from "./xlsx";

/**
 * Opens a source file for ingest: detects format, encoding and delimiter unless given, reads
 * the header, and returns a row stream. Files that cannot be read at all (empty, binary,
 * truncated) fail here with INVALID_INPUT naming the file; bad rows come back with a `problem`.
 */
export async function openSource(file: string, opts: OpenOptions = {}): Promise<OpenedSource> {
  const { size, head, gzip } = await readHead(file);
  if (size === 0) throw new VizierError("INVALID_INPUT", `${file} is empty`, { location: { file } });
  const format = opts.format ?? detectFormat(file, head);
  if (opts.columns !== undefined && format !== "csv") {
    throw new VizierError("INVALID_ARGUMENT", `column names (--columns) are for CSV/TSV files without a header row; ${file} is ${format}`, { location: { file } });
  }
  if (opts.skipRows !== undefined && format !== "csv" && format !== "xlsx") {
    throw new VizierError("INVALID_ARGUMENT", `skipping rows (--skip-rows) is for CSV/TSV and XLSX files; ${file} is ${format}`, { location: { file } });
  }
  if (opts.delimiter !== undefined && format !== "csv") {
    throw new VizierError("INVALID_ARGUMENT", `a delimiter (--delimiter) is for CSV/TSV files; ${file} is ${format}`, { location: { file } });
  }
  switch (format) {
    case "xlsx":
      if (gzip) throw new VizierError("INVALID_INPUT", `${file} is a compressed workbook; decompress it first (gzip -d)`, { location: { file } });
      return openXlsx(file, size, head, opts.sheet, opts.skipRows);
    case "ftm":
      throw new VizierError("INVALID_ARGUMENT", `${file} holds FollowTheMoney entities, which need no mapping; ingest it without --mapping (or pass --format)`, { location: { file } });
    case "jsonl":
    case "csv": {
      const encoding = textEncoding(file, head, opts.encoding);
      return format === "csv" ? openCsv(file, size, encoding, head, opts.delimiter, opts.columns, opts.skipRows) : openJsonl(file, size, encoding);
    }
  }
}

/**
 * How to read a file, as set in `o` (any options object carrying them: the CLI's, an ingest's, a
 * job's), unset ones left out. One place that knows which options say how a file is read.
 */
export function readingOptions(o: OpenOptions): OpenOptions {
  const out: OpenOptions = {};
  if (o.format) out.format = o.format;
  if (o.encoding) out.encoding = o.encoding;
  if (o.sheet) out.sheet = o.sheet;
  if (o.delimiter) out.delimiter = o.delimiter;
  if (o.columns) out.columns = o.columns;
  if (o.skipRows) out.skipRows = o.skipRows;
  return out;
}

/** Column names given as `a,b,c` (for a file without a header row), trimmed; null when one is empty. */
export function parseColumnNames(v: string): string[] | null {
  const names = v.split(",").map((s) => s.trim());
  return names.some((n) => n === "") ? null : names;
}

/** A text encoding to read with; `fallback`: detected UTF-8 that may turn out to be Windows-1252. */
export interface EncodingChoice {
  name: string;
  fallback: boolean;
}

/** The declared encoding, or the detected one; INVALID_INPUT for binary content. */
export function textEncoding(file: string, head: Buffer, declared: string | undefined): EncodingChoice {
  const guess = detectEncoding(head);
  if (declared !== undefined) {
    const enc = canonicalEncoding(declared);
    // A declared single-byte or UTF-8 encoding cannot make NUL bytes into text.
    if (!enc.startsWith("utf-16") && "binary" in guess) throw binaryError(file, guess.binary);
    if (!enc.startsWith("utf-16") && "encoding" in guess && guess.encoding.startsWith("utf-16")) {
      throw new VizierError("INVALID_INPUT", `${file} looks like ${guess.encoding} text, not ${enc}`, { location: { file } });
    }
    return { name: enc, fallback: false };
  }
  if ("binary" in guess) throw binaryError(file, guess.binary);
  return { name: guess.encoding, fallback: guess.encoding === "utf-8" && guess.bomBytes === 0 };
}

function binaryError(file: string, what: string): VizierError {
  return new VizierError("INVALID_INPUT", `${file} is not a text file: ${what}`, { location: { file } });
}
