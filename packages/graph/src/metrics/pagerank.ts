/**
 * PageRank (S. Brin & L. Page 1998, "The anatomy of a large-scale hypertextual Web search engine")
 * by power iteration exactly as networkx's `pagerank` (scipy variant): dangling mass spread
 * uniformly, stop when the L1 change is below n·tol, result divided by its sum. Undirected edges
 * count in both directions.
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "../core/graph";

export interface PageRankOptions {
  alpha?: number;
  weighted?: boolean;
  /** Stop when the L1 change is below n·tol (networkx's rule and default, 1e-6). */
  tol?: number;
  maxIter?: number;
}

/** PageRank scores summing to 1. */
export function pagerank(g: Graph, opts: PageRankOptions = {}): Float64Array {
  const n = g.n;
  if (n === 0) return new Float64Array(0);
  const alpha = opts.alpha ?? 0.85;
  const tol = opts.tol ?? 1e-6;
  const maxIter = opts.maxIter ?? 1000;
  const weighted = opts.weighted ?? false;
  // Inverse out-strength of every node (0 for dangling nodes).
  const invOut = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let p = g.outOffsets[u] as number, e = g.outOffsets[u + 1] as number; p < e; p++) s += weighted ? (g.outWeights[p] as number) : 1;
    invOut[u] = s !== 0 ? 1 / s : 0;
  }
  let x: Float64Array = new Float64Array(n).fill(1 / n);
  let next: Float64Array = new Float64Array(n);
  const scaled = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      scaled[u] = (x[u] as number) * (invOut[u] as number);
      if (invOut[u] === 0) dangling += x[u] as number;
    }
    const base = alpha * (dangling / n) + (1 - alpha) / n;
    let err = 0;
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) {
        s += (scaled[g.inTargets[p] as number] as number) * (weighted ? (g.inWeights[p] as number) : 1);
      }
      const y = alpha * s + base;
      next[v] = y;
      err += Math.abs(y - (x[v] as number));
    }
    const t = x; x = next; next = t;
    if (err < n * tol) {
      let sum = 0;
      for (let v = 0; v < n; v++) sum += x[v] as number;
      for (let v = 0; v < n; v++) x[v] = (x[v] as number) / sum;
      return x;
    }
  }
  throw new VizierError("INVALID_INPUT", `PageRank did not converge in ${maxIter} iterations`);
}
