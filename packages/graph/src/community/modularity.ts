/**
 * Modularity (M. E. J. Newman & M. Girvan 2004, "Finding and evaluating community structure in
 * networks", PRE 69:026113; with resolution γ, J. Reichardt & S. Bornholdt 2006):
 * Q = Σ_c [ L_c/m − γ (d_c / 2m)² ] on the undirected view, as networkx's `modularity`.
 */
import type { Graph } from "../core/graph";
import { toWGraph } from "./wgraph";
import type { WGraph } from "./wgraph";

/** Modularity of a partition given as one community label per node. */
export function modularity(g: Graph, membership: ArrayLike<number>, opts: { weighted?: boolean; resolution?: number } = {}): number {
  return modularityW(toWGraph(g, opts.weighted ?? false), membership, opts.resolution ?? 1);
}

/** Modularity on the multilevel graph representation. */
export function modularityW(g: WGraph, membership: ArrayLike<number>, resolution: number): number {
  if (g.m2 === 0) return 0;
  let max = 0;
  for (let v = 0; v < g.n; v++) max = Math.max(max, membership[v] as number);
  const inner = new Float64Array(max + 1);
  const tot = new Float64Array(max + 1);
  for (let v = 0; v < g.n; v++) {
    const c = membership[v] as number;
    tot[c] = (tot[c] as number) + (g.k[v] as number);
    inner[c] = (inner[c] as number) + (g.loop[v] as number);
    for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
      if (membership[g.targets[p] as number] === c) inner[c] = (inner[c] as number) + (g.weights[p] as number);
    }
  }
  let q = 0;
  for (let c = 0; c <= max; c++) {
    const t = (tot[c] as number) / g.m2;
    q += (inner[c] as number) / g.m2 - resolution * t * t;
  }
  return q;
}
