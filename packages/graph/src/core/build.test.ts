import { describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { buildGraph } from "./build";
import { graphFromTypedEdges } from "./typed-edges";
import { inducedSubgraph } from "./subgraph";
import { parseEdgeList } from "../io/parse-edges";

const row = (off: Int32Array, tg: Int32Array, v: number): number[] => Array.from(tg.subarray(off[v], off[v + 1]));

describe("buildGraph", () => {
  it("keeps first-appearance neighbour order and the last weight of a repeated pair", () => {
    const g = buildGraph(parseEdgeList("a b 1\na c 2\nb a 7\nc d 1\n"));
    expect(g.m).toBe(3);
    expect(row(g.outOffsets, g.outTargets, 0)).toEqual([1, 2]);
    expect(Array.from(g.outWeights.subarray(0, 2))).toEqual([7, 2]);
    // The reverse entry carries the same (last) weight.
    const b = g.outOffsets[1] as number;
    expect(g.outWeights[b]).toBe(7);
  });

  it("drops self-loops and builds separate in- and out-rows when directed", () => {
    const g = buildGraph(parseEdgeList("a b\nb c\nc c\nc a\n"), { directed: true });
    expect(g.m).toBe(3);
    expect(row(g.outOffsets, g.outTargets, 2)).toEqual([0]);
    expect(row(g.inOffsets, g.inTargets, 0)).toEqual([2]);
    expect(g.inTargets).not.toBe(g.outTargets);
  });

  it("rejects edges naming unknown nodes", () => {
    try {
      buildGraph({ ids: ["a"], sources: Int32Array.of(0), targets: Int32Array.of(3) });
      expect.unreachable();
    } catch (e) { expect(isVizierError(e, "INVALID_ARGUMENT")).toBe(true); }
  });

  it("induced subgraphs keep order and drop edges to removed nodes", () => {
    const g = buildGraph(parseEdgeList("a b\nb c\nc a\nc d\n"));
    const { graph: h, original } = inducedSubgraph(g, Uint8Array.of(1, 0, 1, 1));
    expect(h.ids).toEqual(["a", "c", "d"]);
    expect(Array.from(original)).toEqual([0, 2, 3]);
    expect(h.m).toBe(2);
  });
});

describe("graphFromTypedEdges", () => {
  const edges = [
    { source: "p1", target: "p2", type: "Payment", weight: 100, time: 10 },
    { source: "p2", target: "p1", type: "Payment", weight: 50, time: 20 },
    { source: "p1", target: "c1", type: "Directorship", time: 5 },
    { source: "p2", target: "p3", type: "Payment", weight: 5, time: 99 },
  ];
  it("filters by type and time window and sums parallel edges of a pair", () => {
    const g = graphFromTypedEdges(edges, { types: ["Payment"], from: 0, to: 50 });
    expect(g.ids).toEqual(["p1", "p2"]);
    expect(g.m).toBe(1);
    expect(g.outWeights[0]).toBe(150);
  });
  it("keeps direction when asked", () => {
    const g = graphFromTypedEdges(edges, { types: ["Payment"], directed: true });
    expect(g.m).toBe(3);
  });
});
