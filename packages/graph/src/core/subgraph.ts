/** Induced subgraphs that keep node and neighbour order (so results stay networkx-comparable). */
import type { Graph } from "./graph";

/** The subgraph on nodes with `keep[v] !== 0`; `original[i]` is the old index of new node i. */
export function inducedSubgraph(g: Graph, keep: Uint8Array): { graph: Graph; original: Int32Array } {
  const newIndex = new Int32Array(g.n).fill(-1);
  let n = 0;
  for (let v = 0; v < g.n; v++) if (keep[v]) newIndex[v] = n++;
  const original = new Int32Array(n);
  const ids: string[] = new Array<string>(n);
  for (let v = 0; v < g.n; v++) {
    const i = newIndex[v] as number;
    if (i >= 0) { original[i] = v; ids[i] = g.ids[v] as string; }
  }
  const out = filterRows(g.outOffsets, g.outTargets, g.outWeights, original, newIndex);
  const m = g.directed ? out.targets.length : out.targets.length / 2;
  if (!g.directed) {
    return { graph: { n, m, directed: false, ids, outOffsets: out.offsets, outTargets: out.targets, outWeights: out.weights, inOffsets: out.offsets, inTargets: out.targets, inWeights: out.weights }, original };
  }
  const inn = filterRows(g.inOffsets, g.inTargets, g.inWeights, original, newIndex);
  return { graph: { n, m, directed: true, ids, outOffsets: out.offsets, outTargets: out.targets, outWeights: out.weights, inOffsets: inn.offsets, inTargets: inn.targets, inWeights: inn.weights }, original };
}

function filterRows(off: Int32Array, tg: Int32Array, wt: Float64Array, original: Int32Array, newIndex: Int32Array) {
  const n = original.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = original[i] as number;
    for (let p = off[v] as number; p < (off[v + 1] as number); p++) if ((newIndex[tg[p] as number] as number) >= 0) total++;
  }
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  let w = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = w;
    const v = original[i] as number;
    for (let p = off[v] as number; p < (off[v + 1] as number); p++) {
      const t = newIndex[tg[p] as number] as number;
      if (t >= 0) { targets[w] = t; weights[w] = wt[p] as number; w++; }
    }
  }
  offsets[n] = w;
  return { offsets, targets, weights };
}
