/**
 * Speed benchmark: generated persons deduplicated end to end with the default settings, the
 * comparison throughput of the hot loop, and an exact-rule baseline (first + last name + date of
 * birth) run in the same process. Usage: node scripts/run-ts.mjs bench/er/speed.ts [records]
 * Peak memory: run under /usr/bin/time -v and read "Maximum resident set size".
 */
import { pairwiseScores, resolve } from "@vizier/resolution";
import type { FieldSpec } from "@vizier/resolution";
import { generatePersons } from "./generate";

const n = Number(process.argv[2] ?? 100_000);
const fields: FieldSpec[] = [
  { name: "first", kind: "first_name" },
  { name: "last", kind: "last_name" },
  { name: "dob", kind: "date" },
  { name: "city", kind: "city" },
  { name: "postcode", kind: "postcode" },
];
const tg = performance.now();
const { records, truth } = generatePersons(n, 7);
console.log(`generated ${n} records in ${((performance.now() - tg) / 1000).toFixed(1)} s`);

const tb = performance.now();
const rule = records.map((r) => `${r.fields["first"]?.[0]}|${r.fields["last"]?.[0]}|${r.fields["dob"]?.[0] ?? r.id}`);
const baselineSecs = (performance.now() - tb) / 1000;

const t0 = performance.now();
const res = resolve(records, { fields });
const secs = (performance.now() - t0) / 1000;
const ms = res.stats.millis;
const truthByKey = new Map(records.map((r, i) => [`${r.source}\u0000${r.id}`, truth[i] ?? ""]));
const sortedTruth = res.prepared.keys.map((k) => truthByKey.get(k) ?? k);
const pw = pairwiseScores(res.clusterOf, sortedTruth);
const ruleByKey = new Map(records.map((r, i) => [`${r.source}\u0000${r.id}`, rule[i] ?? ""]));
const base = pairwiseScores(res.prepared.keys.map((k) => ruleByKey.get(k) ?? k), sortedTruth);
const mem = process.memoryUsage();
console.log(JSON.stringify({
  records: n,
  candidatePairs: res.stats.candidatePairs,
  totalSeconds: +secs.toFixed(1),
  stageSeconds: { prepareAndBlock: +(ms.block / 1000).toFixed(1), compare: +(ms.compare / 1000).toFixed(1), estimateAndScore: +(ms.estimate / 1000).toFixed(1), cluster: +(ms.cluster / 1000).toFixed(1) },
  comparisonsPerSecond: Math.round(res.stats.candidatePairs / (ms.compare / 1000)),
  pairwiseF1: +pw.f1.toFixed(4),
  baseline: { rule: "exact first+last+dob", seconds: +baselineSecs.toFixed(2), pairwiseF1: +base.f1.toFixed(4) },
  rssMB: Math.round(mem.rss / 2 ** 20),
  heapUsedMB: Math.round(mem.heapUsed / 2 ** 20),
}, null, 1));
