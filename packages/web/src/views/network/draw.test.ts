import { describe, expect, it } from "vitest";
import { drawModel, edgeLabel, edgeTypeColour } from "./draw";
import { EMPTY_GRAPH, mergeNeighbourhood, visibleEdges } from "./graph-model";
import { communityColour, schemaStyle } from "./style";

const g = mergeNeighbourhood(EMPTY_GRAPH, ["p"], {
  network: {
    nodes: [{ id: "p", schema: "Person", label: "Piet" }, { id: "c", schema: "Company", label: "BV" }, { id: "q", schema: "Person", label: "Q" }],
    edges: [
      { source: "p", target: "c", type: "Directorship", directed: true, weight: 1, count: 1, evidence: ["d1"] },
      { source: "c", target: "q", type: "Payment", directed: true, weight: 8, count: 8, amount: 12345.6, period: "2026-03", evidence: [] },
    ],
  },
  hidden: 0, truncated: false,
});

describe("drawModel", () => {
  const positions = new Map([["p", { x: 0, y: 0 }], ["c", { x: 1, y: 0 }], ["q", { x: 2, y: 1 }]]);
  it("colours by schema, sizes by score and draws only edges between drawn nodes", () => {
    const d = drawModel(g, visibleEdges(g, { types: null }), { positions, scores: new Map([["p", 4], ["c", 1], ["q", 0]]), colourBy: "schema", communities: null });
    expect(d.nodes.map((n) => [n.id, n.color])).toEqual([["p", schemaStyle("Person").colour], ["c", schemaStyle("Company").colour], ["q", schemaStyle("Person").colour]]);
    const size = Object.fromEntries(d.nodes.map((n) => [n.id, n.size]));
    expect(size.p).toBeGreaterThan(size.c ?? 0);
    expect(size.c).toBeGreaterThan(size.q ?? 0);
    expect(d.edges).toHaveLength(2);
    expect(d.edges[1]?.size).toBeGreaterThan(d.edges[0]?.size ?? 0); // weight 8 is thicker
    const partial = drawModel(g, visibleEdges(g, { types: null }), { positions: new Map([["p", { x: 0, y: 0 }], ["c", { x: 1, y: 1 }]]), scores: new Map(), colourBy: "schema", communities: null });
    expect(partial.edges.map((e) => e.target)).toEqual(["c"]);
  });
  it("colours by community when asked, schema colour for nodes without one", () => {
    const d = drawModel(g, [], { positions, scores: new Map(), colourBy: "community", communities: new Map([["p", 3], ["c", 3]]) });
    expect(d.nodes.map((n) => n.color)).toEqual([communityColour(3), communityColour(3), schemaStyle("Person").colour]);
  });
  it("labels edges with count, amount and period and colours them by type", () => {
    const e = [...g.edges.values()][1];
    expect(e && edgeLabel(e)).toBe("Payment ×8 €12.346 2026-03");
    expect(edgeTypeColour("Payment")).toBe(edgeTypeColour("Payment"));
    expect(edgeTypeColour("Payment")).toMatch(/^#[0-9a-f]{6}99$/);
  });
});
