/**
 * The differential check shared by the random-graph and UCINET tests: every metric of this
 * package against networkx (and igraph where it has the same definition) on one edge list.
 */
import { expect } from "vitest";
import { parseEdgeList } from "../io/parse-edges";
import { buildGraph } from "../core/build";
import type { Graph } from "../core/graph";
import { degree, degreeCentrality, strength } from "../metrics/degree";
import { betweenness } from "../metrics/betweenness";
import { closeness, harmonic } from "../metrics/closeness";
import { eigenvector } from "../metrics/eigenvector";
import { katz } from "../metrics/katz";
import { pagerank } from "../metrics/pagerank";
import { coreNumber } from "../metrics/kcore";
import { averageClustering, clustering, transitivity } from "../metrics/clustering";
import { strongComponents, weakComponents } from "../metrics/components";
import type { Components } from "../metrics/components";
import { globalEfficiency } from "../metrics/efficiency";
import { degreeAssortativity } from "../metrics/assortativity";
import { collectiveInfluence } from "../metrics/collective-influence";
import { constraint } from "../metrics/constraint";
import { cutStructure } from "../metrics/cut";
import { louvain } from "../community/louvain";
import { leiden } from "../community/leiden";
import { modularity } from "../community/modularity";
import type { OracleJob, OracleOutput } from "./oracle";

type Vec = ArrayLike<number>;

/** Asserts |a−b| ≤ tol·max(1, |b|) elementwise; null in the oracle means NaN. */
export function expectClose(name: string, ours: Vec, theirs: unknown, tol: number): void {
  const t = theirs as (number | null)[];
  expect(t, `${name}: oracle value missing`).toBeDefined();
  expect(ours.length, `${name}: length`).toBe(t.length);
  for (let i = 0; i < t.length; i++) {
    const a = ours[i] as number;
    const b = t[i];
    if (b === null || b === undefined) { expect(Number.isNaN(a), `${name}[${i}] should be NaN`).toBe(true); continue; }
    expect(Math.abs(a - b), `${name}[${i}]: ours ${a}, theirs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
  }
}

function scalarClose(name: string, ours: number, theirs: unknown, tol: number): void {
  expect(typeof theirs, `${name}: oracle value missing`).toBe("number");
  expect(Math.abs(ours - (theirs as number)), `${name}: ours ${ours}, theirs ${String(theirs)}`).toBeLessThanOrEqual(tol);
}

function groups(g: Graph, c: Components): string[][] {
  const by: string[][] = Array.from({ length: c.count }, () => []);
  for (let v = 0; v < g.n; v++) (by[c.id[v] as number] as string[]).push(g.ids[v] as string);
  return by.map((x) => x.sort()).sort((a, b) => (a.join("\u0000") < b.join("\u0000") ? -1 : 1));
}

const scale = (x: Vec, f: number): number[] => Array.from(x, (v) => v * f);

/** A graph prepared for comparison: ours, plus the job the oracle runs on it. */
export interface Prepared {
  g: Graph;
  leid: { membership: Int32Array; modularity: number } | undefined;
  job: OracleJob;
}

/** Builds our graph and Leiden partition (whose modularity the oracle recomputes). */
export function prepare(lines: string[], directed: boolean): Prepared {
  const g = buildGraph(parseEdgeList(lines.join("\n")), { directed });
  const leid = directed ? undefined : leiden(g, { seed: 1 });
  return { g, leid, job: { lines, directed, partition: leid?.membership } };
}

/** Runs every comparison; returns the number of checks made (so callers can assert coverage). */
export function compareWithPeers(p: Prepared, o: OracleOutput): number {
  const { g, leid } = p;
  const directed = g.directed;
  expect(o.nodes).toEqual(g.ids);
  const X = o.nx, I = o.ig;
  let checks = 0;
  const close = (name: string, ours: Vec, theirs: unknown, tol = 1e-9): void => { expectClose(name, ours, theirs, tol); checks++; };
  close("degree", degree(g), X.degree);
  close("strength", strength(g), X.strength);
  close("degree_centrality", degreeCentrality(g), X.degree_centrality);
  close("betweenness", betweenness(g), X.betweenness, 1e-12);
  close("betweenness weighted", betweenness(g, { weights: "distance" }), X.betweenness_w, 1e-12);
  close("betweenness strength", betweenness(g, { weights: "strength" }), X.betweenness_s, 1e-12);
  close("closeness", closeness(g), X.closeness);
  close("closeness weighted", closeness(g, { weights: "distance" }), X.closeness_w);
  close("closeness strength", closeness(g, { weights: "strength" }), X.closeness_s);
  close("harmonic", harmonic(g), X.harmonic);
  close("harmonic weighted", harmonic(g, { weights: "distance" }), X.harmonic_w);
  close("pagerank", pagerank(g, { tol: 1e-13 }), X.pagerank, 1e-8);
  close("pagerank weighted", pagerank(g, { weighted: true, tol: 1e-13 }), X.pagerank_w, 1e-8);
  close("katz", katz(g, { alpha: 0.05 }), X.katz);
  close("katz weighted", katz(g, { alpha: 0.05, weighted: true }), X.katz_w);
  close("katz iterative", katz(g, { alpha: 0.05, denseLimit: 0 }), X.katz, 1e-9);
  close("kcore", coreNumber(g), X.kcore);
  // networkx's constraint returns NaN for a directed node without successors (it tests `G[v]`,
  // the out-neighbours); ours is defined there (NaN only when isolated), so those entries are
  // checked against igraph below instead.
  const nxDefined = (theirs: unknown, ours: Vec): [number[], unknown[]] => {
    const t = theirs as (number | null)[];
    const keep = t.map((x, i) => (directed && x === null ? -1 : i)).filter((i) => i >= 0);
    return [keep.map((i) => ours[i] as number), keep.map((i) => t[i])];
  };
  if (X.constraint) {
    close("constraint", ...nxDefined(X.constraint, constraint(g)));
    close("constraint weighted", ...nxDefined(X.constraint_w, constraint(g, { weighted: true })));
  }
  scalarClose("assortativity", degreeAssortativity(g), X.assortativity, 1e-9); checks++;
  if (X.eigenvector) {
    close("eigenvector", eigenvector(g), X.eigenvector, 1e-6);
    close("eigenvector weighted", eigenvector(g, { weighted: true }), X.eigenvector_w, 1e-6);
  }
  expect(groups(g, weakComponents(g))).toEqual(X.weak); checks++;
  if (directed) { expect(groups(g, strongComponents(g))).toEqual(X.strong); checks++; }
  close("clustering (directed: Fagiolo)", clustering(g), X.clustering_any, 1e-12);
  close("clustering weighted", clustering(g, { weighted: true }), X.clustering_w, 1e-12);
  scalarClose("average clustering (any)", averageClustering(g), X.average_clustering_any, 1e-12);
  scalarClose("average clustering weighted", averageClustering(g, { weighted: true }), X.average_clustering_w, 1e-12);
  checks += 2;
  if (!directed) {
    close("clustering", clustering(g), X.clustering);
    scalarClose("average clustering", averageClustering(g), X.average_clustering, 1e-12);
    scalarClose("transitivity", transitivity(g), X.transitivity, 1e-12);
    scalarClose("global efficiency", globalEfficiency(g), X.efficiency, 1e-12);
    const cut = cutStructure(g);
    expect(Array.from(cut.articulation, (v) => g.ids[v] as string).sort()).toEqual(X.articulation);
    expect(cut.bridges.map(([a, b]) => [g.ids[a] as string, g.ids[b] as string].sort()).sort()).toEqual(X.bridges);
    close("collective influence", collectiveInfluence(g), X.ci);
    close("collective influence weighted", collectiveInfluence(g, { weighted: true }), X.ci_w);
    scalarClose("modularity of our Leiden partition", modularity(g, (leid as { membership: Int32Array }).membership), X.modularity_of_partition, 1e-12);
    // Community quality: not worse than networkx's Louvain by more than a little.
    const lq = louvain(g, { seed: 1 }).modularity;
    expect(lq, "louvain modularity vs networkx").toBeGreaterThan((X.louvain_q as number) - 0.03);
    expect((leid as { modularity: number }).modularity, "leiden modularity vs networkx louvain").toBeGreaterThan((X.louvain_q as number) - 0.03);
    checks += 9;
  }
  if (I.degree) {
    const n = g.n;
    const undirectedFactor = directed ? 1 : 2;
    const bnorm = n > 2 ? undirectedFactor / ((n - 1) * (n - 2)) : 1;
    close("igraph degree", directed ? degree(g) : degree(g), I.degree);
    close("igraph betweenness", betweenness(g), scale(I.betweenness_raw as number[], bnorm), 1e-9);
    close("igraph betweenness weighted", betweenness(g, { weights: "distance" }), scale(I.betweenness_w_raw as number[], bnorm), 1e-9);
    close("igraph closeness", closeness(g, { wfImproved: false }), I.closeness_nowf);
    close("igraph harmonic", harmonic(g), I.harmonic);
    close("igraph pagerank", pagerank(g, { tol: 1e-13 }), I.pagerank, 1e-6);
    close("igraph pagerank weighted", pagerank(g, { weighted: true, tol: 1e-13 }), I.pagerank_w, 1e-6);
    close("igraph coreness", coreNumber(g), I.coreness);
    close("igraph constraint", constraint(g, { weighted: false }), I.constraint, 1e-9);
    close("igraph constraint weighted", constraint(g, { weighted: true }), I.constraint_w, 1e-9);
    scalarClose("igraph assortativity", degreeAssortativity(g), I.assortativity, 1e-9); checks++;
    if (!directed) close("igraph clustering", clustering(g), I.clustering);
    if (I.eigenvector_scaled) {
      const ev = eigenvector(g);
      const max = Math.max(...ev);
      close("igraph eigenvector", scale(ev, 1 / max), I.eigenvector_scaled, 1e-6);
    }
  }
  return checks;
}
