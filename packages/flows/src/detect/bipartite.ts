/**
 * Bipartite and stack (AMLSim BipartiteTypology / StackTypology): a group of payers each pays
 * (nearly) every member of a group of beneficiaries; a stack chains two or more such blocks
 * through a shared middle layer (layering through an intermediate group).
 *
 * Search: payers are linked when they share at least `minReceivers` rare beneficiaries paid
 * within `window` of each other; linked payers form a block with the beneficiaries that at
 * least two of them paid; a block must have density ≥ `minDensity`. Accounts with more than
 * `maxHubDegree` rare relationships on the relevant side are left out (a shop or payroll is not
 * a laundering group). Blocks whose beneficiaries are largely (`minStackShare`) the payers of
 * another block that follows it within `window` are merged into one stack alert.
 */
import type { Alert } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";

interface Block {
  senders: number[];
  receivers: number[];
  txs: number[];
  lo: number;
  hi: number;
}

function find(parent: Map<number, number>, x: number): number {
  let r = x;
  while ((parent.get(r) ?? r) !== r) r = parent.get(r) ?? r;
  let y = x;
  while (y !== r) { const n = parent.get(y) ?? y; parent.set(y, r); y = n; }
  return r;
}

function union(parent: Map<number, number>, a: number, b: number): void {
  if (!parent.has(a)) parent.set(a, a);
  if (!parent.has(b)) parent.set(b, b);
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
}

/** Complete-ish bipartite blocks over rare relationships. */
export function findBlocks(ctx: DetectContext): Block[] {
  const { t, rare, opt } = ctx;
  const o = opt.bipartite;
  const m = ctx.ix.accounts;
  const deg = (start: Int32Array, a: number): number => (start[a + 1] ?? 0) - (start[a] ?? 0);
  const parent = new Map<number, number>();
  for (let s = 0; s < m; s++) {
    const dOut = deg(rare.outStart, s);
    if (dOut < o.minReceivers || dOut > opt.maxHubDegree) continue;
    const shared = new Map<number, Set<number>>();
    for (let p = rare.outStart[s] ?? 0; p < (rare.outStart[s + 1] ?? 0); p++) {
      const i = rare.outTx[p] ?? 0;
      const b = t.to[i] ?? 0;
      const dIn = deg(rare.inStart, b);
      if (dIn < o.minSenders || dIn > opt.maxHubDegree) continue;
      const ti = t.time[i] ?? 0;
      for (let q = rare.inStart[b] ?? 0; q < (rare.inStart[b + 1] ?? 0); q++) {
        const j = rare.inTx[q] ?? 0;
        const s2 = t.from[j] ?? 0;
        if (s2 <= s || Math.abs((t.time[j] ?? 0) - ti) > o.window) continue;
        const d2 = deg(rare.outStart, s2);
        if (d2 < o.minReceivers || d2 > opt.maxHubDegree) continue;
        let set = shared.get(s2);
        if (!set) { set = new Set(); shared.set(s2, set); }
        set.add(b);
      }
    }
    for (const [s2, set] of shared) if (set.size >= o.minReceivers) union(parent, s, s2);
  }
  const groups = new Map<number, number[]>();
  for (const x of [...parent.keys()].sort((a, b) => a - b)) {
    const r = find(parent, x);
    const g = groups.get(r);
    if (g) g.push(x); else groups.set(r, [x]);
  }
  const blocks: Block[] = [];
  for (const senders of groups.values()) {
    if (senders.length < o.minSenders) continue;
    const inGroup = new Set(senders);
    // The group's rare payments to non-hub accounts, restricted to the busiest window.
    let cand: number[] = [];
    for (const s of senders) {
      for (let p = rare.outStart[s] ?? 0; p < (rare.outStart[s + 1] ?? 0); p++) {
        const i = rare.outTx[p] ?? 0;
        const b = t.to[i] ?? 0;
        if (!inGroup.has(b) && deg(rare.inStart, b) <= opt.maxHubDegree) cand.push(i);
      }
    }
    cand.sort((x, y) => (t.time[x] ?? 0) - (t.time[y] ?? 0) || x - y);
    let best = [0, 0];
    for (let lo = 0, hi = 0; lo < cand.length; lo++) {
      while (hi < cand.length && (t.time[cand[hi] ?? 0] ?? 0) - (t.time[cand[lo] ?? 0] ?? 0) <= o.window) hi++;
      if (hi - lo > (best[1] ?? 0) - (best[0] ?? 0)) best = [lo, hi];
    }
    cand = cand.slice(best[0], best[1]);
    const bySender = new Map<number, number[]>(); // receiver -> txs
    for (const i of cand) {
      const b = t.to[i] ?? 0;
      const l = bySender.get(b);
      if (l) l.push(i); else bySender.set(b, [i]);
    }
    const receivers: number[] = [];
    const txs: number[] = [];
    for (const [b, l] of bySender) {
      if (new Set(l.map((i) => t.from[i] ?? 0)).size < 2) continue;
      receivers.push(b);
      txs.push(...l);
    }
    if (receivers.length < o.minReceivers) continue;
    const pairs = new Set(txs.map((i) => `${t.from[i] ?? 0}>${t.to[i] ?? 0}`)).size;
    if (pairs / (senders.length * receivers.length) < o.minDensity) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of txs) { const x = t.time[i] ?? 0; if (x < lo) lo = x; if (x > hi) hi = x; }
    blocks.push({ senders, receivers: receivers.sort((a, b) => a - b), txs, lo, hi });
  }
  return blocks;
}

export function detectBipartiteAndStack(ctx: DetectContext): Alert[] {
  const { t, opt } = ctx;
  const blocks = findBlocks(ctx);
  const parent = new Map<number, number>();
  blocks.forEach((_, k) => parent.set(k, k));
  for (let a = 0; a < blocks.length; a++) {
    for (let b = 0; b < blocks.length; b++) {
      if (a === b) continue;
      const A = blocks[a];
      const B = blocks[b];
      if (!A || !B) continue;
      // B follows A: it starts no earlier and within the window after A ends.
      if (B.lo < A.lo || B.lo - A.hi > opt.bipartite.window) continue;
      const rs = new Set(A.receivers);
      const shared = B.senders.filter((x) => rs.has(x)).length;
      if (shared >= opt.bipartite.minStackShare * Math.min(A.receivers.length, B.senders.length) && shared > 0) union(parent, a, b);
    }
  }
  const groups = new Map<number, Block[]>();
  blocks.forEach((blk, k) => {
    const r = find(parent, k);
    const g = groups.get(r);
    if (g) g.push(blk); else groups.set(r, [blk]);
  });
  const out: Alert[] = [];
  for (const g of groups.values()) {
    const accounts = g.flatMap((b) => [...b.senders, ...b.receivers]);
    const txs = g.flatMap((b) => b.txs);
    const name = (xs: number[]): string => xs.map((x) => t.accounts[x] ?? "").join(", ");
    if (g.length === 1) {
      const b = g[0];
      if (!b) continue;
      const al = makeAlert(t, ctx.ix, "bipartite", accounts, txs, Math.min(1, 0.6 + 0.1 * (b.senders.length + b.receivers.length - 4)), "");
      al.explanation = `${b.senders.length} payers (${name(b.senders)}) each paid most of ${b.receivers.length} beneficiaries (${name(b.receivers)}): ${txs.length} one-off transfers, ${eur(al.amount)} within ${days(al.end - al.start)}`;
      out.push(al);
    } else {
      const al = makeAlert(t, ctx.ix, "stack", accounts, txs, Math.min(1, 0.7 + 0.1 * (g.length - 1)), "");
      al.explanation = `${g.length} chained payer-to-beneficiary blocks share their middle layer: ${g.map((b) => `[${name(b.senders)}] -> [${name(b.receivers)}]`).join("; ")}; ${txs.length} one-off transfers, ${eur(al.amount)} within ${days(al.end - al.start)}`;
      out.push(al);
    }
  }
  return out;
}
