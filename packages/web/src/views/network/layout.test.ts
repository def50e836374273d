import { describe, expect, it } from "vitest";
import { iterationsFor, layout, seedPositions } from "./layout";

describe("seedPositions", () => {
  it("keeps placed nodes and puts new neighbours next to their anchor", () => {
    const known = new Map([["a", { x: 100, y: 100 }]]);
    const p = seedPositions(["a", "b", "c", "z"], [{ source: "a", target: "b" }, { source: "c", target: "a" }], known);
    expect(p.get("a")).toEqual({ x: 100, y: 100 });
    for (const id of ["b", "c"]) {
      const q = p.get(id);
      expect(Math.hypot((q?.x ?? 0) - 100, (q?.y ?? 0) - 100)).toBeLessThan(3);
    }
    expect(Math.hypot(p.get("z")?.x ?? 0, p.get("z")?.y ?? 0)).toBeLessThan(5); // the unanchored one is on the spiral near the origin
    expect(p.get("b")).not.toEqual(p.get("c"));
  });
});

describe("layout", () => {
  it("gives every node a finite position and pulls linked nodes closer than unlinked ones", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    // two cliques of 15, one bridge
    const links: { source: string; target: string }[] = [];
    for (let c = 0; c < 2; c++) for (let i = 0; i < 15; i++) for (let j = i + 1; j < 15; j++) links.push({ source: `n${c * 15 + i}`, target: `n${c * 15 + j}` });
    links.push({ source: "n0", target: "n15" });
    const p = layout(ids, links, new Map());
    expect(p.size).toBe(30);
    for (const q of p.values()) expect(Number.isFinite(q.x) && Number.isFinite(q.y)).toBe(true);
    const d = (a: string, b: string) => Math.hypot((p.get(a)?.x ?? 0) - (p.get(b)?.x ?? 0), (p.get(a)?.y ?? 0) - (p.get(b)?.y ?? 0));
    let within = 0;
    let across = 0;
    for (let i = 1; i < 15; i++) { within += d("n1", `n${i + 1 > 14 ? 2 : i + 1}`); across += d("n1", `n${15 + i}`); }
    expect(within).toBeLessThan(across);
  });
  it("is deterministic and scales the iteration count down with size", () => {
    const links = [{ source: "a", target: "b" }, { source: "b", target: "c" }];
    expect([...layout(["a", "b", "c"], links, new Map())]).toEqual([...layout(["a", "b", "c"], links, new Map())]);
    expect(iterationsFor(100)).toBeGreaterThan(iterationsFor(5000));
  });
});
