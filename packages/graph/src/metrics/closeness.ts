/**
 * Closeness (A. Bavelas 1950; with the Wasserman–Faust 1994 correction for disconnected graphs,
 * as networkx's default `wf_improved=True`) and harmonic centrality (M. Marchiori & V. Latora 2000,
 * "Harmony in the small-world", Physica A 285; P. Boldi & S. Vigna 2014, "Axioms for centrality").
 * Directed graphs use incoming distances, as networkx.
 */
import type { Graph } from "../core/graph";
import { ShortestPaths } from "../paths/sssp";
import { edgeLengths } from "../paths/lengths";
import type { WeightMode } from "../paths/lengths";

export interface ClosenessOptions {
  weights?: WeightMode;
  /** Wasserman–Faust scaling by the reachable fraction (default true, as networkx). */
  wfImproved?: boolean;
}

/** networkx `closeness_centrality`. */
export function closeness(g: Graph, opts: ClosenessOptions = {}): Float64Array {
  const sp = new ShortestPaths(g.inOffsets, g.inTargets, edgeLengths(g.inWeights, opts.weights ?? "none"));
  const out = new Float64Array(g.n);
  const wf = opts.wfImproved ?? true;
  for (let v = 0; v < g.n; v++) {
    sp.run(v);
    let tot = 0;
    for (let i = 0; i < sp.count; i++) tot += sp.dist[sp.order[i] as number] as number;
    if (tot > 0 && g.n > 1) {
      let c = (sp.count - 1) / tot;
      if (wf) c *= (sp.count - 1) / (g.n - 1);
      out[v] = c;
    }
  }
  return out;
}

/** networkx `harmonic_centrality`: sum of 1/d over the other nodes (unnormalised). */
export function harmonic(g: Graph, opts: { weights?: WeightMode } = {}): Float64Array {
  const sp = new ShortestPaths(g.inOffsets, g.inTargets, edgeLengths(g.inWeights, opts.weights ?? "none"));
  const out = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    sp.run(v);
    let h = 0;
    for (let i = 0; i < sp.count; i++) {
      const d = sp.dist[sp.order[i] as number] as number;
      if (d > 0) h += 1 / d;
    }
    out[v] = h;
  }
  return out;
}
