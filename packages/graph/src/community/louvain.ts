/**
 * Louvain community detection (V. D. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008): repeated local moving
 * of nodes to the neighbouring community with the best modularity gain, then aggregation. Node
 * order within a pass is a seeded random permutation, so results are reproducible per seed.
 */
import type { Graph } from "../core/graph";
import { mulberry32, permutation } from "../core/random";
import type { Rng } from "../core/random";
import { aggregate, renumber, toWGraph } from "./wgraph";
import type { WGraph } from "./wgraph";
import { modularityW } from "./modularity";

export interface CommunityOptions {
  weighted?: boolean;
  resolution?: number;
  seed?: number;
  /** Minimum modularity gain for a level to count (networkx's `threshold`, default 1e-7). */
  threshold?: number;
  maxLevels?: number;
}

export interface CommunityResult {
  /** Community label per node, 0..count−1 in order of first node. */
  membership: Int32Array;
  count: number;
  modularity: number;
}

/** Louvain communities and their modularity. */
export function louvain(g: Graph, opts: CommunityOptions = {}): CommunityResult {
  const gamma = opts.resolution ?? 1;
  const rng = mulberry32(opts.seed ?? 0);
  const base = toWGraph(g, opts.weighted ?? false);
  const membership = Int32Array.from({ length: g.n }, (_, i) => i);
  let level = base;
  let q = modularityW(base, membership, gamma);
  for (let l = 0; l < (opts.maxLevels ?? 100); l++) {
    const comm = Int32Array.from({ length: level.n }, (_, i) => i);
    const moved = localMoving(level, comm, gamma, rng);
    if (!moved) break;
    const count = renumber(comm);
    const next = new Int32Array(g.n);
    for (let v = 0; v < g.n; v++) next[v] = comm[membership[v] as number] as number;
    const q2 = modularityW(base, next, gamma);
    if (q2 - q <= (opts.threshold ?? 1e-7)) break;
    membership.set(next);
    q = q2;
    level = aggregate(level, comm, count);
  }
  const count = renumber(membership);
  return { membership, count, modularity: modularityW(base, membership, gamma) };
}

/** One Louvain moving phase; true when any node changed community. */
export function localMoving(g: WGraph, comm: Int32Array, gamma: number, rng: Rng): boolean {
  const n = g.n;
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) tot[comm[v] as number] = (tot[comm[v] as number] as number) + (g.k[v] as number);
  const neighW = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const order = permutation(n, rng);
  let any = false;
  for (let pass = 0; pass < 1000; pass++) {
    let moves = 0;
    for (let oi = 0; oi < n; oi++) {
      const v = order[oi] as number;
      const cv = comm[v] as number;
      const kv = g.k[v] as number;
      let nt = 0;
      neighW[cv] = 0; touched[nt++] = cv;
      for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
        const c = comm[g.targets[p] as number] as number;
        if (neighW[c] === -1) { neighW[c] = 0; touched[nt++] = c; }
        neighW[c] = (neighW[c] as number) + (g.weights[p] as number);
      }
      tot[cv] = (tot[cv] as number) - kv;
      let best = cv;
      let bestGain = (neighW[cv] as number) - (gamma * (tot[cv] as number) * kv) / g.m2;
      for (let i = 0; i < nt; i++) {
        const c = touched[i] as number;
        const gain = (neighW[c] as number) - (gamma * (tot[c] as number) * kv) / g.m2;
        if (gain > bestGain + 1e-12 * Math.abs(bestGain)) { bestGain = gain; best = c; }
        neighW[c] = -1;
      }
      tot[best] = (tot[best] as number) + kv;
      if (best !== cv) { comm[v] = best; moves++; }
    }
    if (moves === 0) break;
    any = true;
  }
  return any;
}
