/** `vizier graph metrics`: one node-level metric per run, as `node,value`. */
import {
  betweenness, closeness, clustering, collectiveInfluence, constraint, coreNumber, cutStructure, degree,
  degreeCentrality, eigenvector, harmonic, katz, pagerank, strength, strongComponents, weakComponents,
} from "@vizier/graph";
import type { Graph, WeightMode } from "@vizier/graph";

export const METRICS = [
  "degree", "in-degree", "out-degree", "degree-centrality", "strength", "betweenness", "closeness", "harmonic",
  "eigenvector", "katz", "pagerank", "kcore", "clustering", "components", "strong-components",
  "collective-influence", "constraint", "articulation",
] as const;
export type MetricName = (typeof METRICS)[number];

export interface MetricOptions {
  weights: WeightMode;
  samples?: number;
  seed?: number;
  alpha?: number;
  radius?: number;
}

/** Computes a metric; `weights` decides path lengths, and "any weighting" for the others. */
export function computeMetric(g: Graph, name: MetricName, o: MetricOptions): Float64Array {
  const weighted = o.weights !== "none";
  switch (name) {
    case "degree": return degree(g);
    case "in-degree": return degree(g, "in");
    case "out-degree": return degree(g, "out");
    case "degree-centrality": return degreeCentrality(g);
    case "strength": return strength(g);
    case "betweenness": return betweenness(g, { weights: o.weights, ...(o.samples === undefined ? {} : { samples: o.samples, seed: o.seed ?? 0 }) });
    case "closeness": return closeness(g, { weights: o.weights });
    case "harmonic": return harmonic(g, { weights: o.weights });
    case "eigenvector": return eigenvector(g, { weighted });
    case "katz": return katz(g, { weighted, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) });
    case "pagerank": return pagerank(g, { weighted, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) });
    case "kcore": return coreNumber(g);
    case "clustering": return clustering(g, { weighted });
    case "components": return Float64Array.from(weakComponents(g).id);
    case "strong-components": return Float64Array.from(strongComponents(g).id);
    case "collective-influence": return collectiveInfluence(g, { weighted, ...(o.radius === undefined ? {} : { radius: o.radius }) });
    case "constraint": return constraint(g, { weighted });
    case "articulation": {
      const out = new Float64Array(g.n);
      for (const v of cutStructure(g).articulation) out[v] = 1;
      return out;
    }
  }
}
