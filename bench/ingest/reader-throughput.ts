/**
 * Reader and mapping throughput on a generated CSV (not committed; written to the OS temp dir).
 * Run: node scripts/run-ts.mjs bench/ingest/reader-throughput.ts [rows=1000000]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultModel } from "@vizier/model";
import { applyMapping, compileMapping, parseMapping } from "../../packages/core/src/ingest/mapping/index";
import { openSource } from "../../packages/core/src/ingest/readers/index";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "vizier-bench-"));
const file = join(dir, "people.csv");

/** A valid Dutch IBAN for an account number (ISO 13616 mod-97 check digits). */
function iban(account: number): string {
  const bban = "ABNA" + String(account).padStart(10, "0");
  const digits = (bban + "NL00").replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of digits) rem = (rem * 10 + Number(d)) % 97;
  return `NL${String(98 - rem).padStart(2, "0")}${bban}`;
}

const COUNTRIES = ["NL", "BE", "DE", "MA", "TR", "CO", "ES", "PL", "GB", "SR"];
const CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Tilburg", "Groningen", "Almere", "Breda", "Nijmegen"];

/**
 * Realistic cardinality: unique ids and names, ~1 in 3 accounts shared (a company's account
 * over its directors' rows), ~18k distinct birth dates, 10 countries and cities.
 */
async function generate(): Promise<void> {
  const out = createWriteStream(file);
  out.write("id,name,dob,country,iban,city\n");
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = "";
    for (let k = i; k < Math.min(rows, i + 10_000); k++) {
      const h = Math.imul(k + 1, 2654435761) >>> 0;
      const dob = `${1940 + (h % 60)}-${String(((h >>> 8) % 12) + 1).padStart(2, "0")}-${String(((h >>> 12) % 28) + 1).padStart(2, "0")}`;
      chunk += `${k},Jan de Vries ${k},${dob},${COUNTRIES[h % 10]},${iban(Math.floor(k / 3) * 7919)},${CITIES[(h >>> 4) % 10]}\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const mapping = parseMapping(`
queries:
  - entities:
      person:
        schema: Person
        keys: [id]
        properties:
          name: { column: name }
          birthDate: { column: dob }
          nationality: { column: country }
          address: { column: city }
      account:
        schema: BankAccount
        keys: [iban]
        properties:
          iban: { column: iban }
`, "bench.yml");

async function main(): Promise<void> {
  await generate();
  const mb = statSync(file).size / 1e6;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let t = performance.now();
  let n = 0;
  const src = await openSource(file);
  for await (const r of src.rows) {
    if (r.problem) throw new Error(r.problem.reason);
    if (++n % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const readS = (performance.now() - t) / 1000;
  console.log(`read: ${n} rows (${mb.toFixed(0)} MB) in ${readS.toFixed(2)} s = ${Math.round(n / readS)} rows/s, ${(mb / readS).toFixed(0)} MB/s; ` +
    `RSS before ${(rss0 / 1e6).toFixed(0)} MB, peak growth ${((peak - rss0) / 1e6).toFixed(0)} MB`);

  const model = defaultModel();
  const src2 = await openSource(file);
  const compiled = compileMapping(mapping, model, src2.columns, "bench.yml");
  t = performance.now();
  n = 0;
  let values = 0;
  for await (const r of src2.rows) {
    const m = applyMapping(compiled, r, "bench", model);
    for (const e of m.entities) values += e.values.length;
    n++;
  }
  const mapS = (performance.now() - t) / 1000;
  console.log(`read+map (6 properties, 2 entities): ${n} rows in ${mapS.toFixed(2)} s = ${Math.round(n / mapS)} rows/s (${values} values)`);
  rmSync(dir, { recursive: true, force: true });
}

await main();
