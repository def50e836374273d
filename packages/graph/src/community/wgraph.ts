/**
 * The weighted undirected multilevel graph used by Louvain and Leiden: CSR without self-loops plus
 * a per-node self-loop weight (A_ii, which after aggregation holds a community's internal weight
 * counted in both directions). `k[i]` is the strength including A_ii; `m2 = Σk = 2m`.
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";

export interface WGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly loop: Float64Array;
  readonly k: Float64Array;
  readonly m2: number;
}

/** The level-0 graph: direction ignored, weights used or set to 1. */
export function toWGraph(g: Graph, weighted: boolean): WGraph {
  const adj = undirectedNeighbours(g);
  const weights = weighted ? adj.weights : new Float64Array(adj.targets.length).fill(1);
  return finish(g.n, adj.offsets, adj.targets, weights, new Float64Array(g.n));
}

function finish(n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array, loop: Float64Array): WGraph {
  const k = new Float64Array(n);
  let m2 = 0;
  for (let v = 0; v < n; v++) {
    let s = loop[v] as number;
    for (let p = offsets[v] as number, e = offsets[v + 1] as number; p < e; p++) s += weights[p] as number;
    k[v] = s;
    m2 += s;
  }
  return { n, offsets, targets, weights, loop, k, m2 };
}

/** Renumbers community labels to 0..C−1 in order of first node; returns C. */
export function renumber(comm: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let c = 0;
  for (let v = 0; v < comm.length; v++) {
    const x = comm[v] as number;
    if (map[x] === -1) map[x] = c++;
    comm[v] = map[x] as number;
  }
  return c;
}

/** Collapses each community (labels 0..C−1) into one node; inner edges become its self-loop. */
export function aggregate(g: WGraph, comm: Int32Array, count: number): WGraph {
  // Members of each community, by counting sort.
  const start = new Int32Array(count + 1);
  for (let v = 0; v < g.n; v++) start[(comm[v] as number) + 1] = (start[(comm[v] as number) + 1] as number) + 1;
  for (let c = 0; c < count; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const members = new Int32Array(g.n);
  const fill = start.slice(0, count);
  for (let v = 0; v < g.n; v++) { const c = comm[v] as number; members[fill[c] as number] = v; fill[c] = (fill[c] as number) + 1; }
  const loop = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const acc = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const list: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < count; c++) {
    offsets[c] = targets.length;
    list.length = 0;
    for (let i = start[c] as number; i < (start[c + 1] as number); i++) {
      const v = members[i] as number;
      loop[c] = (loop[c] as number) + (g.loop[v] as number);
      for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
        const d = comm[g.targets[p] as number] as number;
        const w = g.weights[p] as number;
        if (d === c) { loop[c] = (loop[c] as number) + w; continue; }
        if (seen[d] !== c) { seen[d] = c; acc[d] = 0; list.push(d); }
        acc[d] = (acc[d] as number) + w;
      }
    }
    for (const d of list) { targets.push(d); weights.push(acc[d] as number); }
  }
  offsets[count] = targets.length;
  return finish(count, offsets, Int32Array.from(targets), Float64Array.from(weights), loop);
}
