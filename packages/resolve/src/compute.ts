/**
 * The pure core of a store resolution, for one group: records and judgements in, clusters, the
 * review queue and the model out. No I/O, so properties (judgements always win) are tested on it
 * directly; run.ts feeds it from the store.
 */
import { createHash } from "node:crypto";
import type { ReviewPair } from "@vizier/core";
import {
  explainPair, prepare, resolve, resolveIncremental, resolveParallel,
  type ErModel, type ErRecord, type FieldSpec, type Judgement, type Resolution, type ResolveOptions, type ScoredPair,
} from "@vizier/resolution";
import { fingerprint } from "./records";

/** Queued pairs kept per group and run (most uncertain first); the rest wait for the next run. */
export const MAX_QUEUE = 10_000;

export interface GroupInput {
  records: readonly ErRecord[];
  fields: readonly FieldSpec[];
  judgements: readonly Judgement[];
  threshold: number;
  /** Review band [low, high) of match probability. */
  band: readonly [number, number];
  /** Parameters held fixed (resumed or incremental runs); estimated when absent. */
  model?: ErModel | undefined;
  /** Incremental: the previous run's memberships of this view (entity → resolved id, fingerprint) and queue. */
  previous?: { members: ReadonlyMap<string, { resolvedId: string; fingerprint: string }>; review: readonly ReviewPair[] } | undefined;
  /** Key of the view, to derive pair ids. */
  view: string;
}

export interface GroupOutput {
  /** Entity id → engine cluster id (not yet the stable resolved id). */
  clusterOf: Map<string, string>;
  fingerprints: Map<string, string>;
  review: ReviewPair[];
  /** The model used (absent when the group had fewer than two records). */
  model?: ErModel | undefined;
  candidatePairs: number;
  conflicts: number;
  /** Entities compared in this run (all, or only the changed ones when incremental). */
  compared: number;
}

/** A queued pair's id: stable for the same two entities in the same view. */
export function pairId(view: string, left: string, right: string): string {
  return `p${createHash("sha256").update(`${view}\u0000${left}\u0000${right}`).digest("hex").slice(0, 16)}`;
}

/** Resolves one group, fully or incrementally. */
export function resolveGroup(input: GroupInput): GroupOutput {
  const fingerprints = new Map(input.records.map((r) => [r.id, fingerprint(r)]));
  return shortcut(input, fingerprints) ?? full(input, fingerprints, resolve(input.records, resolveOptions(input)));
}

/**
 * `resolveGroup` with the comparison pass over worker threads where the entry enabled them
 * (model/threads.ts); the same result.
 */
export async function resolveGroupParallel(input: GroupInput): Promise<GroupOutput> {
  const fingerprints = new Map(input.records.map((r) => [r.id, fingerprint(r)]));
  return shortcut(input, fingerprints) ?? full(input, fingerprints, await resolveParallel(input.records, resolveOptions(input)));
}

function resolveOptions(input: GroupInput): ResolveOptions {
  return { fields: [...input.fields], threshold: input.threshold, judgements: input.judgements, ...(input.model ? { model: input.model } : {}) };
}

/** Groups too small to compare, and incremental runs (which compare only the changed records). */
function shortcut(input: GroupInput, fingerprints: Map<string, string>): GroupOutput | undefined {
  const prev = input.previous;
  if (input.records.length < 2) {
    const clusterOf = new Map(input.records.map((r) => [r.id, `single:${r.id}`]));
    const compared = input.records.filter((r) => prev?.members.get(r.id)?.fingerprint !== fingerprints.get(r.id)).length;
    return { clusterOf, fingerprints, review: [], model: input.model, candidatePairs: 0, conflicts: 0, compared };
  }
  if (prev && input.model) return incremental(input, prev, input.model, fingerprints);
  return undefined;
}

function full(input: GroupInput, fingerprints: Map<string, string>, res: Resolution): GroupOutput {
  return output(input, res, fingerprints, res.pairs, [], input.records.length);
}

function incremental(
  input: GroupInput, prev: NonNullable<GroupInput["previous"]>, model: ErModel, fingerprints: Map<string, string>,
): GroupOutput {
  const unchanged = input.records.filter((r) => prev.members.get(r.id)?.fingerprint === fingerprints.get(r.id));
  const unchangedIds = new Set(unchanged.map((r) => r.id));
  const added = input.records.filter((r) => !unchangedIds.has(r.id));
  // The previous clusters enter as links of certainty among their unchanged members (a star on
  // each cluster's first member); rejected pairs still split them, confirmed pairs still join.
  const prep = prepare(unchanged, model.fields);
  const links: ScoredPair[] = [];
  const hub = new Map<string, number>();
  prep.records.forEach((r, i) => {
    const rid = prev.members.get(r.id)?.resolvedId ?? r.id;
    const h = hub.get(rid);
    if (h === undefined) hub.set(rid, i);
    else links.push({ a: h, b: i, matchWeight: 64, probability: 1 });
  });
  const base: Resolution = {
    prepared: prep, model, candidates: new Uint32Array(0), pairs: links, clusterOf: [], threshold: input.threshold, conflicts: [],
    stats: { records: unchanged.length, candidatePairs: 0, millis: { block: 0, compare: 0, estimate: 0, cluster: 0 } },
  };
  const res = resolveIncremental(base, added, { judgements: input.judgements });
  const fresh = res.pairs.slice(0, res.pairs.length - links.length);
  const kept = prev.review.filter((p) => unchangedIds.has(p.left) && unchangedIds.has(p.right));
  return output(input, res, fingerprints, fresh, kept, added.length);
}

function output(
  input: GroupInput, res: Resolution, fingerprints: Map<string, string>, scored: readonly ScoredPair[], keptReview: readonly ReviewPair[], compared: number,
): GroupOutput {
  const clusterOf = new Map<string, string>();
  res.prepared.records.forEach((r, i) => clusterOf.set(r.id, res.clusterOf[i] ?? ""));
  const judged = new Set(input.judgements.map((j) => pairKey(j.left.id, j.right.id)));
  const [low, high] = input.band;
  const band = scored.filter((p) => p.probability >= low && p.probability < high)
    .sort((p, q) => Math.abs(p.matchWeight) - Math.abs(q.matchWeight))
    .slice(0, Math.max(0, MAX_QUEUE - keptReview.length));
  const review: ReviewPair[] = keptReview.map((p) => ({ ...p, status: judged.has(pairKey(p.left, p.right)) ? "judged" : "open" }));
  for (const p of band) {
    const a = res.prepared.records[p.a]?.id ?? "";
    const b = res.prepared.records[p.b]?.id ?? "";
    const [left, right] = a < b ? [a, b] : [b, a];
    const explanation = explainPair(res.prepared, res.model, p.a, p.b);
    review.push({
      id: pairId(input.view, left, right), left, right, probability: p.probability, matchWeight: p.matchWeight,
      explanation: JSON.stringify(explanation), status: judged.has(pairKey(left, right)) ? "judged" : "open",
    });
  }
  return { clusterOf, fingerprints, review, model: res.model, candidatePairs: res.stats.candidatePairs, conflicts: res.conflicts.length, compared };
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
