/**
 * The resolution pipeline: prepare → block → compare → estimate (unless a model is given) → score
 * → cluster under judgements. Pure: records and judgements in, clusters and pairs out; the
 * caller persists whatever it wants (model JSON, pairs, judgements).
 */
import type { ErModel, ErRecord, FieldSpec, Judgement, PairExplanation, ScoredPair } from "./types";
import type { Prepared } from "./prepare";
import type { BlockingOptions } from "./blocking";
import { prepare, recordKey } from "./prepare";
import { DEFAULT_BLOCKING, allPairs, candidatePairs, recordKeys } from "./blocking";
import { comparisonVectors, comparisonVectorsParallel } from "./vectors";
import { DEFAULT_ESTIMATE, estimateModel } from "./model";
import { explainPair, scorePairs } from "./score";
import { cluster } from "./cluster";
import { effectiveJudgements } from "./judgements";

export const DEFAULT_THRESHOLD = 0.9;

/** Scored pairs below this probability are not kept: they never link and are too weak to review. */
export const KEEP_PROBABILITY = 0.01;

export interface ResolveOptions {
  fields: FieldSpec[];
  /** Match probability at or above which pairs link records (default 0.9). */
  threshold?: number;
  /** A previously estimated model; when given, nothing is estimated (parameters held fixed). */
  model?: ErModel;
  judgements?: readonly Judgement[];
  blocking?: BlockingOptions;
  uSampleSize?: number;
}

export interface Resolution {
  prepared: Prepared;
  model: ErModel;
  /** Candidate pairs from blocking, flat [a0, b0, a1, b1, …] (indices into prepared.records). */
  candidates: Uint32Array;
  /** Scored candidate pairs with probability ≥ KEEP_PROBABILITY (indices into prepared.records). */
  pairs: ScoredPair[];
  /** Entity id per record, in prepared.records order. */
  clusterOf: string[];
  threshold: number;
  /** Judgement pairs that contradict each other through confirms (confirms win). */
  conflicts: Judgement[];
  stats: { records: number; candidatePairs: number; millis: { block: number; compare: number; estimate: number; cluster: number } };
}

/** Candidate pairs of prepared records, plus the judged pairs so judgements are always seen. */
export function candidatesOf(prep: Prepared, blocking: BlockingOptions, extra: readonly (readonly [number, number])[] = []): Uint32Array {
  const n0 = prep.records.length;
  // Small inputs are compared exhaustively: no need to compute blocking keys at all.
  const base = (n0 * (n0 - 1)) / 2 <= blocking.allPairsUpTo ? allPairs(n0) : candidatePairs(prep.values.map((v) => recordKeys(prep.kinds, v)), blocking);
  if (extra.length === 0) return base;
  const seen = new Set<number>();
  const n = prep.records.length;
  for (let p = 0; p < base.length; p += 2) seen.add((base[p] ?? 0) * n + (base[p + 1] ?? 0));
  const add: number[] = [];
  for (const [x, y] of extra) {
    const [a, b] = x < y ? [x, y] : [y, x];
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    add.push(a, b);
  }
  const out = new Uint32Array(base.length + add.length);
  out.set(base);
  out.set(add, base.length);
  return out;
}

/** Resolves records into entities. */
export function resolve(records: readonly ErRecord[], opts: ResolveOptions): Resolution {
  const c = candidates(records, opts);
  return finish(c, opts, comparisonVectors(c.prep, c.pairs), performance.now());
}

/**
 * `resolve` with the comparison pass spread over worker threads where the entry enabled them
 * (model/threads.ts); the same result as `resolve` for the same input.
 */
export async function resolveParallel(records: readonly ErRecord[], opts: ResolveOptions & { threads?: number }): Promise<Resolution> {
  const c = candidates(records, opts);
  const vectors = await comparisonVectorsParallel(c.prep, c.pairs, opts.threads);
  return finish(c, opts, vectors, performance.now());
}

interface Candidates {
  t0: number;
  t1: number;
  prep: Prepared;
  judged: ReturnType<typeof effectiveJudgements>;
  pairs: Uint32Array;
}

function candidates(records: readonly ErRecord[], opts: ResolveOptions): Candidates {
  const t0 = performance.now();
  const prep = prepare(records, opts.fields);
  const index = new Map(prep.keys.map((k, i) => [k, i]));
  const judged = effectiveJudgements(opts.judgements ?? [], index);
  const pairs = candidatesOf(prep, opts.blocking ?? DEFAULT_BLOCKING, [...judged.confirms, ...judged.rejects]);
  return { t0, t1: performance.now(), prep, judged, pairs };
}

function finish({ t0, t1, prep, judged, pairs }: Candidates, opts: ResolveOptions, vectors: Uint8Array, t2: number): Resolution {
  let model = opts.model;
  if (!model) {
    const clamps = new Map<number, number>();
    const n = prep.records.length;
    const decided = new Map<number, number>();
    for (const [a, b] of judged.confirms) decided.set(Math.min(a, b) * n + Math.max(a, b), 1);
    for (const [a, b] of judged.rejects) decided.set(Math.min(a, b) * n + Math.max(a, b), 0);
    if (decided.size > 0) {
      for (let p = 0; p < pairs.length / 2; p++) {
        const d = decided.get((pairs[2 * p] ?? 0) * n + (pairs[2 * p + 1] ?? 0));
        if (d !== undefined) clamps.set(p, d);
      }
    }
    model = estimateModel(prep, opts.fields, pairs, vectors, { ...DEFAULT_ESTIMATE, uSampleSize: opts.uSampleSize ?? DEFAULT_ESTIMATE.uSampleSize, clamps });
  }
  const scored = scorePairs(prep, model, pairs, vectors, KEEP_PROBABILITY);
  const t3 = performance.now();
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const c = cluster({ keys: prep.keys, pairs: scored, threshold, confirms: judged.confirms, rejects: judged.rejects });
  const t4 = performance.now();
  return {
    prepared: prep,
    model,
    candidates: pairs,
    pairs: scored,
    clusterOf: c.clusterOf,
    threshold,
    conflicts: c.conflicts.map(([a, b]) => judged.byPair.get(Math.min(a, b) * prep.records.length + Math.max(a, b))).filter((j): j is Judgement => j !== undefined),
    stats: {
      records: prep.records.length,
      candidatePairs: pairs.length / 2,
      millis: { block: t1 - t0, compare: t2 - t1, estimate: t3 - t2, cluster: t4 - t3 },
    },
  };
}

/** Explanation of any two records of a resolution (they need not have been candidates). */
export function explain(res: Resolution, left: { source: string; id: string }, right: { source: string; id: string }): PairExplanation | undefined {
  const a = res.prepared.keys.indexOf(recordKey(left));
  const b = res.prepared.keys.indexOf(recordKey(right));
  if (a < 0 || b < 0) return undefined;
  return explainPair(res.prepared, res.model, a, b);
}

/** Pairs whose probability falls in [low, high): the analyst's review queue, most uncertain first. */
export function reviewQueue(res: Resolution, low: number, high: number = res.threshold): ScoredPair[] {
  return res.pairs
    .filter((p) => p.probability >= low && p.probability < high)
    .sort((p, q) => Math.abs(p.matchWeight) - Math.abs(q.matchWeight));
}

/**
 * Incremental resolution: new records are compared only with each other and with the existing
 * records they share blocking keys with; existing pairs keep their scores, the model stays fixed.
 * Only clustering (cheap, linear in the pairs) is redone.
 */
export function resolveIncremental(prev: Resolution, added: readonly ErRecord[], opts: { judgements?: readonly Judgement[]; blocking?: BlockingOptions } = {}): Resolution {
  const t0 = performance.now();
  const fields = prev.model.fields.map((f) => ({ name: f.name, kind: f.kind }));
  const prep = prepare([...prev.prepared.records, ...added], fields);
  const index = new Map(prep.keys.map((k, i) => [k, i]));
  const isNew = new Uint8Array(prep.records.length);
  for (const r of added) isNew[index.get(recordKey(r)) ?? 0] = 1;
  const judged = effectiveJudgements(opts.judgements ?? [], index);
  const all = candidatesOf(prep, opts.blocking ?? DEFAULT_BLOCKING, [...judged.confirms, ...judged.rejects]);
  const fresh: number[] = [];
  for (let p = 0; p < all.length; p += 2) if (isNew[all[p] ?? 0] || isNew[all[p + 1] ?? 0]) fresh.push(all[p] ?? 0, all[p + 1] ?? 0);
  const pairs = Uint32Array.from(fresh);
  const t1 = performance.now();
  const vectors = comparisonVectors(prep, pairs);
  const t2 = performance.now();
  const scored = scorePairs(prep, prev.model, pairs, vectors, KEEP_PROBABILITY);
  for (const p of prev.pairs) {
    const a = index.get(prev.prepared.keys[p.a] ?? "");
    const b = index.get(prev.prepared.keys[p.b] ?? "");
    if (a !== undefined && b !== undefined) scored.push({ ...p, a: Math.min(a, b), b: Math.max(a, b) });
  }
  const t3 = performance.now();
  const c = cluster({ keys: prep.keys, pairs: scored, threshold: prev.threshold, confirms: judged.confirms, rejects: judged.rejects });
  const t4 = performance.now();
  return {
    prepared: prep,
    model: prev.model,
    candidates: pairs,
    pairs: scored,
    clusterOf: c.clusterOf,
    threshold: prev.threshold,
    conflicts: c.conflicts.map(([a, b]) => judged.byPair.get(Math.min(a, b) * prep.records.length + Math.max(a, b))).filter((j): j is Judgement => j !== undefined),
    stats: { records: prep.records.length, candidatePairs: pairs.length / 2, millis: { block: t1 - t0, compare: t2 - t1, estimate: t3 - t2, cluster: t4 - t3 } },
  };
}
