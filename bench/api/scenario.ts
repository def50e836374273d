/**
 * The load benchmark's store from the demo scenario (issue #6 asks for "the demo data scaled to
 * ~1M entities"): `vizier demo --scale S --no-serve` into `dir` (the real CLI: generate, init,
 * datasets, every agency's file through its mapping, the demo users), then a benchmark user — a
 * police analyst in the demo's case, as `analist.politie` is — with an API token, and search terms
 * taken from the data itself (scenarioTerms). Scale 16 gives about 1M entities.
 *   node scripts/run-ts.mjs bench/api/load.ts --scenario 16 --clients 1,50
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { accounts, makeCtx, systemActor } from "@vizier/core";
import { SqliteStore } from "@vizier/store-sqlite";
import { reuseOrReset, type BenchStore } from "./prepare";

const ROOT = resolve(import.meta.dirname, "../..");
const CASE = "case:NL-2026-0042";

export interface ScenarioBench extends BenchStore { scale: number; terms: string[] }

export async function prepareScenario(dir: string, scale: number, bundle: string, log: (m: string) => void): Promise<ScenarioBench> {
  const had = reuseOrReset<ScenarioBench>(dir, (h) => h.scale === scale);
  if (had) return had;
  const meta = join(dir, "bench.json");
  log(`vizier demo --scale ${scale} --no-serve (generate and ingest every agency's files)`);
  const t0 = Date.now();
  const demo = spawnSync(process.execPath, [bundle, "demo", "--scale", String(scale), "--no-serve", "--no-open", "--data-dir", dir, "--json"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  if (demo.status !== 0) throw new Error(`vizier demo failed (${demo.status})`);
  const ingestSeconds = (Date.now() - t0) / 1000;
  const report = JSON.parse(demo.stdout) as { stats: { entities: number; statements: number }; ingested: Array<[string, string, number, number, number]> };
  const rows = report.ingested.reduce((s, r) => s + r[2], 0);
  log(`${rows} rows, ${report.stats.entities} entities, ${report.stats.statements} statements in ${ingestSeconds.toFixed(0)} s`);
  const store = new SqliteStore(dir);
  await store.init();
  try {
    const sys = makeCtx(systemActor("bench", "POLITIE"), "purpose:bench");
    const deps = { accounts: store.accounts, audit: store };
    await accounts.createUser(sys, deps, { username: "bench", agency: "POLITIE", roles: ["analyst"], cases: [CASE], password: "bench password 12345" });
    const user = accounts.actorForUser((await store.accounts.getUser("bench"))!);
    const { secret } = await accounts.createToken(makeCtx(user, "purpose:admin"), deps, { name: "bench" });
    const terms = scenarioTerms(store.location);
    log(`terms: ${terms.join(", ")}`);
    const out: ScenarioBench = { scale, rows, entities: report.stats.entities, statements: report.stats.statements, ingestSeconds, token: secret, purpose: CASE, terms };
    writeFileSync(meta, JSON.stringify(out, null, 2), { mode: 0o600 });
    return out;
  } finally {
    await store.close();
  }
}

/**
 * Fourteen search terms of the same kinds as load-terms.ts, picked from the data (deterministic for
 * a store): the ten most common words of person names (4+ letters), the two most common full
 * names of two words, the first five letters of the most common first name (a prefix), and the two
 * most common name words that never occur in one document together.
 */
export function scenarioTerms(location: string): string[] {
  const db = new Database(location, { readonly: true });
  try {
    const nameProp = (db.prepare("SELECT id FROM props WHERE name = 'name'").pluck().all() as number[]);
    const full = new Map<string, number>();
    const words = new Map<string, number>();
    const first = new Map<string, number>();
    for (const body of db.prepare("SELECT body FROM blocks WHERE schema = 'Person'").pluck().iterate() as Iterable<string>) {
      for (const [code, value] of JSON.parse(body) as Array<[number, string]>) {
        if (!nameProp.includes(code)) continue;
        const w = value.normalize("NFKC").toLowerCase().split(/[^\p{L}]+/u).filter((x) => x.length > 0);
        if (w.length === 2) full.set(w.join(" "), (full.get(w.join(" ")) ?? 0) + 1);
        if (w[0] && w[0].length >= 5) first.set(w[0], (first.get(w[0]) ?? 0) + 1);
        for (const x of new Set(w)) if (x.length >= 4) words.set(x, (words.get(x) ?? 0) + 1);
      }
    }
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    const common = top(words);
    const singles = common.slice(0, 10);
    const pairs = top(full).filter((n) => !singles.includes(n)).slice(0, 2);
    const prefix = top(first)[0]!.slice(0, 5);
    const together = db.prepare("SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1)").pluck();
    let never: string | undefined;
    for (let i = 0; i < 40 && !never; i++) {
      for (let j = i + 1; j < 40 && !never; j++) {
        const a = common[i]!, b = common[j]!;
        if ((together.get(`"${a}" AND "${b}"`) as number) === 0) never = `${a} ${b}`;
      }
    }
    return [...singles, ...pairs, prefix, ...(never ? [never] : [])];
  } finally {
    db.close();
  }
}
