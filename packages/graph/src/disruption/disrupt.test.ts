import { describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { buildGraph } from "../core/build";
import { parseEdgeList } from "../io/parse-edges";
import { randomEdgeLines } from "../testing/random-graphs";
import { disrupt } from "./disrupt";
import { idOrder, rankNodes, tieKeys } from "./ranking";

const g = (text: string) => buildGraph(parseEdgeList(text));

describe("disrupt", () => {
  it("removing a star's hub first shatters it", () => {
    const steps = disrupt(g("h a\nh b\nh c\nh d\n"), { strategy: "degree", maxRemoved: 1 });
    expect(steps.map((s) => [s.removed, s.nodes, s.lccSize, s.components])).toEqual([[0, [], 5, 1], [1, ["h"], 1, 4]]);
    expect(steps[1]?.lccFraction).toBeCloseTo(0.2, 15);
    expect(steps[1]?.efficiency).toBe(0);
  });

  it("records efficiency of the remaining graph", () => {
    const steps = disrupt(g("a b\nb c\n"), { strategy: "degree", maxRemoved: 0 });
    // pairs: a-b 1, b-c 1, a-c 1/2 → (1+1+0.5)·2 / (3·2)
    expect(steps[0]?.efficiency).toBeCloseTo(5 / 6, 15);
  });

  it("applies each tie rule on a graph of equal scores", () => {
    // A 4-cycle: every node has degree 2. Ids 10, 9, 200, 3 appear in that order.
    const cycle = g("10 9\n9 200\n200 3\n3 10\n");
    const first = (tieBreak: "lowest" | "highest" | "first-seen" | "last-seen") => disrupt(cycle, { strategy: "degree", tieBreak, maxRemoved: 1 })[1]?.nodes[0];
    expect(first("lowest")).toBe("3");
    expect(first("highest")).toBe("200");
    expect(first("first-seen")).toBe("10");
    expect(first("last-seen")).toBe("3");
  });

  it("block mode removes block-size nodes per step and the LCC never grows", () => {
    const graph = buildGraph(parseEdgeList(randomEdgeLines({ n: 60, p: 0.08, seed: 9, directed: false, connected: true }).join("\n")));
    const steps = disrupt(graph, { strategy: "betweenness", mode: "block", blockSize: 4 });
    expect(steps.map((s) => s.removed)).toEqual(Array.from({ length: 16 }, (_, i) => Math.min(60, i * 4)));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.lccSize).toBeLessThanOrEqual(steps[i - 1]!.lccSize);
    expect(steps.at(-1)?.lccSize).toBe(0);
  });

  it("random removal is reproducible per seed and differs across seeds", () => {
    const graph = buildGraph(parseEdgeList(randomEdgeLines({ n: 40, p: 0.1, seed: 2, directed: false, connected: true }).join("\n")));
    const order = (seed: number) => disrupt(graph, { strategy: "random", seed, efficiency: false }).flatMap((s) => s.nodes);
    expect(order(1)).toEqual(order(1));
    expect(order(1)).not.toEqual(order(2));
    expect(new Set(order(1)).size).toBe(40);
  });

  it("follows an analyst's list and rejects unknown ids with NOT_FOUND", () => {
    const graph = g("a b\nb c\nc d\n");
    expect(disrupt(graph, { strategy: "list", list: ["c", "a"] }).map((s) => s.nodes.join())).toEqual(["", "c", "a"]);
    try { disrupt(graph, { strategy: "list", list: ["zz"] }); expect.unreachable(); } catch (e) { expect(isVizierError(e, "NOT_FOUND")).toBe(true); }
  });
});

describe("ranking", () => {
  it("orders ids numerically when all are numbers, else as strings", () => {
    expect(Array.from(idOrder(["10", "9", "100"]))).toEqual([1, 0, 2]);
    expect(Array.from(idOrder(["b", "a", "10"]))).toEqual([2, 1, 0]);
  });
  it("ranks NaN scores last", () => {
    const score = Float64Array.of(NaN, 1, 2);
    const keys = tieKeys("lowest", Int32Array.of(0, 1, 2), idOrder(["a", "b", "c"]));
    expect(Array.from(rankNodes(score, keys))).toEqual([2, 1, 0]);
  });
});
