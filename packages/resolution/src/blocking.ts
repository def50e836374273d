/**
 * Candidate generation by OR-ed blocking keys (the "standard blocking" of M. A. Jaro, "Advances in
 * Record-Linkage Methodology as Applied to Matching the 1985 Census of Tampa, Florida", JASA 84,
 * 1989; survey: P. Christen, "A Survey of Indexing Techniques for Scalable Record Linkage and
 * Deduplication", IEEE TKDE 24(9), 2012). Keys are derived from the field kinds, so no per-dataset
 * rules are needed: identifiers, e-mail, phone and full dates block on their own; other fields
 * block on conjunctions of two fields' atoms (phonetic codes of name tokens, forward and reversed
 * Soundex so a typo in the first letter is still caught). Blocks above `maxBlockSize` act as a
 * frequent-value stop list and produce no pairs.
 */
import type { FieldKind } from "./types";
import type { PVal } from "./normalize";
import { soundex } from "./text/similarity";
import { fnv1a } from "./hash";

export interface BlockingOptions {
  /** Blocks with more records than this are skipped (frequent values). */
  maxBlockSize: number;
  /** Inputs with at most this many record pairs are compared exhaustively (blocking recall 1). */
  allPairsUpTo: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlockSize: 100, allPairsUpTo: 500_000 };

/** Every pair (a < b) of n records. */
export function allPairs(n: number): Uint32Array {
  const out = new Uint32Array(n * (n - 1));
  let o = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      out[o++] = a;
      out[o++] = b;
    }
  }
  return out;
}

const reverse = (s: string): string => [...s].reverse().join("");

function nameAtoms(v: PVal, out: string[]): void {
  for (const t of v.t.slice(0, 4)) {
    if (t.length < 2) continue;
    out.push(soundex(t), `~${soundex(reverse(t))}`);
  }
}

/** Atoms of a field used in two-field conjunction keys. */
export function atoms(kind: FieldKind, vals: readonly PVal[]): string[] {
  const out: string[] = [];
  for (const v of vals) {
    switch (kind) {
      case "first_name":
      case "last_name":
      case "full_name":
      case "org_name":
        nameAtoms(v, out);
        break;
      case "city": {
        const c = v.s.replace(/ /g, "");
        out.push(soundex(c), `~${soundex(reverse(c))}`);
        break;
      }
      case "address": {
        const words = v.t.filter((t) => /^[a-z]{3,}$/.test(t)).sort((x, y) => y.length - x.length);
        if (words[0]) out.push(soundex(words[0]));
        break;
      }
      case "date":
        out.push(v.s);
        break;
      case "text":
        break;
      case "postcode":
      case "identifier":
      case "email":
      case "phone":
      case "country":
      case "category":
        out.push(v.s);
        break;
    }
  }
  return [...new Set(out)];
}

/** Atoms that are keys on their own (selective values). */
export function soloKeys(kind: FieldKind, vals: readonly PVal[]): string[] {
  switch (kind) {
    case "identifier":
    case "email":
    case "phone":
    case "date":
      return vals.map((v) => v.s);
    case "text":
      return vals.flatMap((v) => v.t.filter((t) => t.length > 3));
    case "full_name":
    case "org_name": {
      // Two tokens of one name field: lets a name-only dataset block without other fields.
      const out: string[] = [];
      for (const v of vals) {
        const t = v.t.filter((x) => x.length > 1).slice(0, 4);
        for (let i = 0; i < t.length; i++) for (let j = i + 1; j < t.length; j++) out.push(`${soundex(t[i] ?? "")}&${soundex(t[j] ?? "")}`);
        if (t.length === 1) out.push(v.s);
      }
      return out;
    }
    case "first_name":
    case "last_name":
    case "postcode":
    case "city":
    case "address":
    case "country":
    case "category":
      return [];
  }
}

/** All blocking keys of one prepared record, as 32-bit hashes. */
export function recordKeys(kinds: readonly FieldKind[], values: readonly (readonly PVal[])[]): number[] {
  const keys: number[] = [];
  const fieldAtoms = kinds.map((k, f) => atoms(k, values[f] ?? []));
  for (let f = 0; f < kinds.length; f++) {
    const kind = kinds[f];
    if (kind === undefined) continue;
    for (const s of soloKeys(kind, values[f] ?? [])) keys.push(fnv1a(`${f}:${s}`));
    const af = fieldAtoms[f] ?? [];
    for (let g = f + 1; g < kinds.length; g++) {
      for (const x of af) for (const y of fieldAtoms[g] ?? []) keys.push(fnv1a(`${f}.${g}:${x}|${y}`));
    }
  }
  // A single-field spec still needs keys: its atoms alone.
  if (kinds.length === 1) for (const x of fieldAtoms[0] ?? []) keys.push(fnv1a(`0:${x}`));
  return keys;
}

/** Candidate pairs (a < b, by record index) as a flat Uint32Array [a0, b0, a1, b1, …]. */
export function candidatePairs(keysPerRecord: readonly (readonly number[])[], opts: BlockingOptions = DEFAULT_BLOCKING): Uint32Array {
  const n = keysPerRecord.length;
  if ((n * (n - 1)) / 2 <= opts.allPairsUpTo) return allPairs(n);
  // Pack (hash, record) into one float so a single native numeric sort groups blocks.
  const recBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashMod = 2 ** Math.min(32, 52 - recBits);
  let total = 0;
  for (const k of keysPerRecord) total += k.length;
  const packed = new Float64Array(total);
  let p = 0;
  const scale = 2 ** recBits;
  for (let i = 0; i < n; i++) for (const h of keysPerRecord[i] ?? []) packed[p++] = (h % hashMod) * scale + i;
  packed.sort();
  // A record holding the same key twice counts once towards its block's size.
  let unique = 0;
  for (let k = 0; k < p; k++) if (k === 0 || packed[k] !== packed[k - 1]) packed[unique++] = packed[k] as number;
  total = unique;
  const recAt = new Int32Array(total);
  const hashAt = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const v = packed[k] as number;
    const h = Math.floor(v / scale);
    hashAt[k] = h;
    recAt[k] = v - h * scale;
  }
  // Each block is a run of equal hashes, its members in ascending record order. Every record
  // remembers its position in each (small enough) block and later pairs only with members after it.
  const posStart = new Int32Array(n + 1);
  const blockEnd = new Int32Array(total);
  let i = 0;
  let kept = 0;
  while (i < total) {
    const h = hashAt[i];
    let j = i + 1;
    while (j < total && hashAt[j] === h) j++;
    const size = j - i;
    for (let k = i; k < j; k++) blockEnd[k] = size >= 2 && size <= opts.maxBlockSize ? j : -1;
    if (size >= 2 && size <= opts.maxBlockSize) {
      for (let k = i; k < j; k++) posStart[(recAt[k] as number) + 1] = (posStart[(recAt[k] as number) + 1] as number) + 1;
      kept += size;
    }
    i = j;
  }
  for (let r = 0; r < n; r++) posStart[r + 1] = (posStart[r + 1] as number) + (posStart[r] as number);
  const fill = posStart.slice(0, n);
  const positions = new Int32Array(kept);
  for (let k = 0; k < total; k++) {
    if ((blockEnd[k] as number) < 0) continue;
    const r = recAt[k] as number;
    positions[fill[r] as number] = k;
    fill[r] = (fill[r] as number) + 1;
  }
  const stamp = new Int32Array(n).fill(-1);
  let out = new Uint32Array(1 << 16);
  let o = 0;
  for (let a = 0; a < n; a++) {
    for (let q = posStart[a] as number; q < (posStart[a + 1] as number); q++) {
      const k0 = positions[q] as number;
      const hi = blockEnd[k0] as number;
      for (let k = k0 + 1; k < hi; k++) {
        const r = recAt[k] as number;
        if (r === a || stamp[r] === a) continue;
        stamp[r] = a;
        if (o + 2 > out.length) {
          const bigger = new Uint32Array(out.length * 2);
          bigger.set(out);
          out = bigger;
        }
        out[o++] = a;
        out[o++] = r;
      }
    }
  }
  return out.slice(0, o);
}
