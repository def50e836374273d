/**
 * HTTP API load benchmark: search p95 and entity-view p95 at N concurrent clients.
 *   node scripts/run-ts.mjs bench/api/run.ts [rows=100000] [clients=50] [seconds=15]
 * Builds an embedded store from the ingest benchmark's generated persons (one dataset of agency
 * POLITIE), creates a user with an API token, starts the API in a child process (so the load
 * generator does not share its event loop) and drives it with `clients` concurrent fetch loops
 * (autocannon is not installed; fetch keeps connections alive), after a 5-second single-client
 * run of each for the unqueued service time. Prints a JSON summary.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { accounts, makeCtx, systemActor, createDataset, parseSharingConfig, withAuditBatching, type Services } from "@vizier/core";
import { ingestFile } from "@vizier/core/ingest";
import { defaultModel } from "@vizier/model";
import { SqliteJobs, SqliteStore } from "@vizier/store-sqlite";
import { accountsAuthenticator, createApp, JobRunner, listen } from "@vizier/server";
import { readFileSync } from "node:fs";
import { generatePersons } from "../ingest/generate";

const ROOT = resolve(import.meta.dirname, "../..");
const sharing = () => parseSharingConfig(readFileSync(join(ROOT, "config/sharing-rules.yml"), "utf8"), "config/sharing-rules.yml");

async function serveChild(dir: string): Promise<void> {
  const store = new SqliteStore(dir);
  await store.init();
  // As `vizier serve` does: concurrent audit appends share commits.
  const svc: Services = { store: withAuditBatching(store), model: defaultModel(), sharing: sharing() };
  const jobs = new SqliteJobs(store.location);
  const runner = new JobRunner(svc, jobs, { uploadDir: join(dir, "uploads") });
  await runner.start();
  const app = createApp(svc, { auth: accountsAuthenticator({ accounts: store.accounts, audit: svc.store }), jobs: runner, secureCookies: false });
  const server = await listen(app, { port: 0, host: "127.0.0.1" });
  // Dies with the benchmark process (no orphaned server when the parent is killed).
  process.on("disconnect", () => process.exit(0));
  process.on("message", (m) => {
    if (m === "rss") process.send?.({ rss: process.memoryUsage().rss });
    if (m === "stop") void server.close().then(() => runner.stop()).then(() => store.close()).then(() => process.exit(0));
  });
  process.send?.({ port: server.port });
}

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(name: string, clients: number, seconds: number, next: (i: number) => string, headers: Record<string, string>) {
  const lat: number[] = [];
  let errors = 0;
  let n = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < until) {
      const url = next(n++);
      const t0 = performance.now();
      try {
        const r = await fetch(url, { headers });
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      lat.push(performance.now() - t0);
    }
  }));
  lat.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 10) / 10;
  return { name, clients, seconds, requests: lat.length, errors, rps: Math.round(lat.length / seconds), p50: r2(pct(lat, 50)), p95: r2(pct(lat, 95)), p99: r2(pct(lat, 99)), max: r2(lat[lat.length - 1] ?? NaN) };
}

async function main(): Promise<void> {
  if (process.argv[2] === "--serve") return serveChild(process.argv[3]!);
  const rows = Number(process.argv[2] ?? 100_000);
  const clients = Number(process.argv[3] ?? 50);
  const seconds = Number(process.argv[4] ?? 15);
  const dir = mkdtempSync(join(tmpdir(), "vizier-bench-api-"));
  try {
    const log = (m: string) => process.stderr.write(`[bench/api ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
    const csv = join(dir, "persons.csv");
    log(`generating ${rows} persons`);
    await generatePersons(rows, csv);
    const store = new SqliteStore(dir);
    await store.init();
    const svc: Services = { store, model: defaultModel(), sharing: sharing() };
    const sys = makeCtx(systemActor("bench", "POLITIE"), "purpose:bench");
    await createDataset(sys, svc, { name: "persons", label: "persons", agency: "POLITIE", legalBasis: "Wpg art. 8", purpose: "purpose:bench", handling: "GREEN", reliability: "B2", retention: "P5Y", compartment: "", description: "", createdAt: new Date().toISOString() });
    log("ingesting");
    const t0 = Date.now();
    const rep = await ingestFile(sys, svc, { file: csv, dataset: "persons", mapping: join(ROOT, "bench/ingest/persons.mapping.yml") });
    const ingestSeconds = (Date.now() - t0) / 1000;
    const deps = { accounts: store.accounts, audit: store };
    await accounts.createUser(sys, deps, { username: "bench", agency: "POLITIE", roles: ["analyst"], password: "bench password 12345" });
    const user = accounts.actorForUser((await store.accounts.getUser("bench"))!);
    const { secret } = await accounts.createToken(makeCtx(user, "purpose:admin"), deps, { name: "bench" });
    await store.close();

    log(`ingested ${rep.entities} entities in ${((Date.now() - t0) / 1000).toFixed(1)} s; starting the server`);
    const child = fork(process.argv[1]!, ["--serve", dir], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const port = await new Promise<number>((res) => child.once("message", (m) => res((m as { port: number }).port)));
    const rss = () => new Promise<number>((res) => { child.once("message", (m) => res(Math.round((m as { rss: number }).rss / 2 ** 20))); child.send("rss"); });
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${secret}`, "x-vizier-purpose": "purpose:bench" };
    const TERMS = ["jansen", "de vries", "bakker", "gomez", "yilmaz", "fatima", "lucas", "kowalski", "novak", "sophie", "jan visser", "emma smit"];
    // Entity ids to view: taken from search pages, as a UI would.
    const ids: string[] = [];
    for (const t of TERMS) {
      const res = await fetch(`${base}/api/search?q=${encodeURIComponent(t)}&limit=50`, { headers });
      if (res.status !== 200) throw new Error(`search ${t}: ${res.status} ${await res.text()}`);
      const page = await res.json() as { items: Array<{ entity: { id: string } }> };
      ids.push(...page.items.map((i) => i.entity.id));
    }
    if (ids.length === 0) throw new Error("search found nothing to view");
    log(`${ids.length} entity ids to view; load: ${clients} clients × ${seconds} s per scenario`);
    const rssBefore = await rss();
    const searchUrl = (i: number) => `${base}/api/search?q=${encodeURIComponent(TERMS[i % TERMS.length]!)}&limit=20`;
    const viewUrl = (i: number) => `${base}/api/entities/${ids[(i * 7919) % ids.length]}`;
    // One client first: the service time of a request without queueing, for comparison.
    const search1 = await load("search", 1, 5, searchUrl, headers);
    const view1 = await load("entity", 1, 5, viewUrl, headers);
    const search = await load("search", clients, seconds, searchUrl, headers);
    const view = await load("entity", clients, seconds, viewUrl, headers);
    const rssAfter = await rss();
    child.send("stop");
    await new Promise((r) => child.once("exit", r));
    console.log(JSON.stringify({ rows, entities: rep.entities, statements: rep.statements, ingestSeconds, results: [search1, view1, search, view], serverRssMiB: { before: rssBefore, after: rssAfter } }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
