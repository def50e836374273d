import { extname } from "node:path";
import type { SourceFormat } from "./types";

/**
 * Format from the file name first (what the user meant), then from the first bytes: a ZIP
 * container is XLSX, JSON whose first record has `schema` and `properties` is FtM entities,
 * other JSON is JSONL, anything else is delimited text.
 */
export function detectFormat(file: string, head: Buffer): SourceFormat {
  // A compressed file is known by what it holds: `people.csv.gz` is CSV.
  const lower = file.toLowerCase().replace(/\.gz$/, "");
  const ext = extname(lower);
  if (ext === ".xlsx" || ext === ".xlsm") return "xlsx";
  if (lower.endsWith(".ftm.json") || lower.endsWith(".ftm.jsonl") || ext === ".ftm" || ext === ".ijson") return "ftm";
  if (ext === ".csv" || ext === ".tsv" || ext === ".tab" || ext === ".txt" || ext === ".psv") return "csv";
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  const text = head.toString("utf8", 0, Math.min(head.length, 8192)).replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "ftm";
  if (text.startsWith("{")) return /"schema"\s*:/.test(firstLine(text)) && /"properties"\s*:/.test(firstLine(text)) ? "ftm" : "jsonl";
  return "csv";
}

function firstLine(s: string): string {
  const i = s.indexOf("\n");
  return i < 0 ? s : s.slice(0, i);
}

export type EncodingGuess =
  | { encoding: string; bomBytes: number }
  | { binary: string };

/**
 * Text encoding of a sample: a BOM decides; else a NUL byte at every other position means
 * UTF-16 without BOM; else valid UTF-8 (allowing a sequence cut at the sample's end) is UTF-8;
 * else, when the sample holds well-formed multi-byte UTF-8 and only a few invalid bytes, it is
 * a mostly-UTF-8 file with mixed encodings (rows are flagged one by one); otherwise it is
 * Windows-1252, the superset of Latin-1 that European spreadsheet exports use.
 */
export function detectEncoding(head: Buffer): EncodingGuess {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  const utf16 = utf16Pattern(head);
  if (utf16) return { encoding: utf16, bomBytes: 0 };
  const kind = binaryKind(head);
  if (kind) return { binary: kind };
  const { valid, invalid } = utf8Stats(head);
  if (invalid === 0) return { encoding: "utf-8", bomBytes: 0 };
  if (valid > 0 && invalid <= valid) return { encoding: "utf-8", bomBytes: 0 };
  return { encoding: "windows-1252", bomBytes: 0 };
}

/** UTF-16 text without BOM: ASCII characters leave NUL in every other byte. */
function utf16Pattern(head: Buffer): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return undefined;
}

const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (an .xlsx? pass --format xlsx)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "a legacy Office file (.xls); save it as .xlsx or CSV"],
  [[0x1f, 0x8b], "gzip-compressed; decompress it first"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF"],
];

/** Why a sample is not text (NUL bytes or many control characters), or undefined. */
export function binaryKind(head: Buffer): string | undefined {
  for (const [sig, what] of MAGIC) if (sig.every((b, i) => head[i] === b)) return what;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return "binary (contains NUL bytes)";
    // TAB, LF, FF, CR and the DOS end-of-file marker occur in real text exports.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++;
  }
  return control > Math.max(2, n * 0.01) ? "binary (many control characters)" : undefined;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (a cut final sequence is fine). */
export function utf8Stats(b: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) { invalid++; i++; continue; }
    if (i + len > b.length) break; // cut by the sample boundary
    let ok = true;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) { valid++; i += len; } else { invalid++; i++; }
  }
  return { valid, invalid };
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter that splits the first complete lines of a sample into the most consistent,
 * non-zero number of fields (quoted text ignored); ties prefer more fields, then comma.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/);
  if (lines.length > 1) lines.pop(); // the last line may be cut by the sample boundary
  const useful = lines.filter((l) => l.trim() !== "").slice(0, 30);
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = useful.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}
