/**
 * Comparison vectors: one level per field for each candidate pair (the hot loop).
 * Pairs reach records in random order, so chasing record → field → value objects costs several
 * cache misses per field. Values are therefore interned per field into dense ids first: equal ids
 * mean exact agreement without touching any object, distinct values sit close together, and for
 * low-cardinality fields the level of every value pair is memoised in a small table.
 */
import type { Prepared } from "./prepare";
import type { PVal } from "./normalize";
import type { ValueComparator } from "./compare";
import { comparatorFor, compareWith } from "./compare";
import type { FieldKind } from "./types";
import { defineTask, runTask, workerThreads } from "@vizier/model";

const NONE: PVal[] = [];
/** Fields with at most this many distinct values get a full value-pair memo (D² bytes). */
const MEMO_MAX_DISTINCT = 4096;

export interface FieldColumn {
  /** Dense id of each record's value; -1 missing; -2 several values (compared the slow way). */
  ids: Int32Array;
  distinct: PVal[];
  memo: Uint8Array | undefined;
}

const columnsCache = new WeakMap<Prepared, FieldColumn[]>();

/** Interned value columns of a prepared record set (built once, then cached). */
export function columnsOf(prep: Prepared): FieldColumn[] {
  const cached = columnsCache.get(prep);
  if (cached) return cached;
  const n = prep.records.length;
  const cols = prep.kinds.map((_, f) => {
    const ids = new Int32Array(n);
    const index = new Map<string, number>();
    const distinct: PVal[] = [];
    for (let i = 0; i < n; i++) {
      const vals = prep.values[i]?.[f] ?? NONE;
      if (vals.length === 0) ids[i] = -1;
      else if (vals.length > 1) ids[i] = -2;
      else {
        const v = vals[0] as PVal;
        let id = index.get(v.s);
        if (id === undefined) {
          id = distinct.length;
          index.set(v.s, id);
          distinct.push(v);
        }
        ids[i] = id;
      }
    }
    const memo = distinct.length <= MEMO_MAX_DISTINCT ? new Uint8Array(distinct.length * distinct.length) : undefined;
    return { ids, distinct, memo };
  });
  columnsCache.set(prep, cols);
  return cols;
}

/** Levels as a flat Uint8Array, pair p field f at p * F + f. */
export function comparisonVectors(prep: Prepared, pairs: Uint32Array): Uint8Array {
  return compareRange(prep.kinds, columnsOf(prep), (r, f) => prep.values[r]?.[f] ?? NONE, pairs);
}

/** What a comparison thread needs: the kinds, the interned columns, the multi-valued records' values. */
interface CompareJob {
  kinds: FieldKind[];
  cols: Array<{ ids: Int32Array; distinct: PVal[]; memoSize: number }>;
  /** Per field: record → values, for records with several values in that field (ids -2). */
  multi: Array<Map<number, PVal[]>>;
  pairs: Uint32Array;
}

defineTask<CompareJob>("er.compare", (job) => {
  const cols = job.cols.map((c) => ({ ids: c.ids, distinct: c.distinct, memo: c.memoSize ? new Uint8Array(c.memoSize) : undefined }));
  const out = compareRange(job.kinds, cols, (r, f) => job.multi[f]?.get(r) ?? NONE, job.pairs);
  return { result: out, transfer: [out.buffer as ArrayBuffer] };
});

/**
 * `comparisonVectors` over up to `threads` worker threads (when the entry enabled worker tasks,
 * see model/threads.ts), each comparing a contiguous share of the pairs with its own memo tables.
 * The levels are the same as on one thread: each pair's level depends only on its two records.
 */
export async function comparisonVectorsParallel(prep: Prepared, pairs: Uint32Array, threads = workerThreads()): Promise<Uint8Array> {
  const P = pairs.length / 2;
  const T = Math.min(Math.max(1, Math.floor(threads)), workerThreads(), Math.ceil(P / 100_000));
  if (T <= 1) return comparisonVectors(prep, pairs);
  const F = prep.kinds.length;
  const cols = columnsOf(prep);
  const multi = cols.map((c, f) => {
    const m = new Map<number, PVal[]>();
    for (let r = 0; r < c.ids.length; r++) if (c.ids[r] === -2) m.set(r, prep.values[r]?.[f] ?? NONE);
    return m;
  });
  const jobCols = cols.map((c) => ({ ids: c.ids, distinct: c.distinct, memoSize: c.memo ? c.memo.length : 0 }));
  const per = Math.ceil(P / T);
  const parts: Array<Promise<Uint8Array>> = [];
  for (let t = 0; t < T; t++) {
    const slice = pairs.slice(2 * t * per, 2 * Math.min(P, (t + 1) * per));
    const job: CompareJob = { kinds: [...prep.kinds], cols: jobCols, multi, pairs: slice };
    parts.push(runTask<Uint8Array>("er.compare", job, [slice.buffer]));
  }
  const out = new Uint8Array(P * F);
  let at = 0;
  for (const part of await Promise.all(parts)) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The hot loop: levels of pairs, field by field (one column's ids and values stay in cache). */
function compareRange(
  kinds: readonly FieldKind[], cols: readonly FieldColumn[], valuesOf: (record: number, field: number) => readonly PVal[], pairs: Uint32Array,
): Uint8Array {
  const F = kinds.length;
  const P = pairs.length / 2;
  const out = new Uint8Array(P * F);
  for (let f = 0; f < F; f++) {
    const { ids, distinct, memo } = cols[f] as FieldColumn;
    const cmp = comparatorFor(kinds[f] ?? "category") as ValueComparator;
    const D = distinct.length;
    for (let p = 0; p < P; p++) {
      const a = pairs[2 * p] as number;
      const b = pairs[2 * p + 1] as number;
      const ia = ids[a] as number;
      const ib = ids[b] as number;
      let level: number;
      if (ia === ib && ia >= 0) level = 1;
      else if (ia === -1 || ib === -1) level = 0;
      else if (ia === -2 || ib === -2) level = compareWith(cmp, valuesOf(a, f), valuesOf(b, f));
      else if (memo) {
        const k = ia < ib ? ia * D + ib : ib * D + ia;
        level = memo[k] as number;
        if (level === 0) {
          level = cmp(distinct[ia] as PVal, distinct[ib] as PVal);
          memo[k] = level;
        }
      } else level = cmp(distinct[ia] as PVal, distinct[ib] as PVal);
      out[p * F + f] = level;
    }
  }
  return out;
}
