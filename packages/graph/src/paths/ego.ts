/**
 * Ego networks: the subgraph induced by the nodes within `radius` hops of a centre (networkx
 * `ego_graph`; directed graphs follow out-edges unless `undirected`).
 */
import type { Graph } from "../core/graph";
import { inducedSubgraph } from "../core/subgraph";
import { undirectedNeighbours } from "../core/undirected";

/** The ego network of `center`; `original` maps its nodes back to `g`. */
export function egoNetwork(g: Graph, center: number, radius = 1, opts: { undirected?: boolean } = {}): { graph: Graph; original: Int32Array } {
  const adj = opts.undirected ? undirectedNeighbours(g) : { offsets: g.outOffsets, targets: g.outTargets };
  const dist = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let head = 0, tail = 0;
  queue[tail++] = center; dist[center] = 0;
  while (head < tail) {
    const v = queue[head++] as number;
    if ((dist[v] as number) >= radius) continue;
    for (let p = adj.offsets[v] as number, e = adj.offsets[v + 1] as number; p < e; p++) {
      const w = adj.targets[p] as number;
      if (dist[w] === -1) { dist[w] = (dist[v] as number) + 1; queue[tail++] = w; }
    }
  }
  return inducedSubgraph(g, Uint8Array.from(dist, (d) => (d >= 0 ? 1 : 0)));
}
