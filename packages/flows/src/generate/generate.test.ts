import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AMLSIM_TYPES, generateTransactions, parseAlertPatterns } from "./index";
import { generatedTable } from "./table";
import { detectPatterns } from "../detect/index";
import { evaluateAlerts } from "../evaluate";

const paramDir = join(__dirname, "../../../../../shared/data/aml/amlsim_ibm_paramfiles");

describe("generator", () => {
  it("is deterministic per seed, exact in size and plants at the requested rate", () => {
    const a = generateTransactions({ seed: 3, transactions: 30000 });
    const b = generateTransactions({ seed: 3, transactions: 30000 });
    const c = generateTransactions({ seed: 4, transactions: 30000 });
    expect(a.from.length).toBe(30000);
    expect(Buffer.from(a.amount.buffer).equals(Buffer.from(b.amount.buffer))).toBe(true);
    expect(Buffer.from(a.amount.buffer).equals(Buffer.from(c.amount.buffer))).toBe(false);
    const bad = a.instanceOf.filter((k) => k >= 0).length;
    expect(bad).toBeGreaterThanOrEqual(30);
    expect(bad).toBeLessThan(60);
    for (let i = 1; i < a.time.length; i++) expect(a.time[i]! >= a.time[i - 1]!).toBe(true);
  });

  it("detects every planted typology on a 200k sample (recall ≥ 0.9, precision ≥ 0.8)", () => {
    const g = generateTransactions({ seed: 11, transactions: 200000, launderingRate: 0.003 });
    const scores = evaluateAlerts(detectPatterns(generatedTable(g)).alerts, g.instanceOf, g.instances.map((i) => i.pattern));
    for (const s of scores) {
      if (s.instances > 0) expect(s.recall, s.pattern).toBeGreaterThanOrEqual(0.9);
      if (s.pattern !== "focus_country" && s.pattern !== "round_amounts" && s.pattern !== "dormant_reactivation" && s.alerts > 0) expect(s.precision, s.pattern).toBeGreaterThanOrEqual(0.8);
    }
  });

  describe.skipIf(!existsSync(paramDir))("with AMLSim parameter files (../shared/data)", () => {
    it("reads alertPatterns.csv and plants its typologies", () => {
      const specs = parseAlertPatterns(readFileSync(join(paramDir, "typologies/alertPatterns.csv"), "utf8"));
      expect(specs.map((s) => s.type)).toEqual(expect.arrayContaining([...AMLSIM_TYPES]));
      const g = generateTransactions({ seed: 1, transactions: 20000, launderingRate: 0.01, specs, types: AMLSIM_TYPES });
      expect(new Set(g.instances.map((i) => i.pattern))).toEqual(new Set(AMLSIM_TYPES));
      const gs = g.instances.findIndex((i) => i.pattern === "gather_scatter");
      expect(g.instanceOf.filter((k) => k === gs).length).toBe(10); // 11 accounts: 5 in, 5 out
    });
  });
});
