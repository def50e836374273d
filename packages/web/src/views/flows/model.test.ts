import { describe, expect, it } from "vitest";
import { euro, partyTotals, sankeyModel, sumPairs, type FlowLink } from "./model";

const P = (id: string) => ({ id, label: id.toUpperCase() });
const L = (s: string, t: string, amount: number, period = "all", count = 1): FlowLink => ({ source: P(s), target: P(t), amount, period, count });

/** True when the links contain no directed cycle (what ECharts' Sankey needs). */
function acyclic(links: { source: string; target: string }[]): boolean {
  const adj = new Map<string, string[]>();
  for (const l of links) adj.set(l.source, [...(adj.get(l.source) ?? []), l.target]);
  const state = new Map<string, number>();
  const visit = (u: string): boolean => {
    if (state.get(u) === 1) return false;
    if (state.get(u) === 2) return true;
    state.set(u, 1);
    for (const v of adj.get(u) ?? []) if (!visit(v)) return false;
    state.set(u, 2);
    return true;
  };
  return [...adj.keys()].every(visit);
}

describe("sankeyModel", () => {
  it("sums periods per pair and keeps a DAG, leaving the smallest link of a cycle out", () => {
    const links = [L("a", "b", 100, "2026-01"), L("a", "b", 50, "2026-02"), L("b", "c", 120), L("c", "a", 10), L("c", "d", 30)];
    const m = sankeyModel(links);
    expect(m.links.find((l) => l.source === "a" && l.target === "b")?.value).toBe(150);
    expect(m.links.find((l) => l.source === "a" && l.target === "b")?.count).toBe(2);
    expect(m.cyclic).toEqual([{ source: "c", target: "a", value: 10 }]);
    expect(acyclic(m.links)).toBe(true);
    expect(m.nodes.map((n) => n.name).sort()).toEqual(["a", "b", "c", "d"]);
    expect(m.nodes.find((n) => n.name === "a")?.label).toBe("A");
  });
  it("drops self-links and stays acyclic on a dense random flow", () => {
    let x = 7;
    const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    const ids = "abcdefgh".split("");
    const links = Array.from({ length: 80 }, () => L(ids[Math.floor(rnd() * 8)] ?? "a", ids[Math.floor(rnd() * 8)] ?? "a", Math.round(rnd() * 1000)));
    const m = sankeyModel(links);
    expect(acyclic(m.links)).toBe(true);
    expect(m.links.every((l) => l.source !== l.target)).toBe(true);
    // nothing is lost: shown + left out = every pair's total
    const total = sumPairs(links).reduce((s, p) => s + p.amount, 0);
    expect(m.links.reduce((s, l) => s + l.value, 0) + m.cyclic.reduce((s, l) => s + l.value, 0)).toBeCloseTo(total);
  });
});

describe("partyTotals and euro", () => {
  it("adds inflow and outflow per party", () => {
    const t = partyTotals([L("a", "b", 100), L("b", "c", 60), L("c", "a", 5)]);
    expect(t.map((x) => [x.party.id, x.inflow, x.outflow])).toEqual([["b", 100, 60], ["a", 5, 100], ["c", 60, 5]]);
  });
  it("formats euros per language", () => {
    expect(euro(12345.6, "nl")).toMatch(/€\s?12\.346/);
    expect(euro(12345.6, "en")).toBe("€12,346");
  });
});
