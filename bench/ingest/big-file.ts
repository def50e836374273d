/**
 * A 2 GiB CSV through the real CLI into the embedded store (issue P1, bad input: "a 2 GB file —
 * streams, bounded memory"). Rows are persons with a long free-text `notes` column the mapping
 * does not use, so the file is big without the ingest being long.
 *
 *   node scripts/run-ts.mjs bench/ingest/big-file.ts [GiB=2]
 *
 * Reports rows, bytes, seconds, MB/s, rows/s and peak RSS (reported by the CLI itself).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname ?? ".", "../..");
const gib = Number(process.argv[2] ?? 2);
const out = join(root, "bench/out");
mkdirSync(out, { recursive: true });
const csv = join(out, `big-${gib}gib.csv`);
const NOTE = "Observed at the terminal gate; vehicle left towards the A15, driver spoke Spanish and Dutch, no cargo checked. ".repeat(36);

async function generate(target: number): Promise<void> {
  const ws = createWriteStream(csv);
  const write = (s: string) => (ws.write(s) ? Promise.resolve() : new Promise<void>((r) => ws.once("drain", () => r())));
  await write("id,first_name,last_name,birth_date,nationality,phone,passport,notes\n");
  let bytes = 0;
  for (let i = 1; bytes < target; i++) {
    const row = `${i},Jan${i % 997},Jansen${i % 1009},${String(1 + (i % 28)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${1940 + (i % 65)},NL,06${String(i % 1e8).padStart(8, "0")},N${String((i * 7919) % 1e8).padStart(8, "0")},"${NOTE}${i}"\n`;
    bytes += Buffer.byteLength(row);
    await write(row);
  }
  await new Promise<void>((r, j) => ws.end((e?: Error | null) => (e ? j(e) : r())));
}

if (!existsSync(csv)) await generate(gib * 2 ** 30);
const size = statSync(csv).size;
spawnSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
const db = join(out, "big-file-sqlite");
rmSync(db, { recursive: true, force: true });
const cli = join(root, "dist/vizier.mjs");
const v = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, "--db", db], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`vizier ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout;
};
v(["init"]);
v(["dataset", "create", "big"]);
const r = JSON.parse(v(["ingest", csv, "--mapping", join(root, "bench/ingest/persons.mapping.yml"), "--dataset", "big", "--json", "--quiet"])) as
  { rowsRead: number; statements: number; seconds: number; peakRssMiB: number };
const load = spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.trim();
console.log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average after: ${load}`);
console.log("| file | rows | seconds | MB/s | rows/s | peak RSS (MiB) |");
console.log("|---|---:|---:|---:|---:|---:|");
console.log(`| ${(size / 2 ** 30).toFixed(2)} GiB CSV | ${r.rowsRead.toLocaleString("en-US")} | ${r.seconds.toFixed(1)} | ${(size / 1e6 / r.seconds).toFixed(0)} | ${Math.round(r.rowsRead / r.seconds).toLocaleString("en-US")} | ${r.peakRssMiB} |`);
