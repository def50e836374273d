import { describe, expect, it } from "vitest";
import { lccCurve, pathEdgeKeys, shortestPath } from "./paths";

const L = (pairs: string): { source: string; target: string; key: string }[] =>
  pairs.split(" ").map((p, i) => ({ source: p[0] ?? "", target: p[1] ?? "", key: `k${i}` }));

describe("shortestPath", () => {
  it("finds a shortest path ignoring direction", () => {
    const links = L("ab bc cd ae ed");
    const p = shortestPath(links, "a", "d");
    expect(p).toHaveLength(3);
    expect(p?.[0]).toBe("a");
    expect(p?.[2]).toBe("d");
    expect(shortestPath(links, "d", "a")?.length).toBe(3);
  });
  it("returns null between components and the node itself for from = to", () => {
    const links = L("ab cd");
    expect(shortestPath(links, "a", "d")).toBeNull();
    expect(shortestPath(links, "a", "a")).toEqual(["a"]);
  });
  it("marks the edges along the path in either direction", () => {
    const links = L("ab cb cd");
    expect([...pathEdgeKeys(links, ["a", "b", "c", "d"])].sort()).toEqual(["k0", "k1", "k2"]);
    expect([...pathEdgeKeys(links, ["a", "b"])]).toEqual(["k0"]);
  });
});

/** Naive reference: rebuild components from scratch after each removal. */
function naiveLcc(nodes: string[], links: { source: string; target: string }[], removed: Set<string>): number {
  const alive = nodes.filter((n) => !removed.has(n));
  const seen = new Set<string>();
  let best = 0;
  for (const s of alive) {
    if (seen.has(s)) continue;
    let size = 0;
    const stack = [s];
    seen.add(s);
    while (stack.length) {
      const u = stack.pop() ?? "";
      size++;
      for (const e of links) {
        const v = e.source === u ? e.target : e.target === u ? e.source : null;
        if (v !== null && !removed.has(v) && !seen.has(v)) { seen.add(v); stack.push(v); }
      }
    }
    best = Math.max(best, size);
  }
  return best;
}

describe("lccCurve", () => {
  it("matches recomputing the components after every removal", () => {
    // A seeded pseudo-random graph of 40 nodes, 60 edges.
    let x = 12345;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const nodes = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const links = Array.from({ length: 60 }, () => ({ source: nodes[Math.floor(rnd() * 40)] ?? "", target: nodes[Math.floor(rnd() * 40)] ?? "" }));
    const order = [...nodes].sort(() => rnd() - 0.5).slice(0, 15);
    const curve = lccCurve(nodes, links, order);
    expect(curve).toHaveLength(16);
    for (const { removed, lcc } of curve) expect(lcc).toBe(naiveLcc(nodes, links, new Set(order.slice(0, removed))));
  });
  it("removing a star's hub leaves singletons", () => {
    const links = L("ab ac ad ae");
    expect(lccCurve(["a", "b", "c", "d", "e"], links, ["a"])).toEqual([{ removed: 0, lcc: 5 }, { removed: 1, lcc: 1 }]);
  });
});
