/**
 * Building a CSR graph from edge arrays. Repeated pairs keep the position of their first
 * appearance and the weight of their last (networkx `add_edge` semantics); self-loops are dropped
 * (none of the metrics here define them the same way across peer libraries).
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "./graph";

/** Edges as parallel arrays of internal node numbers; `weights` defaults to 1. */
export interface EdgeArrays {
  readonly ids: readonly string[];
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly weights?: Float64Array | undefined;
}

export interface BuildOptions {
  directed?: boolean;
}

/** Builds the CSR graph; O(n + m). */
export function buildGraph(edges: EdgeArrays, opts: BuildOptions = {}): Graph {
  const directed = opts.directed ?? false;
  const n = edges.ids.length;
  const { sources, targets, weights } = edges;
  const k = sources.length;
  if (targets.length !== k || (weights && weights.length !== k)) {
    throw new VizierError("INVALID_ARGUMENT", "edge arrays differ in length");
  }
  for (let e = 0; e < k; e++) {
    const u = sources[e] as number;
    const v = targets[e] as number;
    if (!(u >= 0 && u < n && v >= 0 && v < n)) throw new VizierError("INVALID_ARGUMENT", `edge ${e} refers to a node outside 0..${n - 1}`);
    if (weights && !Number.isFinite(weights[e] as number)) throw new VizierError("INVALID_ARGUMENT", `edge ${e} has a non-finite weight`);
  }
  if (directed) {
    const out = rows(n, sources, targets, weights, false);
    const inn = rows(n, targets, sources, weights, false);
    return { n, m: out.targets.length, directed, ids: edges.ids, outOffsets: out.offsets, outTargets: out.targets, outWeights: out.weights, inOffsets: inn.offsets, inTargets: inn.targets, inWeights: inn.weights };
  }
  const both = rows(n, sources, targets, weights, true);
  return { n, m: both.targets.length / 2, directed, ids: edges.ids, outOffsets: both.offsets, outTargets: both.targets, outWeights: both.weights, inOffsets: both.offsets, inTargets: both.targets, inWeights: both.weights };
}

interface Rows { offsets: Int32Array; targets: Int32Array; weights: Float64Array }

/** Fills rows in input order, then removes repeated neighbours in place (last weight wins). */
function rows(n: number, from: Int32Array, to: Int32Array, w: Float64Array | undefined, symmetric: boolean): Rows {
  const k = from.length;
  const count = new Int32Array(n + 1);
  for (let e = 0; e < k; e++) {
    const u = from[e] as number;
    const v = to[e] as number;
    if (u === v) continue;
    count[u + 1] = (count[u + 1] as number) + 1;
    if (symmetric) count[v + 1] = (count[v + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
  const total = count[n] as number;
  const tg = new Int32Array(total);
  const wt = new Float64Array(total);
  const pos = count.slice(0, n);
  for (let e = 0; e < k; e++) {
    const u = from[e] as number;
    const v = to[e] as number;
    if (u === v) continue;
    const x = w ? (w[e] as number) : 1;
    let p = pos[u] as number;
    pos[u] = p + 1;
    tg[p] = v; wt[p] = x;
    if (symmetric) { p = pos[v] as number; pos[v] = p + 1; tg[p] = u; wt[p] = x; }
  }
  // Deduplicate each row: `mark[t] === u` means t already seen in row u at `where[t]`.
  const mark = new Int32Array(n).fill(-1);
  const where = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  let write = 0;
  for (let u = 0; u < n; u++) {
    const start = write;
    for (let p = count[u] as number, end = count[u + 1] as number; p < end; p++) {
      const t = tg[p] as number;
      if (mark[t] === u) { wt[where[t] as number] = wt[p] as number; continue; }
      mark[t] = u; where[t] = write;
      tg[write] = t; wt[write] = wt[p] as number; write++;
    }
    offsets[u] = start;
  }
  offsets[n] = write;
  return write === total ? { offsets, targets: tg, weights: wt } : { offsets, targets: tg.slice(0, write), weights: wt.slice(0, write) };
}
