/** The undirected view of a graph: for directed graphs, the union of in- and out-neighbours. */
import type { Graph } from "./graph";

export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

const cache = new WeakMap<Graph, Adjacency>();
const unitCache = new WeakMap<Graph, Adjacency>();

/**
 * Neighbour lists ignoring direction; a reciprocal pair appears once with its weights summed, or,
 * with `unit`, with the number of arcs between the pair (1 or 2) — the unweighted mutual weight.
 */
export function undirectedNeighbours(g: Graph, unit = false): Adjacency {
  if (!g.directed) return { offsets: g.outOffsets, targets: g.outTargets, weights: unit ? new Float64Array(g.outTargets.length).fill(1) : g.outWeights };
  const store = unit ? unitCache : cache;
  const hit = store.get(g);
  if (hit) return hit;
  const n = g.n;
  const offsets = new Int32Array(n + 1);
  const tmpT = new Int32Array(g.outTargets.length + g.inTargets.length);
  const tmpW = new Float64Array(tmpT.length);
  const mark = new Int32Array(n).fill(-1);
  const where = new Int32Array(n);
  let w = 0;
  for (let v = 0; v < n; v++) {
    offsets[v] = w;
    for (const [off, tg, wt] of [[g.outOffsets, g.outTargets, g.outWeights], [g.inOffsets, g.inTargets, g.inWeights]] as const) {
      for (let p = off[v] as number, e = off[v + 1] as number; p < e; p++) {
        const t = tg[p] as number;
        const x = unit ? 1 : (wt[p] as number);
        if (mark[t] === v) { tmpW[where[t] as number] = (tmpW[where[t] as number] as number) + x; continue; }
        mark[t] = v; where[t] = w; tmpT[w] = t; tmpW[w] = x; w++;
      }
    }
  }
  offsets[n] = w;
  const adj = { offsets, targets: tmpT.slice(0, w), weights: tmpW.slice(0, w) };
  store.set(g, adj);
  return adj;
}
