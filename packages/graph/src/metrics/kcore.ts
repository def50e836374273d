/**
 * Core numbers (S. B. Seidman 1983, "Network structure and minimum degree", Social Networks 5)
 * by the O(m) bucket algorithm of V. Batagelj & M. Zaversnik (2003), arXiv:cs/0310049. For directed
 * graphs the degree is in + out, as networkx's `core_number`.
 */
import type { Graph } from "../core/graph";

/** The core number of every node. */
export function coreNumber(g: Graph): Float64Array {
  const n = g.n;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    let d = (g.outOffsets[v + 1] as number) - (g.outOffsets[v] as number);
    if (g.directed) d += (g.inOffsets[v + 1] as number) - (g.inOffsets[v] as number);
    deg[v] = d;
    if (d > maxDeg) maxDeg = d;
  }
  const bin = new Int32Array(maxDeg + 1);
  for (let v = 0; v < n; v++) { const d = deg[v] as number; bin[d] = (bin[d] as number) + 1; }
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) { const c = bin[d] as number; bin[d] = start; start += c; }
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let v = 0; v < n; v++) { const d = deg[v] as number; const p = bin[d] as number; bin[d] = p + 1; pos[v] = p; vert[p] = v; }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1] as number;
  bin[0] = 0;
  const lower = (v: number, u: number): void => {
    // Neighbour u of the processed node v loses one degree if it is still above v's.
    if ((deg[u] as number) > (deg[v] as number)) {
      const du = deg[u] as number;
      const pu = pos[u] as number;
      const pw = bin[du] as number;
      const w = vert[pw] as number;
      if (u !== w) { pos[u] = pw; vert[pu] = w; pos[w] = pu; vert[pw] = u; }
      bin[du] = pw + 1;
      deg[u] = du - 1;
    }
  };
  for (let i = 0; i < n; i++) {
    const v = vert[i] as number;
    for (let p = g.outOffsets[v] as number, e = g.outOffsets[v + 1] as number; p < e; p++) lower(v, g.outTargets[p] as number);
    if (g.directed) for (let p = g.inOffsets[v] as number, e = g.inOffsets[v + 1] as number; p < e; p++) lower(v, g.inTargets[p] as number);
  }
  return Float64Array.from(deg);
}
