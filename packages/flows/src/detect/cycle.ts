/**
 * Cycles (AMLSim CycleTypology; round-tripping): money that returns to where it started through
 * at least `minLength` distinct accounts over rare relationships, all within `window`.
 *
 * Search: for every account s, a depth-first search over rare outgoing transactions that only
 * visits accounts with a larger index than s, so each simple cycle is found once, from its
 * smallest member (as in Johnson, "Finding all the elementary circuits of a directed graph",
 * SIAM J. Comput. 4(1), 1975, without the blocking refinement; the depth and window limits
 * bound the search). With `timeRespecting` each hop must not precede the previous one
 * (Kempe, Kleinberg & Kumar, "Connectivity and inference problems for temporal networks",
 * STOC 2000); by default any order within the window is accepted, because AMLSim's schedule 2
 * sends cycle legs in random order and an account with a balance can pre-fund the next leg.
 * The explanation says whether the cycle is time-respecting. Each hop keeps between `hopRatio`
 * and 1/`hopRatio` of the previous hop's amount.
 */
import type { Alert } from "../alert";
import { days, eur, makeAlert } from "../alert";
import type { DetectContext } from "./context";

export function detectCycles(ctx: DetectContext): Alert[] {
  const { t, rare, opt } = ctx;
  const o = opt.cycle;
  const m = ctx.ix.accounts;
  const onPath = new Uint8Array(m);
  const out: Alert[] = [];
  const path: number[] = [];
  for (let s = 0; s < m; s++) {
    if ((rare.outStart[s + 1] ?? 0) === (rare.outStart[s] ?? 0) || (rare.inStart[s + 1] ?? 0) === (rare.inStart[s] ?? 0)) continue;
    let budget = o.maxExpansions;
    onPath[s] = 1;
    const dfs = (v: number, tMin: number, tMax: number, lastTime: number, lastAmount: number): void => {
      for (let p = rare.outStart[v] ?? 0; p < (rare.outStart[v + 1] ?? 0); p++) {
        if (--budget < 0) return;
        const i = rare.outTx[p] ?? 0;
        const ti = t.time[i] ?? 0;
        if (o.timeRespecting) {
          if (ti < lastTime) continue;
          if (ti - tMin > o.window) break; // lists are time-sorted
        } else if (Math.max(tMax, ti) - Math.min(tMin, ti) > o.window) {
          continue;
        }
        const ai = t.amount[i] ?? 0;
        if (lastAmount > 0 && (ai < lastAmount * o.hopRatio || ai * o.hopRatio > lastAmount)) continue;
        const w = t.to[i] ?? 0;
        if (w === s) {
          if (path.length + 1 >= o.minLength) {
            const first = path[0] ?? i;
            const a0 = t.amount[first] ?? 0;
            // Closing hop must also respect the ratio with the first hop's amount.
            if (ai <= a0 / o.hopRatio || path.length === 0) emit([...path, i]);
          }
          continue;
        }
        if (w < s || onPath[w] || path.length + 1 >= o.maxLength) continue;
        onPath[w] = 1;
        path.push(i);
        dfs(w, Math.min(tMin, ti), Math.max(tMax, ti), ti, ai);
        path.pop();
        onPath[w] = 0;
      }
    };
    const emit = (txs: number[]): void => {
      let ordered = true;
      for (let k = 1; k < txs.length; k++) if ((t.time[txs[k] ?? 0] ?? 0) < (t.time[txs[k - 1] ?? 0] ?? 0)) ordered = false;
      const accounts = txs.map((i) => t.from[i] ?? 0);
      const al = makeAlert(t, ctx.ix, "cycle", accounts, txs, ordered ? 0.9 : 0.7, "");
      const names = accounts.map((a) => t.accounts[a] ?? "");
      al.explanation = `money went round ${names.join(" -> ")} -> ${names[0] ?? ""} (${txs.length} hops, ${eur(al.amount)} in total) within ${days(al.end - al.start)} over one-off relationships; ${ordered ? "time-respecting: each hop after the previous" : "hops not in path order in time"}`;
      out.push(al);
    };
    dfs(s, Infinity, -Infinity, -Infinity, 0);
    onPath[s] = 0;
  }
  return out;
}
