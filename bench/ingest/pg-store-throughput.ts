/**
 * PostgreSQL store write throughput: statements generated in memory (a 6-property Person mapping,
 * 7 statements per row including the `id` statement) streamed through PgWriter in batches of
 * 5,000 and committed, measuring the store alone (no file parsing).
 *
 *   node scripts/run-ts.mjs bench/ingest/pg-store-throughput.ts [rows=1000000] [--url postgresql://…] [--reingest] [--search] [--vacuum] [--no-index-helper] [--rows]
 *
 * --no-index-helper: the run's own connection merges the word index's pending list, as before
 * the helper connection (packages/store-postgres/src/index-cleaner.ts), for comparison.
 *
 * --rows: the same content as mapped rows through `StoreWriter.writeRows` (what `vizier ingest` of a
 * tabular file uses: no Statement object per value), one call per dataset of each batch.
 * `generateCpuS` is the node CPU spent making the batches, `writeCpuS` the rest (packing, COPY).
 *
 * --vacuum: after the runs, searches once, then times `VACUUM blocks` (which merges the search
 * indexes' pending lists, work the ingest deferred) and searches again, so the deferred index
 * cost is reported too (docs/decisions/0007-postgres-blocks.md).
 *
 * Without --url it starts a private throwaway cluster (scripts/pg-test-server.ts).
 * Reports rows/s and statements/s for the COPY phase, the merge+commit phase and overall, with
 * peak RSS (flat memory: it should not grow with rows). Rows go to four datasets, two owned by
 * agency A and two by C; --search then times 50 name searches unfiltered (system scope) and as
 * an agency-B analyst, who may read only A's datasets (filtered in SQL).
 */
import { makeStatementId, type Statement } from "@vizier/model";
import { linkAudit, type IngestRun, type RowProvenance, type SourceRowEntities } from "@vizier/core";
import { ctxFor, scopeOf, systemCtx, testDataset } from "@vizier/core/testing";
import { PostgresStore } from "@vizier/store-postgres";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPgBin, startPgTestServer } from "../../scripts/pg-test-server";

/**
 * CPU seconds used so far by a private cluster: the postmaster, its live children and (via
 * cutime/cstime) the children that already exited. The machine is shared, so CPU time is a
 * steadier measure than wall time. Linux only; clock ticks assumed 100/s.
 */
function clusterCpuSeconds(dir: string | undefined): number | undefined {
  if (!dir) return undefined;
  try {
    const pm = readFileSync(join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]!.trim();
    const fields = (pid: string) => readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ").map(Number);
    const f = fields(pm);
    // After ") ": field index 11..14 = utime, stime, cutime, cstime.
    let ticks = f[11]! + f[12]! + f[13]! + f[14]!;
    const kids = execFileSync("ps", ["-o", "pid=", "--ppid", pm], { encoding: "utf8" }).split("\n").map((x) => x.trim()).filter(Boolean);
    for (const k of kids) {
      try {
        const g = fields(k);
        ticks += g[11]! + g[12]!;
      } catch {
        // exited meanwhile; counted in cutime once reaped
      }
    }
    return ticks / 100;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const urlArg = args.indexOf("--url");
const reingest = args.includes("--reingest");
const doSearch = args.includes("--search");
const doVacuum = args.includes("--vacuum");
const BATCH_ROWS = 5000 / 7;
const asRows = args.includes("--rows");

const DATASETS = ["bench0", "bench1", "bench2", "bench3"].map((name, k) => testDataset(name, k % 2 ? "C" : "A"));

function rowStatements(i: number, runId: string, out: Statement[]): void {
  const entityId = `bench-${i.toString(36)}`;
  const origin = `p.csv:${i + 2}`;
  const ds = DATASETS[i % DATASETS.length]!;
  const vals: Array<[string, string, string]> = [
    ["id", "id", entityId],
    ["name", "name", `Jan${i % 9973} van der Berg${i % 7919}`],
    ["birthDate", "date", `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`],
    ["nationality", "country", ["nl", "be", "de", "ma", "co"][i % 5]!],
    ["idNumber", "identifier", `NL${(100000000 + i).toString()}`],
    ["phone", "phone", `+316${(10000000 + i).toString()}`],
    ["email", "email", `person${i}@example.org`],
  ];
  // Object literals, not `{ ...base, … }`: on Node 20 spreading a 13-property object is ~50×
  // slower and would make this generator, not the store, the bottleneck.
  for (const [prop, propType, value] of vals) {
    out.push({
      id: makeStatementId(entityId, prop, value, ds.name), entityId, schema: "Person", prop, propType, value, original: value,
      dataset: ds.name, agency: ds.agency, legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2",
      firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-01-01T00:00:00.000Z", retentionUntil: "2031-01-01", runId, origin,
    });
  }
}

/** The same row as mapped rows of its dataset (its statements without the `id` one, which writeRows adds). */
function rowEntities(i: number, runId: string, out: SourceRowEntities[][]): void {
  const sts: Statement[] = [];
  rowStatements(i, runId, sts);
  const [idSt, ...values] = sts;
  out[i % DATASETS.length]!.push({ origin: idSt!.origin, entities: [{ id: idSt!.entityId, schema: "Person", values }] });
}

function provenance(ds: (typeof DATASETS)[number], runId: string): RowProvenance {
  return { dataset: ds.name, agency: ds.agency, legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2", lastSeen: "2026-01-01T00:00:00.000Z", retentionUntil: "2031-01-01", runId };
}

async function ingest(store: PostgresStore, runId: string): Promise<{ copyS: number; commitS: number; genS: number; genCpuS: number; tail: Record<string, number> }> {
  const run: IngestRun = { id: runId, dataset: "bench0", file: "p.csv", mapping: "m.yml", actor: "bench", startedAt: new Date().toISOString() };
  const w = await store.beginWrite(run);
  let copyMs = 0;
  let genMs = 0;
  let genCpu = 0;
  for (let i = 0; i < rows;) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const batch: Statement[] = [];
    const byDataset: SourceRowEntities[][] = DATASETS.map(() => []);
    const end = Math.min(rows, i + Math.ceil(BATCH_ROWS));
    for (; i < end; i++) {
      if (asRows) rowEntities(i, runId, byDataset);
      else rowStatements(i, runId, batch);
    }
    const c1 = process.cpuUsage(c0);
    genCpu += c1.user + c1.system;
    const t1 = performance.now();
    if (!asRows) await w.writeStatements(batch);
    else for (const [k, ds] of DATASETS.entries()) await w.writeRows!(provenance(ds, runId), byDataset[k]!);
    copyMs += performance.now() - t1;
    genMs += t1 - t0;
  }
  const t2 = performance.now();
  // The tail after the last batch: the merges still queued and the last slice (first call), the
  // run-level queries over the stage, then the commit (word index's remaining pending list included).
  await w.conflicts(10_000);
  const t3 = performance.now();
  await w.runEntities();
  const t4 = performance.now();
  await w.commit({ ...run, status: "committed" }, { entries: [{ at: new Date().toISOString(), actor: "bench", agency: "A", purpose: "bench", action: "ingest", query: runId, resultIds: [runId], recipients: [] }], link: linkAudit });
  const s = (a: number, b: number) => +((b - a) / 1000).toFixed(2);
  return { copyS: copyMs / 1000, commitS: (performance.now() - t2) / 1000, genS: genMs / 1000, genCpuS: genCpu / 1e6,
    tail: { settleAndConflictsS: s(t2, t3), entitiesS: s(t3, t4), commitS: s(t4, performance.now()) } };
}

let stop = () => undefined as void;
let url = urlArg >= 0 ? args[urlArg + 1] : undefined;
let clusterDir: string | undefined;
if (!url) {
  const bin = findPgBin();
  if (!bin) throw new Error("no PostgreSQL binaries; pass --url");
  const srv = startPgTestServer(bin);
  url = srv.url;
  clusterDir = srv.dir;
  stop = srv.stop;
}
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 100);
try {
  const schema = `bench_${Date.now().toString(36)}`;
  const store = new PostgresStore({ url, schema, ingestIndexHelper: !args.includes("--no-index-helper") });
  await store.init();
  for (const d of DATASETS) await store.putDataset(d);
  const statements = rows * 7;
  for (const runId of reingest ? ["first", "again"] : ["first"]) {
    const pg0 = clusterCpuSeconds(clusterDir);
    const node0 = process.cpuUsage();
    const t = await ingest(store, runId);
    const pg1 = clusterCpuSeconds(clusterDir);
    const nodeCpu = process.cpuUsage(node0);
    const nodeCpuS = (nodeCpu.user + nodeCpu.system) / 1e6;
    const pgCpuS = pg0 !== undefined && pg1 !== undefined ? pg1 - pg0 : undefined;
    const total = t.copyS + t.commitS;
    console.log(JSON.stringify({
      run: runId, rows, statements, generateS: +t.genS.toFixed(2), generateCpuS: +t.genCpuS.toFixed(2), writeCpuS: +(nodeCpuS - t.genCpuS).toFixed(2), copyS: +t.copyS.toFixed(2), mergeCommitS: +t.commitS.toFixed(2),
      tail: t.tail, copyStatementsPerS: Math.round(statements / t.copyS), storeRowsPerS: Math.round(rows / total), storeStatementsPerS: Math.round(statements / total),
      peakRssMB: Math.round(peakRss / 2 ** 20),
      nodeCpuS: +nodeCpuS.toFixed(1), postgresCpuS: pgCpuS === undefined ? null : +pgCpuS.toFixed(1),
      // Statements per CPU-second of node + PostgreSQL together: what an idle 1-core budget would do.
      statementsPerCpuS: pgCpuS === undefined ? null : Math.round(statements / (nodeCpuS + pgCpuS)),
    }));
  }
  if (doVacuum) {
    const sys = scopeOf(systemCtx(), DATASETS);
    const timeSearch = async () => {
      const t0 = performance.now();
      for (let k = 0; k < 10; k++) await store.search(sys, { text: `jan${(k * 37) % 9973} berg${(k * 53) % 7919}`, limit: 20, offset: 0 });
      return +((performance.now() - t0) / 10).toFixed(1);
    };
    const before = await timeSearch();
    const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema},public` });
    await c.connect();
    const pg0 = clusterCpuSeconds(clusterDir);
    const t0 = performance.now();
    await c.query("VACUUM blocks");
    const vacuumS = (performance.now() - t0) / 1000;
    const pg1 = clusterCpuSeconds(clusterDir);
    await c.end();
    console.log(JSON.stringify({ searchMsBeforeVacuum: before, vacuumS: +vacuumS.toFixed(2), vacuumPostgresCpuS: pg0 !== undefined && pg1 !== undefined ? +(pg1 - pg0).toFixed(1) : null, searchMsAfterVacuum: await timeSearch() }));
  }
  if (doSearch) {
    const queries = Array.from({ length: 50 }, (_, k) => (k % 2 ? `jan${(k * 37) % 9973} van der berg` : `jan${(k * 37) % 9973} berg${(k * 53) % 7919}`));
    // Misspelt surnames: no word matches, so the trigram (fuzzy) path runs.
    const misspelt = Array.from({ length: 10 }, (_, k) => `jan${(k * 37) % 9973} van der bergg${(k * 53) % 7919}`);
    for (const [label, scope, qs] of [
      ["unfiltered", scopeOf(systemCtx(), DATASETS), queries], ["filtered (agency B)", scopeOf(ctxFor("B"), DATASETS), queries],
      ["fuzzy unfiltered", scopeOf(systemCtx(), DATASETS), misspelt], ["fuzzy filtered (agency B)", scopeOf(ctxFor("B"), DATASETS), misspelt],
    ] as const) {
      const t0 = performance.now();
      let hits = 0;
      for (const text of qs) hits += (await store.search(scope, { text, limit: 20, offset: 0 })).length;
      const ms = (performance.now() - t0) / qs.length;
      console.log(JSON.stringify({ search: label, queries: qs.length, meanMs: +ms.toFixed(1), hits }));
    }
  }
  const s = await store.stats();
  console.log(JSON.stringify({ storedStatements: s.statements, entities: s.entities }));
  await store.close();
} finally {
  clearInterval(sampler);
  stop();
}
