import cluster, { type Worker } from "node:cluster";

/**
 * Several API processes on one port (node:cluster): the primary forks workers that re-run the same
 * command, and each worker opens its own store connection and serves the whole app. A request is a
 * mostly CPU-bound read (search, entity assembly), so one process per core is what uses a
 * multi-core machine; the embedded store's WAL lets every worker read at once, and its audit
 * appends serialise on the audit file's write lock (each append reads the chain head inside its
 * IMMEDIATE transaction), so the hash chain stays one unbroken sequence whichever process writes.
 */

/** Young-generation size of each worker, in MiB (V8's semi-space; node's default is 16 on 64-bit). */
export const WORKER_SEMI_SPACE_MIB = 64;

/**
 * The node options a worker starts with: the primary's, plus a larger young generation unless one
 * was chosen (`--max-semi-space-size` in the command line or NODE_OPTIONS). A request allocates
 * a few hundred KiB of short-lived objects (rows, entities, JSON); with 16 MiB semi-spaces a loaded
 * worker scavenges every few milliseconds and promotes objects that die soon after. 64 MiB lowered
 * search p95 at 50 clients by ~10 % in five alternating pairs (docs/benchmarks/api.md, session 6),
 * for at most ~100 MiB more memory per worker.
 */
export function workerExecArgv(execArgv: readonly string[], nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => a.startsWith("--max-semi-space-size"));
  return chosen ? [...execArgv] : [...execArgv, `--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`];
}

/** True in a process forked by `runPrimary`. */
export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** Tells the primary this worker listens on `port`. */
export function reportListening(port: number): void {
  process.send?.({ vizierListening: port });
}

/** Lets a worker that has closed its server and store exit (the channel to the primary would keep it alive). */
export function leaveCluster(): void {
  if (cluster.worker?.isConnected()) cluster.worker.disconnect();
}

export interface PrimaryOptions {
  workers: number;
  /** Called once, when every worker listens (all on the same port). */
  onListening: (port: number) => void;
  log: (line: string) => void;
  /** How long workers get to close after SIGTERM before they are killed (default 30 s). */
  stopTimeoutMs?: number;
}

/**
 * Forks the workers and supervises them until SIGINT/SIGTERM, which is passed on to every worker
 * (each closes its server and store). A worker that dies after it listened is replaced; one that
 * dies before (bad port, broken store) stops the cluster. Resolves with the exit code.
 */
export function runPrimary(opts: PrimaryOptions): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    let code = 0;
    let port: number | undefined;
    const ready = new Set<number>();
    const live = new Set<Worker>();
    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const w of live) w.process.kill("SIGTERM");
      // A worker that cannot finish (a request that never ends) does not keep the server up.
      setTimeout(() => { for (const w of live) w.process.kill("SIGKILL"); }, opts.stopTimeoutMs ?? 30_000).unref();
    };
    const fork = () => {
      const w = cluster.fork();
      live.add(w);
      w.on("message", (m: unknown) => {
        const p = (m as { vizierListening?: unknown } | null)?.vizierListening;
        if (typeof p !== "number") return;
        ready.add(w.id);
        if (port === undefined && ready.size >= opts.workers) opts.onListening((port = p));
      });
      w.on("exit", (exitCode, signal) => {
        live.delete(w);
        const listened = ready.delete(w.id);
        if (!stopping) {
          if (listened) {
            opts.log(`worker ${w.process.pid} ended (${signal ?? exitCode}); starting another`);
            fork();
          } else {
            opts.log(`worker ${w.process.pid} ended (${signal ?? exitCode}) before it listened; stopping`);
            code = 1;
            stop();
          }
        }
        if (live.size === 0 && stopping) {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve(code);
        }
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv) });
    for (let i = 0; i < opts.workers; i++) fork();
  });
}
