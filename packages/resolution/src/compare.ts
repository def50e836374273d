/**
 * Comparison levels per field kind, in the style of Fellegi-Sunter comparison vectors
 * (I. P. Fellegi and A. B. Sunter, "A Theory for Record Linkage", JASA 64(328), 1969) with the
 * graded string-comparator levels of Winkler (1990). Level 0 means "a value is missing" and
 * carries no evidence; level 1 is always exact agreement; the last level is "else".
 */
import type { FieldKind } from "./types";
import type { PVal } from "./normalize";
import { damerauLevenshtein, jaroWinkler } from "./text/similarity";

const NAME_LEVELS = ["missing", "exact", "all tokens similar (JW ≥ 0.92)", "partly similar, initials or same consonants", "else"];
const STRING_LEVELS = ["missing", "exact", "Jaro-Winkler ≥ 0.92", "Jaro-Winkler ≥ 0.80", "else"];

/** Human-readable labels of the levels of a kind, index = level. */
export function levelLabels(kind: FieldKind): string[] {
  switch (kind) {
    case "first_name":
    case "last_name":
    case "full_name":
    case "org_name":
      return NAME_LEVELS;
    case "city":
      return STRING_LEVELS;
    case "date":
      return ["missing", "exact", "one edit or day/month swapped", "within a year", "else"];
    case "postcode":
      return ["missing", "exact", "one edit", "same first three characters", "else"];
    case "address":
      return ["missing", "exact", "Jaro-Winkler ≥ 0.92 or same tokens", "half the tokens similar", "else"];
    case "email":
      return ["missing", "exact", "same local part or ≤ 2 edits", "same domain", "else"];
    case "phone":
    case "identifier":
      return ["missing", "exact", "one edit", "else"];
    case "country":
    case "category":
      return ["missing", "exact", "else"];
    case "text":
      return ["missing", "token Jaccard ≥ 0.9", "token Jaccard ≥ 0.6", "token Jaccard ≥ 0.3", "else"];
  }
}

/** Kinds whose exact agreement is adjusted by how common the agreed value is. */
export function usesTermFrequency(kind: FieldKind): boolean {
  return kind === "first_name" || kind === "last_name" || kind === "full_name" || kind === "org_name" || kind === "city" || kind === "postcode";
}

const JW_HIGH = 0.92;
const JW_LOW = 0.8;

function tokenSimilar(x: string, y: string): boolean {
  return x === y || (x.length > 1 && y.length > 1 && jaroWinkler(x, y) >= JW_HIGH);
}

function initialMatch(x: string, y: string): boolean {
  return (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/** Names as token sets: order-independent, tolerant of typos, initials and joined tokens. */
function compareName(a: PVal, b: PVal): number {
  if (a.s === b.s) return 1;
  if (a.t.join("") === b.t.join("") || (a.t.length !== b.t.length && a.s.replace(/ /g, "") === b.s.replace(/ /g, ""))) return 1;
  const [small, large] = a.t.length <= b.t.length ? [a.t, b.t] : [b.t, a.t];
  let strict = 0;
  let loose = 0;
  for (const x of small) {
    let s = false;
    let l = false;
    for (const y of large) {
      if (tokenSimilar(x, y)) { s = true; break; }
      if (initialMatch(x, y)) l = true;
    }
    if (s) strict++;
    else if (l) loose++;
  }
  if (strict === small.length) return 2;
  const jw = jaroWinkler(a.s, b.s);
  if (jw >= JW_HIGH) return 2;
  if (strict + loose === small.length || (strict > 0 && large.length > 1) || jw >= JW_LOW) return 3;
  if (a.k.length > 1 && a.k === b.k) return 3;
  return 4;
}

function compareString(a: string, b: string): number {
  if (a === b) return 1;
  const jw = jaroWinkler(a, b);
  return jw >= JW_HIGH ? 2 : jw >= JW_LOW ? 3 : 4;
}

function dayNumber(d: string): number | undefined {
  if (!/^\d{8}$/.test(d)) return undefined;
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  return Number.isNaN(t) ? undefined : t / 86_400_000;
}

function compareDate(a: string, b: string): number {
  if (a === b) return 1;
  if (damerauLevenshtein(a, b, 1) <= 1) return 2;
  if (a.length === 8 && b.length === 8 && a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 2;
  const da = dayNumber(a);
  const db = dayNumber(b);
  if (da !== undefined && db !== undefined && Math.abs(da - db) <= 366) return 3;
  return 4;
}

function comparePostcode(a: string, b: string): number {
  if (a === b) return 1;
  if (damerauLevenshtein(a, b, 1) <= 1) return 2;
  if (a.length >= 3 && a.slice(0, 3) === b.slice(0, 3)) return 3;
  return 4;
}

function fuzzyOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let hit = 0;
  for (const x of a) if (b.some((y) => tokenSimilar(x, y))) hit++;
  return hit / Math.max(a.length, b.length);
}

function compareAddress(a: PVal, b: PVal): number {
  if (a.s === b.s) return 1;
  if (jaroWinkler(a.s, b.s) >= JW_HIGH) return 2;
  const ov = fuzzyOverlap(a.t, b.t);
  if (ov === 1) return 2;
  return ov >= 0.5 ? 3 : 4;
}

function compareEmail(a: string, b: string): number {
  if (a === b) return 1;
  const [la = "", da = ""] = a.split("@");
  const [lb = "", db = ""] = b.split("@");
  if (la === lb || damerauLevenshtein(a, b, 2) <= 2) return 2;
  return da.length > 0 && da === db ? 3 : 4;
}

function compareEdit(a: string, b: string): number {
  if (a === b) return 1;
  return damerauLevenshtein(a, b, 1) <= 1 ? 2 : 3;
}

function compareText(a: string[], b: string[]): number {
  let inter = 0;
  const sb = new Set(b);
  for (const x of a) if (sb.has(x)) inter++;
  const j = inter / (a.length + b.length - inter);
  return j >= 0.9 ? 1 : j >= 0.6 ? 2 : j >= 0.3 ? 3 : 4;
}

/** Level reached by one pair of prepared values. */
export function compareValue(kind: FieldKind, a: PVal, b: PVal): number {
  switch (kind) {
    case "first_name":
    case "last_name":
    case "full_name":
    case "org_name":
      return compareName(a, b);
    case "city":
      return compareString(a.s, b.s);
    case "date":
      return compareDate(a.s, b.s);
    case "postcode":
      return comparePostcode(a.s, b.s);
    case "address":
      return compareAddress(a, b);
    case "email":
      return compareEmail(a.s, b.s);
    case "phone":
    case "identifier":
      return compareEdit(a.s, b.s);
    case "country":
    case "category":
      return a.s === b.s ? 1 : 2;
    case "text":
      return compareText(a.t, b.t);
  }
}

/** Best (lowest) level over all value pairs of a multi-valued field; 0 when either side is empty. */
export function compareField(kind: FieldKind, a: readonly PVal[], b: readonly PVal[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let best = Infinity;
  for (const x of a) {
    for (const y of b) {
      const l = compareValue(kind, x, y);
      if (l < best) best = l;
      if (best === 1) return 1;
    }
  }
  return best;
}
