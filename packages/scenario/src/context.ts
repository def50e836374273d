/** What every source writer receives, and the dataset/file descriptions they return. */
import type { Dataset } from "@vizier/model";
import type { Cast } from "./cast";
import type { Population } from "./population";
import type { Truth } from "./truth";
import type { Rand } from "./rng";

export interface GenContext {
  seed: number;
  scale: number;
  /** Output folder; file paths in specs and truth are relative to it. */
  out: string;
  pop: Population;
  cast: Cast;
  truth: Truth;
  /** Called after each file is written. */
  onFile?: (f: FileSpec) => void;
}

/** A dataset registration, as `vizier dataset create` takes it (the model's Dataset before it is created). */
export type DatasetSpec = Omit<Dataset, "createdAt">;

/** One generated file, its mapping, and the dataset it is ingested into. */
export interface FileSpec {
  dataset: string;
  file: string;
  /** The FtM/Aleph mapping beside a tabular file; FtM entity files (format ftm) have none. */
  mapping?: string;
  rows: number;
  /** ftm: FtM entities, one JSON object a line, ingested as they are (ids kept). */
  format: "csv" | "tsv" | "jsonl" | "ftm";
  encoding: "utf-8" | "windows-1252";
  description: string;
  /** Columns whose values, joined by "/", identify a row (the `record` of truth/identities.csv). */
  recordKey: string[];
}

/** A source: one agency's hand-over — its datasets, and a writer for its files. */
export interface Source {
  agency: string;
  datasets: DatasetSpec[];
  write(ctx: GenContext): FileSpec[];
}

/** Count of background rows at a scale (at least `min`, so tiny scales still have a haystack). */
export function rowsAt(base: number, scale: number, min = 5): number {
  return Math.max(min, Math.round(base * scale));
}

/**
 * Writes `n` background rows with the case rows spread among them at random positions, so the
 * planted records are not all at the end of a file.
 */
export function interleave(r: Rand, n: number, background: (i: number) => void, planted: readonly (() => void)[]): void {
  const at = planted.map(() => Math.floor(r.float() * (n + 1))).sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i <= n; i++) {
    while (k < planted.length && at[k] === i) planted[k++]!();
    if (i < n) background(i);
  }
}

const DAY_MS = 86_400_000;
const parsed = new Map<string, number>();

/** Epoch milliseconds of an ISO date (memoised: the same few period bounds are parsed millions of times). */
function dayMs(iso: string): number {
  let t = parsed.get(iso);
  if (t === undefined) {
    t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
    if (parsed.size < 10_000) parsed.set(iso, t);
  }
  return t;
}

/** ISO date-time (minutes) at a uniform random moment between two ISO dates. */
export function momentIn(r: Rand, from: string, to: string): string {
  const a = dayMs(from);
  const b = dayMs(to);
  const t = a + Math.floor(r.float() * ((b - a) / 60_000)) * 60_000;
  return new Date(t).toISOString().slice(0, 16);
}

/** ISO date `days` after an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(dayMs(iso.slice(0, 10)) + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** The period the background activity spans, and the case's own window inside it. */
export const PERIOD = { from: "2025-10-01", to: "2026-09-30", caseFrom: "2026-02-01", caseTo: "2026-08-31" };

export const COUNTRY_NL: Record<string, string> = {
  NL: "Nederland", MA: "Marokko", TR: "Turkije", CO: "Colombia", DE: "Duitsland", GB: "Verenigd Koninkrijk", BE: "België", EC: "Ecuador", AE: "Verenigde Arabische Emiraten",
};
