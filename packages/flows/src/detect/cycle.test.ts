import { describe, expect, it } from "vitest";
import { alertsOf, names, noise, table } from "../test-util";

describe("cycle", () => {
  it("fires on money returning through four accounts", () => {
    const t = table(`${noise(5, 100)}\nA>B 1000 10\nB>C 900 12\nC>D 810 13\nD>A 729 15`);
    const a = alertsOf(t, "cycle");
    expect(a).toHaveLength(1);
    expect(names(t, a[0]!)).toEqual(["A", "B", "C", "D"]);
    expect(a[0]!.amount).toBeCloseTo(3439, 2);
    expect(a[0]!.explanation).toContain("time-respecting");
  });

  it("near-miss: a chain that does not close", () => {
    expect(alertsOf(table("A>B 1000 10\nB>C 900 12\nC>D 810 13\nD>E 729 15"), "cycle")).toHaveLength(0);
  });

  it("near-miss: two accounts paying each other back is not a cycle of three", () => {
    expect(alertsOf(table("A>B 1000 10\nB>A 990 12"), "cycle")).toHaveLength(0);
  });

  it("near-miss: legs further apart than the window", () => {
    expect(alertsOf(table("A>B 1000 10\nB>C 900 40\nC>A 850 80"), "cycle")).toHaveLength(0);
  });

  it("near-miss: amounts that do not carry over", () => {
    expect(alertsOf(table("A>B 1000 10\nB>C 20 12\nC>A 1000 13"), "cycle")).toHaveLength(0);
  });

  it("time-respecting mode rejects legs out of order; the default accepts and says so", () => {
    const t = table("A>B 1000 20\nB>C 950 10\nC>A 900 15");
    expect(alertsOf(t, "cycle", { cycle: { timeRespecting: true } })).toHaveLength(0);
    const a = alertsOf(t, "cycle");
    expect(a).toHaveLength(1);
    expect(a[0]!.explanation).toContain("not in path order");
  });
});
