import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectPatterns } from "./index";
import { alertRow } from "../alert";
import { tableFrom } from "../table";
import { generateTransactions } from "../generate/index";
import { generatedTxId } from "../generate/index";

describe("order independence", () => {
  // A small generated data set with every typology planted at a high rate.
  const g = generateTransactions({ seed: 7, transactions: 20000, launderingRate: 0.02 });
  const base = Array.from({ length: g.from.length }, (_, i) => ({
    from: g.accounts[g.from[i] ?? 0] ?? "", to: g.accounts[g.to[i] ?? 0] ?? "", amount: g.amount[i] ?? 0, time: g.time[i] ?? 0, id: generatedTxId(i),
  }));
  const run = (rs: typeof base): string[] => {
    const t = tableFrom(rs);
    return detectPatterns(t).alerts.map((a, k) => alertRow(t, a, k + 1).join("|"));
  };
  const expected = run(base);

  it("finds alerts in the sample", () => {
    expect(expected.length).toBeGreaterThan(10);
  });

  it("gives identical alerts for any row order", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      // Seeded Fisher–Yates shuffle.
      let s = seed;
      const rnd = (): number => { s = (s * 48271) % 2147483647; return s / 2147483647; };
      const shuffled = [...base];
      for (let i = shuffled.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]; }
      expect(run(shuffled)).toEqual(expected);
    }), { numRuns: 3, seed: 42 });
  });
});
