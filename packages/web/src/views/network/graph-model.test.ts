import { describe, expect, it } from "vitest";
import { degrees, edgeTypeCounts, EMPTY_GRAPH, expansionNotice, expansionOf, inWindow, mergeNeighbourhood, visibleEdges, type ApiEdge, type Neighbourhood } from "./graph-model";

const edge = (source: string, target: string, type: string, extra: Partial<ApiEdge> = {}): ApiEdge =>
  ({ source, target, type, directed: false, weight: 1, count: 1, evidence: [], ...extra });
const nb = (nodes: string[], edges: ApiEdge[], hidden = 0, truncated = false): Neighbourhood =>
  ({ network: { nodes: nodes.map((id) => ({ id, schema: "Person", label: id.toUpperCase() })), edges }, hidden, truncated });

describe("mergeNeighbourhood", () => {
  it("unions nodes and edges of successive expansions without duplicates", () => {
    const g1 = mergeNeighbourhood(EMPTY_GRAPH, ["a"], nb(["a", "b"], [edge("a", "b", "Family")], 2));
    const g2 = mergeNeighbourhood(g1, ["b"], nb(["b", "a", "c"], [edge("a", "b", "Family"), edge("b", "c", "Payment", { period: "2026-03" })], 1, true));
    expect([...g2.nodes.keys()].sort()).toEqual(["a", "b", "c"]);
    expect(g2.edges.size).toBe(2);
    expect(g1.nodes.size).toBe(2); // the earlier state is untouched
    expect(expansionOf(g2, "a")).toEqual({ seeds: ["a"], hidden: 2, truncated: false });
    expect(expansionOf(g2, "b")?.truncated).toBe(true);
    expect(expansionOf(g2, "c")).toBeUndefined();
    expect(expansionNotice(g2)).toEqual({ hidden: 3, truncated: 1 });
  });
  it("keeps payments of different periods between the same pair apart", () => {
    const g = mergeNeighbourhood(EMPTY_GRAPH, ["a"], nb(["a", "b"], [edge("a", "b", "Payment", { period: "2026-01" }), edge("a", "b", "Payment", { period: "2026-02" })]));
    expect(g.edges.size).toBe(2);
  });
});

describe("filters", () => {
  const g = mergeNeighbourhood(EMPTY_GRAPH, ["a"], nb(["a", "b", "c"], [
    edge("a", "b", "Family"),
    edge("a", "c", "Payment", { start: "2026-03-01", end: "2026-03-31" }),
    edge("b", "c", "Payment", { start: "2025-01-10" }),
    edge("a", "x", "Ownership"), // x is not a node: never drawn
  ]));
  it("filters by edge type", () => {
    expect(visibleEdges(g, { types: new Set(["Family"]) }).map((e) => e.target)).toEqual(["b"]);
    expect(visibleEdges(g, { types: null })).toHaveLength(3);
  });
  it("filters by a [since, until) window and keeps undated edges", () => {
    expect(visibleEdges(g, { types: null, since: "2026-01-01" }).map((e) => `${e.source}${e.target}`)).toEqual(["ab", "ac"]);
    expect(visibleEdges(g, { types: null, until: "2026-03-01" }).map((e) => `${e.source}${e.target}`)).toEqual(["ab", "bc"]);
    expect(inWindow(edge("a", "b", "Payment", { start: "2026-03-31" }), "2026-03-31", "2026-04-01")).toBe(true);
    expect(inWindow(edge("a", "b", "Payment", { start: "2026-04-01" }), undefined, "2026-04-01")).toBe(false);
  });
  it("counts edge types and degrees", () => {
    expect(edgeTypeCounts(g)).toEqual([{ type: "Payment", count: 2 }, { type: "Family", count: 1 }, { type: "Ownership", count: 1 }]);
    const d = degrees(g.nodes.keys(), visibleEdges(g, { types: null }));
    expect(Object.fromEntries(d)).toEqual({ a: 2, b: 2, c: 2 });
  });
});
