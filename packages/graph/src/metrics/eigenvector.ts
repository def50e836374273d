/**
 * Eigenvector centrality (P. Bonacich 1972, "Factoring and weighting approaches to status scores
 * and clique identification", J. Math. Sociol. 2:113–120), by power iteration on A + I as
 * networkx's `eigenvector_centrality` (scores flow along edge direction, i.e. from in-neighbours);
 * L2-normalised.
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "../core/graph";

export interface EigenvectorOptions {
  weighted?: boolean;
  maxIter?: number;
  /** Stop when the L1 change is below n·tol (networkx's rule). */
  tol?: number;
}

/** Eigenvector centrality; throws INVALID_INPUT when the iteration does not converge. */
export function eigenvector(g: Graph, opts: EigenvectorOptions = {}): Float64Array {
  const n = g.n;
  const tol = opts.tol ?? 1e-10;
  const maxIter = opts.maxIter ?? 10_000;
  const weighted = opts.weighted ?? false;
  let x: Float64Array = new Float64Array(n).fill(1 / n);
  let next: Float64Array = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    for (let v = 0; v < n; v++) {
      let s = x[v] as number;
      for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) {
        s += (x[g.inTargets[p] as number] as number) * (weighted ? (g.inWeights[p] as number) : 1);
      }
      next[v] = s;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += (next[v] as number) * (next[v] as number);
    norm = Math.sqrt(norm) || 1;
    let err = 0;
    for (let v = 0; v < n; v++) { next[v] = (next[v] as number) / norm; err += Math.abs((next[v] as number) - (x[v] as number)); }
    const t = x; x = next; next = t;
    if (err < n * tol) return x;
  }
  throw new VizierError("INVALID_INPUT", `eigenvector centrality did not converge in ${maxIter} iterations`);
}
