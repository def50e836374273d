/**
 * The case's money (issue #5 item 2): cash collection by the collector, paid out through money
 * mules to the real-estate front (scatter-gather), structuring below EUR 10,000 by the nominee,
 * layering through the fronts to Dubai and Istanbul, payments to the focus countries, and a
 * round trip between the fronts (cycle). Every transaction carries its pattern for
 * truth/laundering.csv; the importer's banana invoices and the collector's ordinary spending are
 * planted too but are not laundering (they are the cover).
 */
import { Rand } from "../rng";
import { ibanFor } from "../ids";
import type { Cast } from "../cast";
import type { CompanyRec, PersonRec } from "../population";
import { PERIOD, addDays } from "../context";

export type Party = { kind: "person"; p: PersonRec } | { kind: "company"; c: CompanyRec };

export interface CaseTx {
  at: string;
  amount: number;
  from: Party;
  to: Party;
  text: string;
  /** Laundering typology (flows pattern name), or "" for the cover activity. */
  pattern: string;
  instance: string;
}

const P = (p: PersonRec): Party => ({ kind: "person", p });
const C = (c: CompanyRec): Party => ({ kind: "company", c });

/** ISO date-time at `day` days after `from`, at a working-hours minute drawn from `r`. */
function at(r: Rand, from: string, day: number): string {
  return `${addDays(from, day)}T${String(r.int(8, 19)).padStart(2, "0")}:${String(r.int(0, 59)).padStart(2, "0")}`;
}

export function caseTransactions(seed: number, c: Cast): CaseTx[] {
  const r = Rand.of(seed, "fiu-case");
  const out: CaseTx[] = [];
  const t0 = PERIOD.caseFrom;
  const add = (day: number, amount: number, from: Party, to: Party, text: string, pattern: string, instance: string) =>
    out.push({ at: at(r, t0, day), amount: Math.round(amount * 100) / 100, from, to, text, pattern, instance });

  // Structuring: the nominee pays the importer just under the threshold, five times in three weeks.
  for (let k = 0; k < 5; k++) add(30 + k * 4 + r.int(0, 2), r.uniform(9150, 9950), P(c.nominee), C(c.importer), "storting kapitaal", "structuring", "S1");
  // Cover: the nominee's ordinary small spending.
  for (let k = 0; k < 6; k++) add(r.int(0, 150), r.uniform(15, 180), P(c.nominee), C({ ...c.terminal, id: "X-SHOP", base: "Albert Heijn", iban: ibanFor("NL", "ABNA0417164300") }), "boodschappen", "", "");

  // Scatter-gather through the mules, twice with three fresh mules each (a mule is used once):
  // collector → mules → real-estate front.
  for (const [inst, start, mules] of [["G1", 45, c.mules.slice(0, 3)], ["G2", 110, c.mules.slice(3)]] as const) {
    for (const m of mules) {
      const x = r.uniform(6000, 8500);
      const d = start + r.int(0, 3);
      add(d, x, P(c.cashCollector), P(m), "lening", "scatter_gather", inst);
      add(d + r.int(1, 4), x * r.uniform(0.95, 0.98), P(m), C(c.realEstate), "huur", "scatter_gather", inst);
    }
  }

  // Layering: real estate → transport firm → car rental → importer → Istanbul OTC, a hop every day or two.
  let x = r.uniform(60_000, 90_000);
  let d = 130;
  const chain = [C(c.realEstate), C(c.transport), C(c.carRental), C(c.importer), C(c.otc)];
  for (let k = 0; k + 1 < chain.length; k++) {
    add(d, x, chain[k]!, chain[k + 1]!, ["investering", "transportkosten", "huur wagenpark", "USDT purchase"][k] ?? "", "layering", "L1");
    x *= r.uniform(0.97, 0.995);
    d += r.int(1, 2);
  }

  // Focus countries: the importer pays the Dubai company "for bananas"; the organiser buys crypto in Istanbul.
  for (let k = 0; k < 3; k++) add(60 + k * 8, r.uniform(18_000, 35_000), C(c.importer), C(c.dubai), `invoice AN-${r.digits(5)} bananas`, "focus_country", "F1");
  for (let k = 0; k < 2; k++) add(150 + k * 9, r.uniform(12_000, 20_000), P(c.boss), C(c.otc), "USDT OTC", "focus_country", "F2");

  // Round trip between the fronts: car rental → real estate → importer → car rental.
  let y = r.uniform(30_000, 40_000);
  const loop = [C(c.carRental), C(c.realEstate), C(c.importer)];
  for (let k = 0; k < loop.length; k++) {
    add(170 + k * 4, y, loop[k]!, loop[(k + 1) % loop.length]!, ["lening", "aflossing", "huur"][k] ?? "", "cycle", "Y1");
    y *= r.uniform(0.96, 0.99);
  }

  // Cover: the importer pays the exporter's banana invoices (trade, not laundering).
  for (let k = 0; k < 8; k++) add(10 + k * 20, r.uniform(14_000, 19_000), C(c.importer), C(c.exporter), `factura FP-${r.digits(6)} banano`, "", "");
  return out;
}
