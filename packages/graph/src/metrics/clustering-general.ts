/**
 * Weighted and directed local clustering, as networkx's `clustering`:
 * - weighted (J.-P. Onnela, J. Saramäki, J. Kertész & K. Kaski 2005, "Intensity and coherence of
 *   motifs in weighted complex networks", Phys. Rev. E 71:065103): c_u = 1/(d(d−1)) Σ_{v,w}
 *   (ŵ_uv ŵ_vw ŵ_wu)^{1/3}, weights normalised by the largest weight in the graph;
 * - directed (G. Fagiolo 2007, "Clustering in complex directed networks", Phys. Rev. E
 *   76:026107): c_u = T_u / (2 (d_tot(d_tot − 1) − 2 d_↔)), T_u the directed triangles through u
 *   (each counted with the geometric mean of its three normalised weights when weighted),
 *   d_tot = in- + out-degree, d_↔ the reciprocated pairs.
 * Triangle search marks a node's neighbours with their weights (stamped arrays, no hashing), so
 * the cost is O(Σ_v d_v²) like the unweighted count.
 */
import type { Graph } from "../core/graph";

function maxWeight(g: Graph, weighted: boolean): number {
  if (!weighted || g.outWeights.length === 0) return 1;
  let m = -Infinity;
  for (let p = 0; p < g.outWeights.length; p++) if ((g.outWeights[p] as number) > m) m = g.outWeights[p] as number;
  return m;
}

/** networkx `clustering(G, weight=…)` on an undirected graph (weights optional). */
export function undirectedClustering(g: Graph, weighted: boolean): Float64Array {
  const n = g.n;
  const out = new Float64Array(n);
  const mw = maxWeight(g, weighted);
  const stamp = new Int32Array(n).fill(-1);
  const wi = new Float64Array(n);
  const { outOffsets: off, outTargets: tg, outWeights: ws } = g;
  for (let i = 0; i < n; i++) {
    const s = off[i] as number, e = off[i + 1] as number;
    const d = e - s;
    if (d < 2) continue;
    for (let p = s; p < e; p++) { const j = tg[p] as number; stamp[j] = i; wi[j] = weighted ? (ws[p] as number) / mw : 1; }
    let t = 0;
    for (let p = s; p < e; p++) {
      const j = tg[p] as number;
      const wij = wi[j] as number;
      for (let q = off[j] as number, f = off[j + 1] as number; q < f; q++) {
        const k = tg[q] as number;
        if (stamp[k] !== i) continue;
        t += weighted ? Math.cbrt(wij * ((ws[q] as number) / mw) * (wi[k] as number)) : 1;
      }
    }
    out[i] = t === 0 ? 0 : t / (d * (d - 1));
  }
  return out;
}

/** networkx `clustering(G, weight=…)` on a directed graph (Fagiolo's directed triangles). */
export function directedClustering(g: Graph, weighted: boolean): Float64Array {
  const n = g.n;
  const out = new Float64Array(n);
  const mw = maxWeight(g, weighted);
  const predStamp = new Int32Array(n).fill(-1);
  const succStamp = new Int32Array(n).fill(-1);
  const wPred = new Float64Array(n); // ŵ(k → i)
  const wSucc = new Float64Array(n); // ŵ(i → k)
  const w = (x: number): number => (weighted ? x / mw : 1);
  for (let i = 0; i < n; i++) {
    let dIn = 0, dOut = 0, dBoth = 0;
    for (let p = g.inOffsets[i] as number, e = g.inOffsets[i + 1] as number; p < e; p++) { const k = g.inTargets[p] as number; predStamp[k] = i; wPred[k] = w(g.inWeights[p] as number); dIn++; }
    for (let p = g.outOffsets[i] as number, e = g.outOffsets[i + 1] as number; p < e; p++) {
      const k = g.outTargets[p] as number;
      succStamp[k] = i; wSucc[k] = w(g.outWeights[p] as number); dOut++;
      if (predStamp[k] === i) dBoth++;
    }
    let t = 0;
    // Every j adjacent to i, once as a predecessor and once as a successor (networkx's chain(ipreds, isuccs)).
    for (let side = 0; side < 2; side++) {
      const off = side === 0 ? g.inOffsets : g.outOffsets;
      const tg = side === 0 ? g.inTargets : g.outTargets;
      const ws = side === 0 ? g.inWeights : g.outWeights;
      for (let p = off[i] as number, e = off[i + 1] as number; p < e; p++) {
        const j = tg[p] as number;
        const a = w(ws[p] as number);
        // k → j (j's predecessors) and j → k (j's successors), against k → i and i → k
        for (let q = g.inOffsets[j] as number, f = g.inOffsets[j + 1] as number; q < f; q++) {
          const k = g.inTargets[q] as number;
          const b = w(g.inWeights[q] as number);
          if (predStamp[k] === i) t += weighted ? Math.cbrt(a * (wPred[k] as number) * b) : 1;
          if (succStamp[k] === i) t += weighted ? Math.cbrt(a * (wSucc[k] as number) * b) : 1;
        }
        for (let q = g.outOffsets[j] as number, f = g.outOffsets[j + 1] as number; q < f; q++) {
          const k = g.outTargets[q] as number;
          const b = w(g.outWeights[q] as number);
          if (predStamp[k] === i) t += weighted ? Math.cbrt(a * (wPred[k] as number) * b) : 1;
          if (succStamp[k] === i) t += weighted ? Math.cbrt(a * (wSucc[k] as number) * b) : 1;
        }
      }
    }
    const dt = dIn + dOut;
    out[i] = t === 0 ? 0 : t / ((dt * (dt - 1) - 2 * dBoth) * 2);
  }
  return out;
}
