/**
 * Builds (once) the store the API load benchmark serves: `rows` generated persons
 * (bench/ingest/generate.ts, one dataset of agency POLITIE) ingested into an embedded store in
 * `dir`, a user of that agency with an API token, and `dir/bench.json` with the token and counts.
 *   node scripts/run-ts.mjs bench/api/prepare.ts <dir> [rows=1000000]
 * A directory that already holds bench.json for the same row count is reused as it is.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { accounts, createDataset, makeCtx, parseSharingConfig, systemActor, type Services } from "@vizier/core";
import { ingestFile } from "@vizier/core/ingest";
import { defaultModel } from "@vizier/model";
import { SqliteStore } from "@vizier/store-sqlite";
import { generatePersons } from "../ingest/generate";

const ROOT = resolve(import.meta.dirname, "../..");

/** What prepare leaves in `dir/bench.json` for the load run. */
export interface BenchStore { rows: number; entities: number; statements: number; ingestSeconds: number; token: string; purpose: string }

/**
 * The `bench.json` an earlier preparation left in `dir` if `fits` it; otherwise undefined, with
 * `dir` emptied for a new preparation.
 */
export function reuseOrReset<T>(dir: string, fits: (had: T) => boolean): T | undefined {
  const meta = join(dir, "bench.json");
  if (existsSync(meta)) {
    const had = JSON.parse(readFileSync(meta, "utf8")) as T;
    if (fits(had)) return had;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return undefined;
}

export async function prepareStore(dir: string, rows: number, log: (m: string) => void): Promise<BenchStore> {
  const had = reuseOrReset<BenchStore>(dir, (h) => h.rows === rows);
  if (had) return had;
  const meta = join(dir, "bench.json");
  const csv = join(dir, "persons.csv");
  log(`generating ${rows} persons`);
  await generatePersons(rows, csv);
  const store = new SqliteStore(join(dir, "store"));
  await store.init();
  try {
    const sharing = parseSharingConfig(readFileSync(join(ROOT, "config/sharing-rules.yml"), "utf8"), "config/sharing-rules.yml");
    const svc: Services = { store, model: defaultModel(), sharing };
    const sys = makeCtx(systemActor("bench", "POLITIE"), "purpose:bench");
    await store.putSetting("agency", "POLITIE");
    await createDataset(sys, svc, { name: "persons", label: "persons", agency: "POLITIE", legalBasis: "Wpg art. 8", purpose: "purpose:bench", handling: "GREEN", reliability: "B2", retention: "P5Y", compartment: "", description: "", createdAt: new Date().toISOString() });
    log("ingesting");
    const t0 = Date.now();
    const rep = await ingestFile(sys, svc, { file: csv, dataset: "persons", mapping: join(ROOT, "bench/ingest/persons.mapping.yml") });
    const ingestSeconds = (Date.now() - t0) / 1000;
    log(`ingested ${rep.entities} entities in ${ingestSeconds.toFixed(1)} s`);
    const deps = { accounts: store.accounts, audit: store };
    await accounts.createUser(sys, deps, { username: "bench", agency: "POLITIE", roles: ["analyst"], password: "bench password 12345" });
    const user = accounts.actorForUser((await store.accounts.getUser("bench"))!);
    const { secret } = await accounts.createToken(makeCtx(user, "purpose:admin"), deps, { name: "bench" });
    const out: BenchStore = { rows, entities: rep.entities, statements: rep.statements, ingestSeconds, token: secret, purpose: "purpose:bench" };
    writeFileSync(meta, JSON.stringify(out, null, 2), { mode: 0o600 });
    rmSync(csv, { force: true });
    return out;
  } finally {
    await store.close();
  }
}

if (process.argv[1]?.includes("prepare")) {
  const dir = resolve(process.argv[2] ?? "bench/out/api");
  const rows = Number(process.argv[3] ?? 1_000_000);
  const log = (m: string) => process.stderr.write(`[bench/api ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
  const r = await prepareStore(dir, rows, log);
  process.stdout.write(`${JSON.stringify({ ...r, token: "(in bench.json)" })}\n`);
}
