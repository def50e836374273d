/**
 * Katz centrality (L. Katz 1953, "A new status index derived from sociometric analysis",
 * Psychometrika 18:39–43) as the solution of (I − αAᵀ)x = β·1, like networkx's
 * `katz_centrality_numpy`: a dense LU solve with partial pivoting (LAPACK dgesv's method) up to
 * `denseLimit` nodes — valid even when α exceeds 1/λ_max, where the series diverges but the
 * linear system still has a solution (the Montagna weighted curves depend on that) — and Jacobi
 * iteration on larger graphs, which needs α < 1/λ_max. Normalised as networkx:
 * x / (sign(Σx)·‖x‖₂).
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "../core/graph";

export interface KatzOptions {
  alpha?: number;
  beta?: number;
  weighted?: boolean;
  normalized?: boolean;
  /** Largest n solved densely (O(n³)); above it, Jacobi iteration. */
  denseLimit?: number;
  tol?: number;
  maxIter?: number;
}

/** Katz centrality; see the module comment. */
export function katz(g: Graph, opts: KatzOptions = {}): Float64Array {
  const n = g.n;
  const alpha = opts.alpha ?? 0.1;
  const beta = opts.beta ?? 1;
  const weighted = opts.weighted ?? false;
  const x = n <= (opts.denseLimit ?? 2500) ? dense(g, alpha, beta, weighted) : jacobi(g, alpha, beta, weighted, opts.tol ?? 1e-12, opts.maxIter ?? 10_000);
  if (opts.normalized ?? true) {
    let sum = 0, sq = 0;
    for (let v = 0; v < n; v++) { sum += x[v] as number; sq += (x[v] as number) * (x[v] as number); }
    const norm = Math.sign(sum) * Math.sqrt(sq);
    if (norm !== 0) for (let v = 0; v < n; v++) x[v] = (x[v] as number) / norm;
  }
  return x;
}

function dense(g: Graph, alpha: number, beta: number, weighted: boolean): Float64Array {
  const n = g.n;
  // Row v of (I − αAᵀ): coefficient −α·w(u→v) for every in-neighbour u.
  const a = new Float64Array(n * n);
  for (let v = 0; v < n; v++) {
    a[v * n + v] = 1;
    for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) {
      const u = g.inTargets[p] as number;
      a[v * n + u] = (a[v * n + u] as number) - alpha * (weighted ? (g.inWeights[p] as number) : 1);
    }
  }
  const b = new Float64Array(n).fill(beta);
  return luSolve(a, b, n);
}

/** Solves a·x = b in place by Gaussian elimination with partial pivoting (row-major a). */
export function luSolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(a[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k] as number);
      if (v > best) { best = v; piv = i; }
    }
    if (best === 0) throw new VizierError("INVALID_INPUT", "Katz system is singular for this alpha; choose a smaller --alpha");
    if (piv !== k) {
      for (let j = 0; j < n; j++) { const t = a[k * n + j] as number; a[k * n + j] = a[piv * n + j] as number; a[piv * n + j] = t; }
      const t = b[k] as number; b[k] = b[piv] as number; b[piv] = t;
    }
    const inv = 1 / (a[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const f = (a[i * n + k] as number) * inv;
      if (f === 0) continue;
      a[i * n + k] = f;
      for (let j = k + 1; j < n; j++) a[i * n + j] = (a[i * n + j] as number) - f * (a[k * n + j] as number);
      b[i] = (b[i] as number) - f * (b[k] as number);
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < n; j++) s -= (a[i * n + j] as number) * (x[j] as number);
    x[i] = s / (a[i * n + i] as number);
  }
  return x;
}

function jacobi(g: Graph, alpha: number, beta: number, weighted: boolean, tol: number, maxIter: number): Float64Array {
  const n = g.n;
  let x: Float64Array = new Float64Array(n);
  let next: Float64Array = new Float64Array(n);
  for (let it = 0; it < maxIter; it++) {
    let err = 0;
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) {
        s += (x[g.inTargets[p] as number] as number) * (weighted ? (g.inWeights[p] as number) : 1);
      }
      const y = alpha * s + beta;
      err += Math.abs(y - (x[v] as number));
      next[v] = y;
    }
    const t = x; x = next; next = t;
    if (err < n * tol) return x;
    if (!Number.isFinite(err)) break;
  }
  throw new VizierError("INVALID_INPUT", "Katz iteration did not converge: alpha must be below 1/λmax for graphs above the dense limit");
}
