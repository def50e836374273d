/**
 * Flows between accounts or groups (holders, resolved entities, countries) per period, as Sankey
 * links and table rows. Transfers within one group are kept as self-links only on request,
 * because a Sankey diagram cannot draw them.
 */
import type { TxTable } from "./table";
import { cmpStr } from "./table";

export type Period = "day" | "week" | "month" | "quarter" | "year" | "all";

export interface FlowLink {
  source: string;
  target: string;
  /** Period label: 2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025 or "all". */
  period: string;
  amount: number;
  count: number;
}

export interface AggregateOptions {
  /** Group of an account (default: the account itself). */
  groupOf?: (account: string) => string;
  period?: Period;
  includeInternal?: boolean;
}

/** Period label of epoch seconds (UTC; ISO weeks). */
export function periodLabel(sec: number, p: Period): string {
  const d = new Date(sec * 1000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  switch (p) {
    case "all": return "all";
    case "year": return String(y);
    case "quarter": return `${y}-Q${Math.ceil(m / 3)}`;
    case "month": return `${y}-${String(m).padStart(2, "0")}`;
    case "day": return d.toISOString().slice(0, 10);
    case "week": {
      // ISO 8601: the week belongs to the year of its Thursday.
      const day = (d.getUTCDay() + 6) % 7;
      const thu = Date.UTC(y, d.getUTCMonth(), d.getUTCDate() - day + 3);
      const wy = new Date(thu).getUTCFullYear();
      const w = 1 + Math.floor((thu - Date.UTC(wy, 0, 1)) / 604800000);
      return `${wy}-W${String(w).padStart(2, "0")}`;
    }
  }
}

/** Sums transfers per (source group, target group, period), largest first. */
export function aggregateFlows(t: TxTable, o: AggregateOptions = {}): FlowLink[] {
  const period = o.period ?? "month";
  const groupCache = t.accounts.map((a) => (o.groupOf ? o.groupOf(a) : a));
  const links = new Map<string, FlowLink>();
  for (let i = 0; i < t.size; i++) {
    const s = groupCache[t.from[i] ?? 0] ?? "";
    const g = groupCache[t.to[i] ?? 0] ?? "";
    if (s === g && !o.includeInternal) continue;
    const p = periodLabel(t.time[i] ?? 0, period);
    const key = `${s}\u0000${g}\u0000${p}`;
    const l = links.get(key);
    if (l) { l.amount += t.amount[i] ?? 0; l.count++; } else links.set(key, { source: s, target: g, period: p, amount: t.amount[i] ?? 0, count: 1 });
  }
  return [...links.values()].sort((a, b) => cmpStr(a.period, b.period) || b.amount - a.amount || cmpStr(a.source, b.source) || cmpStr(a.target, b.target));
}
