import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { accounts as acc, withAuditBatching, type AccountsPort, type JobsPort, type Services } from "@vizier/core";
import { VizierError } from "@vizier/model";
import { accountsAuthenticator, createApp, dirOf, JobRunner, listen, locateUi, withOidc, withUi } from "@vizier/server";
import { PgJobs } from "@vizier/store-postgres";
import { SqliteJobs } from "@vizier/store-sqlite";
import { accountsOf, openRuntime, storeLocation, type Env, type GlobalOptions } from "../runtime";
import { serveWithWorkers } from "./serve-workers";

export interface ServeOptions { port: string; host: string; uploads?: string; insecureCookies?: boolean }

/** The built web UI (packages/web/dist above the bundle, or VIZIER_UI_DIR), if any. */
export const uiDir = (): string | undefined => locateUi(dirOf(import.meta.url));

/**
 * Serves the API and the UI over the store until SIGINT/SIGTERM; `onListening` gets the URL.
 * Shared by `vizier serve` and `vizier demo`.
 */
export async function runServer(
  g: GlobalOptions, env: Env, o: ServeOptions, onListening: (url: string, store: string) => void, jobsStart: { recover?: boolean } = {},
): Promise<void> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VizierError("INVALID_ARGUMENT", "--port must be an integer from 0 to 65535");
  if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(o.host)) throw new VizierError("INVALID_ARGUMENT", "--host must be an address or host name");
  const rt = await openRuntime(g, env, { bootstrap: true });
  const location = storeLocation(g, env);
  // Concurrent readers' audit records share commits (core/audit/batcher.ts); each read still
  // waits for its own record to be durable.
  const store = withAuditBatching(rt.svc.store);
  const svc: Services = { ...rt.svc, store };
  const jobs: JobsPort = store.kind === "postgres" ? new PgJobs({ url: location }) : new SqliteJobs(store.location);
  const uploadDir = resolve(o.uploads ?? (store.kind === "sqlite" ? join(dirname(store.location), "uploads") : "vizier-uploads"));
  const runner = new JobRunner(svc, jobs, { uploadDir });
  let pruning: NodeJS.Timeout | undefined;
  try {
    const failed = await runner.start(jobsStart);
    if (failed.length > 0) process.stderr.write(`vizier serve: ${failed.length} job(s) left running by a stopped server marked failed: ${failed.join(", ")}\n`);
    const accounts = accountsOf(rt.svc.store);
    // Expired sessions and old login attempts go at start and every hour after.
    await pruneQuietly(accounts);
    pruning = setInterval(() => void pruneQuietly(accounts), 3_600_000);
    pruning.unref();
    const local = accountsAuthenticator({ accounts, audit: store });
    const sso = rt.config.oidc;
    // With OIDC configured, the identity provider's tokens are accepted next to local accounts.
    const auth = sso === undefined ? local : withOidc(local, {
      config: sso, agencies: rt.config.sharing.agencies.map((a) => a.code),
      jwks: sso.jwksFile !== undefined ? { file: resolve(dirname(rt.config.file), sso.jwksFile) } : { uri: sso.jwksUri! },
    });
    const app = createApp(svc, { auth, jobs: runner, secureCookies: !o.insecureCookies, accounts });
    // The web UI (packages/web/dist) on the same origin: /api/* stays the API (server/static.ts).
    const server = await listen(withUi(app, uiDir()), { port, host: o.host });
    const shown = o.host.includes(":") ? `[${o.host}]` : o.host;
    onListening(`http://${shown}:${server.port}`, store.kind);
    await new Promise<void>((done) => {
      const stop = () => { process.off("SIGINT", stop); process.off("SIGTERM", stop); done(); };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    process.stderr.write("vizier serve: stopping\n");
    await server.close();
  } finally {
    clearInterval(pruning);
    await runner.stop();
    await jobs.close();
    await rt.close();
  }
}

/** Account housekeeping (core/accounts/housekeeping.ts); a failure is reported, never fatal. */
async function pruneQuietly(accounts: AccountsPort): Promise<void> {
  try {
    await acc.pruneAccounts(accounts, new Date());
  } catch (e) {
    process.stderr.write(`vizier serve: removing expired sessions and old login attempts failed: ${(e as Error).message}\n`);
  }
}

/** `vizier serve` — the HTTP API (docs/api.md) over the store, until SIGINT/SIGTERM. */
export function registerServe(program: Command, env: Env): void {
  program.command("serve")
    .description("serve the HTTP API (OpenAPI document at /api/openapi.json); callers sign in or send an API token")
    .option("--port <n>", "TCP port (0: any free port)", "8080")
    .option("--host <addr>", "address to listen on", "127.0.0.1")
    .option("--uploads <dir>", "where uploaded files wait for their ingest job (default: beside an embedded store, else ./vizier-uploads)")
    .option("--insecure-cookies", "session cookies without the Secure flag (plain HTTP on a non-localhost address; development only)")
    .option("--workers <n>", "server processes sharing the port (auto: one per core on the embedded store, one on PostgreSQL)", "auto")
    .addHelpText("after", "\nExamples:\n  vizier serve --port 8080\n  curl -H \"Authorization: Bearer $VIZIER_TOKEN\" -H \"X-Vizier-Purpose: case:NL-2026-0042\" http://127.0.0.1:8080/api/search?q=jansen")
    .action(async (o: ServeOptions & { workers: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await serveWithWorkers(g, env, o, (url, kind) => {
        process.stdout.write(`vizier serve: listening on ${url} (store ${kind}; OpenAPI at /api/openapi.json${uiDir() ? "; the UI at /" : "; UI not built"})\n`);
      });
    });
}
