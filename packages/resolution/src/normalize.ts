/**
 * Per-kind normalisation of raw values into the forms the comparators and blocking keys use.
 * Done once per record, so the pairwise hot loop only compares prepared strings.
 */
import type { FieldKind } from "./types";
import { fold, skeleton, tokens } from "./text/fold";
import { countryCode } from "./text/countries";

/** A prepared value: canonical string, its tokens, the tokens joined without spaces, and its consonant skeleton (names only). */
export interface PVal {
  s: string;
  t: string[];
  j: string;
  k: string;
  /** Dates only: days since 1970-01-01, NaN when the value is not a valid YYYYMMDD date. */
  n: number;
}

const NO_TOKENS: string[] = [];

const ORG_NOISE = new Set([
  "the", "bv", "nv", "ltd", "limited", "llc", "llp", "inc", "incorporated", "corp", "corporation",
  "co", "company", "gmbh", "ag", "sa", "sarl", "srl", "spa", "plc", "oy", "ab", "as", "kg", "sl",
  "vof", "cv", "holding", "holdings", "group", "ooo", "zao", "oao", "pty", "of", "and",
]);

const ADDRESS_ABBREV: Record<string, string> = {
  street: "st", str: "st", straat: "str", road: "rd", avenue: "ave", av: "ave", boulevard: "blvd",
  blv: "blvd", drive: "dr", place: "pl", lane: "ln", court: "ct", crescent: "cres", circuit: "cct",
  terrace: "tce", highway: "hwy", parade: "pde", square: "sq", north: "n", south: "s", east: "e",
  west: "w", apartment: "apt", suite: "ste", floor: "fl", mount: "mt", saint: "st",
};

/** "b v" → "bv", "a b c" → "abc": dotted abbreviations of legal forms and acronyms. */
function joinLetters(t: string[]): string[] {
  const out: string[] = [];
  const merged = new Set<number>();
  for (const x of t) {
    if (x.length === 1 && (out[out.length - 1]?.length ?? 0) === 1) merged.add(out.length - 1);
    const last = out[out.length - 1];
    // Only runs of single letters merge; a merged run keeps growing ("b v" then "a" → "bva").
    if (x.length === 1 && last !== undefined && merged.has(out.length - 1)) out[out.length - 1] = last + x;
    else out.push(x);
  }
  return out;
}

function nameVal(raw: string, drop?: Set<string>): PVal | undefined {
  let t = tokens(raw);
  if (drop) {
    t = joinLetters(t);
    const kept = t.filter((x) => !drop.has(x));
    if (kept.length > 0) t = kept;
  }
  if (t.length === 0) return undefined;
  const sorted = [...t].sort();
  const s = sorted.join(" ");
  return { s, t: sorted, j: t.join(""), k: skeleton(s), n: NaN };
}

function plain(s: string): PVal | undefined {
  return s.length === 0 ? undefined : { s, t: NO_TOKENS, j: s, k: "", n: NaN };
}

function tokenVal(t: string[]): PVal | undefined {
  if (t.length === 0) return undefined;
  return { s: t.join(" "), t, j: t.join(""), k: "", n: NaN };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Dates to YYYYMMDD where the layout is recognisable; otherwise the digits as given. */
export function normalizeDate(raw: string): string {
  const s = raw.trim();
  let m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m && (m[1]?.length ?? 0) === 4 && (s.length === 8 || /[-/.]/.test(s))) {
    return `${m[1]}${pad2(Number(m[2]))}${pad2(Number(m[3]))}`;
  }
  // Day first (European convention) when separated: 24/06/1971, 24-6-1971, 24.06.1971.
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return `${m[3]}${pad2(Number(m[2]))}${pad2(Number(m[1]))}`;
  return s.replace(/\D/g, "");
}

/** Days since the epoch of a YYYYMMDD string; NaN unless it is a real calendar date. */
export function dayNumber(d: string): number {
  if (!/^\d{8}$/.test(d)) return NaN;
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  const t = Date.UTC(y, m - 1, day);
  const back = new Date(t);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === day ? t / 86_400_000 : NaN;
}

/** Turns one raw value into its prepared form for `kind`; undefined when nothing comparable is left. */
export function prepareValue(kind: FieldKind, raw: string): PVal | undefined {
  if (raw.trim().length === 0) return undefined;
  switch (kind) {
    case "first_name":
    case "last_name":
    case "full_name":
      return nameVal(raw);
    case "org_name":
      return nameVal(raw, ORG_NOISE);
    case "city":
    case "category":
      return plain(fold(raw));
    case "address":
      return tokenVal(tokens(raw).map((x) => ADDRESS_ABBREV[x] ?? x));
    case "text":
      return tokenVal([...new Set(tokens(raw))].sort());
    case "date": {
      const v = plain(normalizeDate(raw));
      if (v) v.n = dayNumber(v.s);
      return v;
    }
    case "postcode":
    case "identifier":
      return plain(raw.toUpperCase().normalize("NFD").replace(/[^A-Z0-9]/g, ""));
    case "country":
      return plain(countryCode(fold(raw)));
    case "email":
      return plain(raw.trim().toLowerCase());
    case "phone": {
      // The last nine digits survive country prefixes and trunk zeros in most numbering plans.
      const d = raw.replace(/\D/g, "");
      return plain(d.length > 9 ? d.slice(-9) : d);
    }
  }
}

/** Prepares all values of a field, dropping empties and duplicates. */
export function prepareValues(kind: FieldKind, raws: readonly string[] | undefined): PVal[] {
  if (!raws || raws.length === 0) return [];
  const out: PVal[] = [];
  for (const r of raws) {
    const v = prepareValue(kind, r);
    if (v && !out.some((o) => o.s === v.s)) out.push(v);
  }
  return out;
}
