/**
 * Differential tests: every metric against networkx and igraph on seeded random graphs (directed
 * and undirected, connected and fragmented, weighted). See testing/compare.ts for the list.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { oracleAvailable, runOracle } from "../testing/oracle";
import type { OracleOutput } from "../testing/oracle";
import { compareWithPeers, prepare } from "../testing/compare";
import { randomEdgeLines } from "../testing/random-graphs";

const available = oracleAvailable();
const cases = [
  { n: 60, p: 0.06, seed: 1, directed: false, connected: true },
  { n: 80, p: 0.02, seed: 2, directed: false, connected: false },
  { n: 40, p: 0.15, seed: 3, directed: false, connected: true },
  { n: 50, p: 0.05, seed: 4, directed: true, connected: true },
  { n: 70, p: 0.03, seed: 5, directed: true, connected: false },
];

describe.skipIf(!available)("metrics agree with networkx and igraph on random graphs", () => {
  const prepared = cases.map((c) => prepare(randomEdgeLines(c), c.directed));
  let answers: OracleOutput[] = [];
  beforeAll(() => { answers = runOracle(prepared.map((p) => p.job)); });
  cases.forEach((c, k) => {
    it(`${c.directed ? "directed" : "undirected"} n=${c.n} p=${c.p} seed=${c.seed}${c.connected ? " connected" : ""}`, () => {
      expect(compareWithPeers(prepared[k]!, answers[k]!)).toBeGreaterThan(20);
    });
  });
});
