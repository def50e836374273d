/**
 * Collective influence (F. Morone & H. A. Makse 2015, "Influence maximization in complex networks
 * through optimal percolation", Nature 524:65–68): CI_ℓ(i) = (k_i − 1)·Σ_{j ∈ ∂Ball(i, ℓ)} (k_j − 1),
 * the sum running over the nodes at distance exactly ℓ. ℓ = 1 (the default) is the variant used by
 * Cavallaro et al. 2020. Weighted: strength replaces degree, as in their code. Direction is ignored.
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";

export interface CollectiveInfluenceOptions {
  radius?: number;
  weighted?: boolean;
}

/** Collective influence of every node. */
export function collectiveInfluence(g: Graph, opts: CollectiveInfluenceOptions = {}): Float64Array {
  const adj = undirectedNeighbours(g);
  const n = g.n;
  const radius = opts.radius ?? 1;
  const k = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    if (opts.weighted) {
      let s = 0;
      for (let p = adj.offsets[v] as number, e = adj.offsets[v + 1] as number; p < e; p++) s += adj.weights[p] as number;
      k[v] = s;
    } else k[v] = (adj.offsets[v + 1] as number) - (adj.offsets[v] as number);
  }
  const out = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let head = 0, tail = 0;
    queue[tail++] = i; dist[i] = 0;
    let sum = 0;
    while (head < tail) {
      const v = queue[head++] as number;
      const dv = dist[v] as number;
      if (dv === radius) { sum += (k[v] as number) - 1; continue; }
      for (let p = adj.offsets[v] as number, e = adj.offsets[v + 1] as number; p < e; p++) {
        const w = adj.targets[p] as number;
        if (dist[w] === -1) { dist[w] = dv + 1; queue[tail++] = w; }
      }
    }
    for (let j = 0; j < tail; j++) dist[queue[j] as number] = -1;
    out[i] = ((k[i] as number) - 1) * sum;
  }
  return out;
}
