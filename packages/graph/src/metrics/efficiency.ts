/**
 * Global efficiency (V. Latora & M. Marchiori 2001, "Efficient behavior of small-world networks",
 * PRL 87:198701): the mean of 1/d(u,v) over ordered pairs u ≠ v, unweighted, as networkx's
 * `global_efficiency` (which is undirected-only; on directed graphs directed distances are used).
 * O(n·m): one BFS per node.
 */
import type { Graph } from "../core/graph";
import { ShortestPaths } from "../paths/sssp";

/** Global efficiency in [0, 1]; 0 for graphs with fewer than two nodes. */
export function globalEfficiency(g: Graph): number {
  const n = g.n;
  if (n < 2) return 0;
  const sp = new ShortestPaths(g.outOffsets, g.outTargets, undefined);
  let total = 0;
  for (let s = 0; s < n; s++) {
    sp.run(s);
    for (let i = 1; i < sp.count; i++) total += 1 / (sp.dist[sp.order[i] as number] as number);
  }
  return total / (n * (n - 1));
}
