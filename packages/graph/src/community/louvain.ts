/**
 * Louvain community detection (V. D. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. P10008): repeated local moving
 * of nodes to the neighbouring community with the best modularity gain (queue-based, see
 * local-moving.ts), then aggregation. The first sweep's node order is a seeded random permutation,
 * so results are reproducible per seed.
 */
import type { Graph } from "../core/graph";
import { mulberry32 } from "../core/random";
import { aggregate, renumber, toWGraph } from "./wgraph";
import { moveNodesFast } from "./local-moving";
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
    const moved = moveNodesFast(level, comm, gamma, rng, false);
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
