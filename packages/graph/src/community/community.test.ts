import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildGraph } from "../core/build";
import { inducedSubgraph } from "../core/subgraph";
import { parseEdgeList } from "../io/parse-edges";
import { weakComponents } from "../metrics/components";
import { randomEdgeLines } from "../testing/random-graphs";
import { louvain } from "./louvain";
import { leiden } from "./leiden";
import { modularity } from "./modularity";

function cliques(k: number, size: number): string {
  const lines: string[] = [];
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) lines.push(`c${c}n${i} c${c}n${j}`);
    lines.push(`c${c}n0 c${(c + 1) % k}n1`);
  }
  return lines.join("\n");
}

describe("community detection", () => {
  const ring = buildGraph(parseEdgeList(cliques(6, 5)));
  for (const [name, algo] of [["louvain", louvain], ["leiden", leiden]] as const) {
    it(`${name} finds the cliques of a ring of cliques`, () => {
      const r = algo(ring, { seed: 1 });
      expect(r.count).toBe(6);
      for (let v = 0; v < ring.n; v++) {
        const clique = (ring.ids[v] as string).split("n")[0];
        for (let u = 0; u < ring.n; u++) {
          if ((ring.ids[u] as string).split("n")[0] === clique) expect(r.membership[u]).toBe(r.membership[v]);
        }
      }
      expect(r.modularity).toBeCloseTo(modularity(ring, r.membership), 12);
    });
  }

  it("modularity matches the closed form for two triangles joined by an edge", () => {
    const g = buildGraph(parseEdgeList("a b\nb c\nc a\nd e\ne f\nf d\nc d\n"));
    // m = 7; each side: 3 inner edges, degree sum 7 → 2·(3/7 − (7/14)²)
    expect(modularity(g, [0, 0, 0, 1, 1, 1])).toBeCloseTo(2 * (3 / 7 - 0.25), 15);
    expect(modularity(g, [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
  });

  it("Leiden communities are always connected (its guarantee), Louvain's need not be", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
      const g = buildGraph(parseEdgeList(randomEdgeLines({ n: 120, p: 0.03, seed, directed: false, connected: false }).join("\n")));
      const r = leiden(g, { seed });
      for (let c = 0; c < r.count; c++) {
        const keep = Uint8Array.from(r.membership, (x) => (x === c ? 1 : 0));
        expect(weakComponents(inducedSubgraph(g, keep).graph).count).toBe(1);
      }
    }), { seed: 42, numRuns: 15 });
  });
});
