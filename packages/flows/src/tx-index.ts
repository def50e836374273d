/**
 * Derived indexes over a {@link TxTable}: a canonical time order, per-account incoming and
 * outgoing lists in that order (CSR layout, as in graphology-style typed-array graphs) and the
 * number of transactions per (payer, beneficiary) pair. Everything is linear apart from one
 * numeric sort, so ten million rows index in a few seconds.
 */
import type { TxTable } from "./table";
import { cmpStr } from "./table";

export interface TxIndex {
  readonly accounts: number;
  /** Transactions in canonical order: time, then payer, beneficiary, amount, id. */
  readonly order: Uint32Array;
  /** Position of each transaction in `order`. */
  readonly rank: Uint32Array;
  readonly outStart: Int32Array;
  readonly outTx: Uint32Array;
  readonly inStart: Int32Array;
  readonly inTx: Uint32Array;
  /** Number of transactions between the same payer and beneficiary (whole input). */
  readonly pairCount: Uint32Array;
  readonly tMin: number;
  readonly tMax: number;
}

function tieCompare(t: TxTable, a: number, b: number): number {
  return (t.time[a] ?? 0) - (t.time[b] ?? 0)
    || (t.from[a] ?? 0) - (t.from[b] ?? 0)
    || (t.to[a] ?? 0) - (t.to[b] ?? 0)
    || (t.amount[a] ?? 0) - (t.amount[b] ?? 0)
    || (t.ids ? cmpStr(t.ids[a] ?? "", t.ids[b] ?? "") : 0)
    || a - b;
}

/** Canonical time order; independent of input row order except for fully identical rows. */
export function timeOrder(t: TxTable): Uint32Array {
  const n = t.size;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let tMin = Infinity;
  let tMax = -Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const s = t.time[i] ?? 0;
    if (s < tMin) tMin = s;
    if (s > tMax) tMax = s;
    if (integral && s !== Math.floor(s)) integral = false;
  }
  // Fast path: pack (time, row) into one exactly representable double and sort natively.
  if (integral && (tMax - tMin + 1) * n < 2 ** 52) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((t.time[i] ?? 0) - tMin) * n + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % n;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (t.time[a] ?? 0) - (t.time[b] ?? 0) || a - b);
  }
  // Break ties among equal times canonically (runs are short in practice).
  let s = 0;
  while (s < n) {
    let e = s + 1;
    const ts = t.time[order[s] ?? 0];
    while (e < n && t.time[order[e] ?? 0] === ts) e++;
    if (e - s > 1) order.subarray(s, e).sort((a, b) => tieCompare(t, a, b));
    s = e;
  }
  return order;
}

/** Builds the indexes; O(n log n) for the sort, linear otherwise. */
export function buildIndex(t: TxTable): TxIndex {
  const n = t.size;
  const m = t.accounts.length;
  const order = timeOrder(t);
  const rank = new Uint32Array(n);
  for (let r = 0; r < n; r++) rank[order[r] ?? 0] = r;
  const outStart = new Int32Array(m + 1);
  const inStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const f = (t.from[i] ?? 0) + 1;
    const g = (t.to[i] ?? 0) + 1;
    outStart[f] = (outStart[f] ?? 0) + 1;
    inStart[g] = (inStart[g] ?? 0) + 1;
  }
  for (let a = 0; a < m; a++) {
    outStart[a + 1] = (outStart[a + 1] ?? 0) + (outStart[a] ?? 0);
    inStart[a + 1] = (inStart[a + 1] ?? 0) + (inStart[a] ?? 0);
  }
  const outFill = outStart.slice(0, m);
  const inFill = inStart.slice(0, m);
  const outTx = new Uint32Array(n);
  const inTx = new Uint32Array(n);
  // Stable bucket fill in time order keeps every per-account list time-sorted.
  for (let r = 0; r < n; r++) {
    const i = order[r] ?? 0;
    const f = t.from[i] ?? 0;
    const g = t.to[i] ?? 0;
    const pf = outFill[f] ?? 0;
    const pg = inFill[g] ?? 0;
    outTx[pf] = i;
    inTx[pg] = i;
    outFill[f] = pf + 1;
    inFill[g] = pg + 1;
  }
  const pairCount = new Uint32Array(n);
  const cnt = new Uint32Array(m);
  for (let a = 0; a < m; a++) {
    const s = outStart[a] ?? 0;
    const e = outStart[a + 1] ?? 0;
    for (let k = s; k < e; k++) { const b = t.to[outTx[k] ?? 0] ?? 0; cnt[b] = (cnt[b] ?? 0) + 1; }
    for (let k = s; k < e; k++) { const i = outTx[k] ?? 0; pairCount[i] = cnt[t.to[i] ?? 0] ?? 0; }
    for (let k = s; k < e; k++) cnt[t.to[outTx[k] ?? 0] ?? 0] = 0;
  }
  const first = order[0];
  const last = order[n - 1];
  return {
    accounts: m, order, rank, outStart, outTx, inStart, inTx, pairCount,
    tMin: first === undefined ? 0 : (t.time[first] ?? 0),
    tMax: last === undefined ? 0 : (t.time[last] ?? 0),
  };
}

/** A sub-list of one account's transactions (a CSR slice, time-ordered). */
export function slice(start: Int32Array, tx: Uint32Array, a: number): Uint32Array {
  return tx.subarray(start[a] ?? 0, start[a + 1] ?? 0);
}
