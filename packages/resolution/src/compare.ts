/**
 * Comparison levels per field kind, in the style of Fellegi-Sunter comparison vectors
 * (I. P. Fellegi and A. B. Sunter, "A Theory for Record Linkage", JASA 64(328), 1969) with the
 * graded string-comparator levels of Winkler (1990). Level 0 means "a value is missing" and
 * carries no evidence; level 1 is always exact agreement; the last level is "else".
 */
import type { FieldKind } from "./types";
import type { PVal } from "./normalize";
import { damerauLevenshtein, jaroWinkler, withinOneEdit } from "./text/similarity";

const NAME_LEVELS = ["missing", "exact", "all tokens similar (JW ≥ 0.92 or one edit)", "partly similar, initials or same consonants", "else"];
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

/** One typo (Damerau-Levenshtein ≤ 1) in a token of three letters or more, or JW ≥ 0.92. */
function tokenSimilar(x: string, y: string): boolean {
  if (x === y) return true;
  if (x.length < 2 || y.length < 2) return false;
  return (x.length >= 3 && y.length >= 3 && withinOneEdit(x, y)) || jaroWinkler(x, y) >= JW_HIGH;
}

function initialMatch(x: string, y: string): boolean {
  return (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}

/** Single-token names: one Jaro-Winkler call decides. */
function compareSingleName(a: PVal, b: PVal): number {
  const x = a.s;
  const y = b.s;
  if (x.length > 1 && y.length > 1) {
    // Short names with one typo ("mary"/"marv") fall below JW 0.92 but are as telling as long ones.
    if (x.length >= 3 && y.length >= 3 && withinOneEdit(x, y)) return 2;
    const jw = jaroWinkler(x, y);
    if (jw >= JW_HIGH) return 2;
    if (jw >= JW_LOW) return 3;
  } else if (initialMatch(x, y)) return 3;
  return a.k.length > 1 && a.k === b.k ? 3 : 4;
}

/** Names as token sets: order-independent, tolerant of typos, initials and joined tokens. */
function compareName(a: PVal, b: PVal): number {
  if (a.s === b.s) return 1;
  if (a.t.length === 1 && b.t.length === 1) return compareSingleName(a, b);
  // Same letters split differently ("gomez-arango" / "gomezarango"), order kept or sorted.
  if (a.j === b.j) return 1;
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

function compareDate(a: PVal, b: PVal): number {
  const x = a.s;
  const y = b.s;
  if (x === y) return 1;
  if (damerauLevenshtein(x, y, 1) <= 1) return 2;
  if (x.length === 8 && y.length === 8 && x.charCodeAt(4) === y.charCodeAt(6) && x.charCodeAt(5) === y.charCodeAt(7) && x.charCodeAt(6) === y.charCodeAt(4) && x.charCodeAt(7) === y.charCodeAt(5) && x.slice(0, 4) === y.slice(0, 4)) return 2;
  // NaN (not a calendar date) fails the comparison, as it should.
  if (Math.abs(a.n - b.n) <= 366) return 3;
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
  for (const x of a) {
    for (const y of b) {
      if (tokenSimilar(x, y)) {
        hit++;
        break;
      }
    }
  }
  return hit / Math.max(a.length, b.length);
}

function compareAddress(a: PVal, b: PVal): number {
  if (a.s === b.s || a.j === b.j) return 1;
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

export type ValueComparator = (a: PVal, b: PVal) => number;

const compareCategory: ValueComparator = (a, b) => (a.s === b.s ? 1 : 2);

/**
 * The comparator of a kind, resolved once per field so the hot loop does not switch on strings.
 * Arguments are put in a canonical order (by value) so that the level of a pair never depends on
 * which record came first: results stay independent of input order, and memoising is safe.
 */
export function comparatorFor(kind: FieldKind): ValueComparator {
  const raw = rawComparatorFor(kind);
  return (a, b) => (a.s <= b.s ? raw(a, b) : raw(b, a));
}

function rawComparatorFor(kind: FieldKind): ValueComparator {
  switch (kind) {
    case "first_name":
    case "last_name":
    case "full_name":
    case "org_name":
      return compareName;
    case "city":
      return (a, b) => compareString(a.s, b.s);
    case "date":
      return compareDate;
    case "postcode":
      return (a, b) => comparePostcode(a.s, b.s);
    case "address":
      return compareAddress;
    case "email":
      return (a, b) => compareEmail(a.s, b.s);
    case "phone":
    case "identifier":
      return (a, b) => compareEdit(a.s, b.s);
    case "country":
    case "category":
      return compareCategory;
    case "text":
      return (a, b) => compareText(a.t, b.t);
  }
}

/** Level reached by one pair of prepared values. */
export function compareValue(kind: FieldKind, a: PVal, b: PVal): number {
  return comparatorFor(kind)(a, b);
}

/** Best (lowest) level over all value pairs of a multi-valued field, with a resolved comparator. */
export function compareWith(cmp: ValueComparator, a: readonly PVal[], b: readonly PVal[]): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la === 1 && lb === 1) return cmp(a[0] as PVal, b[0] as PVal);
  let best = 255;
  for (let i = 0; i < la; i++) {
    for (let j = 0; j < lb; j++) {
      const l = cmp(a[i] as PVal, b[j] as PVal);
      if (l < best) best = l;
      if (best === 1) return 1;
    }
  }
  return best;
}

/** Best (lowest) level over all value pairs of a multi-valued field; 0 when either side is empty. */
export function compareField(kind: FieldKind, a: readonly PVal[], b: readonly PVal[]): number {
  return compareWith(comparatorFor(kind), a, b);
}
