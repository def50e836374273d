/**
 * Rapid pass-through (money mules) and layering chains.
 *
 * Pass-through: per account, each incoming transfer is matched to the first later outgoing transfer, not matched yet, that
 * leaves within `maxDelay` and carries between `minKept` and 100% of it (a mule forwards each
 * deposit minus a commission; a business pays invoices that bear no relation to what came in).
 * Over a run of at least `minCount` matched arrivals within `window`, the matched share of all
 * inflow in that period must reach `minShare` and the inflow `minInflow` EUR; the forwards
 * must also make up `minShare` of all outflow in the period, and the run must be a burst: at
 * least `burstRatio` × the account's matched forwards per window over the whole input (floored
 * at `baselineFloor`), so a steady forwarding arrangement running all year is not flagged.
 *
 * Layering: a time-respecting chain of at least `minHops` rare transfers through distinct
 * accounts in which each hop leaves its account within `maxDelay` of the previous hop arriving
 * and carries between `minKept` and `maxKept` of its amount. Only chains that cannot be extended
 * backwards are reported, each with its longest continuation (depth-first, bounded by
 * `maxExpansions`).
 */
import type { Alert } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";
import { windowsInSpan } from "./context";
import { slice } from "../tx-index";
import { denseRuns } from "./windows";

export function detectPassThrough(ctx: DetectContext): Alert[] {
  const { t, ix } = ctx;
  const o = ctx.opt.passThrough;
  const out: Alert[] = [];
  for (let a = 0; a < ix.accounts; a++) {
    const ins = slice(ix.inStart, ix.inTx, a);
    const outs = slice(ix.outStart, ix.outTx, a);
    if (ins.length < o.minCount || outs.length < o.minCount) continue;
    // Cheap pre-check: some window holds enough inflow (two pointers, no allocation).
    let best = 0;
    let sum = 0;
    for (let lo = 0, hi = 0; hi < ins.length; hi++) {
      sum += t.amount[ins[hi] ?? 0] ?? 0;
      while ((t.time[ins[hi] ?? 0] ?? 0) - (t.time[ins[lo] ?? 0] ?? 0) > o.window) sum -= t.amount[ins[lo++] ?? 0] ?? 0;
      if (sum > best) best = sum;
    }
    if (best < o.minInflow) continue;
    const used = new Set<number>();
    const match = new Map<number, number>(); // in-tx -> out-tx
    let q0 = 0;
    for (const i of ins) {
      if (t.from[i] === a) continue;
      const ti = t.time[i] ?? 0;
      const ai = t.amount[i] ?? 0;
      while (q0 < outs.length && (t.time[outs[q0] ?? 0] ?? 0) < ti) q0++;
      for (let q = q0; q < outs.length; q++) {
        const j = outs[q] ?? 0;
        if ((t.time[j] ?? 0) - ti > o.maxDelay) break;
        const aj = t.amount[j] ?? 0;
        if (used.has(j) || t.to[j] === a || aj < o.minKept * ai || aj > ai) continue;
        used.add(j);
        match.set(i, j);
        break;
      }
    }
    if (match.size < o.minCount) continue;
    // Runs of matched arrivals (any `window` holding at least minCount of them).
    const matchedAll = ins.filter((i) => match.has(i));
    const nWin = windowsInSpan(ctx, o.window);
    for (const [rs, re] of denseRuns(matchedAll.map((i) => t.time[i] ?? 0), o.window, o.minCount)) {
      const matched = matchedAll.slice(rs, re);
      // A burst, not the account's steady business (a standing forwarding arrangement): the
      // run's rate per window against the account's rate over the whole input. Inputs shorter
      // than `burstRatio` + 1 windows are too short to judge and skip this test.
      const runWindows = Math.max(1, ((t.time[matched[matched.length - 1] ?? 0] ?? 0) - (t.time[matched[0] ?? 0] ?? 0)) / o.window);
      const usual = Math.max(o.baselineFloor, matchedAll.length / nWin);
      if (nWin >= o.burstRatio + 1 && matched.length / runWindows < o.burstRatio * usual) continue;
      const lo = t.time[matched[0] ?? 0] ?? 0;
      const hi = t.time[matched[matched.length - 1] ?? 0] ?? 0;
      const l = Array.from(ins).filter((i) => t.from[i] !== a && (t.time[i] ?? 0) >= lo && (t.time[i] ?? 0) <= hi);
      let sIn = 0;
      let sFast = 0;
      for (const i of l) sIn += t.amount[i] ?? 0;
      for (const i of matched) sFast += t.amount[i] ?? 0;
      if (sIn < o.minInflow || sFast < o.minShare * sIn) continue;
      const outsUsed = matched.map((i) => match.get(i) ?? 0);
      let sOut = 0;
      for (const j of outsUsed) sOut += t.amount[j] ?? 0;
      // The forwards must also be most of what left in the period: a mule's outflow is the
      // inflow passed on; a business's payments mostly are not.
      let allOut = 0;
      for (const j of outs) { const x = t.time[j] ?? 0; if (x >= lo && x <= hi + o.maxDelay && t.to[j] !== a) allOut += t.amount[j] ?? 0; }
      if (sOut < o.minShare * allOut) continue;
      const cps = [...matched.map((i) => t.from[i] ?? 0), ...outsUsed.map((j) => t.to[j] ?? 0)];
      const share = sFast / sIn;
      const al = makeAlert(t, ix, "pass_through", [a, ...cps], [...matched, ...outsUsed], share, "");
      al.explanation = `${t.accounts[a] ?? ""} received ${eur(sIn)} in ${l.length} transfers; ${matched.length} of them (${(100 * share).toFixed(0)}% of the amount) were each passed on within ${days(o.maxDelay)} as a transfer of ${(100 * o.minKept).toFixed(0)}-100% of their amount (${eur(sOut)} out)`;
      out.push(al);
    }
  }
  return out;
}

export function detectLayering(ctx: DetectContext): Alert[] {
  const { t, rare } = ctx;
  const o = ctx.opt.layering;
  const out: Alert[] = [];
  const fits = (prev: number, next: number): boolean => {
    const dt = (t.time[next] ?? 0) - (t.time[prev] ?? 0);
    const r = (t.amount[next] ?? 0) / Math.max(1e-9, t.amount[prev] ?? 0);
    return dt >= 0 && dt <= o.maxDelay && r >= o.minKept && r <= o.maxKept;
  };
  const m = ctx.ix.accounts;
  const onPath = new Uint8Array(m);
  for (let a = 0; a < m; a++) {
    for (let p = rare.outStart[a] ?? 0; p < (rare.outStart[a + 1] ?? 0); p++) {
      const first = rare.outTx[p] ?? 0;
      // Skip if some rare transfer into `a` continues into this one (then this is not a chain start).
      let hasPred = false;
      for (let q = rare.inStart[a] ?? 0; q < (rare.inStart[a + 1] ?? 0) && !hasPred; q++) if (fits(rare.inTx[q] ?? 0, first)) hasPred = true;
      if (hasPred) continue;
      let best: number[] = [];
      let budget = o.maxExpansions;
      const path = [first];
      onPath[a] = 1;
      const dfs = (last: number): void => {
        if (path.length > best.length) best = [...path];
        const v = t.to[last] ?? 0;
        if (onPath[v]) return;
        onPath[v] = 1;
        for (let q = rare.outStart[v] ?? 0; q < (rare.outStart[v + 1] ?? 0); q++) {
          if (--budget < 0) break;
          const nx = rare.outTx[q] ?? 0;
          if ((t.time[nx] ?? 0) - (t.time[last] ?? 0) > o.maxDelay) break;
          if (!fits(last, nx) || onPath[t.to[nx] ?? 0]) continue;
          path.push(nx);
          dfs(nx);
          path.pop();
        }
        onPath[v] = 0;
      };
      dfs(first);
      onPath[a] = 0;
      if (best.length < o.minHops) continue;
      const accounts = [a, ...best.map((i) => t.to[i] ?? 0)];
      const al = makeAlert(t, ctx.ix, "layering", accounts, best, Math.min(1, 0.5 + 0.1 * (best.length - o.minHops + 1)), "");
      const kept = (t.amount[best[best.length - 1] ?? 0] ?? 0) / Math.max(1e-9, t.amount[first] ?? 0);
      al.explanation = `${eur(t.amount[first] ?? 0)} moved through ${best.length} hops ${accounts.map((x) => t.accounts[x] ?? "").join(" -> ")} within ${days(al.end - al.start)}, each hop within ${days(o.maxDelay)} of the previous; ${(100 * kept).toFixed(0)}% arrived at the end`;
      out.push(al);
    }
  }
  return out;
}
