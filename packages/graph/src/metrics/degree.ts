/**
 * Degree and strength (L. C. Freeman 1978, "Centrality in social networks: conceptual
 * clarification", Social Networks 1:215–239). Degree centrality is normalised by n−1 as networkx's
 * `degree_centrality`; for directed graphs "degree" is in + out, as networkx.
 */
import type { Graph } from "../core/graph";

export type Direction = "all" | "in" | "out";

/** Number of neighbours (in, out or both); raw counts. */
export function degree(g: Graph, direction: Direction = "all"): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    const o = (g.outOffsets[v + 1] as number) - (g.outOffsets[v] as number);
    const i = (g.inOffsets[v + 1] as number) - (g.inOffsets[v] as number);
    out[v] = !g.directed ? o : direction === "out" ? o : direction === "in" ? i : o + i;
  }
  return out;
}

/** Degree divided by n−1 (networkx `degree_centrality`, `in_degree_centrality`, …). */
export function degreeCentrality(g: Graph, direction: Direction = "all"): Float64Array {
  const d = degree(g, direction);
  const s = g.n > 1 ? 1 / (g.n - 1) : 1;
  for (let v = 0; v < g.n; v++) d[v] = (d[v] as number) * s;
  return d;
}

/** Sum of incident edge weights (networkx `G.degree(weight="weight")`). */
export function strength(g: Graph, direction: Direction = "all"): Float64Array {
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    let so = 0, si = 0;
    for (let p = g.outOffsets[v] as number, e = g.outOffsets[v + 1] as number; p < e; p++) so += g.outWeights[p] as number;
    if (g.directed) for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) si += g.inWeights[p] as number;
    out[v] = !g.directed ? so : direction === "out" ? so : direction === "in" ? si : so + si;
  }
  return out;
}
