import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { parseColumnNames, readingOptions, type OpenOptions } from "@vizier/core/ingest";

/** How to read a source file, as `vizier ingest` and `vizier map` take it on the command line. */
export interface SourceCliOptions { format?: string; encoding?: string; sheet?: string; columns?: string[]; delimiter?: string; skipRows?: number }

export const FORMATS = ["csv", "xlsx", "jsonl", "ftm"] as const;
export type Format = (typeof FORMATS)[number];

/** `--columns a,b,c`: names for the columns of a CSV/TSV without a header row. */
function parseColumns(v: string): string[] {
  const names = parseColumnNames(v);
  if (!names) throw new VizierError("INVALID_ARGUMENT", `--columns needs a comma-separated list of names, one per column, none empty: "${v}"`);
  return names;
}

/** `--skip-rows <n>`: a whole number of lines or rows. */
function parseSkipRows(v: string): number {
  if (!/^\d{1,9}$/.test(v)) throw new VizierError("INVALID_ARGUMENT", `--skip-rows needs a whole number of lines, not "${v}"`);
  return Number(v);
}

/** `--delimiter`: one character, or `tab` (a TAB is awkward to type in a shell). */
function parseDelimiter(v: string): string {
  const d = v === "tab" || v === "\\t" ? "\t" : v;
  if (d.length !== 1 || d === '"' || d === "\n" || d === "\r") throw new VizierError("INVALID_ARGUMENT", `--delimiter must be one character (or "tab"), not a quote or line break: "${v}"`);
  return d;
}

/** Adds the options that say how to read the file. */
export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option("--format <format>", `input format: ${FORMATS.join("|")} (default: detected)`)
    .option("--encoding <name>", "text encoding, e.g. utf-8, utf-16le, windows-1252 (default: detected)")
    .option("--delimiter <char>", "CSV/TSV field delimiter: one character, or tab (default: detected from , ; TAB |)", parseDelimiter)
    .option("--skip-rows <n>", "ignore the first n lines (CSV/TSV) or rows of each sheet (XLSX) above the header: a title, notes, an export date", parseSkipRows)
    .option("--columns <names>", "the CSV/TSV has no header row: its column names, comma-separated, in order (the first line is then data)", parseColumns)
    .option("--sheet <name>", "XLSX sheet (default: all sheets)");
}

/** The parsed source options as the ingest pipeline and the mapped source take them (`--format` checked). */
export function sourceOptions(o: SourceCliOptions): OpenOptions {
  if (o.format !== undefined && !(FORMATS as readonly string[]).includes(o.format)) throw new VizierError("INVALID_ARGUMENT", `--format must be one of ${FORMATS.join(", ")}`);
  return readingOptions({ ...o, format: o.format as Format | undefined });
}
