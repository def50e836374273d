/**
 * Local clustering coefficient (D. J. Watts & S. H. Strogatz 1998, "Collective dynamics of
 * 'small-world' networks", Nature 393:440–442), average clustering and transitivity. Like
 * networkx's `clustering`, directed graphs use Fagiolo's directed triangles and `weighted` the
 * geometric mean of normalised weights (clustering-general.ts); transitivity is defined on the
 * undirected simple graph (networkx does not implement it for directed graphs). Triangles are
 * counted by marking the neighbours of each node (O(Σ d²) worst case, fast on sparse graphs).
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";
import { directedClustering, undirectedClustering } from "./clustering-general";

export interface ClusteringOptions {
  /** Weighted clustering (Onnela et al. 2005; directed: Fagiolo 2007) as networkx's `weight=`. */
  weighted?: boolean;
}

/** Triangles through each node, and each node's (undirected) degree. */
export function triangles(g: Graph): { tri: Float64Array; deg: Int32Array } {
  const u = undirectedNeighbours(g);
  const n = g.n;
  const tri = new Float64Array(n);
  const deg = new Int32Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const s = u.offsets[v] as number, e = u.offsets[v + 1] as number;
    deg[v] = e - s;
    for (let p = s; p < e; p++) mark[u.targets[p] as number] = v;
    let t = 0;
    for (let p = s; p < e; p++) {
      const w = u.targets[p] as number;
      for (let q = u.offsets[w] as number, f = u.offsets[w + 1] as number; q < f; q++) if (mark[u.targets[q] as number] === v) t++;
    }
    tri[v] = t / 2;
  }
  return { tri, deg };
}

/** networkx `clustering`: unweighted or weighted; Fagiolo's definition on directed graphs. */
export function clustering(g: Graph, opts: ClusteringOptions = {}): Float64Array {
  if (g.directed) return directedClustering(g, opts.weighted ?? false);
  if (opts.weighted) return undirectedClustering(g, true);
  const { tri, deg } = triangles(g);
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    const d = deg[v] as number;
    out[v] = d < 2 ? 0 : (2 * (tri[v] as number)) / (d * (d - 1));
  }
  return out;
}

/** Mean local clustering over all nodes, zeros included (networkx `average_clustering`). */
export function averageClustering(g: Graph, opts: ClusteringOptions = {}): number {
  if (g.n === 0) return 0;
  const c = clustering(g, opts);
  let s = 0;
  for (let v = 0; v < g.n; v++) s += c[v] as number;
  return s / g.n;
}

/** 3 × triangles / connected triples (networkx `transitivity`). */
export function transitivity(g: Graph): number {
  const { tri, deg } = triangles(g);
  let t = 0, triples = 0;
  for (let v = 0; v < g.n; v++) { t += tri[v] as number; const d = deg[v] as number; triples += d * (d - 1); }
  return triples === 0 ? 0 : (2 * t) / triples;
}
