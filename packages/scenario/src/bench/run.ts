/**
 * Scenario benchmark (docs/benchmarks/scenario.md): generation time, rows and peak memory per
 * scale, and the end-to-end figures of resolution and flows against the ground truth.
 *   node scripts/run-ts.mjs packages/scenario/src/bench/run.ts generate <scale> [seed]
 *   node scripts/run-ts.mjs packages/scenario/src/bench/run.ts evaluate <scale> [seed]
 * Run one scale per process so peak memory is that scale's own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateScenario } from "../generate";
import { evaluateFlows, evaluateResolution } from "../test-eval";
import { keyPlayerRanks } from "../test-eval-graph";

const [mode = "generate", scaleArg = "1", seedArg = "2026"] = process.argv.slice(2);
const scale = Number(scaleArg);
const seed = Number(seedArg);
const out = mkdtempSync(join(tmpdir(), "vizier-scenario-bench-"));
try {
  const g = generateScenario({ seed, scale, out });
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ mode, scale, seed, rows: g.rows, truth: g.truth, seconds: g.seconds, rowsPerSecond: Math.round(g.rows / g.seconds), peakRssMiB: peak }));
  if (mode === "evaluate") {
    const r = evaluateResolution(out, g.manifest);
    console.log(JSON.stringify({ resolution: r }));
    const f = evaluateFlows(out, g.manifest);
    console.log(JSON.stringify({ flows: { ...f, scores: f.scores.map((s) => ({ pattern: s.pattern, instances: s.instances, found: s.found, alerts: s.alerts, correct: s.correct })) } }));
    const k = keyPlayerRanks(out, g.manifest, 2);
    console.log(JSON.stringify({ keyPlayers: { nodes: k.nodes, egoNodes: k.egoNodes, ranks: k.ranks.map((x) => `${x.entity}:${x.rank ?? "-"}`).join(" ") } }));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
