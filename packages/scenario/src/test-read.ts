/** Test support: reads a generated file back as rows of named values (tests and benchmarks only). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { splitRecord } from "@vizier/flows";
import type { FileSpec } from "./context";

export type Row = Record<string, string>;

/** All rows of a generated file; JSON Lines records (and FtM entities) are flattened with dots, as the ingest reader does. */
export function readRows(dir: string, f: Pick<FileSpec, "file" | "format" | "encoding">): Row[] {
  const buf = readFileSync(join(dir, f.file));
  const text = new TextDecoder(f.encoding).decode(buf);
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (f.format === "jsonl" || f.format === "ftm") return lines.map((l) => flatten(JSON.parse(l) as Record<string, unknown>));
  const d = f.format === "tsv" ? "\t" : (lines[0] ?? "").includes(";") ? ";" : ",";
  const header = splitRecord(lines[0] ?? "", d);
  return lines.slice(1).map((l) => {
    const v = splitRecord(l, d);
    return Object.fromEntries(header.map((h, i) => [h, v[i] ?? ""]));
  });
}

function flatten(o: Record<string, unknown>, prefix = "", out: Row = {}): Row {
  for (const [k, v] of Object.entries(o)) {
    if (v !== null && typeof v === "object") flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else if (v !== null && v !== undefined) out[`${prefix}${k}`] = String(v);
  }
  return out;
}

/** The record id of a row: its `recordKey` columns joined by "/" (truth/identities.csv `record`). */
export function recordId(f: Pick<FileSpec, "recordKey">, row: Row): string {
  return f.recordKey.map((c) => row[c] ?? "").join("/");
}

/** truth/*.csv as rows. */
export function readTruth(dir: string, name: string): Row[] {
  return readRows(dir, { file: `truth/${name}`, format: "csv", encoding: "utf-8" });
}
