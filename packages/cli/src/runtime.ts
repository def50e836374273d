import { defaultModel, VizierError } from "@vizier/model";
import { makeCtx, userActor, type Ctx, type Services, type StorePort } from "@vizier/core";
import { SqliteStore } from "@vizier/store-sqlite";
import { accessRequestsOf } from "./commands/access-port";
import { openPostgres } from "./postgres";
import { loadConfig, type InstallationConfig } from "./config";

/** Options every command accepts (parsed by commander at the root). */
export interface GlobalOptions {
  db?: string;
  config?: string;
  purpose?: string;
  as?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The environment the CLI reads, passed in by main (nothing else reads process.env). */
export interface Env {
  VIZIER_DB?: string | undefined;
  VIZIER_PURPOSE?: string | undefined;
  VIZIER_CONFIG?: string | undefined;
}

/** Where the store lives: --db, then $VIZIER_DB, then ./vizier-data. */
export function storeLocation(opts: GlobalOptions, env: Env): string {
  return opts.db ?? env.VIZIER_DB ?? "vizier-data";
}

export function openStore(location: string): StorePort {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : new SqliteStore(location);
}

export interface Runtime {
  svc: Services;
  config: InstallationConfig;
  agency: string;
  close(): Promise<void>;
  /** A context for reads: refuses to run without a purpose. */
  ctx(): Ctx;
  /** A context for administrative writes (ingest, dataset create); purpose defaults to the task. */
  adminCtx(task: string): Ctx;
}

/**
 * Opens the store and builds the services. Until accounts exist (issue P2), the CLI on a local
 * store acts as the installation's administrator of the recorded agency.
 */
export async function openRuntime(opts: GlobalOptions, env: Env): Promise<Runtime> {
  const config = loadConfig(opts.config ?? env.VIZIER_CONFIG);
  const store = openStore(storeLocation(opts, env));
  await store.init();
  const agency = (await store.getSetting("agency")) ?? config.agency;
  if (!config.sharing.agencies.some((a) => a.code === agency)) {
    throw new VizierError("INVALID_ARGUMENT", `the store's agency ${agency} is not in the sharing rules (${config.sharing.agencies.map((a) => a.code).join(", ")})`);
  }
  const actor = userActor(opts.as ?? "admin", agency, ["admin", "analyst"]);
  const purpose = opts.purpose ?? env.VIZIER_PURPOSE;
  return {
    svc: { store, model: defaultModel(), sharing: config.sharing, access: accessRequestsOf(store) },
    config,
    agency,
    close: () => store.close(),
    ctx: () => makeCtx(actor, purpose),
    adminCtx: (task) => makeCtx(actor, purpose ?? `purpose:${task}`),
  };
}

/** Runs `fn` with an open runtime and always closes the store. */
export async function withRuntime<T>(opts: GlobalOptions, env: Env, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(opts, env);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
