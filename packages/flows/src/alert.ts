/**
 * Alerts: what every typology detector returns, and the shared finishing steps (suppressing
 * alerts that are only a part of a larger pattern, canonical ordering, numbering).
 */
import type { TxTable } from "./table";
import { cmpStr, txId } from "./table";
import type { TxIndex } from "./tx-index";

export const PATTERNS = [
  "fan_in", "fan_out", "cycle", "bipartite", "stack", "scatter_gather", "gather_scatter",
  "structuring", "pass_through", "layering", "focus_country", "dormant_reactivation", "round_amounts",
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** One explained alert. Transactions and accounts are table indices. */
export interface Alert {
  pattern: Pattern;
  /** 0..1, higher is more suspicious; see docs/flows.md for each pattern's formula. */
  score: number;
  accounts: number[];
  txs: number[];
  /** Total EUR of the alert's transactions. */
  amount: number;
  start: number;
  end: number;
  explanation: string;
}

/** Fills amount/start/end from the transactions and sorts them canonically. */
export function makeAlert(t: TxTable, ix: TxIndex, pattern: Pattern, accounts: Iterable<number>, txs: Iterable<number>, score: number, explanation: string): Alert {
  const tx = [...new Set(txs)].sort((a, b) => (ix.rank[a] ?? 0) - (ix.rank[b] ?? 0));
  let amount = 0;
  for (const i of tx) amount += t.amount[i] ?? 0;
  const acc = [...new Set(accounts)].sort((a, b) => a - b);
  return {
    pattern, score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, accounts: acc, txs: tx,
    amount: Math.round(amount * 100) / 100,
    start: t.time[tx[0] ?? 0] ?? 0,
    end: t.time[tx[tx.length - 1] ?? 0] ?? 0,
    explanation,
  };
}

/** Typologies that are made of smaller ones; a part alone is not reported when the whole is. */
const PRIORITY: Record<Pattern, number> = {
  stack: 0, scatter_gather: 1, gather_scatter: 1, cycle: 1, bipartite: 1, layering: 2,
  fan_in: 3, fan_out: 3,
  structuring: 9, pass_through: 9, focus_country: 9, dormant_reactivation: 9, round_amounts: 9,
};

/**
 * Drops structural alerts (priority < 9) of which at least `share` of the transactions already
 * belong to a higher-priority alert: a scatter-gather's scatter leg is not also a fan-out.
 * Behavioural indicators (priority 9) are independent views and are always kept.
 */
export function suppressParts(alerts: Alert[], share = 0.5): Alert[] {
  const byPriority = [...alerts].sort((a, b) => PRIORITY[a.pattern] - PRIORITY[b.pattern]);
  const owner = new Map<number, Pattern>();
  const kept: Alert[] = [];
  for (const a of byPriority) {
    const p = PRIORITY[a.pattern];
    if (p < 9) {
      // Covered by a larger pattern, or the same pattern found by a second route (a stack is
      // seen both as chained blocks and from its corners).
      let covered = 0;
      for (const i of a.txs) { const o = owner.get(i); if (o !== undefined && (PRIORITY[o] < p || o === a.pattern)) covered++; }
      if (covered >= share * a.txs.length) continue;
      for (const i of a.txs) if (!owner.has(i)) owner.set(i, a.pattern);
    }
    kept.push(a);
  }
  return kept;
}

/** Canonical order: start time, pattern, first transaction, accounts. */
export function sortAlerts(t: TxTable, alerts: Alert[]): Alert[] {
  const key = (a: Alert): string => a.accounts.map((x) => t.accounts[x] ?? "").join(";");
  return alerts.sort((a, b) => a.start - b.start || cmpStr(a.pattern, b.pattern)
    || cmpStr(txId(t, a.txs[0] ?? 0), txId(t, b.txs[0] ?? 0)) || cmpStr(key(a), key(b)));
}

/** Formats epoch seconds as an ISO-8601 UTC timestamp without milliseconds. */
export function isoTime(sec: number): string {
  const d = new Date(sec * 1000);
  return Number.isNaN(d.getTime()) ? String(sec) : d.toISOString().replace(".000Z", "Z");
}

export const ALERT_COLUMNS = ["alert_id", "pattern", "score", "accounts", "transactions", "amount", "start", "end", "explanation"] as const;

/** An alert as the CSV row documented in docs/flows.md. */
export function alertRow(t: TxTable, a: Alert, id: number): string[] {
  return [
    `A${id}`, a.pattern, a.score.toFixed(3),
    a.accounts.map((x) => t.accounts[x] ?? "").join(";"),
    a.txs.map((i) => txId(t, i)).join(";"),
    a.amount.toFixed(2), isoTime(a.start), isoTime(a.end), a.explanation,
  ];
}

/** Euro amount for explanations. */
export function eur(x: number): string {
  return `EUR ${x.toFixed(2)}`;
}

/** Days for explanations. */
export function days(sec: number): string {
  return `${(sec / 86400).toFixed(1)} days`;
}
