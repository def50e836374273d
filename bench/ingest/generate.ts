/**
 * Writes a deterministic person CSV for the ingest benchmark:
 *   node scripts/run-ts.mjs bench/ingest/generate.ts <rows> <out.csv>
 * Columns: id, first_name, last_name, birth_date, nationality, phone, passport.
 */
import { createWriteStream } from "node:fs";

const FIRST = ["Jan", "Piet", "Kees", "Mohamed", "Fatima", "Sanne", "Emma", "Lucas", "Daan", "Sophie", "Noah", "Julia", "Ahmet", "Ayşe", "José", "María", "Olga", "Iwan", "Chen", "Wei"];
const LAST = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "El Amrani", "Yılmaz", "Gómez Arango", "Rodríguez", "Kowalski", "Novak", "van Dijk", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer"];
const NAT = ["NL", "BE", "DE", "MA", "TR", "CO", "EC", "ES", "PL", "GB"];

/** xorshift32: deterministic and fast. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

export async function generatePersons(rows: number, out: string, seed = 42): Promise<void> {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const ws = createWriteStream(out);
  const write = (s: string) => (ws.write(s) ? Promise.resolve() : new Promise<void>((res) => ws.once("drain", () => res())));
  await write("id,first_name,last_name,birth_date,nationality,phone,passport\n");
  let buf = "";
  for (let i = 1; i <= rows; i++) {
    const d = 1 + Math.floor(r() * 28);
    const m = 1 + Math.floor(r() * 12);
    const y = 1940 + Math.floor(r() * 65);
    buf += `${i},${pick(FIRST)},${pick(LAST)},${String(d).padStart(2, "0")}-${String(m).padStart(2, "0")}-${y},${pick(NAT)},06${String(Math.floor(r() * 1e8)).padStart(8, "0")},N${String(Math.floor(r() * 1e8)).padStart(8, "0")}\n`;
    if (i % 10_000 === 0) { await write(buf); buf = ""; }
  }
  await write(buf);
  await new Promise<void>((res, rej) => ws.end((e?: Error | null) => (e ? rej(e) : res())));
}

if (process.argv[1]?.includes("generate")) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const out = process.argv[3] ?? "bench/out/persons.csv";
  await generatePersons(rows, out);
  process.stdout.write(`wrote ${rows} rows to ${out}\n`);
}
