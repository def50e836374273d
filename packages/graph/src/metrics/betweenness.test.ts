import { describe, expect, it } from "vitest";
import { buildGraph } from "../core/build";
import { parseEdgeList } from "../io/parse-edges";
import { randomEdgeLines } from "../testing/random-graphs";
import { betweenness, samplesForError, samplingErrorBound } from "./betweenness";

const graph = buildGraph(parseEdgeList(randomEdgeLines({ n: 300, p: 0.02, seed: 11, directed: false, connected: true }).join("\n")));

describe("betweenness", () => {
  it("a path's middle node lies on every other pair's path", () => {
    const g = buildGraph(parseEdgeList("a b\nb c\n"));
    expect(Array.from(betweenness(g))).toEqual([0, 1, 0]);
    expect(Array.from(betweenness(g, { normalized: false }))).toEqual([0, 1, 0]);
  });

  it("sampling every source equals the exact result", () => {
    expect(Array.from(betweenness(graph, { samples: graph.n, seed: 3 }))).toEqual(Array.from(betweenness(graph)));
  });

  it("sampled estimates stay within the stated error bound", () => {
    const exact = betweenness(graph);
    const k = 120;
    const est = betweenness(graph, { samples: k, seed: 5 });
    // Normalised per-source contributions are ≤ 1/(n−2)·n/(n−1) ≈ 1/n·n … the Hoeffding bound is
    // stated for normalised scores; check the largest deviation against it.
    let worst = 0;
    for (let v = 0; v < graph.n; v++) worst = Math.max(worst, Math.abs((est[v] as number) - (exact[v] as number)));
    expect(worst).toBeLessThan(samplingErrorBound(graph.n, k));
    expect(worst).toBeGreaterThan(0);
  });

  it("samplesForError inverts the bound", () => {
    const k = samplesForError(1_000_000, 0.01);
    expect(samplingErrorBound(1_000_000, k)).toBeLessThanOrEqual(0.01);
    expect(samplingErrorBound(1_000_000, k - 1)).toBeGreaterThan(0.01);
  });
});
