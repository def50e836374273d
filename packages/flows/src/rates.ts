/**
 * Conversion to EUR with a dated rates table. A rate is the number of currency units per euro
 * (the ECB reference-rate convention: 1 EUR = 1.0824 USD); the rate used for a transaction is
 * the latest one dated on or before its time, or the earliest one when none is that old.
 */
import { VizierError } from "@vizier/model";

export interface RateRow {
  currency: string;
  /** Epoch seconds. */
  date: number;
  /** Units of `currency` per EUR. */
  rate: number;
}

/**
 * Built-in fallback: ECB euro reference rates, 2024 annual averages (AED and MAD, which the ECB
 * does not publish, derived via the USD peg / Bank Al-Maghrib averages). Approximate by design;
 * pass a dated rates file for anything that matters (docs/flows.md).
 */
export const DEFAULT_RATES: readonly RateRow[] = [
  ["USD", 1.0824], ["GBP", 0.8466], ["CHF", 0.9526], ["JPY", 163.85], ["CNY", 7.7875], ["HKD", 8.4454],
  ["SGD", 1.4458], ["TRY", 35.5734], ["AED", 3.9751], ["MAD", 10.75], ["PLN", 4.3058], ["SEK", 11.4325],
  ["DKK", 7.4589], ["NOK", 11.629], ["CAD", 1.4821], ["AUD", 1.6397],
].map(([currency, rate]) => ({ currency: String(currency), date: Date.UTC(2024, 0, 1) / 1000, rate: Number(rate) }));

export class RatesTable {
  private readonly byCurrency = new Map<string, { dates: number[]; rates: number[] }>();

  constructor(rows: readonly RateRow[]) {
    const grouped = new Map<string, RateRow[]>();
    for (const r of rows) {
      if (!(r.rate > 0) || !Number.isFinite(r.date)) throw new VizierError("INVALID_INPUT", `bad rate for ${r.currency}: ${r.rate}`);
      const c = r.currency.toUpperCase();
      const l = grouped.get(c);
      if (l) l.push(r); else grouped.set(c, [r]);
    }
    for (const [c, l] of grouped) {
      l.sort((a, b) => a.date - b.date);
      this.byCurrency.set(c, { dates: l.map((r) => r.date), rates: l.map((r) => r.rate) });
    }
  }

  /** Amount in EUR of `amount` `currency` at epoch second `time`. */
  toEur(amount: number, currency: string, time: number): number {
    const c = currency.trim().toUpperCase();
    if (c === "EUR" || c === "") return amount;
    const e = this.byCurrency.get(c);
    if (!e) throw new VizierError("INVALID_INPUT", `no exchange rate for currency "${currency}"; pass a rates file with --rates`, { details: { currency } });
    let lo = 0;
    let hi = e.dates.length - 1;
    if (time < (e.dates[0] ?? 0)) return amount / (e.rates[0] ?? 1);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((e.dates[mid] ?? 0) <= time) lo = mid; else hi = mid - 1;
    }
    return amount / (e.rates[lo] ?? 1);
  }
}

/** The built-in table. */
export function defaultRates(): RatesTable {
  return new RatesTable(DEFAULT_RATES);
}
