import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { isClusterWorker, JobRunner, leaveCluster, reportListening, runPrimary } from "@vizier/server";
import { VizierError } from "@vizier/model";
import { PgJobs } from "@vizier/store-postgres";
import { SqliteJobs } from "@vizier/store-sqlite";
import { openRuntime, storeLocation, type Env, type GlobalOptions } from "../runtime";
import { runServer, type ServeOptions } from "./serve";

const Workers = z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]);

/** `--workers`: a count, or `auto` (default): one per core on the embedded store, one on PostgreSQL. */
export function workerCount(flag: string | undefined, storeKind: "sqlite" | "postgres", cores = availableParallelism()): number {
  const r = Workers.safeParse(flag ?? "auto");
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", "--workers must be auto or an integer from 1 to 64");
  return r.data === "auto" ? (storeKind === "sqlite" ? cores : 1) : r.data;
}

/**
 * `vizier serve` with worker processes (server/cluster.ts). The primary opens the store once
 * (migrations, bootstrap), marks jobs a stopped server left running as failed, closes it, and
 * forks; every worker re-runs this command, opens its own connection and serves on the shared
 * port. One worker serves in this process, as before.
 */
export async function serveWithWorkers(g: GlobalOptions, env: Env, o: ServeOptions & { workers?: string }, onListening: (url: string, store: string) => void): Promise<void> {
  if (isClusterWorker()) {
    // The primary passes SIGINT/SIGTERM on; a second signal (Ctrl-C reaches the whole process
    // group) must not kill a worker that is already closing its store.
    const ignore = () => undefined;
    process.on("SIGINT", ignore);
    process.on("SIGTERM", ignore);
    try {
      await runServer(g, env, o, (url) => reportListening(Number(new URL(url).port)), { recover: false });
    } finally {
      leaveCluster();
    }
    return;
  }
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VizierError("INVALID_ARGUMENT", "--port must be an integer from 0 to 65535");
  const rt = await openRuntime(g, env, { bootstrap: true });
  const kind = rt.svc.store.kind;
  let n = 1;
  try {
    n = workerCount(o.workers, kind);
    if (n > 1) {
      const jobs = kind === "postgres" ? new PgJobs({ url: storeLocation(g, env) }) : new SqliteJobs(rt.svc.store.location);
      const uploadDir = resolve(o.uploads ?? (kind === "sqlite" ? join(dirname(rt.svc.store.location), "uploads") : "vizier-uploads"));
      try {
        const failed = await new JobRunner(rt.svc, jobs, { uploadDir }).recover();
        if (failed.length > 0) process.stderr.write(`vizier serve: ${failed.length} job(s) left running by a stopped server marked failed: ${failed.join(", ")}\n`);
      } finally {
        await jobs.close();
      }
    }
  } finally {
    await rt.close();
  }
  if (n === 1) return runServer(g, env, o, onListening);
  const shown = o.host.includes(":") ? `[${o.host}]` : o.host;
  const code = await runPrimary({
    workers: n,
    onListening: (p) => onListening(`http://${shown}:${p}`, kind),
    log: (line) => process.stderr.write(`vizier serve: ${line}\n`),
  });
  if (code !== 0) throw new VizierError("STORE_UNAVAILABLE", "a server worker stopped before it listened (see its error above)");
}
