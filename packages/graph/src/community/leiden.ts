/**
 * Leiden community detection (V. A. Traag, L. Waltman & N. J. van Eck 2019, "From Louvain to
 * Leiden: guaranteeing well-connected communities", Sci. Rep. 9:5233) for modularity: fast local
 * moving with a queue, refinement of each community into well-connected sub-communities, and
 * aggregation on the refined partition with the unrefined one as the starting point. Refinement
 * merges greedily (the paper's θ → 0 limit), so a run is deterministic for a seed.
 */
import type { Graph } from "../core/graph";
import { mulberry32, permutation } from "../core/random";
import type { Rng } from "../core/random";
import { aggregate, renumber, toWGraph } from "./wgraph";
import { moveNodesFast } from "./local-moving";
import type { WGraph } from "./wgraph";
import { modularityW } from "./modularity";
import type { CommunityOptions, CommunityResult } from "./louvain";

/** Leiden communities and their modularity. */
export function leiden(g: Graph, opts: CommunityOptions = {}): CommunityResult {
  const gamma = opts.resolution ?? 1;
  const rng = mulberry32(opts.seed ?? 0);
  const base = toWGraph(g, opts.weighted ?? false);
  // nodeOf[v]: the aggregate node holding original node v; part: community of each aggregate node.
  const nodeOf = Int32Array.from({ length: g.n }, (_, i) => i);
  let level = base;
  let part = Int32Array.from({ length: g.n }, (_, i) => i);
  for (let l = 0; l < (opts.maxLevels ?? 100); l++) {
    moveNodesFast(level, part, gamma, rng, true);
    const count = renumber(part);
    if (count === level.n) break;
    const refined = refine(level, part, count, gamma, rng);
    const rcount = renumber(refined);
    const nextPart = new Int32Array(rcount);
    for (let v = 0; v < level.n; v++) nextPart[refined[v] as number] = part[v] as number;
    for (let v = 0; v < g.n; v++) nodeOf[v] = refined[nodeOf[v] as number] as number;
    level = aggregate(level, refined, rcount);
    part = nextPart;
  }
  const membership = new Int32Array(g.n);
  for (let v = 0; v < g.n; v++) membership[v] = part[nodeOf[v] as number] as number;
  const count = renumber(membership);
  return { membership, count, modularity: modularityW(base, membership, gamma) };
}

/** Splits each community into well-connected sub-communities by greedy merging of singletons. */
function refine(g: WGraph, part: Int32Array, count: number, gamma: number, rng: Rng): Int32Array {
  const n = g.n;
  const ref = Int32Array.from({ length: n }, (_, i) => i);
  const refTot = Float64Array.from(g.k);
  const refSize = new Int32Array(n).fill(1);
  const partTot = new Float64Array(count);
  for (let v = 0; v < n; v++) partTot[part[v] as number] = (partTot[part[v] as number] as number) + (g.k[v] as number);
  // wIn[v] = w(v, S − v); refOut[C] = w(C, S − C), starting from the singletons.
  const wIn = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) if (part[g.targets[p] as number] === part[v]) s += g.weights[p] as number;
    wIn[v] = s;
  }
  const refOut = Float64Array.from(wIn);
  const neighW = new Float64Array(n).fill(-1);
  const touched = new Int32Array(n);
  const order = permutation(n, rng);
  for (let oi = 0; oi < n; oi++) {
    const v = order[oi] as number;
    if (refSize[ref[v] as number] !== 1) continue;
    const s = part[v] as number;
    const kv = g.k[v] as number;
    const ks = partTot[s] as number;
    if ((wIn[v] as number) < (gamma * kv * (ks - kv)) / g.m2) continue;
    let nt = 0;
    for (let p = g.offsets[v] as number, e = g.offsets[v + 1] as number; p < e; p++) {
      const u = g.targets[p] as number;
      if (part[u] !== s) continue;
      const c = ref[u] as number;
      if (neighW[c] === -1) { neighW[c] = 0; touched[nt++] = c; }
      neighW[c] = (neighW[c] as number) + (g.weights[p] as number);
    }
    const own = ref[v] as number;
    let best = own, bestGain = 0;
    for (let i = 0; i < nt; i++) {
      const c = touched[i] as number;
      const kc = refTot[c] as number;
      const wellConnected = (refOut[c] as number) >= (gamma * kc * (ks - kc)) / g.m2;
      if (c !== own && wellConnected) {
        const gain = (neighW[c] as number) - (gamma * kv * kc) / g.m2;
        if (gain > bestGain || (best === own && gain >= 0)) { bestGain = gain; best = c; }
      }
    }
    if (best !== own) {
      refOut[best] = (refOut[best] as number) + (wIn[v] as number) - 2 * (neighW[best] as number);
      refTot[best] = (refTot[best] as number) + kv;
      refSize[best] = (refSize[best] as number) + 1;
      refSize[own] = 0;
      ref[v] = best;
    }
    for (let i = 0; i < nt; i++) neighW[touched[i] as number] = -1;
  }
  return ref;
}
