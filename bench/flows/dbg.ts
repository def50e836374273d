import { generateTransactions } from "../../packages/flows/src/generate/index";
import { generatedTable } from "../../packages/flows/src/generate/table";
import { detectPatterns } from "../../packages/flows/src/detect/index";
import { buildIndex } from "../../packages/flows/src/tx-index";
const g = generateTransactions({ seed: 1, transactions: 200000 });
const t = generatedTable(g);
const ix = buildIndex(t);
const pat = process.argv[2] ?? "bipartite";
g.instances.forEach((inst, k) => {
  if (inst.pattern !== pat) return;
  console.log("instance", inst.id);
  for (let i = 0; i < g.from.length; i++) if (g.instanceOf[i] === k) console.log(" ", t.accounts[t.from[i]!], t.accounts[t.to[i]!], t.amount[i], new Date(t.time[i]! * 1000).toISOString(), "pair", ix.pairCount[i], "outdeg", ix.outStart[t.from[i]! + 1]! - ix.outStart[t.from[i]!]!);
});
const { alerts } = detectPatterns(t, { patterns: (process.argv[3] ?? pat).split(",") });
for (const a of alerts) console.log(a.pattern, a.explanation, a.txs.map((i) => g.instanceOf[i]).join(","));
