import { readFile } from "node:fs/promises";
import { defaultModel, defineStreamTask, runStreamTask, VizierError, workerThreads, type ErrorCode, type ErrorLocation } from "@vizier/model";
import { applyMapping, compileMapping, parseMapping, type MappedEntity, type MappedValue } from "./mapping/index";
import { openSource, readingOptions, type OpenOptions, type SourceFormat, type SourceRow } from "./readers/index";

/**
 * A tabular source read and mapped row by row: what the store writer needs of each source row,
 * in batches. Runs in the calling thread, or in a worker thread (`openMappedInWorker`) so that
 * reading, decoding, parsing and mapping overlap with the store's work on the main thread. Both
 * run the same code (`mapRows`), so a run's statements do not depend on where it was mapped.
 */
export interface MappedSourceOptions extends OpenOptions {
  file: string;
  mapping: string;
  dataset: string;
}

/** One source row: refused (`problem`), filtered out, or the entities it maps to. */
export interface MappedRow {
  row: number;
  sheet?: string;
  problem?: { column: string; reason: string };
  /** The raw values of a refused row, kept for the quarantine. */
  raw?: Record<string, string>;
  filtered?: true;
  /** The entities the row maps to (as the mapping gives them). */
  entities?: MappedEntity[];
}

export interface MappedBatch {
  rows: MappedRow[];
  bytesRead: number;
  bytesTotal: number;
}

export interface MappedSource {
  format: SourceFormat;
  batches: AsyncIterable<MappedBatch>;
  /** The encoding read with, final once the batches are consumed (UTF-8 may turn out Windows-1252). */
  encoding(): string;
}

/**
 * Rows per batch. In the writer's thread a batch only saves awaits, and a smaller one keeps less
 * young data alive at each scavenge (200k-row ingest: 139 MB promoted to the old generation with
 * 2,000 rows, 35 MB with 500); across threads a batch is one message, so it is larger there.
 */
const ROWS_PER_BATCH = 500;
const ROWS_PER_MESSAGE = 2000;

type Step = { open: { format: SourceFormat } } | { batch: MappedBatch } | { end: { encoding: string } };

/** Opens, compiles and maps; yields the format once opened, then batches, then the encoding. */
async function* mapRows(opts: MappedSourceOptions, rowsPerBatch: number): AsyncGenerator<Step> {
  let mappingText: string;
  try {
    mappingText = await readFile(opts.mapping, "utf8");
  } catch (e) {
    throw new VizierError("INVALID_ARGUMENT", `cannot read mapping ${opts.mapping}: ${(e as Error).message}`, { location: { file: opts.mapping }, cause: e });
  }
  const spec = parseMapping(mappingText, opts.mapping);
  const src = await openSource(opts.file, readingOptions(opts));
  const model = defaultModel();
  const compiled = compileMapping(spec, model, src.columns, opts.mapping, src.multiValued);
  yield { open: { format: src.format } };
  const mapOne = (row: SourceRow): MappedRow => {
    const at: MappedRow = { row: row.row };
    if (row.sheet !== undefined) at.sheet = row.sheet;
    if (row.problem) {
      at.problem = { column: row.problem.column ?? "", reason: row.problem.reason };
      at.raw = row.values;
    } else {
      const mapped = applyMapping(compiled, row, opts.dataset, model);
      if (mapped.filtered) at.filtered = true;
      else if (mapped.problems.length > 0) {
        at.problem = { column: mapped.problems.map((p) => p.column ?? "").filter(Boolean).join(";"), reason: mapped.problems.map((p) => p.reason).join("; ") };
        at.raw = row.values;
      } else {
        at.entities = mapped.entities;
      }
    }
    return at;
  };
  let rows: MappedRow[] = [];
  const batch = (): Step => {
    const step = { batch: { rows, bytesRead: src.bytesRead(), bytesTotal: src.bytesTotal } };
    rows = [];
    return step;
  };
  if (src.rowGroups) {
    for await (const group of src.rowGroups) {
      for (const row of group) {
        rows.push(mapOne(row));
        if (rows.length >= rowsPerBatch) yield batch();
      }
    }
  } else {
    for await (const row of src.rows) {
      rows.push(mapOne(row));
      if (rows.length >= rowsPerBatch) yield batch();
    }
  }
  yield batch();
  // Read after the rows: the reader may switch encoding (UTF-8 → Windows-1252) once it sees non-ASCII bytes.
  yield { end: { encoding: src.encoding } };
}

/** Turns the step stream into a MappedSource once the source is open (errors before that throw here). */
async function fromSteps(steps: AsyncGenerator<Step>): Promise<MappedSource> {
  const first = await steps.next();
  if (first.done || !("open" in first.value)) throw new Error("mapped source ended before it opened");
  let encoding = "utf-8";
  async function* batches(): AsyncGenerator<MappedBatch> {
    for await (const step of steps) {
      if ("batch" in step) yield step.batch;
      else if ("end" in step) encoding = step.end.encoding;
    }
  }
  return { format: first.value.open.format, batches: batches(), encoding: () => encoding };
}

/** Maps in the calling thread. */
export function openMapped(opts: MappedSourceOptions): Promise<MappedSource> {
  return fromSteps(mapRows(opts, ROWS_PER_BATCH));
}

const TASK = "ingest.map";

// In the worker: a batch travels as one string (passing one string between threads is a copy;
// a structured clone or JSON of thousands of small arrays costs far more on the receiving side).
defineStreamTask<MappedSourceOptions>(TASK, async (opts, emit) => {
  for await (const step of mapRows(opts, ROWS_PER_MESSAGE)) await emit("batch" in step ? { flat: encodeBatch(step.batch) } : step);
});

/**
 * The flat form of a batch: fields separated by U+0000, read back with one split. Rows: row,
 * sheet, kind ("e" entities, "q" refused, "f" filtered), then for "e" the entity count and per
 * entity id, schema, value count and [prop, type, value, original or U+0001 when the same];
 * for "q" column, reason and the raw values as JSON. A batch whose text holds U+0000 itself
 * goes as JSON instead (prefix "J").
 */
export function encodeBatch(b: MappedBatch): string {
  const out: string[] = [String(b.bytesRead), String(b.bytesTotal), String(b.rows.length)];
  let marker = false;
  for (const r of b.rows) {
    out.push(String(r.row), r.sheet ?? "");
    if (r.problem) out.push("q", r.problem.column, r.problem.reason, JSON.stringify(r.raw ?? {}));
    else if (r.filtered) out.push("f");
    else {
      const es = r.entities!;
      out.push("e", String(es.length));
      for (const e of es) {
        out.push(e.id, e.schema, String(e.values.length));
        for (const v of e.values) {
          const same = v.original === v.value;
          if (!same && v.original === "\u0001") marker = true;
          out.push(v.prop, v.propType, v.value, same ? "\u0001" : v.original);
        }
      }
    }
  }
  const flat = out.join("\u0000");
  return !marker && flat.split("\u0000").length === out.length ? flat : "J" + JSON.stringify(b);
}

export function decodeBatch(flat: string): MappedBatch {
  if (flat.startsWith("J")) return JSON.parse(flat.slice(1)) as MappedBatch;
  const t = flat.split("\u0000");
  let i = 0;
  const bytesRead = Number(t[i++]);
  const bytesTotal = Number(t[i++]);
  const n = Number(t[i++]);
  const rows: MappedRow[] = new Array<MappedRow>(n);
  for (let k = 0; k < n; k++) {
    const r: MappedRow = { row: Number(t[i++]) };
    const sheet = t[i++]!;
    if (sheet !== "") r.sheet = sheet;
    const kind = t[i++];
    if (kind === "q") {
      r.problem = { column: t[i++]!, reason: t[i++]! };
      r.raw = JSON.parse(t[i++]!) as Record<string, string>;
    } else if (kind === "f") r.filtered = true;
    else {
      const ne = Number(t[i++]);
      const es: NonNullable<MappedRow["entities"]> = new Array(ne);
      for (let e = 0; e < ne; e++) {
        const id = t[i++]!;
        const schema = t[i++]!;
        const nv = Number(t[i++]);
        const values: MappedValue[] = new Array<MappedValue>(nv);
        for (let v = 0; v < nv; v++) {
          const prop = t[i++]!;
          const propType = t[i++]!;
          const value = t[i++]!;
          const original = t[i++]!;
          values[v] = { prop, propType, value, original: original === "\u0001" ? value : original };
        }
        es[e] = { id, schema, values };
      }
      r.entities = es;
    }
    rows[k] = r;
  }
  return { rows, bytesRead, bytesTotal };
}

function revive(e: { name: string; message: string; code?: string; location?: unknown; details?: unknown }): Error {
  if (e.name !== "VizierError" || !e.code) return new Error(e.message);
  const opts: { location?: ErrorLocation; details?: Record<string, unknown> } = {};
  if (e.location) opts.location = e.location as ErrorLocation;
  if (e.details) opts.details = e.details as Record<string, unknown>;
  return new VizierError(e.code as ErrorCode, e.message, opts);
}

/**
 * Maps in a worker thread (when the process enabled worker tasks; else in the calling thread).
 * Opt-in (`--threads 2`): on the project's 2-core VM the second thread did not make ingest faster
 * (docs/benchmarks/ingest-sqlite.md), since the writer's thread is the bottleneck and the two
 * threads slow each other down; on machines with cores to spare it overlaps parsing with writing.
 */
export function openMappedInWorker(opts: MappedSourceOptions): Promise<MappedSource> {
  if (workerThreads() < 2) return openMapped(opts);
  async function* steps(): AsyncGenerator<Step> {
    for await (const m of runStreamTask<Step | { flat: string }>(TASK, opts, revive)) {
      yield "flat" in m ? { batch: decodeBatch(m.flat) } : m;
    }
  }
  return fromSteps(steps());
}
