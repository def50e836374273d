/**
 * Accuracy benchmark: runs exactly what `vizier link` runs on each dataset with the default
 * threshold (fixed before scoring) and scores clusters against the known truth.
 * Usage (from the repo root): node scripts/run-ts.mjs bench/er/accuracy.ts [dataset-name …]
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { bcubedScores, blockingRecall, pairwiseScores } from "@vizier/resolution";
import { runLink } from "../../packages/cli/src/commands/link/run";
import { readTable } from "../../packages/cli/src/io/table";
import { DATA, DATASETS } from "./datasets";

if (!existsSync(DATA)) {
  console.error(`benchmark data not found at ${DATA}; run from the repository root next to ../shared`);
  process.exit(1);
}
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "vizier-er-"));
const f = (x: number): string => x.toFixed(4);
console.log("| dataset | records | candidates | blocking recall | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | baseline F1 (rule) | target | seconds |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const d of DATASETS) {
  if (only.length > 0 && !only.includes(d.name)) continue;
  const t0 = performance.now();
  const res = runLink({ files: d.files, id: d.id, fields: d.fields, out: join(dir, `${d.name}-clusters.csv`), pairs: join(dir, `${d.name}-pairs.csv`), ...(d.source ? { source: d.source } : {}) });
  const secs = (performance.now() - t0) / 1000;
  // Truth and baseline keys, looked up by (source, id).
  const truthOf = new Map<string, string>();
  const ruleOf = new Map<string, string>();
  for (const file of d.files) {
    const t = readTable(file);
    const src = basename(file, extname(file));
    for (const row of t.rows) {
      const rec: Record<string, string> = {};
      t.header.forEach((h, i) => { rec[h] = (row[i] ?? "").trim(); });
      const key = `${src}\u0000${rec[d.id] ?? ""}`;
      truthOf.set(key, d.truth(src, rec));
      const rule = d.baseline.map((c) => (rec[c] ?? "").toLowerCase()).join("\u0001");
      ruleOf.set(key, d.baseline.some((c) => (rec[c] ?? "") === "") ? `solo:${key}` : rule);
    }
  }
  const keys = res.prepared.keys;
  const truth = keys.map((k) => truthOf.get(k) ?? `?${k}`);
  const pw = pairwiseScores(res.clusterOf, truth);
  const b3 = bcubedScores(res.clusterOf, truth);
  const br = blockingRecall(res.candidates, truth);
  const base = pairwiseScores(keys.map((k) => ruleOf.get(k) ?? k), truth);
  console.log(`| ${d.name} | ${keys.length} | ${res.stats.candidatePairs} | ${f(br)} | ${f(pw.precision)} | ${f(pw.recall)} | ${f(pw.f1)} | ${f(b3.f1)} | ${f(base.f1)} (${d.baseline.join("+")}) | ${d.target ?? "report"} | ${secs.toFixed(1)} |`);
}
