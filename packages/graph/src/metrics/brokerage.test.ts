import { describe, expect, it } from "vitest";
import { buildGraph } from "../core/build";
import { parseEdgeList } from "../io/parse-edges";
import { brokerage } from "./brokerage";

describe("Gould–Fernandez brokerage", () => {
  // a → b → c with every group pattern: groups chosen per case; a → c closes the triad in the last case.
  const g = buildGraph(parseEdgeList("a b\nb c\n"), { directed: true });
  const role = (ga: number, gb: number, gc: number) => {
    const r = brokerage(g, [ga, gb, gc]);
    return (["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const).filter((k) => r[k][1] === 1);
  };
  it("classifies each group pattern of a → b → c", () => {
    expect(role(0, 0, 0)).toEqual(["coordinator"]);
    expect(role(0, 1, 0)).toEqual(["itinerant"]);
    expect(role(0, 0, 1)).toEqual(["representative"]);
    expect(role(1, 0, 0)).toEqual(["gatekeeper"]);
    expect(role(0, 1, 2)).toEqual(["liaison"]);
  });
  it("a closed triad is not brokered; undirected pairs count once", () => {
    const closed = buildGraph(parseEdgeList("a b\nb c\na c\n"), { directed: true });
    expect(brokerage(closed, [0, 0, 0]).total[1]).toBe(0);
    const u = buildGraph(parseEdgeList("a b\nb c\n"));
    expect(Array.from(brokerage(u, [0, 0, 0]).total)).toEqual([0, 1, 0]);
  });
});
