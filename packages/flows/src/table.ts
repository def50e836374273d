/**
 * Columnar transaction table: the one input shape of every flows algorithm. Typed arrays keep
 * ten million transactions within a few hundred megabytes and let hot loops stay monomorphic;
 * a store or a file reader fills it through {@link TxTableBuilder}.
 */

/** Transactions as parallel columns; index `i` is one transaction. Amounts are in EUR. */
export interface TxTable {
  readonly size: number;
  /** Account index of the payer. */
  readonly from: Int32Array;
  /** Account index of the beneficiary. */
  readonly to: Int32Array;
  /** Amount in EUR (converted at load time; see rates.ts). */
  readonly amount: Float64Array;
  /** Epoch seconds (UTC). */
  readonly time: Float64Array;
  /** Transaction ids, or null when the input had none (then the 1-based row number is the id). */
  readonly ids: readonly string[] | null;
  /** Account names by index. */
  readonly accounts: readonly string[];
  /** Optional country (ISO alpha-2) per account index, "" when unknown. */
  readonly accountCountry?: readonly string[];
}

/** The id of transaction `i` as written in outputs. */
export function txId(t: TxTable, i: number): string {
  return t.ids ? (t.ids[i] ?? String(i + 1)) : String(i + 1);
}

/** Incrementally builds a {@link TxTable}, interning account names. */
export class TxTableBuilder {
  private cap: number;
  private n = 0;
  private from: Int32Array;
  private to: Int32Array;
  private amount: Float64Array;
  private time: Float64Array;
  private readonly ids: string[] | null;
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly country: string[] = [];

  constructor(opts: { withIds?: boolean; capacity?: number } = {}) {
    this.cap = Math.max(16, opts.capacity ?? 1024);
    this.from = new Int32Array(this.cap);
    this.to = new Int32Array(this.cap);
    this.amount = new Float64Array(this.cap);
    this.time = new Float64Array(this.cap);
    this.ids = opts.withIds ? [] : null;
  }

  /** Index of an account, adding it when new. */
  account(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
      this.country.push("");
    }
    return i;
  }

  /** Records an account's country (the last non-empty value wins). */
  setCountry(account: number, country: string): void {
    if (country && this.country[account] !== country) this.country[account] = country.toUpperCase();
  }

  /** Adds a transaction and returns its row index. */
  add(from: string, to: string, amountEur: number, timeSec: number, id?: string): number {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.from[i] = this.account(from);
    this.to[i] = this.account(to);
    this.amount[i] = amountEur;
    this.time[i] = timeSec;
    if (this.ids) this.ids.push(id ?? String(i + 1));
    return i;
  }

  /** Account indices of row `i` (before {@link build} renumbers them). */
  rowAccounts(i: number): [number, number] {
    return [this.from[i] ?? 0, this.to[i] ?? 0];
  }

  get size(): number {
    return this.n;
  }

  private grow(): void {
    this.cap *= 2;
    const f = new Int32Array(this.cap); f.set(this.from); this.from = f;
    const t = new Int32Array(this.cap); t.set(this.to); this.to = t;
    const a = new Float64Array(this.cap); a.set(this.amount); this.amount = a;
    const s = new Float64Array(this.cap); s.set(this.time); this.time = s;
  }

  /**
   * Finishes the table. Accounts are renumbered in name order so that every result is
   * independent of the order of the input rows.
   */
  build(): TxTable {
    const n = this.n;
    const order = this.names.map((_, i) => i).sort((a, b) => cmpStr(this.names[a] ?? "", this.names[b] ?? ""));
    const rank = new Int32Array(order.length);
    order.forEach((old, r) => { rank[old] = r; });
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      from[i] = rank[this.from[i] ?? 0] ?? 0;
      to[i] = rank[this.to[i] ?? 0] ?? 0;
    }
    const hasCountry = this.country.some((c) => c !== "");
    return {
      size: n,
      from,
      to,
      amount: this.amount.slice(0, n),
      time: this.time.slice(0, n),
      ids: this.ids,
      accounts: order.map((o) => this.names[o] ?? ""),
      ...(hasCountry ? { accountCountry: order.map((o) => this.country[o] ?? "") } : {}),
    };
  }
}

/** Code-unit string comparison (locale-independent, so results do not depend on the machine). */
export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a table from plain records (tests, small inputs). */
export function tableFrom(rows: readonly { from: string; to: string; amount: number; time: number; id?: string }[]): TxTable {
  const b = new TxTableBuilder({ withIds: rows.some((r) => r.id !== undefined), capacity: rows.length });
  for (const r of rows) b.add(r.from, r.to, r.amount, r.time, r.id);
  return b.build();
}
