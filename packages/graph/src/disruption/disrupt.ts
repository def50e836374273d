/**
 * Disruption simulation: remove nodes by a centrality ranking and watch the network fall apart
 * (R. Albert, H. Jeong & A.-L. Barabási 2000, "Error and attack tolerance of complex networks",
 * Nature 406; for criminal networks L. Cavallaro et al. 2020, PLOS ONE 15(8): e0236476, whose
 * sequential and block curves this reproduces exactly — see disrupt.montagna.test.ts).
 *
 * Sequential: recompute the ranking after every removal. Block ("police raid"): remove the top
 * `blockSize` nodes at once, then recompute. Before the first and after every step the largest
 * connected component (weak, for directed graphs), its fraction of the original LCC, the global
 * efficiency and the number of components are recorded.
 */
import { VizierError } from "@vizier/model";
import type { Graph } from "../core/graph";
import { inducedSubgraph } from "../core/subgraph";
import { mulberry32, permutation } from "../core/random";
import type { WeightMode } from "../paths/lengths";
import { betweenness } from "../metrics/betweenness";
import { degree, strength } from "../metrics/degree";
import { katz } from "../metrics/katz";
import { pagerank } from "../metrics/pagerank";
import { collectiveInfluence } from "../metrics/collective-influence";
import { largestSize, weakComponents } from "../metrics/components";
import { globalEfficiency } from "../metrics/efficiency";
import { idOrder, rankNodes, tieKeys } from "./ranking";
import type { TieBreak } from "./ranking";

export const STRATEGIES = ["betweenness", "degree", "katz", "collective-influence", "pagerank", "random", "list"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface DisruptOptions {
  strategy: Strategy;
  mode?: "sequential" | "block";
  blockSize?: number;
  /** "none" = unweighted; otherwise weights are used, and path-based scores read them this way. */
  weights?: WeightMode;
  tieBreak?: TieBreak;
  /** Seed for `random`. */
  seed?: number;
  /** Node ids in removal order, for `list`. */
  list?: readonly string[];
  /** Stop once this many nodes (or fewer) remain (Cavallaro et al. stop at 5). */
  minRemaining?: number;
  /** Stop after this many removals. */
  maxRemoved?: number;
  /** Compute global efficiency at each step (O(n·m) per step; default true). */
  efficiency?: boolean;
  /** Katz attenuation (default 0.1, networkx's). */
  katzAlpha?: number;
}

export interface DisruptStep {
  /** Nodes removed so far. */
  removed: number;
  /** Ids removed in this step (empty for the initial state). */
  nodes: string[];
  lccSize: number;
  lccFraction: number;
  efficiency: number;
  components: number;
}

/** Runs a disruption simulation and returns the curve, initial state first. */
export function disrupt(g: Graph, opts: DisruptOptions): DisruptStep[] {
  const mode = opts.mode ?? "sequential";
  const blockSize = mode === "block" ? opts.blockSize ?? 5 : 1;
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new VizierError("INVALID_ARGUMENT", "block size must be a positive integer");
  const weights = opts.weights ?? "none";
  const rank = idOrder(g.ids);
  const rule = opts.tieBreak ?? "lowest";
  const minRemaining = opts.minRemaining ?? 0;
  const maxRemoved = opts.maxRemoved ?? g.n;
  const withEff = opts.efficiency ?? true;
  const fixed = fixedOrder(g, opts);
  const alive = new Uint8Array(g.n).fill(1);
  let current = g;
  let original: Int32Array = Int32Array.from({ length: g.n }, (_, i) => i);
  const lcc0 = largestSize(weakComponents(g));
  const steps: DisruptStep[] = [];
  const record = (removed: number, nodes: string[]): void => {
    const c = weakComponents(current);
    const lcc = largestSize(c);
    steps.push({ removed, nodes, lccSize: lcc, lccFraction: lcc0 === 0 ? 0 : lcc / lcc0, efficiency: withEff ? globalEfficiency(current) : NaN, components: c.count });
  };
  record(0, []);
  let removed = 0;
  let cursor = 0;
  while (current.n > minRemaining && removed < maxRemoved) {
    const take = Math.min(blockSize, current.n, maxRemoved - removed);
    let chosen: number[];
    if (fixed) {
      chosen = [];
      while (chosen.length < take && cursor < fixed.length) {
        const v = fixed[cursor++] as number;
        if (alive[v]) chosen.push(v);
      }
      if (chosen.length === 0) break;
    } else {
      const score = scores(current, opts.strategy, weights, opts.katzAlpha);
      const order = rankNodes(score, tieKeys(rule, original, rank), take);
      chosen = Array.from(order, (i) => original[i] as number);
    }
    for (const v of chosen) alive[v] = 0;
    removed += chosen.length;
    ({ graph: current, original } = inducedSubgraph(g, alive));
    record(removed, chosen.map((v) => g.ids[v] as string));
  }
  return steps;
}

/** The score each ranking strategy maximises, on the current graph. */
export function scores(g: Graph, strategy: Strategy, weights: WeightMode, katzAlpha?: number): Float64Array {
  const weighted = weights !== "none";
  switch (strategy) {
    case "betweenness": return betweenness(g, { weights });
    case "degree": return weighted ? strength(g) : degree(g);
    case "katz": return katz(g, { weighted, alpha: katzAlpha ?? 0.1 });
    case "collective-influence": return collectiveInfluence(g, { weighted });
    case "pagerank": return pagerank(g, { weighted });
    case "random":
    case "list": throw new VizierError("INTERNAL", `${strategy} has no score`);
  }
}

/** Removal orders that do not depend on the remaining graph (random, analyst's list). */
function fixedOrder(g: Graph, opts: DisruptOptions): Int32Array | undefined {
  switch (opts.strategy) {
    case "random": return permutation(g.n, mulberry32(opts.seed ?? 0));
    case "list": {
      if (!opts.list || opts.list.length === 0) throw new VizierError("INVALID_ARGUMENT", "strategy list needs node ids (--nodes)");
      const index = new Map(g.ids.map((id, i) => [id, i]));
      return Int32Array.from(opts.list, (id) => {
        const i = index.get(id);
        if (i === undefined) throw new VizierError("NOT_FOUND", `node "${id}" is not in the graph`);
        return i;
      });
    }
    case "betweenness":
    case "degree":
    case "katz":
    case "collective-influence":
    case "pagerank": return undefined;
  }
}
