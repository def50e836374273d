import { describe, expect, it } from "vitest";
import { alertsOf, noise, table } from "../test-util";
import { tableFrom } from "../table";
import { rows } from "../test-util";

describe("structuring", () => {
  it("fires on three payments just under EUR 10,000", () => {
    const a = alertsOf(table(`${noise(4, 60)}\nS>X 9500 10\nS>Y 9800 12\nS>X 9100 15`), "structuring");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(3);
  });
  it("near-miss: two payments only", () => {
    expect(alertsOf(table("S>X 9500 10\nS>Y 9800 12"), "structuring")).toHaveLength(0);
  });
  it("near-miss: payments at the threshold are reported anyway, so not structuring", () => {
    expect(alertsOf(table("S>X 10000 10\nS>Y 10000 12\nS>X 10000 15"), "structuring")).toHaveLength(0);
  });
  it("near-miss: an account whose usual payments are that large", () => {
    expect(alertsOf(table("S>X 9500 10\nS>Y 9800 12\nS>X 9100 15\nS>Z 8000 40\nS>Z 7000 70\nS>Z 8500 100\nS>Z 9000 130"), "structuring")).toHaveLength(0);
  });
  it("near-miss: a business that also pays above the threshold", () => {
    expect(alertsOf(table("S>X 9500 10\nS>Y 9800 12\nS>X 9100 15\nS>Z 15000 11\nS>Z 22000 13\nS>Z 12000 14\nS>Z 31000 16"), "structuring")).toHaveLength(0);
  });
});

describe("pass-through", () => {
  const mule = (delay: number): string => [0, 1, 2, 3].map((k) => `F${k % 2}>MULE 3000 ${10 + 2 * k}\nMULE>ABROAD ${2850} ${10 + 2 * k + delay}`).join("\n");
  it("fires when each deposit is forwarded within days", () => {
    const a = alertsOf(table(mule(1)), "pass_through");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(8);
  });
  it("near-miss: forwarded only after a week", () => {
    expect(alertsOf(table(mule(7)), "pass_through")).toHaveLength(0);
  });
});

describe("layering", () => {
  it("fires on a fast chain of four hops keeping most of the amount", () => {
    const a = alertsOf(table("A>B 40000 10\nB>C 39500 11\nC>D 39000 12\nD>E 38600 13"), "layering");
    expect(a).toHaveLength(1);
    expect(a[0]!.txs).toHaveLength(4);
  });
  it("near-miss: a hop waits too long", () => {
    expect(alertsOf(table("A>B 40000 10\nB>C 39500 11\nC>D 39000 20\nD>E 38600 21"), "layering")).toHaveLength(0);
  });
  it("near-miss: the amount is not passed on", () => {
    expect(alertsOf(table("A>B 40000 10\nB>C 10000 11\nC>D 9900 12\nD>E 9800 13"), "layering")).toHaveLength(0);
  });
});

describe("round amounts, dormancy, focus countries", () => {
  it("round amounts fire on three EUR 5,000+ multiples of 1,000", () => {
    expect(alertsOf(table("R>X 5000 10\nR>Y 7000 12\nR>Z 12000 14"), "round_amounts")).toHaveLength(1);
    expect(alertsOf(table("R>X 5000 10\nR>Y 7013 12\nR>Z 12000 14"), "round_amounts")).toHaveLength(0);
  });
  it("dormant reactivation fires after a long silence with a large volume", () => {
    expect(alertsOf(table("Q>X 50 1\nQ>Y 60 5\nX>Q 40 9\nQ>Z 15000 250\nQ>Z 12000 255"), "dormant_reactivation")).toHaveLength(1);
    expect(alertsOf(table("Q>X 50 1\nQ>Y 60 5\nX>Q 40 100\nQ>Z 15000 150\nQ>Z 12000 155"), "dormant_reactivation")).toHaveLength(0);
  });
  it("focus-country exposure needs countries and the threshold", () => {
    const b = rows("K>DXB 6000 10\nK>DXB 5000 14\nK>NLB 9000 15");
    const mk = (amounts: number[]) => {
      const r = b.map((x, k) => ({ ...x, amount: amounts[k] ?? x.amount }));
      const t = tableFrom(r);
      const country = t.accounts.map((n) => (n === "DXB" ? "AE" : "NL"));
      return { ...t, accountCountry: country };
    };
    expect(alertsOf(mk([6000, 5000]), "focus_country")).toHaveLength(1);
    expect(alertsOf(mk([6000, 3000]), "focus_country")).toHaveLength(0);
    expect(alertsOf(tableFrom(b), "focus_country")).toHaveLength(0);
  });
});
