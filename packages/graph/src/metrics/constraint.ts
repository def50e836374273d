/**
 * Burt's constraint (R. S. Burt 1992, "Structural Holes", Harvard UP; 2004, "Structural holes and
 * good ideas", AJS 110(2)): c_i = Σ_j (p_ij + Σ_q p_iq·p_qj)², with p_ij the mutual weight of i–j
 * (a_ij + a_ji) over i's total. Same definition as networkx's `constraint`; NaN for isolated nodes.
 */
import type { Graph } from "../core/graph";
import { undirectedNeighbours } from "../core/undirected";

/** Burt's constraint of every node. */
export function constraint(g: Graph, opts: { weighted?: boolean } = {}): Float64Array {
  // The undirected view sums a_ij + a_ji for reciprocal pairs: exactly the mutual weight.
  const adj = undirectedNeighbours(g, !opts.weighted);
  const n = g.n;
  const w = adj.weights;
  const total = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = adj.offsets[v] as number, e = adj.offsets[v + 1] as number; p < e; p++) s += w[p] as number;
    total[v] = s;
  }
  const acc = new Float64Array(n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = adj.offsets[i] as number, e = adj.offsets[i + 1] as number;
    if (s === e) { out[i] = NaN; continue; }
    const ti = total[i] as number;
    for (let p = s; p < e; p++) {
      const q = adj.targets[p] as number;
      const piq = ti === 0 ? 0 : (w[p] as number) / ti;
      const tq = total[q] as number;
      if (tq === 0) continue;
      for (let r = adj.offsets[q] as number, f = adj.offsets[q + 1] as number; r < f; r++) {
        acc[adj.targets[r] as number] = (acc[adj.targets[r] as number] as number) + piq * ((w[r] as number) / tq);
      }
    }
    let c = 0;
    for (let p = s; p < e; p++) {
      const j = adj.targets[p] as number;
      const local = (ti === 0 ? 0 : (w[p] as number) / ti) + (acc[j] as number);
      c += local * local;
    }
    out[i] = c;
    for (let p = s; p < e; p++) {
      const q = adj.targets[p] as number;
      for (let r = adj.offsets[q] as number, f = adj.offsets[q + 1] as number; r < f; r++) acc[adj.targets[r] as number] = 0;
    }
  }
  return out;
}
