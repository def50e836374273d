/** `vizier graph stats`: whole-graph figures as JSON. */
import {
  averageClustering, degreeAssortativity, globalEfficiency, largestSize, strongComponents, transitivity, weakComponents,
} from "@vizier/graph";
import type { Graph } from "@vizier/graph";

/** The summary the CLI prints; names are stable (documented in docs/graph.md). */
export function graphStats(g: Graph, opts: { efficiency: boolean }): Record<string, number | boolean | null> {
  const n = g.n;
  const pairs = g.directed ? n * (n - 1) : (n * (n - 1)) / 2;
  const weak = weakComponents(g);
  const strong = strongComponents(g);
  let maxOut = 0, maxIn = 0;
  for (let v = 0; v < n; v++) {
    maxOut = Math.max(maxOut, (g.outOffsets[v + 1] as number) - (g.outOffsets[v] as number));
    maxIn = Math.max(maxIn, (g.inOffsets[v + 1] as number) - (g.inOffsets[v] as number));
  }
  const r = degreeAssortativity(g);
  return {
    nodes: n,
    edges: g.m,
    directed: g.directed,
    density: pairs === 0 ? 0 : g.m / pairs,
    weak_components: weak.count,
    largest_weak_component: largestSize(weak),
    strong_components: strong.count,
    largest_strong_component: largestSize(strong),
    average_clustering: averageClustering(g),
    transitivity: transitivity(g),
    global_efficiency: opts.efficiency ? globalEfficiency(g) : null,
    degree_assortativity: Number.isNaN(r) ? null : r,
    max_in_degree: maxIn,
    max_out_degree: maxOut,
  };
}
