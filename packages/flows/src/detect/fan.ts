/**
 * Fan-in and fan-out (AMLSim FanInTypology / FanOutTypology; FATF "smurfing" placement):
 * many distinct counterparties pay one account (or are paid by it) within a window.
 *
 * Rules, all configurable (docs/flows.md):
 * - only rare relationships count (see rare.ts);
 * - at least `minCounterparties` distinct counterparties within `window`;
 * - a burst: that count is at least `burstRatio` × the account's usual number of rare
 *   counterparties per window (floored at `baselineFloor`), so a shop with a steady stream of
 *   one-off customers is not a fan;
 * - the fan's core moves similar sums: the largest set of the window's transactions whose amounts
 *   lie within a factor `amountSpread` must still have `minCounterparties` counterparties.
 */
import type { Alert, Pattern } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";
import { windowsInSpan } from "./context";

export interface FanHit {
  account: number;
  txs: number[];
  counterparties: number[];
  baseline: number;
}

/** Finds fan windows of one account on one side ("in": counterparties are payers). */
export function fanHits(ctx: DetectContext, a: number, side: "in" | "out", o: { window: number; minCounterparties: number; burstRatio: number; baselineFloor: number; amountSpread: number }): FanHit[] {
  const { t, rare, scratch } = ctx;
  const start = side === "in" ? rare.inStart : rare.outStart;
  const all = (side === "in" ? rare.inTx : rare.outTx).subarray(start[a] ?? 0, start[a + 1] ?? 0);
  const k = o.minCounterparties;
  if (all.length < k || rare.isHub[a]) return [];
  const cp = side === "in" ? t.from : t.to;
  // Payments with hubs (shops, payment providers) are not part of a fan.
  const list = all.filter((i) => !rare.isHub[cp[i] ?? 0]);
  // Distinct counterparties overall (for the baseline rate).
  let total = 0;
  for (const i of list) { const c = cp[i] ?? 0; if (scratch[c] === 0) total++; scratch[c] = (scratch[c] ?? 0) + 1; }
  for (const i of list) scratch[cp[i] ?? 0] = 0;
  if (total < k) return [];
  const nWin = windowsInSpan(ctx, o.window);
  // Sliding window: best (most distinct counterparties) window per run of qualifying windows.
  const runs: { s: number; e: number; c: number }[] = [];
  let j = 0;
  let distinct = 0;
  let cur: { s: number; e: number; c: number } | null = null;
  let curEnd = -1;
  for (let s = 0; s < list.length; s++) {
    const ts = t.time[list[s] ?? 0] ?? 0;
    while (j < list.length && (t.time[list[j] ?? 0] ?? 0) - ts <= o.window) {
      const c = cp[list[j] ?? 0] ?? 0;
      if (scratch[c] === 0) distinct++;
      scratch[c] = (scratch[c] ?? 0) + 1;
      j++;
    }
    if (distinct >= k) {
      if (cur && s < curEnd) {
        if (distinct > cur.c) { cur.s = s; cur.e = j; cur.c = distinct; }
        curEnd = Math.max(curEnd, j);
      } else {
        cur = { s, e: j, c: distinct };
        runs.push(cur);
        curEnd = j;
      }
    }
    const c0 = cp[list[s] ?? 0] ?? 0;
    scratch[c0] = (scratch[c0] ?? 0) - 1;
    if (scratch[c0] === 0) distinct--;
  }
  for (const i of list) scratch[cp[i] ?? 0] = 0;
  const hits: FanHit[] = [];
  for (const r of runs) {
    const baseline = (total - r.c) / Math.max(1, nWin - 1);
    if (r.c < o.burstRatio * Math.max(baseline, o.baselineFloor)) continue;
    const core = amountCore(ctx, list.subarray(r.s, r.e), cp, o.amountSpread);
    if (core.counterparties.length < k) continue;
    hits.push({ account: a, txs: core.txs, counterparties: core.counterparties, baseline });
  }
  return hits;
}

/** The largest group of transactions whose amounts lie within a factor `spread`, by distinct counterparties. */
export function amountCore(ctx: DetectContext, txs: Uint32Array | number[], cp: Int32Array, spread: number): { txs: number[]; counterparties: number[] } {
  const { t } = ctx;
  const sorted = [...txs].sort((x, y) => (t.amount[x] ?? 0) - (t.amount[y] ?? 0) || x - y);
  let best = { lo: 0, hi: 0, c: 0 };
  const counts = new Map<number, number>();
  let hi = 0;
  for (let lo = 0; lo < sorted.length; lo++) {
    const limit = (t.amount[sorted[lo] ?? 0] ?? 0) * spread;
    while (hi < sorted.length && (t.amount[sorted[hi] ?? 0] ?? 0) <= limit) {
      const c = cp[sorted[hi] ?? 0] ?? 0;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      hi++;
    }
    if (counts.size > best.c) best = { lo, hi, c: counts.size };
    const c0 = cp[sorted[lo] ?? 0] ?? 0;
    const left = (counts.get(c0) ?? 0) - 1;
    if (left <= 0) counts.delete(c0); else counts.set(c0, left);
  }
  const core = sorted.slice(best.lo, best.hi);
  return { txs: core, counterparties: [...new Set(core.map((i) => cp[i] ?? 0))] };
}

function fanAlerts(ctx: DetectContext, side: "in" | "out"): Alert[] {
  const pattern: Pattern = side === "in" ? "fan_in" : "fan_out";
  const o = ctx.opt.fan;
  const out: Alert[] = [];
  for (let a = 0; a < ctx.ix.accounts; a++) {
    for (const h of fanHits(ctx, a, side, o)) {
      const c = h.counterparties.length;
      const al = makeAlert(ctx.t, ctx.ix, pattern, [a, ...h.counterparties], h.txs, 1 - 0.5 ** (c - o.minCounterparties + 1), "");
      const name = ctx.t.accounts[a] ?? "";
      al.explanation = side === "in"
        ? `${c} distinct payers sent ${eur(al.amount)} to ${name} within ${days(al.end - al.start)} over one-off relationships with similar amounts; usual rate ${h.baseline.toFixed(2)} new payers per ${days(o.window)}`
        : `${name} sent ${eur(al.amount)} to ${c} distinct beneficiaries within ${days(al.end - al.start)} over one-off relationships with similar amounts; usual rate ${h.baseline.toFixed(2)} new beneficiaries per ${days(o.window)}`;
      out.push(al);
    }
  }
  return out;
}

export const detectFanIn = (ctx: DetectContext): Alert[] => fanAlerts(ctx, "in");
export const detectFanOut = (ctx: DetectContext): Alert[] => fanAlerts(ctx, "out");
