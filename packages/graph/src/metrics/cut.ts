/**
 * Articulation points and bridges (J. Hopcroft & R. Tarjan 1973, "Efficient algorithms for graph
 * manipulation", CACM 16(6):372–378), by iterative depth-first search on the undirected view.
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";

/** Cut vertices and cut edges (bridges, as node pairs). */
export function cutStructure(g: Graph): { articulation: Int32Array; bridges: [number, number][] } {
  const adj = undirectedNeighbours(g);
  const n = g.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const edgePos = new Int32Array(n);
  const stack = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let sp = 0;
    stack[sp++] = root; disc[root] = low[root] = time++; edgePos[root] = adj.offsets[root] as number;
    let rootChildren = 0;
    while (sp > 0) {
      const v = stack[sp - 1] as number;
      const p = edgePos[v] as number;
      if (p < (adj.offsets[v + 1] as number)) {
        edgePos[v] = p + 1;
        const w = adj.targets[p] as number;
        if (disc[w] === -1) {
          parent[w] = v; disc[w] = low[w] = time++; edgePos[w] = adj.offsets[w] as number;
          stack[sp++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v] && (disc[w] as number) < (low[v] as number)) low[v] = disc[w] as number;
      } else {
        sp--;
        const u = parent[v] as number;
        if (u >= 0) {
          if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
          if ((low[v] as number) > (disc[u] as number)) bridges.push([u, v]);
          if (u !== root && (low[v] as number) >= (disc[u] as number)) isCut[u] = 1;
        }
      }
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const cuts: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v]) cuts.push(v);
  return { articulation: Int32Array.from(cuts), bridges };
}
