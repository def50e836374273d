// Scores `vizier flows patterns` output against a generator's truth.csv, per pattern.
//   node scripts/run-ts.mjs bench/flows/score.ts <alerts.csv> <truth.csv>
// Matching rule (as packages/flows/src/evaluate.ts): an alert matches a planted instance when at
// least half of its transactions belong to the instance and it covers at least half of the instance.
import { readFileSync } from "node:fs";
import { splitRecord } from "../../packages/flows/src/io/read-csv";
import { evaluateAlerts } from "../../packages/flows/src/evaluate";
import type { Alert, Pattern } from "../../packages/flows/src/alert";

const [alertsFile, truthFile] = process.argv.slice(2);
if (!alertsFile || !truthFile) throw new Error("usage: score.ts <alerts.csv> <truth.csv>");
const txIndex = new Map<string, number>();
const instanceOf: number[] = [];
const patternOf: string[] = [];
const instIndex = new Map<string, number>();
for (const line of readFileSync(truthFile, "utf8").split("\n").slice(1)) {
  if (!line) continue;
  const [inst, pattern, tx] = line.split(",");
  if (!inst || !pattern || !tx) continue;
  let k = instIndex.get(inst);
  if (k === undefined) { k = patternOf.length; instIndex.set(inst, k); patternOf.push(pattern); }
  txIndex.set(tx, instanceOf.length);
  instanceOf.push(k);
}
let background = instanceOf.length;
const alerts: Alert[] = [];
for (const line of readFileSync(alertsFile, "utf8").split("\n").slice(1)) {
  if (!line) continue;
  const f = splitRecord(line, ",");
  const txs = (f[4] ?? "").split(";").map((id) => txIndex.get(id) ?? background++);
  alerts.push({ pattern: (f[1] ?? "") as Pattern, score: Number(f[2]), accounts: [], txs, amount: 0, start: 0, end: 0, explanation: "" });
}
const inst = new Int32Array(background).fill(-1);
instanceOf.forEach((k, i) => { inst[i] = k; });
const rows = evaluateAlerts(alerts, inst, patternOf);
console.log("| pattern | planted | found | recall | alerts | correct | precision |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const s of rows) console.log(`| ${s.pattern} | ${s.instances} | ${s.found} | ${Number.isNaN(s.recall) ? "–" : s.recall.toFixed(3)} | ${s.alerts} | ${s.correct} | ${Number.isNaN(s.precision) ? "–" : s.precision.toFixed(3)} |`);
