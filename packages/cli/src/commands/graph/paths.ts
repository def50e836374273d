/** `vizier graph paths` and `vizier graph ego`: path listings and ego networks between named nodes. */
import { VizierError } from "@vizier/model";
import { allShortestPaths, egoNetwork, indexOfIds, kShortestPaths } from "@vizier/graph";
import type { Graph, Path, WeightMode } from "@vizier/graph";

/** Internal index of a node id, or NOT_FOUND naming it. */
export function nodeIndex(g: Graph, id: string): number {
  const i = indexOfIds(g).get(id);
  if (i === undefined) throw new VizierError("NOT_FOUND", `node "${id}" is not in the graph`);
  return i;
}

/** Rows `rank,length,path` (path = ids joined by ">"): k shortest, or all shortest when k is absent. */
export function pathRows(g: Graph, from: string, to: string, weights: WeightMode, k: number | undefined): (string | number)[][] {
  const s = nodeIndex(g, from), t = nodeIndex(g, to);
  const paths: Path[] = k === undefined ? allShortestPaths(g, s, t, { weights }) : kShortestPaths(g, s, t, k, { weights });
  return paths.map((p, i) => [i + 1, p.length, p.nodes.map((v) => g.ids[v] as string).join(">")]);
}

/** Rows `source,target,weight` of the ego network of `center`. */
export function egoRows(g: Graph, center: string, radius: number): (string | number)[][] {
  const { graph: h } = egoNetwork(g, nodeIndex(g, center), radius, { undirected: true });
  const rows: (string | number)[][] = [];
  for (let u = 0; u < h.n; u++) {
    for (let p = h.outOffsets[u] as number, e = h.outOffsets[u + 1] as number; p < e; p++) {
      const v = h.outTargets[p] as number;
      if (h.directed || u < v) rows.push([h.ids[u] as string, h.ids[v] as string, h.outWeights[p] as number]);
    }
  }
  return rows;
}
