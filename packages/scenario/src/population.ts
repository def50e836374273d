/**
 * The background population: innocent persons, addresses and companies. Member `i` is a pure
 * function of (seed, i), so every source can refer to person 1234 and get the same person
 * without anything being kept in memory — that is what lets `--scale 50` stream.
 */
import { Rand } from "./rng";
import { NAMES, NL_CITIES, STREETS, COMPANY_WORDS, COMPANY_TRADES, LEGAL_FORMS_NL, type Origin } from "./pools";
import { kvkAt, nlIban, nlMobile } from "./ids";

export interface AddressRec {
  street: string;
  number: string;
  postcode: string;
  city: string;
  country: string;
}

export interface PersonRec {
  /** The real entity id used in the ground truth. */
  id: string;
  origin: Origin;
  gender: "m" | "f";
  first: string;
  last: string;
  /** ISO date of birth. */
  birth: string;
  nationality: string;
  address: AddressRec;
  phone: string;
  iban: string;
  passport: string;
}

export interface CompanyRec {
  id: string;
  /** Name without legal form. */
  base: string;
  form: string;
  kvk: string;
  address: AddressRec;
  iban: string;
  /** ISO date. */
  founded: string;
  trade: string;
  phone: string;
  directors: PersonRec[];
  country: string;
}

/** Sizes at scale 1; everything grows linearly with the scale. */
export const BASE = { persons: 8000, companies: 1600, addressesPerPerson: 0.55 };

export class Population {
  readonly persons: number;
  readonly companies: number;
  readonly addresses: number;

  constructor(readonly seed: number, readonly scale: number) {
    this.persons = Math.max(50, Math.round(BASE.persons * scale));
    this.companies = Math.max(10, Math.round(BASE.companies * scale));
    this.addresses = Math.max(20, Math.round(this.persons * BASE.addressesPerPerson));
  }

  /** Address `i`; several persons share one (households, rooms let to several tenants). */
  address(i: number): AddressRec {
    const r = Rand.of(this.seed, "address", i);
    const city = r.int(0, 99) < 40 ? NL_CITIES[0]! : r.pick(NL_CITIES);
    return {
      street: r.pick(STREETS), number: String(r.int(1, 240)) + (r.chance(0.15) ? r.pick(["a", "b", "-1", " bis"]) : ""),
      postcode: `${city.postcode + r.int(0, 80)} ${r.letters(2)}`, city: city.name, country: "NL",
    };
  }

  person(i: number): PersonRec {
    const r = Rand.of(this.seed, "person", i);
    const origin = pickOrigin(r);
    const pool = NAMES[origin];
    const gender = r.chance(0.5) ? "m" : "f";
    const year = r.int(1950, 2005);
    return {
      id: `P${i}`, origin, gender,
      first: r.pick(gender === "m" ? pool.male : pool.female), last: r.pick(pool.last),
      birth: `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`,
      nationality: r.chance(0.6) ? "NL" : pool.nationality,
      address: this.address(Math.floor(r.float() * this.addresses)),
      phone: nlMobile(r), iban: nlIban(r), passport: `N${r.letters(1)}${r.digits(6)}${r.letters(1)}`,
    };
  }

  /** A random background person index drawn from stream `r`. */
  anyPerson(r: Rand): number {
    return Math.floor(r.float() * this.persons);
  }

  company(j: number): CompanyRec {
    const r = Rand.of(this.seed, "company", j);
    const trade = r.pick(COMPANY_TRADES);
    const base = r.chance(0.5) ? `${r.pick(COMPANY_WORDS)} ${trade}` : `${trade} ${this.person(this.anyPerson(r)).last}`;
    const directors = [this.person(this.anyPerson(r))];
    if (r.chance(0.3)) directors.push(this.person(this.anyPerson(r)));
    return {
      id: `C${j}`, base, form: r.pick(LEGAL_FORMS_NL), kvk: kvkAt(j), address: this.address(Math.floor(r.float() * this.addresses)),
      iban: nlIban(r), founded: `${r.int(1975, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`, trade, phone: `010-${r.digits(7)}`,
      directors, country: "NL",
    };
  }
}

function pickOrigin(r: Rand): Origin {
  let x = r.float();
  for (const [o, p] of Object.entries(NAMES) as [Origin, (typeof NAMES)[Origin]][]) {
    x -= p.weight;
    if (x < 0) return o;
  }
  return "nl";
}

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function addressLine(a: AddressRec): string {
  return `${a.street} ${a.number}, ${a.postcode} ${a.city}`;
}
