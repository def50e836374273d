import { describe, expect, it } from "vitest";
import { alertsOf, names, noise, table } from "../test-util";
import { detectPatterns } from "./index";

describe("bipartite and stack", () => {
  it("fires on two payers each paying the same three beneficiaries", () => {
    const t = table(`${noise(5, 100)}\nP1>R1 150 10\nP1>R2 150 11\nP1>R3 150 12\nP2>R1 150 13\nP2>R2 150 14\nP2>R3 150 15`);
    const a = alertsOf(t, "bipartite");
    expect(a).toHaveLength(1);
    expect(names(t, a[0]!)).toEqual(["P1", "P2", "R1", "R2", "R3"]);
  });

  it("near-miss: two payers sharing only one beneficiary", () => {
    expect(alertsOf(table("P1>R1 150 10\nP1>R2 150 11\nP2>R1 150 13\nP2>R4 150 14"), "bipartite")).toHaveLength(0);
  });

  it("three layers become one stack alert", () => {
    const l1 = ["A1", "A2"];
    const l2 = ["B1", "B2"];
    const l3 = ["C1", "C2", "C3"];
    const lines: string[] = [];
    let d = 10;
    for (const x of l1) for (const y of l2) lines.push(`${x}>${y} 300 ${d++}`);
    for (const x of l2) for (const y of l3) lines.push(`${x}>${y} 200 ${d++}`);
    const t = table(lines.join("\n"));
    const a = alertsOf(t, "stack");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(10);
    expect(alertsOf(t, "bipartite")).toHaveLength(0);
  });
});

describe("stack seen from its corners", () => {
  it("a 3-3-3 stack is one stack alert, not scatter-gathers or gather-scatters", () => {
    const lines: string[] = [];
    let d = 10;
    for (const x of ["A1", "A2", "A3"]) for (const y of ["B1", "B2", "B3"]) lines.push(`${x}>${y} 300 ${d++ / 2}`);
    for (const x of ["B1", "B2", "B3"]) for (const y of ["C1", "C2", "C3"]) lines.push(`${x}>${y} 300 ${d++ / 2}`);
    const t = table(`${noise(5, 100)}\n${lines.join("\n")}`);
    const all = detectPatterns(t).alerts.filter((a) => !["pass_through", "round_amounts", "structuring"].includes(a.pattern));
    expect(all.map((a) => a.pattern)).toEqual(["stack"]);
    expect(all[0]!.txs).toHaveLength(18);
  });
});

describe("scatter-gather and gather-scatter", () => {
  const sg = (gatherDay: (k: number) => number): string =>
    [0, 1, 2, 3].map((k) => `S>M${k} 200 ${10 + k}\nM${k}>T 180 ${gatherDay(k)}`).join("\n");

  it("scatter-gather fires when each intermediate passes money on to one sink", () => {
    const t = table(`${noise(5, 100)}\n${sg((k) => 16 + k)}`);
    const a = alertsOf(t, "scatter_gather");
    expect(a).toHaveLength(1);
    expect(names(t, a[0]!)).toEqual(["M0", "M1", "M2", "M3", "S", "T"]);
  });

  it("near-miss: the gather legs happen before the scatter legs", () => {
    expect(alertsOf(table(sg((k) => 2 + k)), "scatter_gather")).toHaveLength(0);
  });

  it("near-miss: only two intermediates", () => {
    expect(alertsOf(table("S>M0 200 10\nM0>T 180 12\nS>M1 200 10\nM1>T 180 13"), "scatter_gather")).toHaveLength(0);
  });

  const gs = (scatterDay: number): string => [
    ...[0, 1, 2, 3, 4].map((k) => `G${k}>H ${150 + k * 10} ${10 + k}`),
    ...[0, 1, 2, 3, 4].map((k) => `H>R${k} 153 ${scatterDay + k}`),
  ].join("\n");

  it("gather-scatter fires when a hub collects and then pays out most of it", () => {
    const t = table(`${noise(5, 100)}\n${gs(18)}`);
    const a = alertsOf(t, "gather_scatter");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(10);
  });

  it("near-miss: the hub pays out before it collects", () => {
    expect(alertsOf(table(gs(1)), "gather_scatter")).toHaveLength(0);
  });
});
