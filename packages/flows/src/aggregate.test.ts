import { describe, expect, it } from "vitest";
import { aggregateFlows, periodLabel } from "./aggregate";
import { table } from "./test-util";

describe("aggregateFlows", () => {
  it("sums flows between groups per period and drops internal ones", () => {
    const t = table("A1>B 100 0\nA2>B 50 1\nA1>A2 70 2\nB>A1 30 40");
    const links = aggregateFlows(t, { period: "month", groupOf: (a) => (a.startsWith("A") ? "Alice" : a) });
    expect(links).toEqual([
      { source: "Alice", target: "B", period: "2025-01", amount: 150, count: 2 },
      { source: "B", target: "Alice", period: "2025-02", amount: 30, count: 1 },
    ]);
    expect(aggregateFlows(t, { period: "all", includeInternal: true, groupOf: () => "x" })).toEqual([{ source: "x", target: "x", period: "all", amount: 250, count: 4 }]);
  });
  it("labels ISO weeks and quarters", () => {
    expect(periodLabel(Date.UTC(2025, 0, 1) / 1000, "week")).toBe("2025-W01");
    expect(periodLabel(Date.UTC(2024, 11, 30) / 1000, "week")).toBe("2025-W01");
    expect(periodLabel(Date.UTC(2025, 4, 1) / 1000, "quarter")).toBe("2025-Q2");
  });
});
