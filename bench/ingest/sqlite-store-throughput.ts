/**
 * Embedded (SQLite) store write throughput: statements generated in memory (6-property Person,
 * 7 statements per row including `id`) streamed through SqliteWriter in batches of 5,000 and
 * committed; measures the store alone (no file parsing), in CPU time as well as wall time because
 * the benchmark machine is shared.
 *
 *   node scripts/run-ts.mjs bench/ingest/sqlite-store-throughput.ts [rows=200000] [--reingest] [--search] [--rows]
 *
 * --reingest writes the same rows again as a second run (idempotent path: only last_seen moves);
 * --search then times 50 name searches unfiltered (system scope) and as an agency-B analyst, who
 * may read only agency A's two datasets of the four (rows alternate between A and C): the policy
 * filter's cost on search (issue P2 target: filtered within 2× of unfiltered).
 * --rows writes the same content as mapped rows (`StoreWriter.writeRows`, what `vizier ingest` of a
 * tabular file uses: no Statement object per value), one call per dataset of each batch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeStatementId, type Statement } from "@vizier/model";
import { linkAudit, type IngestRun, type RowProvenance, type SourceRowEntities } from "@vizier/core";
import { ctxFor, scopeOf, systemCtx, testDataset } from "@vizier/core/testing";
import { SqliteStore } from "@vizier/store-sqlite";

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000);
const reingest = args.includes("--reingest");
const doSearch = args.includes("--search");
const asRows = args.includes("--rows");
const DATASETS = ["bench0", "bench1", "bench2", "bench3"].map((name, k) => testDataset(name, k % 2 ? "C" : "A"));

function rowStatements(i: number, runId: string, seen: string, out: Statement[]): void {
  // Entity ids are hashes in real mappings, so they arrive in random key order.
  const entityId = makeStatementId(String(i), "", "", "").slice(0, 24);
  const origin = `p.csv:${i + 2}`;
  const ds = DATASETS[i % DATASETS.length]!;
  const vals: Array<[string, string, string]> = [
    ["id", "id", entityId],
    ["firstName", "name", `Olga${i % 977}`],
    ["lastName", "name", `Hendriks${i % 7919}`],
    ["birthDate", "date", `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`],
    ["nationality", "country", ["nl", "be", "de", "ma", "co"][i % 5]!],
    ["phone", "phone", `+316${(10000000 + i).toString()}`],
    ["passportNumber", "identifier", `N${(50000000 + i).toString()}`],
  ];
  for (const [prop, propType, value] of vals) {
    out.push({
      id: makeStatementId(entityId, prop, value, ds.name), entityId, schema: "Person", prop, propType, value, original: value,
      dataset: ds.name, agency: ds.agency, legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2",
      firstSeen: seen, lastSeen: seen, retentionUntil: "2031-01-01", runId, origin,
    });
  }
}

/** The same row as mapped rows of its dataset (statements without the `id` one, which writeRows adds). */
function rowEntities(i: number, out: SourceRowEntities[][]): void {
  const sts: Statement[] = [];
  rowStatements(i, "", "", sts);
  const [idSt, ...values] = sts;
  out[i % DATASETS.length]!.push({ origin: idSt!.origin, entities: [{ id: idSt!.entityId, schema: "Person", values }] });
}

function provenance(ds: (typeof DATASETS)[number], runId: string, seen: string): RowProvenance {
  return { dataset: ds.name, agency: ds.agency, legalBasis: "test", purpose: "test", handling: "GREEN", reliability: "B2", lastSeen: seen, retentionUntil: "2031-01-01", runId };
}

async function ingest(store: SqliteStore, runId: string, seen: string): Promise<void> {
  const run: IngestRun = { id: runId, dataset: "bench0", file: "p.csv", mapping: "m.yml", actor: "bench", startedAt: seen };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const w = await store.beginWrite(run);
  let genMs = 0;
  let genCpu = 0;
  for (let i = 0; i < rows;) {
    const g0 = performance.now();
    const gc = process.cpuUsage();
    const batch: Statement[] = [];
    const byDataset: SourceRowEntities[][] = DATASETS.map(() => []);
    const end = Math.min(rows, i + 715);
    for (; i < end; i++) {
      if (asRows) rowEntities(i, byDataset);
      else rowStatements(i, runId, seen, batch);
    }
    const gd = process.cpuUsage(gc);
    genCpu += gd.user + gd.system;
    genMs += performance.now() - g0;
    if (!asRows) await w.writeStatements(batch);
    else for (const [k, ds] of DATASETS.entries()) await w.writeRows!(provenance(ds, runId, seen), byDataset[k]!);
  }
  const t1 = performance.now();
  const conflicts = await w.conflicts(10_000);
  const entities = await w.runEntities();
  const t2 = performance.now();
  await w.commit({ ...run, status: "committed" }, { entries: [{ at: seen, actor: "bench", agency: "A", purpose: "bench", action: "ingest", query: runId, resultIds: [runId], recipients: [] }], link: linkAudit });
  const t3 = performance.now();
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system - genCpu) / 1e6;
  console.log(`${runId}: ${rows} rows (${entities} entities, ${conflicts.length} conflicts) write ${((t1 - t0 - genMs) / 1000).toFixed(1)} s, conflicts+entities ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s; ` +
    `store CPU ${cpuS.toFixed(1)} s = ${(cpuS * 1e6 / (rows * 7)).toFixed(2)} µs/statement, ${Math.round(rows / cpuS).toLocaleString("en-US")} rows/CPU-s; wall ${Math.round(rows / ((t3 - t0 - genMs) / 1000)).toLocaleString("en-US")} rows/s`);
}

const dir = mkdtempSync(join(tmpdir(), "vizier-sqlite-bench-"));
try {
  const store = new SqliteStore(dir);
  await store.init();
  for (const d of DATASETS) await store.putDataset(d);
  await ingest(store, "run-1", "2026-01-01T00:00:00.000Z");
  if (reingest) await ingest(store, "run-2", "2026-02-01T00:00:00.000Z");
  const s = await store.stats();
  console.log(`stored: ${s.entities} entities, ${s.statements} statements; stats() ok; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB; load ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  if (doSearch) {
    const queries = Array.from({ length: 50 }, (_, k) => (k % 2 ? `hendriks${(k * 131) % 7919}` : `olga${(k * 37) % 977} hendriks${(k * 131) % 7919}`));
    for (const [label, scope] of [["unfiltered (system)", scopeOf(systemCtx(), DATASETS)], ["filtered (agency B analyst)", scopeOf(ctxFor("B"), DATASETS)]] as const) {
      const times: number[] = [];
      let hits = 0;
      for (const text of queries) {
        const t0 = performance.now();
        hits += (await store.search(scope, { text, limit: 20, offset: 0 })).length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      console.log(`search ${label}: ${queries.length} queries, mean ${mean.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms, ${hits} hits`);
    }
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
