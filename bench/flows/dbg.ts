import { generateTransactions } from "../../packages/flows/src/generate/index";
import { generatedTable } from "../../packages/flows/src/generate/table";
import { detectPatterns } from "../../packages/flows/src/detect/index";
import { buildIndex } from "../../packages/flows/src/tx-index";
const g = generateTransactions({ seed: Number(process.argv[4] ?? 11), transactions: Number(process.argv[5] ?? 200000), launderingRate: Number(process.argv[6] ?? 0.003) });
const t = generatedTable(g);
const ix = buildIndex(t);
const pat = process.argv[2] ?? "bipartite";
const { alerts } = detectPatterns(t);
const hit = new Set<number>();
for (const a of alerts) {
  if (a.pattern !== pat) continue;
  const c = new Map<number, number>();
  for (const i of a.txs) { const k = g.instanceOf[i] ?? -1; if (k >= 0) c.set(k, (c.get(k) ?? 0) + 1); }
  for (const [k, n] of c) { const size = g.instanceOf.filter((x) => x === k).length; if (n >= 0.5 * a.txs.length && n >= 0.5 * size) hit.add(k); }
}
g.instances.forEach((inst, k) => {
  if (inst.pattern !== pat || hit.has(k)) return;
  console.log("MISSED instance", inst.id);
  for (let i = 0; i < g.from.length; i++) if (g.instanceOf[i] === k) console.log(" ", t.accounts[t.from[i]!], t.accounts[t.to[i]!], t.amount[i], new Date(t.time[i]! * 1000).toISOString(), "pair", ix.pairCount[i]);
  for (const a of alerts) if (a.txs.some((i) => g.instanceOf[i] === k)) console.log("  in alert", a.pattern, a.explanation, a.txs.map((i) => g.instanceOf[i]).join(","));
});
if (process.argv[3] === "fp") for (const a of alerts) if (a.pattern === pat && !a.txs.some((i) => (g.instanceOf[i] ?? -1) >= 0 && g.instances[g.instanceOf[i]!]!.pattern === pat)) console.log("FP", a.explanation, a.txs.map((i) => g.instanceOf[i]).join(","));
