/**
 * The floor of the ingest benchmark's storage work: what SQLite and PostgreSQL themselves cost to
 * store the benchmark's rows with the least work any layout that satisfies issue #9 needs — one
 * block of statements per row, its key, and the search index the issue names (FTS5 on SQLite,
 * a tsvector GIN index on PostgreSQL) — with no staging, no deduplication, no JavaScript work
 * while timing (every block is mapped and packed before the clock starts).
 *
 *   node scripts/run-ts.mjs bench/ingest/floor.ts [rows=1000000] [--sqlite-only] [--pg-only]
 *
 * The rows are the ingest benchmark's own (bench/out/persons-<rows>.csv, generated if missing),
 * read and mapped by the real reader and mapping and packed by the embedded store's packer, so
 * bodies and search texts are exactly what `vizier ingest` stores. Each step is timed on its own
 * (wall and CPU of the process doing the work: this process for SQLite, the server backend for
 * PostgreSQL) so that the sum is the store's floor per row and 1e6 / floor the most rows per
 * second one writer could reach if reading, mapping and packing cost nothing.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ID_PROP } from "@vizier/model";
import { openMapped } from "../../packages/core/src/ingest/mapped";
import { BlockPacker } from "../../packages/store-sqlite/src/pack";
import { benchPgServer } from "../../scripts/pg-test-server";
import { generatePersons } from "./generate";

const root = resolve(import.meta.dirname ?? ".", "../..");
const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const sqliteOnly = args.includes("--sqlite-only");
const pgOnly = args.includes("--pg-only");
const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });

interface Step { store: string; step: string; wallUs: number; cpuUs: number }
const steps: Step[] = [];
const usPerRow = (ms: number) => (ms * 1000) / rows;

// ---- Prepare: read, map and pack every row (not timed as storage work) ----
const csv = join(out, `persons-${rows}.csv`);
if (!existsSync(csv)) await generatePersons(rows, csv);
const ids: string[] = [];
const hashes: number[] = [];
const bodies: string[] = [];
const docs: (string | null)[] = [];
const codes = new Map<string, number>();
const packer = new BlockPacker();
const c0 = process.cpuUsage();
const src = await openMapped({ file: csv, mapping: join(root, "bench/ingest/persons.mapping.yml"), dataset: "bench" });
for await (const batch of src.batches) {
  for (const r of batch.rows) {
    if (!r.entities) throw new Error(`row ${r.row} did not map: ${r.problem?.reason ?? "filtered"}`);
    for (const e of r.entities) {
      packer.start(e.schema);
      const add = (prop: string, type: string, value: string, original: string) => {
        let code = codes.get(prop + "\u001f" + type);
        if (code === undefined) codes.set(prop + "\u001f" + type, (code = codes.size + 1));
        packer.add(code, prop, type, value, original);
      };
      add(ID_PROP, "id", e.id, e.id);
      for (const v of e.values) add(v.prop, v.propType, v.value, v.original);
      ids.push(e.id);
      hashes.push(packer.hash());
      bodies.push(packer.packedBody());
      docs.push(packer.searchText());
    }
  }
}
const cPrep = process.cpuUsage(c0);
console.log(`prepared ${ids.length.toLocaleString("en-US")} blocks from ${csv} (read, map, pack: ${((cPrep.user + cPrep.system) / rows).toFixed(1)} µs CPU a row)`);

// ---- SQLite: blocks, search documents, sorted keys, commit, checkpoint; one transaction ----
function sqliteFloor(): void {
  const dir = join(out, "floor-sqlite");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const db = new Database(join(dir, "floor.db"));
  // As the store opens its connections (connection.ts).
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -262144");
  db.exec(`
    CREATE TABLE blocks (id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, prov INTEGER NOT NULL, hash INTEGER NOT NULL, n INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE block_keys (entity_id TEXT NOT NULL, hash INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (entity_id, hash)) WITHOUT ROWID;
    CREATE VIRTUAL TABLE fts USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
  `);
  const K = 64;
  /**
   * Inserts rows 0 … n−1, K to a multi-row INSERT and the rest one by one; `fill(j, p, at)` writes
   * row j's values into p from position `at` (no array per row: only SQLite's work is timed).
   */
  const insertAll = (sql: string, cols: number, n: number, fill: (j: number, p: unknown[], at: number) => void) => {
    const tuple = `(${new Array(cols).fill("?").join(",")})`;
    const many = db.prepare(sql + new Array(K).fill(tuple).join(","));
    const one = db.prepare(sql + tuple);
    const p = new Array<unknown>(K * cols);
    let i = 0;
    for (; i + K <= n; i += K) {
      for (let k = 0; k < K; k++) fill(i + k, p, k * cols);
      many.run(p);
    }
    const p1 = new Array<unknown>(cols);
    for (; i < n; i++) { fill(i, p1, 0); one.run(p1); }
  };
  const timed = (step: string, f: () => void) => {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    const d = process.cpuUsage(c);
    steps.push({ store: "SQLite", step, wallUs: usPerRow(performance.now() - t), cpuUs: (d.user + d.system) / rows });
  };
  const n = ids.length;
  db.exec("BEGIN IMMEDIATE");
  timed("blocks: append (id, entity, provenance, hash, count, body), 64 a statement", () =>
    insertAll("INSERT INTO blocks (id, entity_id, prov, hash, n, body) VALUES ", 6, n, (j, p, at) => {
      p[at] = j + 1; p[at + 1] = ids[j]; p[at + 2] = 1; p[at + 3] = hashes[j]; p[at + 4] = 7; p[at + 5] = bodies[j];
    }));
  timed("search documents: FTS5 (unicode61, remove_diacritics 2), contentless", () =>
    insertAll("INSERT INTO fts (rowid, text) VALUES ", 2, n, (j, p, at) => { p[at] = j + 1; p[at + 1] = docs[j]; }));
  timed("keys: (entity, hash) → block, inserted in key order", () => {
    db.exec("INSERT INTO block_keys SELECT entity_id, hash, id FROM blocks ORDER BY 1, 2");
  });
  timed("COMMIT", () => db.exec("COMMIT"));
  timed("checkpoint (WAL into the database file)", () => { db.pragma("wal_checkpoint(TRUNCATE)"); });
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

// ---- PostgreSQL: COPY into the final table, adding one cost at a time ----
/** A tsvector literal of the block's search words (lower-cased, as the 'simple' configuration folds). */
function tsvLiteral(doc: string | null): string {
  if (!doc) return "\\N";
  const words = [...new Set(doc.toLowerCase().split(/\s+/).filter(Boolean))];
  return words.map((w) => `'${w.replace(/\\/g, "\\\\\\\\").replace(/'/g, "''")}'`).join(" ");
}

async function pgFloor(): Promise<void> {
  const { url, stop } = benchPgServer();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pid = (await client.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0]!.p;
    // utime + stime of the backend, in ms (clock ticks of 10 ms).
    const backendMs = () => {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    const lines = (words: boolean) => ids.map((id, j) =>
      `${j + 1}\t${id}\t1\t${hashes[j]}\t7\t${bodies[j]!.replace(/\\/g, "\\\\")}${words ? "\t" + tsvLiteral(docs[j]!) : ""}\n`);
    const variants: Array<{ step: string; words: boolean; gin: boolean; pk: boolean }> = [
      { step: "heap only: COPY (id, entity, provenance, hash, count, body)", words: false, gin: false, pk: false },
      { step: "+ search words as a tsvector column (pre-computed, no to_tsvector)", words: true, gin: false, pk: false },
      { step: "+ GIN index on the words (pending list, merged before commit)", words: true, gin: true, pk: false },
      { step: "+ primary key (entity, hash)", words: true, gin: true, pk: true },
    ];
    let prev = 0;
    for (const v of variants) {
      await client.query("DROP TABLE IF EXISTS floor_blocks");
      await client.query(`CREATE TABLE floor_blocks (id bigint NOT NULL, entity_id text NOT NULL, prov int NOT NULL, hash bigint NOT NULL, n int NOT NULL,
        body text NOT NULL, words tsvector${v.pk ? ", PRIMARY KEY (entity_id, hash)" : ""})`);
      if (v.gin) await client.query("CREATE INDEX floor_words ON floor_blocks USING gin (words) WITH (gin_pending_list_limit = 65536)");
      const data = lines(v.words);
      const t = performance.now();
      const c = backendMs();
      await client.query("BEGIN");
      const stream = client.query(copyFrom(`COPY floor_blocks (id, entity_id, prov, hash, n, body${v.words ? ", words" : ""}) FROM STDIN`));
      const done = new Promise<void>((res, rej) => { stream.on("finish", () => res()); stream.on("error", rej); });
      for (let i = 0; i < data.length; i += 10_000) {
        if (!stream.write(data.slice(i, i + 10_000).join(""))) await new Promise((r) => stream.once("drain", r));
      }
      stream.end();
      await done;
      if (v.gin) await client.query("SELECT gin_clean_pending_list('floor_words')");
      await client.query("COMMIT");
      const cpu = usPerRow(backendMs() - c);
      steps.push({ store: "PostgreSQL", step: v.step, wallUs: usPerRow(performance.now() - t), cpuUs: cpu - prev });
      prev = cpu;
    }
    await client.query("DROP TABLE IF EXISTS floor_blocks");
  } finally {
    await client.end();
    stop();
  }
}

if (!pgOnly) sqliteFloor();
if (!sqliteOnly) await pgFloor();

const load = readFileSync("/proc/loadavg", "utf8").trim();
console.log(`\nStorage floor for ${rows.toLocaleString("en-US")} benchmark rows (bench/ingest/floor.ts), ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average after: ${load}`);
console.log("| store | step | wall µs/row | CPU µs/row (SQLite: this process; PostgreSQL: the backend, added by the step) |");
console.log("|---|---|---:|---:|");
for (const s of steps) console.log(`| ${s.store} | ${s.step} | ${s.wallUs.toFixed(2)} | ${s.cpuUs.toFixed(2)} |`);
for (const store of ["SQLite", "PostgreSQL"]) {
  const mine = steps.filter((s) => s.store === store);
  if (mine.length === 0) continue;
  // SQLite's steps add up; PostgreSQL's last variant already contains the others (wall of the full COPY).
  const cpu = mine.reduce((a, s) => a + s.cpuUs, 0);
  const wall = store === "SQLite" ? mine.reduce((a, s) => a + s.wallUs, 0) : mine[mine.length - 1]!.wallUs;
  console.log(`${store}: floor ${cpu.toFixed(1)} µs CPU a row (${wall.toFixed(1)} µs wall): at most ${Math.round(1e6 / cpu).toLocaleString("en-US")} rows/s for one writer with reading, mapping and packing free`);
}
