/**
 * Synthetic persons for the speed benchmark: Zipf-like name frequencies, dates over 80 years,
 * cities and postcodes; a fifth of the people get one or two noisy copies (typos, swapped day and
 * month, missing values). Deterministic for a seed.
 */
import type { ErRecord } from "@vizier/resolution";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["an", "be", "ka", "lo", "mi", "ra", "sen", "dor", "vi", "ta", "ne", "jo", "ha", "ri", "mar", "tin", "el", "us", "ko", "va", "lin", "de", "bo", "is"];

function word(r: () => number, syllables: number): string {
  let s = "";
  for (let i = 0; i < syllables; i++) s += SYL[Math.floor(r() * SYL.length)];
  return s;
}

/** Zipf-ish pick: small indexes are much more common. */
const zipf = (r: () => number, n: number): number => Math.min(n - 1, Math.floor(n ** r() - 1));

function typo(s: string, r: () => number): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(r() * (s.length - 2));
  const k = r();
  if (k < 0.33) return s.slice(0, i) + s.slice(i + 1);
  if (k < 0.66) return s.slice(0, i) + String.fromCharCode(97 + Math.floor(r() * 26)) + s.slice(i + 1);
  return s.slice(0, i - 1) + s[i] + s[i - 1] + s.slice(i + 1);
}

/** `n` records; returns them with the true entity of each. */
export function generatePersons(n: number, seed = 1): { records: ErRecord[]; truth: string[] } {
  const r = rng(seed);
  const firsts = Array.from({ length: 3000 }, () => word(r, 2 + Math.floor(r() * 2)));
  const lasts = Array.from({ length: 40000 }, () => word(r, 2 + Math.floor(r() * 3)));
  const cities = Array.from({ length: 800 }, () => word(r, 3));
  const records: ErRecord[] = [];
  const truth: string[] = [];
  let person = 0;
  while (records.length < n) {
    const first = firsts[zipf(r, firsts.length)] ?? "";
    const last = lasts[zipf(r, lasts.length)] ?? "";
    const ci = zipf(r, cities.length);
    const y = 1940 + Math.floor(r() * 80);
    const m = 1 + Math.floor(r() * 12);
    const d = 1 + Math.floor(r() * 28);
    const copies = r() < 0.2 ? 2 + Math.floor(r() * 2) : 1;
    for (let c = 0; c < copies && records.length < n; c++) {
      const noisy = c > 0;
      const dd = noisy && r() < 0.1 ? m : d;
      const mm = noisy && dd === m ? d : m;
      records.push({
        source: "gen",
        id: String(records.length),
        fields: {
          first: [noisy && r() < 0.3 ? typo(first, r) : first],
          last: [noisy && r() < 0.3 ? typo(last, r) : last],
          dob: noisy && r() < 0.1 ? [] : [`${y}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`],
          city: [noisy && r() < 0.2 ? typo(cities[ci] ?? "", r) : cities[ci] ?? ""],
          postcode: [noisy && r() < 0.1 ? "" : String(1000 + ci * 7 + Math.floor(r() * 3))],
        },
      });
      truth.push(String(person));
    }
    person++;
  }
  return { records, truth };
}
