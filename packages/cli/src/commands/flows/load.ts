import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import { DEFAULT_OPTIONS, RatesTable, defaultRates, parseTimestamp, readTransactions } from "@vizier/flows";
import type { ColumnSpec, PartialOptions, TimeUnit, TxTable } from "@vizier/flows";

/** Column and reading flags shared by the flows subcommands: the column names plus rates and time unit. */
export interface ColumnFlags extends ColumnSpec {
  rates?: string;
  timeUnit: string;
}

/** Reads a file as text chunks (4 MiB blocks, UTF-8 safe across block ends). */
export function* fileChunks(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    const dec = new StringDecoder("utf8");
    let first = true;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (first && buf.subarray(0, Math.min(n, 8192)).includes(0)) throw new VizierError("INVALID_INPUT", `${path} looks like a binary file, not delimited text`, { location: { file: path } });
      first = false;
      yield dec.write(buf.subarray(0, n));
    }
    const rest = dec.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** Reads a dated rates file: CSV with currency,date,rate (units per EUR). */
export function loadRates(path: string | undefined): RatesTable {
  if (!path) return defaultRates();
  const rows: { currency: string; date: number; rate: number }[] = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const head = (lines[0] ?? "").split(/[,;\t]/).map((h) => h.trim().toLowerCase());
  const ci = head.indexOf("currency");
  const di = head.indexOf("date");
  const ri = head.indexOf("rate");
  if (ci < 0 || di < 0 || ri < 0) throw new VizierError("INVALID_INPUT", `${path}: expected columns currency,date,rate; found ${head.join(",")}`, { location: { file: path } });
  lines.slice(1).forEach((l, k) => {
    const f = l.split(/[,;\t]/);
    const date = parseTimestamp(f[di] ?? "");
    const rate = Number(f[ri]);
    if (Number.isNaN(date) || !(rate > 0)) throw new VizierError("INVALID_INPUT", `${path} row ${k + 2}: bad date or rate`, { location: { file: path, row: k + 2 } });
    rows.push({ currency: (f[ci] ?? "").trim(), date, rate });
  });
  return new RatesTable(rows);
}

export function loadTable(file: string, f: ColumnFlags): TxTable {
  const timeUnit = parseFlag(z.enum(["auto", "seconds", "milliseconds", "days"]), f.timeUnit, "--time-unit") as TimeUnit;
  const cols: ColumnSpec = {
    from: f.from, to: f.to, amount: f.amount, time: f.time,
    ...(f.id ? { id: f.id } : {}), ...(f.currency ? { currency: f.currency } : {}),
    ...(f.fromCountry ? { fromCountry: f.fromCountry } : {}), ...(f.toCountry ? { toCountry: f.toCountry } : {}),
  };
  return readTransactions(fileChunks(file), cols, { rates: loadRates(f.rates), timeUnit, file });
}

/** Validates one flag with zod and reports INVALID_ARGUMENT naming the flag. */
export function parseFlag<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", `${flag}: ${r.error.issues.map((i) => i.message).join("; ")} (got ${JSON.stringify(value)})`);
  return r.data;
}

export const posInt = z.coerce.number().int().positive();
export const nonNeg = z.coerce.number().nonnegative();

/** Schema of a thresholds file: the sections and keys of DEFAULT_OPTIONS, each optional. */
function optionsSchema(): z.ZodType<PartialOptions> {
  const sections: Record<string, z.ZodType> = {};
  for (const [name, section] of Object.entries(DEFAULT_OPTIONS)) {
    if (typeof section !== "object" || section === null || Array.isArray(section)) continue;
    const fields: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(section as Record<string, unknown>)) {
      fields[k] = (Array.isArray(v) ? z.array(z.string()) : typeof v === "boolean" ? z.boolean() : z.number().nonnegative()).optional();
    }
    sections[name] = z.strictObject(fields).optional();
  }
  return z.strictObject({ rareMaxPairCount: z.number().int().positive().optional(), maxHubDegree: z.number().positive().optional(), patterns: z.array(z.string()).optional(), ...sections }) as unknown as z.ZodType<PartialOptions>;
}

/** Reads a JSON thresholds file (see docs/flows.md); windows and delays are in seconds. */
export function loadOptions(path: string | undefined): PartialOptions {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new VizierError("INVALID_INPUT", `cannot read thresholds file ${path}: ${(e as Error).message}`, { location: { file: path }, cause: e });
  }
  const r = optionsSchema().safeParse(raw);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", `${path}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { location: { file: path } });
  return r.data;
}
