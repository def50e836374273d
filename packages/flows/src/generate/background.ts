/**
 * Realistic background traffic: salaries, rent, utilities, shopping at favourite and occasional
 * shops, transfers between friends, shops paying suppliers and business-to-business invoices
 * (some with foreign trading partners). Recurring relationships recur; one-off ones exist too,
 * so the detectors meet both.
 */
import type { Rng } from "./rng";
import type { TxSink } from "./sink";

export const DAY = 86400;

export interface Population {
  names: string[];
  country: string[];
  persons: number[];
  shops: number[];
  companies: number[];
  landlords: number[];
  utilities: number[];
  foreign: number[];
}

/** Expected background transactions per person per year (used to size the population). */
export const TX_PER_PERSON = 141;

export function population(r: Rng, persons: number): Population {
  const names: string[] = [];
  const country: string[] = [];
  const make = (prefix: string, count: number, pickCountry: () => string): number[] => {
    const ids: number[] = [];
    const width = Math.max(6, String(count).length);
    for (let k = 0; k < count; k++) {
      ids.push(names.length);
      names.push(`${prefix}${String(k + 1).padStart(width, "0")}`);
      country.push(pickCountry());
    }
    return ids;
  };
  const home = (): string => { const x = r.next(); return x < 0.9 ? "NL" : x < 0.95 ? "BE" : "DE"; };
  const abroad = ["AE", "TR", "MA", "HK", "SG", "GB", "US", "CN"];
  return {
    persons: make("P", persons, home),
    shops: make("S", Math.max(3, Math.round(persons / 20)), home),
    companies: make("C", Math.max(5, Math.round(persons / 25)), home),
    landlords: make("L", Math.max(2, Math.round(persons / 40)), home),
    utilities: make("U", Math.max(1, Math.min(12, Math.round(persons / 2000))), () => "NL"),
    foreign: make("F", Math.max(4, Math.round(persons / 200)), () => r.pick(abroad)),
    names, country,
  };
}

/** Adds one year of background traffic starting at `t0` (epoch seconds). */
export function background(r: Rng, pop: Population, t0: number, sink: TxSink): void {
  const { persons, shops, companies, landlords, utilities, foreign } = pop;
  const month = (m: number, day: number): number => t0 + (m * 365 / 12 + day) * DAY;
  const daytime = (): number => (8 + r.next() * 13) * 3600;
  for (const p of persons) {
    const employer = r.pick(companies);
    const salary = r.logNormal(2800, 0.35);
    const renter = r.next() < 0.6;
    const landlord = r.pick(landlords);
    const rent = r.uniform(600, 1800);
    const utility = r.pick(utilities);
    const bill = r.uniform(50, 250);
    const favourites = [r.pick(shops), r.pick(shops), r.pick(shops)];
    const friends = Array.from({ length: 5 }, () => r.pick(persons)).filter((f) => f !== p);
    for (let m = 0; m < 12; m++) {
      sink.push(employer, p, salary * r.uniform(0.99, 1.01), month(m, 24 + r.next() * 2) + 9 * 3600 + r.next() * 3600);
      if (renter) sink.push(p, landlord, rent, month(m, r.next() * 3) + daytime());
      sink.push(p, utility, bill * r.uniform(0.9, 1.1), month(m, 10 + r.next() * 5) + daytime());
    }
    const buys = r.int(80, 115);
    for (let k = 0; k < buys; k++) sink.push(p, r.pick(favourites), r.logNormal(35, 0.8), t0 + r.int(0, 364) * DAY + daytime());
    const oneOff = r.int(4, 12);
    for (let k = 0; k < oneOff; k++) sink.push(p, r.pick(shops), r.logNormal(40, 1), t0 + r.int(0, 364) * DAY + daytime());
    const gifts = r.int(2, 10);
    for (let k = 0; k < gifts && friends.length > 0; k++) sink.push(p, r.pick(friends), r.logNormal(60, 0.9), t0 + r.int(0, 364) * DAY + daytime());
  }
  for (const s of shops) {
    const suppliers = [r.pick(companies), r.pick(companies)];
    for (let w = 0; w < 52; w++) {
      for (const c of suppliers) if (r.next() < 0.75) sink.push(s, c, r.logNormal(1500, 0.6), t0 + (w * 7 + r.next() * 5) * DAY + daytime());
    }
  }
  for (const c of companies) {
    const suppliers = [r.pick(companies), r.pick(companies), r.pick(companies)].filter((x) => x !== c);
    const abroad = r.next() < 0.1 ? r.pick(foreign) : -1;
    for (let m = 0; m < 12; m++) {
      for (const s of suppliers) sink.push(c, s, r.logNormal(8000, 0.9), month(m, r.next() * 28) + daytime());
      if (abroad >= 0) sink.push(c, abroad, r.logNormal(20000, 0.5), month(m, r.next() * 28) + daytime());
    }
    const oneOff = r.int(1, 6);
    for (let k = 0; k < oneOff; k++) sink.push(c, r.pick(companies), r.logNormal(5000, 1), t0 + r.int(0, 364) * DAY + daytime());
  }
}
