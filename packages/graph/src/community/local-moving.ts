/**
 * Local moving with a queue (V. A. Traag 2015, "Faster unfolding of communities: speeding up the
 * Louvain algorithm", PRE 92:032801; also the Leiden algorithm's fast local moving): after a first
 * sweep in random order only neighbours of moved nodes are revisited, which removes the long tail
 * of near-empty sweeps that plain Louvain spends on large graphs.
 */
import type { Rng } from "../core/random";
import { permutation } from "../core/random";
import type { WGraph } from "./wgraph";

/**
 * Queue-based local moving; returns true when any node changed community. With `allowEmpty` a
 * node may also leave for an empty community (Leiden); Louvain only joins neighbours' communities.
 */
export function moveNodesFast(g: WGraph, comm: Int32Array, gamma: number, rng: Rng, allowEmpty: boolean): boolean {
  const n = g.n;
  const tot = new Float64Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const c = comm[v] as number;
    tot[c] = (tot[c] as number) + (g.k[v] as number);
    size[c] = (size[c] as number) + 1;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty.push(c);
  const queue = permutation(n, rng);
  const queued = new Uint8Array(n).fill(1);
  let head = 0, len = n;
  const neighW = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  let moved = false;
  while (len > 0) {
    const v = queue[head] as number;
    head = (head + 1) % n; len--;
    queued[v] = 0;
    const cv = comm[v] as number;
    const kv = g.k[v] as number;
    let nt = 0;
    neighW[cv] = 0; touched[nt++] = cv;
    for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
      const c = comm[g.targets[p] as number] as number;
      if (neighW[c] === -1) { neighW[c] = 0; touched[nt++] = c; }
      neighW[c] = (neighW[c] as number) + (g.weights[p] as number);
    }
    tot[cv] = (tot[cv] as number) - kv;
    size[cv] = (size[cv] as number) - 1;
    let best = cv;
    let bestGain = (neighW[cv] as number) - (gamma * (tot[cv] as number) * kv) / g.m2;
    for (let i = 0; i < nt; i++) {
      const c = touched[i] as number;
      const gain = (neighW[c] as number) - (gamma * (tot[c] as number) * kv) / g.m2;
      if (gain > bestGain + 1e-12 * Math.abs(bestGain)) { bestGain = gain; best = c; }
      neighW[c] = -1;
    }
    // Moving alone into an empty community gains 0.
    if (allowEmpty && bestGain < 0 && size[cv] !== 0 && empty.length > 0) best = empty.pop() as number;
    if (size[cv] === 0 && best !== cv) empty.push(cv);
    tot[best] = (tot[best] as number) + kv;
    size[best] = (size[best] as number) + 1;
    if (best !== cv) {
      moved = true;
      comm[v] = best;
      for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
        const u = g.targets[p] as number;
        if (!queued[u] && comm[u] !== best) {
          queued[u] = 1;
          queue[(head + len) % n] = u; len++;
        }
      }
    }
  }
  return moved;
}
