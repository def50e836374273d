/** Identifiers with valid check digits (IBAN mod-97, ISO 6346), so ingest accepts them. */
import type { Rand } from "./rng";
import { CONTAINER_OWNERS } from "./pools";

/** ISO 13616 check digits for a country code and BBAN. */
export function ibanFor(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let rem = 0;
  for (const ch of rearranged) {
    const d = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of d) rem = (rem * 10 + Number(digit)) % 97;
  }
  return `${country}${String(98 - rem).padStart(2, "0")}${bban}`;
}

const NL_BANKS = ["INGB", "RABO", "ABNA", "SNSB", "TRIO", "KNAB", "BUNQ", "ASNB"];

/** A Dutch IBAN (bank code + 10 digits). */
export function nlIban(r: Rand): string {
  return ibanFor("NL", r.pick(NL_BANKS) + r.digits(10));
}

/** Foreign IBANs for the countries the scenario's money passes through. */
export function foreignIban(r: Rand, country: "BE" | "DE" | "AE" | "TR" | "GB"): string {
  switch (country) {
    case "BE": return ibanFor("BE", r.digits(12));
    case "DE": return ibanFor("DE", r.digits(18));
    case "AE": return ibanFor("AE", r.digits(19));
    case "TR": return ibanFor("TR", `${r.digits(5)}0${r.digits(16)}`);
    case "GB": return ibanFor("GB", `${r.pick(["NWBK", "BARC", "HBUK", "LOYD"])}${r.digits(14)}`);
  }
}

/** Writes an IBAN in groups of four, as printed on statements. */
export function spacedIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

const CONTAINER_VALUES = "0123456789A?BCDEFGHIJK?LMNOPQRSTU?VWXYZ";

/** An ISO 6346 container number with its check digit. */
export function containerNumber(r: Rand): string {
  const base = `${r.pick(CONTAINER_OWNERS)}U${r.digits(6)}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += CONTAINER_VALUES.indexOf(base[i] ?? "0") * 2 ** i;
  return `${base}${(sum % 11) % 10}`;
}

/** A Dutch mobile number as people write it ("06-12345678"). */
export function nlMobile(r: Rand): string {
  return `06-${r.int(1, 9)}${r.digits(7)}`;
}

/** An international number in E.164 for a calling code. */
export function intlPhone(r: Rand, callingCode: string, digits = 9): string {
  return `+${callingCode}${r.int(1, 9)}${r.digits(digits - 1)}`;
}

/** Dutch licence plate in sidecode 9 ("1-ABC-23"), drawn at random (planted vehicles). */
export function nlPlate(r: Rand): string {
  return `${r.digits(1)}-${r.letters(3)}-${r.digits(2)}`;
}

const PLATES = 26 * 26 * 1000 * 26;

/** The `i`-th distinct plate in sidecode 8 ("GJ-123-K"): a bijection of the index, so plates never repeat. */
export function plateAt(i: number): string {
  let n = Number((BigInt(i) * 7919n + 12345n) % BigInt(PLATES));
  const l3 = n % 26; n = Math.floor(n / 26);
  const d = n % 1000; n = Math.floor(n / 1000);
  const l2 = n % 26; const l1 = Math.floor(n / 26);
  const L = (x: number) => String.fromCharCode(65 + x);
  return `${L(l1)}${L(l2)}-${String(d).padStart(3, "0")}-${L(l3)}`;
}

/** A KvK number for the planted companies (the 9xxxxxxx range the population never uses). */
export function kvkNumber(r: Rand): string {
  return `9${r.digits(7)}`;
}

/** The `j`-th distinct KvK number of the population (10000000–89999999, a bijection of the index). */
export function kvkAt(j: number): string {
  return String(10_000_000 + Number((BigInt(j) * 7919n + 4242n) % 80_000_000n));
}

export function imei(r: Rand): string {
  return `35${r.digits(13)}`;
}
