// Quick in-memory accuracy check: node scripts/run-ts.mjs bench/flows/quick.ts [transactions] [seed]
import { generateTransactions } from "../../packages/flows/src/generate/index";
import { generatedTable } from "../../packages/flows/src/generate/table";
import { detectPatterns } from "../../packages/flows/src/detect/index";
import { evaluateAlerts } from "../../packages/flows/src/evaluate";

const n = Number(process.argv[2] ?? 200000);
const seed = Number(process.argv[3] ?? 1);
let t0 = performance.now();
const g = generateTransactions({ seed, transactions: n });
console.log(`generated ${n} in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${g.instances.length} instances`);
t0 = performance.now();
const t = generatedTable(g);
const { alerts, timings } = detectPatterns(t);
console.log(`detected ${alerts.length} alerts in ${((performance.now() - t0) / 1000).toFixed(1)} s`, JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)]))));
// Table rows are in generated order (ids T000..), so instanceOf lines up with table rows.
for (const s of evaluateAlerts(alerts, g.instanceOf, g.instances.map((i) => i.pattern))) {
  console.log(`${s.pattern.padEnd(22)} instances ${String(s.instances).padStart(5)} found ${String(s.found).padStart(5)} recall ${s.recall.toFixed(3)}  alerts ${String(s.alerts).padStart(6)} correct ${String(s.correct).padStart(6)} precision ${s.precision.toFixed(3)}`);
}
if (process.argv[4]) for (const a of alerts.filter((x) => x.pattern === process.argv[4]).slice(0, 10)) console.log(a.explanation, a.txs.map((i) => g.instanceOf[i]).join(","));
