/**
 * Behavioural indicators from FIU and FATF guidance ("Money laundering and terrorist financing
 * red flag indicators", FATF 2020/2021; FIU-Nederland indicator lists): structuring below a
 * reporting threshold, round amounts, exposure to focus countries and reactivation of dormant
 * accounts. Each is a sliding-window rule per account with documented, configurable thresholds.
 */
import type { Alert } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";
import { denseRuns, mergedActivity } from "./windows";
import { slice } from "../tx-index";

function sideAlerts(ctx: DetectContext, pick: (i: number) => boolean, w: number, minCount: number, build: (a: number, side: "in" | "out", txs: number[]) => Alert | null, sides: readonly ("in" | "out")[] = ["out", "in"]): Alert[] {
  const { t, ix } = ctx;
  const out: Alert[] = [];
  const seen = new Set<number>();
  for (let a = 0; a < ix.accounts; a++) {
    for (const side of sides) {
      const list = side === "out" ? slice(ix.outStart, ix.outTx, a) : slice(ix.inStart, ix.inTx, a);
      if (list.length < minCount) continue;
      const sel: number[] = [];
      for (const i of list) if (pick(i)) sel.push(i);
      if (sel.length < minCount) continue;
      for (const [s, e] of denseRuns(sel.map((i) => t.time[i] ?? 0), w, minCount)) {
        const txs = sel.slice(s, e);
        // The same transfers seen from the other side are one alert, not two.
        if (txs.filter((i) => seen.has(i)).length >= 0.5 * txs.length) continue;
        const al = build(a, side, txs);
        if (al) { for (const i of txs) seen.add(i); out.push(al); }
      }
    }
  }
  return out;
}

/**
 * Repeated amounts just under a reporting threshold (default: EUR 9,000–9,999.99 against
 * EUR 10,000) by one payer (with `incoming`, also into one beneficiary), avoiding the threshold
 * and large compared with the account's usual payments.
 */
export function detectStructuring(ctx: DetectContext): Alert[] {
  const { t } = ctx;
  const o = ctx.opt.structuring;
  const lo = o.threshold * (1 - o.band);
  const { ix } = ctx;
  return sideAlerts(ctx, (i) => { const x = t.amount[i] ?? 0; return x >= lo && x < o.threshold; }, o.window, o.minCount, (a, side, txs) => {
    // Structuring avoids the threshold: few payments at or above it within a window around the run.
    const list = side === "out" ? slice(ix.outStart, ix.outTx, a) : slice(ix.inStart, ix.inTx, a);
    const s = t.time[txs[0] ?? 0] ?? 0;
    const e = t.time[txs[txs.length - 1] ?? 0] ?? 0;
    let above = 0;
    for (const i of list) { const x = t.time[i] ?? 0; if (x >= e - o.window && x <= s + o.window && (t.amount[i] ?? 0) >= o.threshold) above++; }
    if (above > o.maxAboveShare * (above + txs.length)) return null;
    // ... and splits an unusually large sum: the payments dwarf the account's usual ones.
    // (Judged on its other payments; with fewer than three there is no "usual" to compare with.)
    const inRun = new Set(txs);
    const amounts = Array.from(list).filter((i) => !inRun.has(i)).map((i) => t.amount[i] ?? 0).sort((x, y) => x - y);
    const median = amounts.length >= 3 ? (amounts[amounts.length >> 1] ?? 0) : 0;
    if (lo < o.minMedianRatio * median) return null;
    const cps = txs.map((i) => (side === "out" ? t.to[i] : t.from[i]) ?? 0);
    const al = makeAlert(t, ctx.ix, "structuring", [a, ...cps], txs, 1 - 0.5 ** (txs.length - o.minCount + 2), "");
    al.explanation = `${txs.length} ${side === "out" ? "payments by" : "payments to"} ${t.accounts[a] ?? ""} between ${eur(lo)} and ${eur(o.threshold)} (just under the reporting threshold) within ${days(al.end - al.start)}, ${eur(al.amount)} in total; none or few at or above it, and at least ${o.minMedianRatio}x the account's median other payment (${eur(median)})`;
    return al;
  }, o.incoming ? ["out", "in"] : ["out"]);
}

/** Several large round amounts (multiples of `unit`) from or to one account within a window. */
export function detectRoundAmounts(ctx: DetectContext): Alert[] {
  const { t, ix } = ctx;
  const o = ctx.opt.roundAmounts;
  const isRound = (i: number): boolean => { const x = t.amount[i] ?? 0; return x >= o.minAmount && Math.abs(x / o.unit - Math.round(x / o.unit)) < 1e-9 * Math.max(1, x); };
  return sideAlerts(ctx, isRound, o.window, o.minCount, (a, side, txs) => {
    const list = side === "out" ? slice(ix.outStart, ix.outTx, a) : slice(ix.inStart, ix.inTx, a);
    const s = t.time[txs[0] ?? 0] ?? 0;
    const e = t.time[txs[txs.length - 1] ?? 0] ?? 0;
    let all = 0;
    for (const i of list) { const x = t.time[i] ?? 0; if (x >= s && x <= e) all++; }
    const share = txs.length / Math.max(1, all);
    if (share < o.minShare) return null;
    const cps = txs.map((i) => (side === "out" ? t.to[i] : t.from[i]) ?? 0);
    const al = makeAlert(t, ctx.ix, "round_amounts", [a, ...cps], txs, Math.min(1, share * (1 - 0.5 ** (txs.length - o.minCount + 1))), "");
    al.explanation = `${txs.length} round ${side === "out" ? "payments by" : "payments to"} ${t.accounts[a] ?? ""} (multiples of ${eur(o.unit)}, at least ${eur(o.minAmount)}; ${(100 * share).toFixed(0)}% of its ${side === "out" ? "outgoing" : "incoming"} transfers in the period) within ${days(e - s)}, ${eur(al.amount)} in total`;
    return al;
  });
}

/** Transfers with accounts in focus countries adding up to `minAmount` within a window. */
export function detectFocusCountry(ctx: DetectContext): Alert[] {
  const { t, ix } = ctx;
  const o = ctx.opt.focusCountry;
  const country = t.accountCountry;
  if (!country || o.countries.length === 0) return [];
  const focus = new Set(o.countries.map((c) => c.toUpperCase()));
  const flag = new Uint8Array(ix.accounts);
  for (let a = 0; a < ix.accounts; a++) flag[a] = focus.has(country[a] ?? "") ? 1 : 0;
  const isFocus = (a: number): boolean => flag[a] === 1;
  const out: Alert[] = [];
  for (let a = 0; a < ix.accounts; a++) {
    if (isFocus(a)) continue;
    // Cheap pre-check before building the merged list: any focus counterparty at all?
    let any = false;
    for (let p = ix.outStart[a] ?? 0; p < (ix.outStart[a + 1] ?? 0) && !any; p++) if (flag[t.to[ix.outTx[p] ?? 0] ?? 0]) any = true;
    for (let p = ix.inStart[a] ?? 0; p < (ix.inStart[a + 1] ?? 0) && !any; p++) if (flag[t.from[ix.inTx[p] ?? 0] ?? 0]) any = true;
    if (!any) continue;
    const act = mergedActivity(slice(ix.inStart, ix.inTx, a), slice(ix.outStart, ix.outTx, a), ix.rank)
      .filter((i) => isFocus((t.from[i] === a ? t.to[i] : t.from[i]) ?? 0));
    if (act.length === 0) continue;
    // Sliding sum: maximal runs whose window total reaches minAmount.
    let j = 0;
    let sum = 0;
    let run: [number, number] | null = null;
    const runs: [number, number][] = [];
    for (let s = 0; s < act.length; s++) {
      const ts = t.time[act[s] ?? 0] ?? 0;
      while (j < act.length && (t.time[act[j] ?? 0] ?? 0) - ts <= o.window) { sum += t.amount[act[j] ?? 0] ?? 0; j++; }
      if (sum >= o.minAmount) {
        if (run && s < run[1]) run[1] = j; else { run = [s, j]; runs.push(run); }
      }
      sum -= t.amount[act[s] ?? 0] ?? 0;
    }
    for (const [s, e] of runs) {
      const txs = act.slice(s, e);
      const cps = txs.map((i) => (t.from[i] === a ? t.to[i] : t.from[i]) ?? 0);
      const cs = [...new Set(cps.map((c) => country[c] ?? ""))].sort();
      const al = makeAlert(t, ix, "focus_country", [a, ...cps], txs, Math.min(1, 0.5 + 0.5 * Math.log10(1 + txs.length)), "");
      al.explanation = `${t.accounts[a] ?? ""} moved ${eur(al.amount)} to or from accounts in focus countries (${cs.join(", ")}) in ${txs.length} transfers within ${days(al.end - al.start)} (threshold ${eur(o.minAmount)} per ${days(o.window)})`;
      out.push(al);
    }
  }
  return out;
}

/** An account silent for at least `minGap` that then moves at least `minAmount` (and `minFactor` × its old rate) within a window. */
export function detectDormant(ctx: DetectContext): Alert[] {
  const { t, ix } = ctx;
  const o = ctx.opt.dormant;
  const out: Alert[] = [];
  for (let a = 0; a < ix.accounts; a++) {
    if (!hasGap(t, ix, a, o.minGap)) continue;
    const act = mergedActivity(slice(ix.inStart, ix.inTx, a), slice(ix.outStart, ix.outTx, a), ix.rank);
    let before = 0;
    for (let k = 1; k < act.length; k++) {
      const prev = t.time[act[k - 1] ?? 0] ?? 0;
      before += t.amount[act[k - 1] ?? 0] ?? 0;
      const cur = t.time[act[k] ?? 0] ?? 0;
      if (cur - prev < o.minGap) continue;
      const txs: number[] = [];
      let vol = 0;
      for (let q = k; q < act.length && (t.time[act[q] ?? 0] ?? 0) - cur <= o.window; q++) { txs.push(act[q] ?? 0); vol += t.amount[act[q] ?? 0] ?? 0; }
      const first = t.time[act[0] ?? 0] ?? 0;
      const oldRate = before / Math.max(1, (prev - first) / o.window);
      if (vol < o.minAmount || vol < o.minFactor * oldRate) continue;
      const cps = txs.map((i) => (t.from[i] === a ? t.to[i] : t.from[i]) ?? 0);
      const al = makeAlert(t, ix, "dormant_reactivation", [a, ...cps], txs, Math.min(1, 0.5 + (cur - prev) / (4 * o.minGap)), "");
      al.explanation = `${t.accounts[a] ?? ""} was silent for ${days(cur - prev)}, then moved ${eur(vol)} in ${txs.length} transfers within ${days(al.end - al.start)} (before: ${eur(oldRate)} per ${days(o.window)})`;
      out.push(al);
    }
  }
  return out;
}

/** Whether an account's merged activity has a silence of at least `gap` (two-pointer, no allocation). */
function hasGap(t: DetectContext["t"], ix: DetectContext["ix"], a: number, gap: number): boolean {
  let p = ix.inStart[a] ?? 0;
  const pe = ix.inStart[a + 1] ?? 0;
  let q = ix.outStart[a] ?? 0;
  const qe = ix.outStart[a + 1] ?? 0;
  let last = NaN;
  while (p < pe || q < qe) {
    const tp = p < pe ? (t.time[ix.inTx[p] ?? 0] ?? 0) : Infinity;
    const tq = q < qe ? (t.time[ix.outTx[q] ?? 0] ?? 0) : Infinity;
    const x = tp <= tq ? tp : tq;
    if (tp <= tq) p++; else q++;
    if (x - last >= gap) return true;
    last = x;
  }
  return false;
}
