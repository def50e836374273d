/**
 * The noise that makes resolution necessary (issue #5 item 3): spelling variants and typing
 * errors, transliterations, swapped name order, missing fields, different date formats and
 * legal-form variants. Each function takes the record's own random stream, so the same record
 * always gets the same noise.
 */
import type { Rand } from "./rng";
import { VARIANTS } from "./pools";

/** How noisy a source is: the probability of each kind of noise per record. */
export interface NoiseLevel {
  variant: number;
  typo: number;
  swap: number;
  missing: number;
}

export const CLEAN: NoiseLevel = { variant: 0, typo: 0, swap: 0, missing: 0 };
export const LOW: NoiseLevel = { variant: 0.1, typo: 0.03, swap: 0.02, missing: 0.05 };
export const HIGH: NoiseLevel = { variant: 0.35, typo: 0.08, swap: 0.1, missing: 0.15 };

/** One typing error: a dropped, doubled, swapped or replaced letter (never the first). */
export function typo(r: Rand, s: string): string {
  if (s.length < 4) return s;
  const i = r.int(1, s.length - 2);
  const c = s[i] ?? "";
  if (c === " " || c === "-") return s;
  switch (r.int(0, 3)) {
    case 0: return s.slice(0, i) + s.slice(i + 1);
    case 1: return s.slice(0, i) + c + s.slice(i);
    case 2: return s.slice(0, i) + (s[i + 1] ?? "") + c + s.slice(i + 2);
    default: return s.slice(0, i) + r.pick(["e", "a", "i", "o", "n", "r"]) + s.slice(i + 1);
  }
}

/** A transliteration or spelling variant of a name part, when one is known. */
export function variant(r: Rand, part: string): string {
  const vs = VARIANTS[part];
  return vs ? r.pick(vs) : part;
}

/** Removes diacritics, as older systems and foreign registers often do. */
export function asciiFold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ı/g, "i").replace(/ß/g, "ss");
}

/** First and last name as one source writes them, with its noise applied. */
export function noisyName(r: Rand, first: string, last: string, n: NoiseLevel): { first: string; last: string; full: string } {
  let f = first;
  let l = last;
  if (r.chance(n.variant)) f = variant(r, f);
  if (r.chance(n.variant)) l = variant(r, l);
  if (r.chance(n.typo)) { if (r.chance(0.5)) f = typo(r, f); else l = typo(r, l); }
  const full = r.chance(n.swap) ? `${l.toUpperCase()}, ${f}` : `${f} ${l}`;
  return { first: f, last: l, full };
}

export type DateStyle = "iso" | "nl" | "nl-slash" | "compact" | "us" | "dot";

/** Writes an ISO date (YYYY-MM-DD) in a source's own style. */
export function formatDate(iso: string, style: DateStyle): string {
  const [y = "", m = "", d = ""] = iso.slice(0, 10).split("-");
  switch (style) {
    case "iso": return `${y}-${m}-${d}`;
    case "nl": return `${d}-${m}-${y}`;
    case "nl-slash": return `${d}/${m}/${y}`;
    case "dot": return `${d}.${m}.${y}`;
    case "compact": return `${y}${m}${d}`;
    case "us": return `${m}/${d}/${y}`;
  }
}

/** The same legal form as different registers and clerks write it. */
export function legalFormVariant(r: Rand, form: string): string {
  const options: Record<string, readonly string[]> = {
    "B.V.": ["B.V.", "BV", "bv", "B.V", "Besloten Vennootschap"],
    "Holding B.V.": ["Holding B.V.", "Holding BV", "Holding"],
    "V.O.F.": ["V.O.F.", "VOF", "vof"],
    "Eenmanszaak": [""],
    "S.A.": ["S.A.", "SA", "S. A."],
    "LLC": ["LLC", "L.L.C.", "FZ-LLC"],
  };
  return r.pick(options[form] ?? [form]);
}

/** A company name with its legal form written in one of its variants. */
export function companyName(r: Rand, base: string, form: string, n: NoiseLevel): string {
  let b = base;
  if (r.chance(n.typo)) b = typo(r, b);
  if (r.chance(n.swap)) b = b.toUpperCase();
  const f = r.chance(n.variant) ? legalFormVariant(r, form) : form;
  return f ? `${b} ${f}` : b;
}

/** Blanks a value with the source's missing-field probability. */
export function maybe(r: Rand, v: string, n: NoiseLevel): string {
  return r.chance(n.missing) ? "" : v;
}
