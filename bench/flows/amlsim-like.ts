// Robustness check against a *different* background: AMLSim-style normal models (paramFiles/10K
// normalModels.csv: single, fan-out, fan-in, forward, mutual, periodical; 500 of each, 5–20
// steps between transactions, amounts 100–1000 over 720 daily steps), with AMLSim typologies
// planted by the same plant() as the main generator.
//   node scripts/run-ts.mjs bench/flows/amlsim-like.ts [seed] [alertsPerType]
import { rng } from "../../packages/flows/src/generate/rng";
import { TxSink } from "../../packages/flows/src/generate/sink";
import { AMLSIM_TYPES, DEFAULT_SPECS, plant } from "../../packages/flows/src/generate/plant";
import type { Population } from "../../packages/flows/src/generate/background";
import { tableFrom } from "../../packages/flows/src/table";
import { detectPatterns } from "../../packages/flows/src/detect/index";
import { evaluateAlerts } from "../../packages/flows/src/evaluate";

const seed = Number(process.argv[2] ?? 1);
const perType = Number(process.argv[3] ?? 20);
const r = rng(seed);
const N = 10000;
const DAY = 86400;
const t0 = Date.UTC(2017, 0, 1) / 1000;
const names = Array.from({ length: N }, (_, k) => `acct${k}`);
const all = names.map((_, k) => k);
const sink = new TxSink();
const amount = (): number => r.uniform(100, 1000);
const members = (n: number): number[] => { const s = new Set<number>(); while (s.size < n) s.add(r.int(0, N - 1)); return [...s]; };
for (const model of ["single", "fan_out", "fan_in", "forward", "mutual", "periodical"]) {
  for (let k = 0; k < 500; k++) {
    const interval = r.int(5, 20);
    const start = r.int(0, interval - 1);
    const m = members(model === "fan_out" || model === "fan_in" ? r.int(5, 20) : model === "forward" ? 3 : model === "single" ? 2 : 2);
    let idx = 0;
    for (let step = start; step < 720; step += interval) {
      const time = t0 + step * DAY;
      const main = m[0] ?? 0;
      const other = m[1 + (idx++ % (m.length - 1))] ?? 0;
      switch (model) {
        case "single": if (step === start) sink.push(main, other, amount(), time); break;
        case "fan_out": sink.push(main, other, amount(), time); break;
        case "fan_in": sink.push(other, main, amount(), time); break;
        case "forward": { const x = amount(); sink.push(m[0] ?? 0, m[1] ?? 0, x, time); sink.push(m[1] ?? 0, m[2] ?? 0, x * 0.99, time + DAY); break; }
        case "mutual": if (idx % 2) sink.push(m[0] ?? 0, m[1] ?? 0, amount(), time); else sink.push(m[1] ?? 0, m[0] ?? 0, amount(), time); break;
        case "periodical": sink.push(main, other, amount(), time); break;
      }
    }
  }
}
const pop: Population = { names, country: names.map(() => "US"), persons: all, shops: [], companies: [], landlords: [], utilities: [], foreign: [] };
const patterns: string[] = [];
for (let k = 0; k < perType * AMLSIM_TYPES.length; k++) {
  const type = AMLSIM_TYPES[k % AMLSIM_TYPES.length] ?? "fan_in";
  const spec = DEFAULT_SPECS.find((s) => s.type === type);
  if (!spec) continue;
  plant(r, type, spec, pop, { t0, days: 720 }, sink, patterns.length, 1);
  patterns.push(type);
}
const rows = Array.from({ length: sink.n }, (_, i) => ({ from: names[sink.from[i] ?? 0] ?? "", to: names[sink.to[i] ?? 0] ?? "", amount: sink.amount[i] ?? 0, time: Math.floor((sink.time[i] ?? 0) / DAY) * DAY, id: `t${i}` }));
const t = tableFrom(rows);
const { alerts } = detectPatterns(t);
console.log(`${sink.n} transactions (${patterns.length} planted instances); ${alerts.length} alerts`);
for (const s of evaluateAlerts(alerts, sink.instance.slice(0, sink.n), patterns)) {
  console.log(`${s.pattern.padEnd(22)} planted ${String(s.instances).padStart(4)} found ${String(s.found).padStart(4)} recall ${s.recall.toFixed(3)}  alerts ${String(s.alerts).padStart(5)} correct ${String(s.correct).padStart(5)} precision ${s.precision.toFixed(3)}`);
}
