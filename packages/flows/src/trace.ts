/**
 * Fund tracing forward (where did money leaving an account go?) or backward (where did money
 * reaching an account come from?), time-respecting (money moves on only after it arrived, as in
 * temporal-network reachability: Kempe, Kleinberg & Kumar, STOC 2000).
 *
 * Attribution rule (default "fifo"): every account reached keeps its money as lots in arrival
 * order, starting with one untraced lot for the balance it already held (recorded inflow minus
 * outflow before the traced money arrived, at least 0); an outgoing transfer spends the oldest
 * lots first, and the traced part of it is what it took from traced lots. "proportional" (the
 * "haircut" rule) instead gives each outgoing transfer the traced share of the account's balance
 * at that moment. Both conserve amounts: what is traced into an account either leaves it in
 * traced transfers or stays there, so the start's traced outflow equals what is retained at the
 * accounts reached plus what stopped at the hop or minimum-amount limits. See Möser, Böhme &
 * Breuker, "Towards risk scoring of Bitcoin transactions" (FC 2014) for these taint rules.
 * Backward tracing applies the same rule to the time-reversed flow.
 */
import { VizierError } from "@vizier/model";
import type { TxTable } from "./table";
import { buildIndex } from "./tx-index";

export interface TraceOptions {
  /** Start account index, or all accounts of one holder/entity (their mutual transfers are not traced). */
  start: number | readonly number[];
  direction: "forward" | "backward";
  maxHops?: number;
  /** Period (epoch seconds) of the start account's transfers that are traced. */
  from?: number;
  to?: number;
  /** Traced parts below this amount are not followed further (they count as stopped). */
  minAmount?: number;
  rule?: "fifo" | "proportional";
  /** Cap on the number of paths returned. */
  maxPaths?: number;
}

export interface TracedTx {
  tx: number;
  hop: number;
  /** Traced part of the transfer (EUR). */
  traced: number;
  /** Where the traced part came from: [parent tx, amount]; parent -1 is the start account. */
  parents: [number, number][];
}

export interface TracePath {
  txs: number[];
  /** Amount that followed exactly this path and stayed at its last account. */
  amount: number;
}

export interface TraceResult {
  steps: TracedTx[];
  paths: TracePath[];
  /** Traced amount that left the start account. */
  total: number;
  /** Traced amount still held per account at the end. */
  retained: Map<number, number>;
  /** Traced amount not followed because of the hop or minimum-amount limit. */
  stopped: number;
  /** True when more paths existed than `maxPaths`. */
  truncated: boolean;
}

interface Lot { amount: number; parent: number }

/** Reverses time and direction, so backward tracing is forward tracing of the mirror image. */
function mirror(t: TxTable): TxTable {
  const time = new Float64Array(t.size);
  for (let i = 0; i < t.size; i++) time[i] = -(t.time[i] ?? 0);
  return { ...t, from: t.to, to: t.from, time };
}

export function trace(table: TxTable, o: TraceOptions): TraceResult {
  const starts = typeof o.start === "number" ? [o.start] : [...o.start];
  if (starts.length === 0 || starts.some((a) => a < 0 || a >= table.accounts.length)) throw new VizierError("NOT_FOUND", `start account ${String(o.start)} is not in the table`);
  const isStart = new Uint8Array(table.accounts.length);
  for (const a of starts) isStart[a] = 1;
  const back = o.direction === "backward";
  const t = back ? mirror(table) : table;
  const ix = buildIndex(t);
  const maxHops = o.maxHops ?? 5;
  const minAmount = o.minAmount ?? 0;
  const lo = back ? -(o.to ?? Infinity) : (o.from ?? -Infinity);
  const hi = back ? -(o.from ?? -Infinity) : (o.to ?? Infinity);
  const lots = new Map<number, Lot[]>();
  const heads = new Map<number, number>();
  const steps = new Map<number, TracedTx>();
  let stopped = 0;
  let total = 0;
  const openingBalance = (a: number, before: number): number => {
    let bal = 0;
    for (let p = ix.inStart[a] ?? 0; p < (ix.inStart[a + 1] ?? 0); p++) { const i = ix.inTx[p] ?? 0; if ((ix.rank[i] ?? 0) < before) bal += t.amount[i] ?? 0; }
    for (let p = ix.outStart[a] ?? 0; p < (ix.outStart[a + 1] ?? 0); p++) { const i = ix.outTx[p] ?? 0; if ((ix.rank[i] ?? 0) < before) bal -= t.amount[i] ?? 0; }
    return Math.max(0, bal);
  };
  for (let r = 0; r < t.size; r++) {
    const i = ix.order[r] ?? 0;
    const v = t.from[i] ?? 0;
    const w = t.to[i] ?? 0;
    const amount = t.amount[i] ?? 0;
    let traced = 0;
    let parents: [number, number][] = [];
    if (isStart[v]) {
      const ti = t.time[i] ?? 0;
      if (ti >= lo && ti <= hi && !isStart[w]) { traced = amount; parents = [[-1, amount]]; total += amount; }
    } else {
      const q = lots.get(v);
      if (q) {
        const taken = new Map<number, number>();
        if (o.rule === "proportional") {
          let bal = 0;
          for (const l of q) bal += l.amount;
          const share = bal > 0 ? Math.min(1, amount / bal) : 0;
          for (const l of q) { const x = l.amount * share; l.amount -= x; if (l.parent >= 0) taken.set(l.parent, (taken.get(l.parent) ?? 0) + x); }
          const kept = q.filter((l) => l.amount > 1e-9);
          q.length = 0;
          q.push(...kept);
        } else {
          let need = amount;
          let h = heads.get(v) ?? 0;
          while (need > 1e-9 && h < q.length) {
            const l = q[h];
            if (!l) break;
            const x = Math.min(need, l.amount);
            l.amount -= x;
            need -= x;
            if (l.parent >= 0) taken.set(l.parent, (taken.get(l.parent) ?? 0) + x);
            if (l.amount <= 1e-9) h++;
          }
          heads.set(v, h);
        }
        for (const [p, x] of taken) { traced += x; parents.push([p, x]); }
        if (traced > 0) {
          const hop = 1 + Math.max(...parents.map(([p]) => steps.get(p)?.hop ?? 0));
          if (hop > maxHops || traced < minAmount || isStart[w]) {
            stopped += traced;
            traced = 0;
            parents = [];
          }
        }
      }
    }
    if (traced > 0) {
      const hop = isStart[v] ? 1 : 1 + Math.max(...parents.map(([p]) => steps.get(p)?.hop ?? 0));
      steps.set(i, { tx: i, hop, traced, parents });
    }
    if (!isStart[w]) {
      let q = lots.get(w);
      if (!q && traced > 0) {
        q = [];
        const open = openingBalance(w, r);
        if (open > 0) q.push({ amount: open, parent: -1 });
        lots.set(w, q);
      }
      if (q) {
        q.push({ amount: traced, parent: i });
        if (amount - traced > 1e-9) q.push({ amount: amount - traced, parent: -1 });
      }
    }
  }
  const retained = new Map<number, number>();
  for (const [a, q] of lots) {
    let x = 0;
    for (const l of q) if (l.parent >= 0) x += l.amount;
    if (x > 1e-9) retained.set(a, x);
  }
  const { paths, truncated } = decompose(steps, o.maxPaths ?? 10000);
  return { steps: [...steps.values()], paths, total, retained, stopped, truncated };
}

/** Splits the traced flow into start-to-end paths whose amounts add up to what was retained. */
function decompose(steps: Map<number, TracedTx>, maxPaths: number): { paths: TracePath[]; truncated: boolean } {
  const passedOn = new Map<number, number>();
  for (const st of steps.values()) for (const [p, x] of st.parents) if (p >= 0) passedOn.set(p, (passedOn.get(p) ?? 0) + x);
  const paths: TracePath[] = [];
  let truncated = false;
  const walk = (st: TracedTx, suffix: number[], flow: number): void => {
    if (paths.length >= maxPaths) { truncated = true; return; }
    for (const [p, x] of st.parents) {
      const f = flow * (x / st.traced);
      if (f <= 1e-9) continue;
      if (p < 0) { paths.push({ txs: [st.tx, ...suffix], amount: f }); continue; }
      const parent = steps.get(p);
      if (parent) walk(parent, [st.tx, ...suffix], f);
    }
  };
  for (const st of steps.values()) {
    const kept = st.traced - (passedOn.get(st.tx) ?? 0);
    if (kept > 1e-9) walk(st, [], kept);
  }
  return { paths, truncated };
}
