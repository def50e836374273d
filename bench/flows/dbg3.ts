import { generateTransactions } from "../../packages/flows/src/generate/index";
import { generatedTable } from "../../packages/flows/src/generate/table";
import { buildIndex } from "../../packages/flows/src/tx-index";
import { rareGraph } from "../../packages/flows/src/rare";
import { resolveOptions } from "../../packages/flows/src/options";
import { fanHits } from "../../packages/flows/src/detect/fan";
const g = generateTransactions({ seed: 11, transactions: 200000, launderingRate: 0.003 });
const t = generatedTable(g);
const ix = buildIndex(t);
const opt = resolveOptions();
const rare = rareGraph(t, ix, 1, 50);
const ctx = { t, ix, rare, opt, scratch: new Int32Array(ix.accounts) };
const h = t.accounts.indexOf(process.argv[2] ?? "P000275");
const o = opt.gatherScatter;
for (const hit of fanHits(ctx, h, "in", { window: o.window, minCounterparties: o.minIn, burstRatio: o.burstRatio, baselineFloor: o.baselineFloor, amountSpread: opt.fan.amountSpread })) {
  console.log("hit", hit.txs.map((i) => [t.accounts[t.from[i]!], t.amount[i], new Date(t.time[i]! * 1000).toISOString().slice(0, 10)]), hit.baseline);
}
for (let p = rare.outStart[h]!; p < rare.outStart[h + 1]!; p++) { const i = rare.outTx[p]!; console.log("out", t.accounts[t.to[i]!], t.amount[i], new Date(t.time[i]! * 1000).toISOString().slice(0, 10), rare.isHub[t.to[i]!]); }
