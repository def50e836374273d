import { VizierError } from "@vizier/model";
import { MIXED_ENCODING } from "./csv";
import { ByteSource } from "./file-bytes";
import { makeDecoder } from "./decode";
import { textLines, type TextLine } from "./lines";
import type { EncodingChoice } from "./open";
import type { OpenedSource, SourceRow } from "./types";

/** How many records decide the column list (keys first seen later still reach the mapping). */
export const COLUMN_SAMPLE = 1000;

/**
 * Opens JSON Lines: one object per line, nested objects flattened with dots (`address.city`),
 * arrays of scalars joined with newlines (a mapping can `split: "\n"`), arrays of objects
 * indexed (`owners.0.name`). A line that is not a JSON object becomes a row problem.
 */
export async function openJsonl(file: string, size: number, encoding: EncodingChoice): Promise<OpenedSource> {
  const src = new ByteSource(file);
  const decoder = makeDecoder(encoding.name, encoding.fallback);
  const batches = textLines(src, decoder);
  const buffered: SourceRow[] = [];
  const keys = new Set<string>();
  const arrays = new Set<string>();
  let ended = false;
  while (buffered.length < COLUMN_SAMPLE) {
    const next = await batches.next();
    if (next.done) { ended = true; break; }
    for (const l of next.value) {
      const r = toRow(l, arrays);
      if (!r.problem) for (const k of Object.keys(r.values)) keys.add(k);
      buffered.push(r);
    }
  }
  if (buffered.length === 0) throw new VizierError("INVALID_INPUT", `${file} is empty (no JSON records)`, { location: { file } });

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      yield* buffered;
      buffered.length = 0;
      if (ended) return;
      for await (const batch of batches) for (const l of batch) yield toRow(l);
    } finally {
      await batches.return(undefined);
    }
  }

  return {
    file, format: "jsonl", columns: [...keys], multiValued: arrays,
    get encoding() {
      return decoder.encoding;
    },
    rows: rows(), bytesTotal: size, bytesRead: () => src.bytesRead,
  };
}

function toRow(l: TextLine, arrays?: Set<string>): SourceRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(l.text);
  } catch (e) {
    return { row: l.line, values: { _line: l.text }, problem: { reason: `malformed JSON: ${(e as Error).message}` } };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { row: l.line, values: { _line: l.text }, problem: { reason: "line is not a JSON object" } };
  }
  const values: Record<string, string> = {};
  flatten(parsed as Record<string, unknown>, "", values, arrays);
  const row: SourceRow = { row: l.line, values };
  if (l.invalid) {
    const bad = Object.keys(values).find((k) => values[k]!.includes("\uFFFD"));
    row.problem = bad === undefined ? { reason: MIXED_ENCODING } : { column: bad, reason: MIXED_ENCODING };
  }
  return row;
}

/**
 * Flattens nested JSON into dotted keys with string values (null and empty arrays are absent);
 * keys of arrays of scalars, joined one value per line, are added to `arrays` when given.
 */
export function flatten(obj: Record<string, unknown>, prefix: string, out: Record<string, string>, arrays?: Set<string>): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix + k;
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== "object")) {
        const parts = v.filter((x) => x !== null).map(String);
        if (parts.length > 0) out[key] = parts.join("\n");
        arrays?.add(key);
      } else {
        v.forEach((x, i) => {
          if (x !== null && typeof x === "object") flatten(x as Record<string, unknown>, `${key}.${i}.`, out, arrays);
          else if (x !== null) out[`${key}.${i}`] = String(x);
        });
      }
    } else if (typeof v === "object") {
      flatten(v as Record<string, unknown>, key + ".", out, arrays);
    } else {
      out[key] = String(v);
    }
  }
}
