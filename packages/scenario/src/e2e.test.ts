import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateScenario } from "./generate";
import { evaluateFlows, evaluateResolution } from "./test-eval";
import { keyPlayerRanks } from "./test-eval-graph";

// The generated case through the analytics, scored against the ground truth. The thresholds were
// chosen before the first run and are deliberately below the figures in docs/benchmarks/scenario.md.
const out = mkdtempSync(join(tmpdir(), "vizier-scenario-e2e-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const { manifest } = generateScenario({ seed: 2026, scale: 0.5, out });

describe("the scenario end to end", () => {
  it("resolution (file-level link over every agency's person records) finds the planted identities", () => {
    const r = evaluateResolution(out, manifest);
    expect(r.records).toBeGreaterThan(5000);
    expect(r.planted.records).toBeGreaterThan(40);
    expect(r.planted.recall).toBeGreaterThanOrEqual(0.7);
    expect(r.planted.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.pairwise.f1).toBeGreaterThanOrEqual(0.8);
  });

  it("the flow detector finds the planted laundering in the FIU reports", () => {
    const f = evaluateFlows(out, manifest);
    expect(f.instances).toBe(7);
    expect(f.instancesFound / f.instances).toBeGreaterThanOrEqual(0.6);
    expect(f.covered).toBeGreaterThanOrEqual(0.7);
    for (const p of ["structuring", "scatter_gather"]) expect(f.scores.find((s) => s.pattern === p)?.found, p).toBeGreaterThan(0);
  });

  it("betweenness around the seized container's consignee ranks the planted key players near the top", () => {
    const { ranks, egoNodes } = keyPlayerRanks(out, manifest, 2);
    expect(egoNodes).toBeGreaterThan(20);
    expect(ranks[0]?.entity).toBe("X-BOSS");
    expect(ranks[0]?.rank ?? Infinity).toBeLessThanOrEqual(5);
    const top10 = ranks.slice(0, 10);
    expect(top10.filter((r) => r.rank !== null && r.rank <= 20).length).toBeGreaterThanOrEqual(5);
  });
});
