/**
 * Scatter-gather and gather-scatter (AMLSim ScatterGatherTypology / GatherScatterTypology).
 *
 * Scatter-gather: one source pays at least `minIntermediates` accounts, each of which passes
 * money on to one common sink within `window` after receiving it (time-respecting per leg) and
 * keeps its amount roughly (between half and 110% of what it received).
 *
 * Candidates that share at least two intermediates with another candidate (several sources
 * and/or sinks around one middle layer) are reported together as one `stack`.
 *
 * Gather-scatter: a hub whose rare incoming transfers form a fan-in burst (at least `minIn`
 * payers, see fan.ts) and which then pays at least `minOut` beneficiaries over rare
 * relationships within `window` of the last gathered transfer, forwarding between `minForwarded` and `maxForwarded` of what
 * it gathered; the scatter follows the gather (its median time is later).
 */
import type { Alert } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";
import { amountCore, fanHits } from "./fan";

interface SgCandidate { s: number; x: number; mids: Map<number, [number, number]> }

export function detectScatterGather(ctx: DetectContext): Alert[] {
  const { t, rare, opt } = ctx;
  const o = opt.scatterGather;
  const out: Alert[] = [];
  const deg = (a: number): number => (rare.outStart[a + 1] ?? 0) - (rare.outStart[a] ?? 0);
  const cands: SgCandidate[] = [];
  for (let s = 0; s < ctx.ix.accounts; s++) {
    const d = deg(s);
    if (d < o.minIntermediates || rare.isHub[s]) continue;
    const bySink = new Map<number, Map<number, [number, number]>>(); // sink -> intermediate -> [scatter tx, gather tx]
    for (let p = rare.outStart[s] ?? 0; p < (rare.outStart[s + 1] ?? 0); p++) {
      const i = rare.outTx[p] ?? 0;
      const mid = t.to[i] ?? 0;
      if (rare.isHub[mid]) continue;
      const t1 = t.time[i] ?? 0;
      const a1 = t.amount[i] ?? 0;
      for (let q = rare.outStart[mid] ?? 0; q < (rare.outStart[mid + 1] ?? 0); q++) {
        const j = rare.outTx[q] ?? 0;
        const t2 = t.time[j] ?? 0;
        if (t2 < t1) continue;
        if (t2 - t1 > o.window) break;
        const x = t.to[j] ?? 0;
        const a2 = t.amount[j] ?? 0;
        if (x === s || rare.isHub[x] || a2 < 0.5 * a1 || a2 > 1.1 * a1) continue;
        let mids = bySink.get(x);
        if (!mids) { mids = new Map(); bySink.set(x, mids); }
        if (!mids.has(mid)) mids.set(mid, [i, j]);
      }
    }
    for (const [x, mids] of bySink) if (mids.size >= o.minIntermediates) cands.push({ s, x, mids });
  }
  // Sources and sinks that share their intermediates are layers of one stack, not separate
  // scatter-gathers (AMLSim StackTypology seen from each corner).
  const parent = cands.map((_, k) => k);
  const find = (k: number): number => { while (parent[k] !== k) k = parent[k] = parent[parent[k] ?? k] ?? k; return k; };
  const byMid = new Map<number, number[]>();
  cands.forEach((c, k) => { for (const m of c.mids.keys()) { const l = byMid.get(m); if (l) l.push(k); else byMid.set(m, [k]); } });
  for (const ks of byMid.values()) {
    for (let a = 0; a < ks.length; a++) {
      for (let b = a + 1; b < ks.length; b++) {
        const A = cands[ks[a] ?? 0];
        const B = cands[ks[b] ?? 0];
        if (!A || !B) continue;
        let shared = 0;
        for (const m of A.mids.keys()) if (B.mids.has(m)) shared++;
        if (shared >= 2) { const ra = find(ks[a] ?? 0); const rb = find(ks[b] ?? 0); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); }
      }
    }
  }
  const groups = new Map<number, SgCandidate[]>();
  cands.forEach((c, k) => { const r = find(k); const g = groups.get(r); if (g) g.push(c); else groups.set(r, [c]); });
  for (const g of groups.values()) {
    if (g.length > 1) {
      const sources = [...new Set(g.map((c) => c.s))].sort((a, b) => a - b);
      const sinks = [...new Set(g.map((c) => c.x))].sort((a, b) => a - b);
      const mids = [...new Set(g.flatMap((c) => [...c.mids.keys()]))].sort((a, b) => a - b);
      const txs = g.flatMap((c) => [...c.mids.values()].flat());
      const nm = (xs: number[]): string => xs.map((a) => t.accounts[a] ?? "").join(", ");
      const al = makeAlert(t, ctx.ix, "stack", [...sources, ...mids, ...sinks], txs, Math.min(1, 0.7 + 0.05 * g.length), "");
      al.explanation = `layered transfers: [${nm(sources)}] -> [${nm(mids)}] -> [${nm(sinks)}], each intermediate passing on what it received within ${days(o.window)}; ${al.txs.length} one-off transfers, ${eur(al.amount)} within ${days(al.end - al.start)}`;
      out.push(al);
      continue;
    }
    const c = g[0];
    if (!c) continue;
    const { s, x, mids } = c;
    const legs = [...mids.values()];
    const txs = legs.flat();
    const al = makeAlert(t, ctx.ix, "scatter_gather", [s, x, ...mids.keys()], txs, 1 - 0.5 ** (mids.size - o.minIntermediates + 2), "");
    let sIn = 0;
    let sOut = 0;
    for (const [a, b] of legs) { sIn += t.amount[a] ?? 0; sOut += t.amount[b] ?? 0; }
    al.explanation = `${t.accounts[s] ?? ""} scattered ${eur(sIn)} over ${mids.size} one-off intermediates, which each passed it on to ${t.accounts[x] ?? ""} (${eur(sOut)} gathered, ${((100 * sOut) / sIn).toFixed(0)}%) within ${days(al.end - al.start)}`;
    out.push(al);
  }
  return out;
}

export function detectGatherScatter(ctx: DetectContext): Alert[] {
  const { t, rare, opt } = ctx;
  const o = opt.gatherScatter;
  const out: Alert[] = [];
  const fanOpt = { window: o.window, minCounterparties: o.minIn, burstRatio: o.burstRatio, baselineFloor: o.baselineFloor, amountSpread: opt.fan.amountSpread };
  for (let h = 0; h < ctx.ix.accounts; h++) {
    const nOut = (rare.outStart[h + 1] ?? 0) - (rare.outStart[h] ?? 0);
    if (nOut < o.minOut || rare.isHub[h]) continue;
    for (const g of fanHits(ctx, h, "in", fanOpt)) {
      const gTimes = g.txs.map((i) => t.time[i] ?? 0).sort((a, b) => a - b);
      const g0 = gTimes[0] ?? 0;
      const gMed = gTimes[gTimes.length >> 1] ?? 0;
      const gLast = gTimes[gTimes.length - 1] ?? 0;
      const cand: number[] = [];
      for (let p = rare.outStart[h] ?? 0; p < (rare.outStart[h + 1] ?? 0); p++) {
        const i = rare.outTx[p] ?? 0;
        const ti = t.time[i] ?? 0;
        if (ti < g0) continue;
        if (ti - gLast > o.window) break;
        if (!rare.isHub[t.to[i] ?? 0]) cand.push(i);
      }
      if (cand.length < o.minOut) continue;
      const core = amountCore(ctx, cand, t.to, opt.fan.amountSpread);
      if (core.counterparties.length < o.minOut) continue;
      const sTimes = core.txs.map((i) => t.time[i] ?? 0).sort((a, b) => a - b);
      if ((sTimes[sTimes.length >> 1] ?? 0) < gMed) continue;
      let gIn = 0;
      let sOut = 0;
      for (const i of g.txs) gIn += t.amount[i] ?? 0;
      for (const i of core.txs) sOut += t.amount[i] ?? 0;
      const ratio = sOut / gIn;
      if (ratio < o.minForwarded || ratio > o.maxForwarded) continue;
      const al = makeAlert(t, ctx.ix, "gather_scatter", [h, ...g.counterparties, ...core.counterparties], [...g.txs, ...core.txs], Math.min(1, 0.5 + 0.05 * (g.counterparties.length + core.counterparties.length)), "");
      al.explanation = `${t.accounts[h] ?? ""} gathered ${eur(gIn)} from ${g.counterparties.length} one-off payers, then scattered ${eur(sOut)} (${(100 * ratio).toFixed(0)}%) to ${core.counterparties.length} one-off beneficiaries within ${days(al.end - al.start)}`;
      out.push(al);
    }
  }
  return out;
}
