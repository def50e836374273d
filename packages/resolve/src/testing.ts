/** Test helpers: a small population of people with spelling variants (deterministic). Not for production code. */
import type { ErRecord } from "@vizier/resolution";

export const FIRST = ["anna", "jan", "pieter", "maria", "sofie", "daan", "emma", "lucas", "noah", "julia", "sem", "tess", "levi", "mila", "finn"];
export const LAST = ["jansen", "de vries", "wijnaldum", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos", "peters", "hendriks", "dekker", "brouwer"];

/** Person `i` of the population: a distinct name, birth date and passport number. */
export function person(i: number): { name: string; birthDate: string; idNumber: string } {
  const first = FIRST[i % FIRST.length] ?? "x";
  const last = LAST[(i * 7 + 3) % LAST.length] ?? "y";
  const y = 1950 + ((i * 13) % 50);
  const m = 1 + ((i * 5) % 12);
  const d = 1 + ((i * 11) % 28);
  return { name: `${first} ${last}`, birthDate: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, idNumber: `NP${String(100000 + i * 7919).slice(0, 6)}X` };
}

/** A typo: drop, double or swap one character. */
export function typo(s: string, r: number): string {
  if (s.length < 4) return s;
  const i = 1 + (r % (s.length - 2));
  return r % 3 === 0 ? s.slice(0, i) + s.slice(i + 1) : r % 3 === 1 ? s.slice(0, i) + s[i] + s.slice(i) : s.slice(0, i) + (s[i + 1] ?? "") + (s[i] ?? "") + s.slice(i + 2);
}

/** Records of `people` persons, each copied 1–3 times with noise, as one group's records. */
export function noisyRecords(people: number, seed: number): ErRecord[] {
  const out: ErRecord[] = [];
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < people; i++) {
    const p = person(i);
    const copies = 1 + (next() % 3);
    for (let c = 0; c < copies; c++) {
      const r = next();
      out.push({
        source: "person", id: `p${i}-${c}`,
        fields: { name: [r % 4 === 1 ? typo(p.name, r) : p.name], date: [r % 5 === 2 ? "" : p.birthDate].filter(Boolean), identifier: r % 3 === 0 ? [p.idNumber] : [] },
      });
    }
  }
  return out;
}
