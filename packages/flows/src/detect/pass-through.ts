/**
 * Rapid pass-through (money mules) and layering chains.
 *
 * Pass-through: per account and per window of `window` (aligned to the start of the input),
 * incoming money is matched to later outgoing money first-in-first-out; the share of the
 * window's inflow that leaves within `maxDelay` of arriving must reach `minShare`, with at least
 * `minCount` incoming transfers and `minInflow` EUR. Outgoing money not covered by recorded
 * inflow is taken from an unknown prior balance and does not count.
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
import { mergedActivity } from "./windows";
import { slice } from "../tx-index";

export function detectPassThrough(ctx: DetectContext): Alert[] {
  const { t, ix } = ctx;
  const o = ctx.opt.passThrough;
  const out: Alert[] = [];
  for (let a = 0; a < ix.accounts; a++) {
    const ins = slice(ix.inStart, ix.inTx, a);
    const outs = slice(ix.outStart, ix.outTx, a);
    if (ins.length < o.minCount || outs.length === 0) continue;
    let inflow = 0;
    for (const i of ins) inflow += t.amount[i] ?? 0;
    if (inflow < o.minInflow) continue;
    const act = mergedActivity(ins, outs, ix.rank);
    // FIFO lots: [tx, remaining]; fast[k] = amount of in-tx k forwarded within maxDelay.
    const lots: [number, number][] = [];
    let head = 0;
    const fast = new Map<number, number>();
    const usedBy = new Map<number, number[]>();
    for (const i of act) {
      if (t.to[i] === a && t.from[i] !== a) { lots.push([i, t.amount[i] ?? 0]); continue; }
      if (t.from[i] !== a) continue;
      let need = t.amount[i] ?? 0;
      const ti = t.time[i] ?? 0;
      while (need > 1e-9 && head < lots.length) {
        const lot = lots[head];
        if (!lot) break;
        const take = Math.min(need, lot[1]);
        lot[1] -= take;
        need -= take;
        if (ti - (t.time[lot[0]] ?? 0) <= o.maxDelay) {
          fast.set(lot[0], (fast.get(lot[0]) ?? 0) + take);
          const u = usedBy.get(lot[0]);
          if (u) u.push(i); else usedBy.set(lot[0], [i]);
        }
        if (lot[1] <= 1e-9) head++;
      }
    }
    // Per aligned window.
    const byWin = new Map<number, number[]>();
    for (const i of ins) {
      if (t.from[i] === a) continue;
      const w = Math.floor(((t.time[i] ?? 0) - ix.tMin) / o.window);
      const l = byWin.get(w);
      if (l) l.push(i); else byWin.set(w, [i]);
    }
    for (const w of [...byWin.keys()].sort((x, y) => x - y)) {
      const l = byWin.get(w) ?? [];
      if (l.length < o.minCount) continue;
      let sIn = 0;
      let sFast = 0;
      for (const i of l) { sIn += t.amount[i] ?? 0; sFast += fast.get(i) ?? 0; }
      if (sIn < o.minInflow || sFast < o.minShare * sIn) continue;
      const outsUsed = l.flatMap((i) => usedBy.get(i) ?? []);
      const cps = [...l.map((i) => t.from[i] ?? 0), ...outsUsed.map((i) => t.to[i] ?? 0)];
      const share = sFast / sIn;
      const al = makeAlert(t, ix, "pass_through", [a, ...cps], [...l, ...outsUsed], share, "");
      al.explanation = `${t.accounts[a] ?? ""} received ${eur(sIn)} in ${l.length} transfers and passed ${(100 * share).toFixed(0)}% of it on within ${days(o.maxDelay)} of arrival (first in, first out)`;
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
