/**
 * Speed benchmark: generated persons deduplicated end to end with the default settings (the
 * stages of `resolve`, timed one by one), the comparison throughput of the hot loop, and an
 * exact-rule baseline (first + last name + date of birth) in the same process. Reports wall and
 * CPU time per stage: on a shared machine CPU time is the fairer measure of the work done.
 * Usage: node scripts/run-ts.mjs bench/er/speed.ts [records] [--threads n]   (default: all cores)
 * Peak memory: run under /usr/bin/time -v and read "Maximum resident set size".
 */
import {
  DEFAULT_BLOCKING, DEFAULT_ESTIMATE, DEFAULT_THRESHOLD, KEEP_PROBABILITY,
  candidatesOf, cluster, comparisonVectorsParallel, estimateModel, pairwiseScores, prepare, scorePairs,
} from "@vizier/resolution";
import { enableWorkerTasks } from "@vizier/model";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { FieldSpec } from "@vizier/resolution";
import { generatePersons } from "./generate";

const threadsArg = process.argv.indexOf("--threads");
const threads = threadsArg > 0 ? Number(process.argv[threadsArg + 1]) : availableParallelism();
// A worker thread of the comparison pass runs its task and nothing below.
if (!(await enableWorkerTasks(fileURLToPath(import.meta.url), threads))) await main();

async function main(): Promise<void> {
const n = Number(process.argv[2] ?? 100_000);
const fields: FieldSpec[] = [
  { name: "first", kind: "first_name" },
  { name: "last", kind: "last_name" },
  { name: "dob", kind: "date" },
  { name: "city", kind: "city" },
  { name: "postcode", kind: "postcode" },
];
const { records, truth } = generatePersons(n, 7);

const stages: Record<string, { wall: number; cpu: number }> = {};
async function timed<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const w = performance.now();
  const c = process.cpuUsage();
  const out = await f();
  const d = process.cpuUsage(c);
  stages[name] = { wall: +((performance.now() - w) / 1000).toFixed(2), cpu: +((d.user + d.system) / 1e6).toFixed(2) };
  return out;
}

const rule = await timed("baseline exact rule", () => {
  const groups = new Map<string, number>();
  return records.map((r) => {
    const k = `${r.fields["first"]?.[0]}|${r.fields["last"]?.[0]}|${r.fields["dob"]?.[0] ?? `#${r.id}`}`;
    if (!groups.has(k)) groups.set(k, groups.size);
    return String(groups.get(k));
  });
});
const prep = await timed("prepare", () => prepare(records, fields));
const pairs = await timed("block", () => candidatesOf(prep, DEFAULT_BLOCKING));
const vectors = await timed("compare", () => comparisonVectorsParallel(prep, pairs, threads));
const model = await timed("estimate (u sample + EM sessions)", () => estimateModel(prep, fields, pairs, vectors, DEFAULT_ESTIMATE));
const scored = await timed("score", () => scorePairs(prep, model, pairs, vectors, KEEP_PROBABILITY));
const clusters = await timed("cluster", () => cluster({ keys: prep.keys, pairs: scored, threshold: DEFAULT_THRESHOLD, confirms: [], rejects: [] }));

const byKey = new Map(records.map((r, i) => [`${r.source}\u0000${r.id}`, i]));
const order = prep.keys.map((k) => byKey.get(k) ?? 0);
const sortedTruth = order.map((i) => truth[i] ?? "");
const pw = pairwiseScores(clusters.clusterOf, sortedTruth);
const base = pairwiseScores(order.map((i) => rule[i] ?? ""), sortedTruth);
let wall = 0;
let cpu = 0;
for (const [k, v] of Object.entries(stages)) {
  if (k.startsWith("baseline")) continue;
  wall += v.wall;
  cpu += v.cpu;
}
const cmp = stages["compare"] ?? { wall: 1, cpu: 1 };
console.log(JSON.stringify({
  records: n,
  candidatePairs: pairs.length / 2,
  endToEnd: { wallSeconds: +wall.toFixed(1), cpuSeconds: +cpu.toFixed(1) },
  stages,
  comparisonsPerSecond: { wall: Math.round(pairs.length / 2 / cmp.wall), cpu: Math.round(pairs.length / 2 / cmp.cpu), fieldsPerComparison: fields.length },
  pairwise: { precision: +pw.precision.toFixed(4), recall: +pw.recall.toFixed(4), f1: +pw.f1.toFixed(4) },
  baseline: { rule: "exact first+last+dob", ...stages["baseline exact rule"], pairwiseF1: +base.f1.toFixed(4) },
  threads,
  rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
}, null, 1));
}
