/**
 * Reader and mapping throughput on a generated CSV (not committed; written to the OS temp dir).
 * Run: node scripts/run-ts.mjs bench/ingest/reader-throughput.ts [rows=1000000]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultModel } from "@vizier/model";
import { applyMapping, compileMapping, parseMapping } from "../../packages/core/src/ingest/mapping/index";
import { openSource } from "../../packages/core/src/ingest/readers/index";

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), "vizier-bench-"));
const file = join(dir, "people.csv");
const lines = ["id,name,dob,country,iban,city"];
for (let i = 0; i < rows; i++) lines.push(`${i},Jan de Vries ${i},1970-01-${String((i % 28) + 1).padStart(2, "0")},NL,NL91ABNA0417164300,Amsterdam`);
writeFileSync(file, lines.join("\n") + "\n");
lines.length = 0;

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
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  let n = 0;
  const src = await openSource(file);
  for await (const r of src.rows) if (r.row > 0) n++;
  const readS = (performance.now() - t) / 1000;
  const rss1 = process.memoryUsage().rss;
  console.log(`read: ${n} rows in ${readS.toFixed(2)} s = ${Math.round(n / readS)} rows/s; RSS +${((rss1 - rss0) / 1e6).toFixed(0)} MB`);

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
