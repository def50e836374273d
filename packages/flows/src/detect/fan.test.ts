import { describe, expect, it } from "vitest";
import { alertsOf, names, noise, table } from "../test-util";

const fanIn = (payers: number, spacing: number, amount = (k: number) => 120 + k * 5): string =>
  Array.from({ length: payers }, (_, k) => `X${k}>HUB ${amount(k)} ${100 + k * spacing}`).join("\n");

describe("fan-in", () => {
  it("fires on five one-off payers within a window, naming the accounts", () => {
    const t = table(`${noise(6, 300)}\n${fanIn(5, 2)}`);
    const a = alertsOf(t, "fan_in");
    expect(a).toHaveLength(1);
    expect(names(t, a[0]!).sort()).toEqual(["HUB", "X0", "X1", "X2", "X3", "X4"]);
    expect(a[0]!.txs).toHaveLength(5);
    expect(a[0]!.explanation).toContain("5 distinct payers");
  });

  it("near-miss: three payers is below the minimum", () => {
    expect(alertsOf(table(`${noise(6, 300)}\n${fanIn(3, 2)}`), "fan_in")).toHaveLength(0);
  });

  it("near-miss: the same payers spread over months", () => {
    expect(alertsOf(table(`${noise(6, 300)}\n${fanIn(5, 40)}`), "fan_in")).toHaveLength(0);
  });

  it("near-miss: recurring relationships (monthly rent from tenants) are not a fan", () => {
    const rent = Array.from({ length: 6 }, (_, k) => Array.from({ length: 6 }, (_, m) => `T${k}>LANDLORD 800 ${m * 30 + k}`).join("\n")).join("\n");
    expect(alertsOf(table(rent), "fan_in")).toHaveLength(0);
  });

  it("near-miss: wildly different amounts have no common core", () => {
    expect(alertsOf(table(fanIn(5, 2, (k) => 10 ** (k + 1))), "fan_in")).toHaveLength(0);
  });

  it("near-miss: a shop with a steady stream of one-off customers is not a burst", () => {
    const shop = Array.from({ length: 120 }, (_, k) => `C${k}>SHOP ${20 + (k % 10)} ${k * 3}`).join("\n");
    expect(alertsOf(table(shop), "fan_in")).toHaveLength(0);
  });

  it("fan-out mirrors fan-in", () => {
    const out = Array.from({ length: 6 }, (_, k) => `SRC>Y${k} ${150 + k} ${50 + k}`).join("\n");
    const t = table(`${noise(5, 200)}\n${out}`);
    const a = alertsOf(t, "fan_out");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(6);
    expect(alertsOf(t, "fan_in")).toHaveLength(0);
  });
});
