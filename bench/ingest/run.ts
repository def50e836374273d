/**
 * Ingest benchmark (issue P1): a generated person CSV with a 6-property mapping, ingested by the
 * real CLI into the embedded store and into PostgreSQL; reports rows/s, statements/s, peak RSS.
 *
 *   node scripts/run-ts.mjs bench/ingest/run.ts [rows=1000000] [--sqlite-only | --pg-only] [--threads 1]
 *
 * PostgreSQL: uses $VIZIER_BENCH_PG_URL, or starts a private throwaway cluster (scripts/pg-test-server.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { benchPgServer } from "../../scripts/pg-test-server";
import { generatePersons } from "./generate";

const root = resolve(import.meta.dirname ?? ".", "../..");
const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const sqliteOnly = process.argv.includes("--sqlite-only");
const pgOnly = process.argv.includes("--pg-only");
// --threads 1: read and map in the writer's thread (default: a worker thread reads and maps).
const threadsAt = process.argv.indexOf("--threads");
const threads = threadsAt > 0 ? ["--threads", process.argv[threadsAt + 1] ?? "2"] : [];
const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });
const csv = join(out, `persons-${rows}.csv`);
if (!existsSync(csv)) await generatePersons(rows, csv);
const mapping = join(root, "bench/ingest/persons.mapping.yml");
const cli = join(root, "dist/vizier.mjs");
spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });

interface Report { rowsRead: number; statements: number; seconds: number; peakRssMiB: number }

function run(db: string): Report {
  let token: string[] = [];
  const v = (args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args, "--db", db, ...token], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`vizier ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  // On PostgreSQL, init prints the administrator's API token; later commands present it.
  const init = JSON.parse(v(["init", "--json"])) as { token?: string };
  if (init.token) token = ["--token", init.token];
  v(["dataset", "create", "bench"]);
  return JSON.parse(v(["ingest", csv, "--mapping", mapping, "--dataset", "bench", "--json", "--quiet", ...threads])) as Report;
}

const results: Array<[string, Report]> = [];
const sqliteDir = join(out, "ingest-sqlite");
rmSync(sqliteDir, { recursive: true, force: true });
if (!pgOnly) results.push(["embedded (SQLite)", run(sqliteDir)]);

if (!sqliteOnly) {
  const { url, stop } = benchPgServer();
  try {
    results.push(["PostgreSQL 15", run(url)]);
  } finally {
    stop();
  }
}

const load = spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.trim();
console.log(`\nIngest of ${rows.toLocaleString("en-US")} rows, 6-property Person mapping (7 statements/row)`);
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average before: ${load}`);
console.log("| store | rows | seconds | rows/s | statements/s | peak RSS (MiB) |");
console.log("|---|---|---|---|---|---|");
for (const [name, r] of results) {
  console.log(`| ${name} | ${r.rowsRead.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} | ${Math.round(r.rowsRead / r.seconds).toLocaleString("en-US")} | ${Math.round(r.statements / r.seconds).toLocaleString("en-US")} | ${r.peakRssMiB} |`);
}
