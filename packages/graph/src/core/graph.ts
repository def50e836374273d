/**
 * The compact graph: compressed sparse rows (CSR) over typed arrays.
 *
 * Node i's out-neighbours are `outTargets[outOffsets[i] .. outOffsets[i+1])` with parallel
 * `outWeights`. For an undirected graph every edge is stored in both rows and the `in*` arrays are
 * the very same arrays as the `out*` ones, so algorithms can read "incoming" without branching.
 * Rows keep the order in which neighbours first appeared in the input: that is networkx's
 * adjacency order, which is what makes tie-sensitive results (disruption curves) reproducible.
 */
export interface Graph {
  /** Number of nodes. */
  readonly n: number;
  /** Number of edges: unordered pairs when undirected, arcs when directed. */
  readonly m: number;
  readonly directed: boolean;
  /** External node ids, index = internal node number (order of first appearance). */
  readonly ids: readonly string[];
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inTargets: Int32Array;
  readonly inWeights: Float64Array;
}

/** Out-degree (degree when undirected) of node `v`. */
export function outDegree(g: Graph, v: number): number {
  return (g.outOffsets[v + 1] as number) - (g.outOffsets[v] as number);
}

/** In-degree (degree when undirected) of node `v`. */
export function inDegree(g: Graph, v: number): number {
  return (g.inOffsets[v + 1] as number) - (g.inOffsets[v] as number);
}

/** Internal index of every external id (built on demand; not for inner loops). */
export function indexOfIds(g: Graph): Map<string, number> {
  const m = new Map<string, number>();
  g.ids.forEach((id, i) => m.set(id, i));
  return m;
}
