/**
 * A private, throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp dir, start
 * it listening only on a unix socket inside that dir (no port clashes when several engineers or CI
 * jobs run at once), and delete it all on stop. Used by the vitest global setup and by bench/ingest.
 *
 * initdb refuses to run as root, so when we are root the cluster is created and run as the
 * `postgres` system user (via runuser) in a directory owned by that user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PgTestServer {
  /** libpq-style URL that reaches the cluster over its unix socket, as superuser, database postgres. */
  url: string;
  dir: string;
  /** Stops the server immediately but keeps its files (simulates PostgreSQL going away). */
  halt(): void;
  /** Starts it again after halt. */
  restart(): void;
  /** Stops the server and deletes the cluster. */
  stop(): void;
}

/** The directory holding initdb/pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPgBin(): string | undefined {
  const fromPath = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates: string[] = [];
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    // Highest major version first.
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, "bin"));
  }
  if (fromPath.status === 0) candidates.push(fromPath.stdout.trim());
  return candidates.find((d) => existsSync(join(d, "initdb")) && existsSync(join(d, "pg_ctl")));
}

function postgresUid(): { uid: number; gid: number } | undefined {
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Starts a cluster; throws with the server log when it cannot. */
export function startPgTestServer(bin: string): PgTestServer {
  const asRoot = process.getuid?.() === 0;
  // As root the cluster runs as `postgres`, which must be able to traverse the parent: a
  // TMPDIR under /root would not do, /tmp does.
  const dir = mkdtempSync(join(asRoot && existsSync("/tmp") ? "/tmp" : tmpdir(), "vizier-pg-"));
  const data = join(dir, "data");
  let run = (cmd: string, args: string[]) => execFileSync(join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) {
    const pg = postgresUid();
    if (!pg) throw new Error("running as root but there is no `postgres` user to run the test cluster as");
    chownSync(dir, pg.uid, pg.gid);
    run = (cmd, args) => execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" });
  }
  const halt = () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped (a test may stop it on purpose)
    }
  };
  const stop = () => {
    halt();
    rmSync(dir, { recursive: true, force: true });
  };
  // Throwaway data: durability settings off, which makes tests and benchmarks faster. The
  // cluster listens only on a unix socket in its own directory.
  const opts = [
    `-k ${dir}`, "-c listen_addresses=''", "-p 5432", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
    "-c max_connections=200", "-c shared_buffers=256MB", "-c max_wal_size=4GB", "-c maintenance_work_mem=256MB",
  ].join(" ");
  const restart = () => { run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"]); };
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    restart();
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    let log = "";
    try {
      log = execFileSync("cat", [join(dir, "server.log")], { encoding: "utf8" });
    } catch {
      // no log yet
    }
    stop();
    throw new Error(`could not start a PostgreSQL test cluster: ${err.stderr?.toString() ?? err.message}\n${log}`);
  }
  return { url: `postgresql://postgres@${encodeURIComponent(dir)}:5432/postgres`, dir, halt, restart, stop };
}

/** The PostgreSQL a benchmark uses: $VIZIER_BENCH_PG_URL, or a private throwaway cluster it stops after. */
export function benchPgServer(): { url: string; stop: () => void } {
  const url = process.env["VIZIER_BENCH_PG_URL"];
  if (url) return { url, stop: () => {} };
  const bin = findPgBin();
  if (!bin) throw new Error("no PostgreSQL binaries: install postgresql or set VIZIER_BENCH_PG_URL");
  const server = startPgTestServer(bin);
  return { url: server.url, stop: () => server.stop() };
}
