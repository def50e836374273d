/**
 * Degree assortativity (M. E. J. Newman 2002, "Assortative mixing in networks", PRL 89:208701):
 * the Pearson correlation of the degrees at either end of an edge. As networkx's
 * `degree_assortativity_coefficient` defaults: undirected edges count in both directions;
 * directed edges pair the source's out-degree with the target's in-degree. NaN when undefined.
 */
import type { Graph } from "../core/graph";

/** Degree assortativity coefficient r. */
export function degreeAssortativity(g: Graph): number {
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (let u = 0; u < g.n; u++) {
    const x = (g.outOffsets[u + 1] as number) - (g.outOffsets[u] as number);
    for (let p = g.outOffsets[u] as number, e = g.outOffsets[u + 1] as number; p < e; p++) {
      const v = g.outTargets[p] as number;
      const y = (g.inOffsets[v + 1] as number) - (g.inOffsets[v] as number);
      n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
    }
  }
  if (n === 0) return NaN;
  const cov = sxy / n - (sx / n) * (sy / n);
  const vx = sxx / n - (sx / n) * (sx / n);
  const vy = syy / n - (sy / n) * (sy / n);
  return cov / Math.sqrt(vx * vy);
}
