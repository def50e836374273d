/**
 * Safeguard benchmarks (issue #2, Performance): policy filtering of one entity with 1,000
 * statements (target ≤ 5 ms) and sustained audit appends (target ≥ 5,000 records/s), on the
 * SQLite store and on PostgreSQL.
 *
 *   node scripts/run-ts.mjs bench/safeguards/run.ts [--quick] [--url postgresql://…] [--no-pg]
 *
 * Without --url it starts a private throwaway PostgreSQL cluster (scripts/pg-test-server.ts).
 * Prints a markdown table; figures go to docs/benchmarks/safeguards.md. Short by design (< 2 min).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { defaultModel, makeStatementId, ID_PROP, type Statement } from "@vizier/model";
import { AuditBatcher, decide, linkAudit, makeCtx, scopeAllows, userActor, viewEntities, type AuditEntry, type Services, type StorePort } from "@vizier/core";
import { testDataset, type TEST_SHARING } from "@vizier/core/testing";
import { PostgresStore } from "@vizier/store-postgres";
import { SqliteStore } from "@vizier/store-sqlite";
import { findPgBin, startPgTestServer } from "../../scripts/pg-test-server";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const urlArg = args.includes("--url") ? args[args.indexOf("--url") + 1] : undefined;
const noPg = args.includes("--no-pg");

// Four agencies; B receives A's data for cases, nothing from C or D. Ten datasets, 100
// statements each, of one entity: 1,000 statements, about 40 % readable by a B analyst.
const sharing: typeof TEST_SHARING = {
  agencies: ["A", "B", "C", "D"].map((code) => ({ code, name: code, country: "nl", public: false })),
  handlingCodes: [
    { code: "GREEN", label: "g", family: "TLP", share: "rules", onward: true, evidence: true },
    { code: "AMBER", label: "a", family: "TLP", share: "rules", onward: false, evidence: true },
    { code: "RED", label: "r", family: "TLP", share: "owner", onward: false, evidence: false },
  ],
  rules: [{ from: "A", to: ["B"], legalBases: ["*"], purposes: ["case:*"] }],
};
const datasets = Array.from({ length: 10 }, (_, i) => testDataset(`ds${i}`, ["A", "A", "A", "A", "B", "C", "C", "D", "D", "D"][i]!));
const ENTITY = "bench-entity";
const statements: Statement[] = datasets.flatMap((ds, i) => Array.from({ length: 100 }, (_, j): Statement => {
  const prop = j === 0 ? ID_PROP : "name";
  const value = j === 0 ? ENTITY : `Name ${i}-${j}`;
  return {
    id: makeStatementId(ENTITY, prop, value, ds.name), entityId: ENTITY, schema: "Person", prop, propType: j === 0 ? "id" : "name", value, original: value,
    dataset: ds.name, agency: ds.agency, legalBasis: ds.legalBasis, purpose: ds.purpose, handling: i % 4 === 3 ? "RED" : "GREEN", reliability: "B2",
    firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-01-01T00:00:00.000Z", retentionUntil: "2031-01-01", runId: "r1", origin: "bench:1",
  };
}));
const ctx = makeCtx(userActor("analyst-b", "B", ["analyst"]), "case:BENCH-1");

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const ms = (x: number) => x.toFixed(3);
const rows: string[][] = [];

async function timeIt(n: number, f: () => unknown): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await f(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

async function load(store: StorePort): Promise<void> {
  for (const d of datasets) await store.putDataset(d);
  const run = { id: "r1", dataset: "ds0", file: "bench", mapping: "-", actor: "system:bench", startedAt: new Date().toISOString() };
  const w = await store.beginWrite(run);
  await w.writeStatements(statements);
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

const entry = (i: number): AuditEntry => ({
  at: new Date().toISOString(), actor: "analyst-b", agency: "B", purpose: "case:BENCH-1", action: "view", query: `entity ${i}`,
  resultIds: [`e${i}`, `e${i + 1}`, `e${i + 2}`], recipients: [],
});

async function benchStore(label: string, store: StorePort): Promise<void> {
  await load(store);
  const svc: Services = { store, model: defaultModel(), sharing };
  const n = quick ? 50 : 200;
  const view = await timeIt(n, () => viewEntities(ctx, svc, [ENTITY]));
  const [v] = await viewEntities(ctx, svc, [ENTITY]);
  rows.push([label, "entity view, 1,000 statements (decide + read + withheld counts + audit append)", `p50 ${ms(pct(view, 50))} ms, p95 ${ms(pct(view, 95))} ms`,
    `${v?.statements.length} readable, ${v?.withheld.reduce((a, w) => a + w.count, 0)} withheld`]);
  const scope = decide(ctx, sharing, datasets);
  const read = await timeIt(n, async () => { await store.readStatements(scope, { entityIds: [ENTITY] }); await store.countWithheld(scope, [ENTITY]); });
  rows.push([label, "store read + withheld counts only (same entity)", `p50 ${ms(pct(read, 50))} ms, p95 ${ms(pct(read, 95))} ms`, ""]);

  const singles = quick ? 1_000 : 5_000;
  let t = performance.now();
  for (let i = 0; i < singles; i++) await store.appendAudit([entry(i)], linkAudit);
  let s = (performance.now() - t) / 1000;
  rows.push([label, `audit append, one record per transaction (${singles.toLocaleString("en")} records)`, `${Math.round(singles / s).toLocaleString("en")} records/s`, ""]);
  const batches = quick ? 50 : 200;
  t = performance.now();
  for (let b = 0; b < batches; b++) await store.appendAudit(Array.from({ length: 100 }, (_, i) => entry(b * 100 + i)), linkAudit);
  s = (performance.now() - t) / 1000;
  rows.push([label, `audit append, 100 records per transaction (${(batches * 100).toLocaleString("en")} records)`, `${Math.round((batches * 100) / s).toLocaleString("en")} records/s`, ""]);

  // 64 concurrent callers (as a server's requests), one record each, with and without group commit.
  const total = quick ? 2_000 : 10_000;
  for (const grouped of [false, true]) {
    const batcher = new AuditBatcher(store);
    const append = (e: AuditEntry) => (grouped ? batcher.appendAudit([e], linkAudit) : store.appendAudit([e], linkAudit));
    let next = 0;
    t = performance.now();
    await Promise.all(Array.from({ length: 64 }, async () => { while (next < total) await append(entry(next++)); }));
    s = (performance.now() - t) / 1000;
    rows.push([label, `audit append, 64 concurrent callers, one record each, ${grouped ? "group commit (AuditBatcher)" : "no batching"} (${total.toLocaleString("en")} records)`,
      `${Math.round(total / s).toLocaleString("en")} records/s`, ""]);
  }
}

// In memory: the decision plus filtering 1,000 statements, without any store.
{
  const n = quick ? 200 : 1000;
  const mem = await timeIt(n, () => {
    const scope = decide(ctx, sharing, datasets);
    let k = 0;
    for (const s of statements) if (scopeAllows(scope, s.dataset, s.handling, s.entityId)) k++;
    return k;
  });
  rows.push(["memory", "decide + filter 1,000 statements", `p50 ${ms(pct(mem, 50))} ms, p95 ${ms(pct(mem, 95))} ms`, ""]);
}

const dir = mkdtempSync(join(tmpdir(), "vizier-bench-safeguards-"));
try {
  const sqlite = new SqliteStore(dir);
  await sqlite.init();
  await benchStore("sqlite", sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (!noPg) {
  const bin = urlArg ? undefined : findPgBin();
  const server = urlArg ? undefined : bin ? startPgTestServer(bin) : undefined;
  const url = urlArg ?? server?.url;
  if (!url) {
    rows.push(["postgres", "skipped: no PostgreSQL (pass --url)", "", ""]);
  } else {
    try {
      const pg = new PostgresStore({ url, schema: `bench_${Date.now()}` });
      await pg.init();
      await benchStore("postgres", pg);
      await pg.close();
    } finally {
      server?.stop();
    }
  }
}

console.log(`Date ${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? "?"}; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} (shared machine)`);
console.log("| store | measure | result | note |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
