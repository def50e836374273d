import { defaultModel, VizierError } from "@vizier/model";
import { accounts as acc, makeCtx, type AccountsPort, type Actor, type Ctx, type Services, type StorePort } from "@vizier/core";
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
  token?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The environment the CLI reads, passed in by main (nothing else reads process.env). */
export interface Env {
  VIZIER_DB?: string | undefined;
  VIZIER_PURPOSE?: string | undefined;
  VIZIER_CONFIG?: string | undefined;
  VIZIER_TOKEN?: string | undefined;
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
  /** The store's accounts (users, tokens). */
  accounts: AccountsPort;
  /** Who is acting (resolved at open; undefined only for `init`, which runs before any user exists). */
  actor: Actor | undefined;
}

/** The accounts port of an opened store (both adapters expose `store.accounts`). */
export function accountsOf(store: StorePort): AccountsPort {
  const a = (store as StorePort & { accounts?: AccountsPort }).accounts;
  if (!a) throw new VizierError("INTERNAL", `the ${store.kind} store keeps no accounts`);
  return a;
}

/**
 * Who the CLI acts as (docs/accounts.md): a bearer token (--token or $VIZIER_TOKEN) when given;
 * on a shared PostgreSQL store a token is required. On a local embedded store: the user named by
 * --as (must exist and be enabled), else the first administrator created by `vizier init`.
 */
export async function resolveActor(store: StorePort, accounts: AccountsPort, opts: GlobalOptions, env: Env): Promise<Actor> {
  const token = opts.token ?? env.VIZIER_TOKEN;
  if (token) {
    if (opts.as) throw new VizierError("INVALID_ARGUMENT", "--as and a token exclude each other: the token says who you are");
    return acc.actorForToken({ accounts }, token);
  }
  if (store.kind === "postgres") {
    throw new VizierError("UNAUTHENTICATED", "a shared PostgreSQL store needs an API token: set VIZIER_TOKEN (or pass --token); an administrator creates one with `vizier token create`");
  }
  if (opts.as !== undefined) {
    const u = await accounts.getUser(opts.as.trim().toLowerCase());
    if (!u || u.disabled) throw new VizierError("UNAUTHENTICATED", `--as ${opts.as}: no such enabled user on this store (see "vizier user list")`);
    return acc.actorForUser(u);
  }
  const admin = await acc.firstAdmin({ accounts });
  if (!admin) throw new VizierError("UNAUTHENTICATED", "this store has no administrator yet: run `vizier init` first");
  return acc.actorForUser(admin);
}

function needActor(actor: Actor | undefined): Actor {
  if (!actor) throw new VizierError("UNAUTHENTICATED", "no user to act as: run `vizier init` first");
  return actor;
}

/**
 * Opens the store, resolves the actor (`resolveActor`) and builds the services. `bootstrap`
 * (only `vizier init`) opens a store that may have no user yet and resolves no actor.
 */
export async function openRuntime(opts: GlobalOptions, env: Env, open: { bootstrap?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig(opts.config ?? env.VIZIER_CONFIG);
  const store = openStore(storeLocation(opts, env));
  await store.init();
  try {
    return await assemble(store, config, opts, env, open.bootstrap ?? false);
  } catch (e) {
    await store.close();
    throw e;
  }
}

async function assemble(store: StorePort, config: InstallationConfig, opts: GlobalOptions, env: Env, bootstrap: boolean): Promise<Runtime> {
  const agency = (await store.getSetting("agency")) ?? config.agency;
  if (!config.sharing.agencies.some((a) => a.code === agency)) {
    throw new VizierError("INVALID_ARGUMENT", `the store's agency ${agency} is not in the sharing rules (${config.sharing.agencies.map((a) => a.code).join(", ")})`);
  }
  const accounts = accountsOf(store);
  const actor = bootstrap ? undefined : await resolveActor(store, accounts, opts, env);
  const purpose = opts.purpose ?? env.VIZIER_PURPOSE;
  return {
    svc: { store, model: defaultModel(), sharing: config.sharing, access: accessRequestsOf(store) },
    config,
    agency,
    close: () => store.close(),
    ctx: () => makeCtx(needActor(actor), purpose),
    adminCtx: (task) => makeCtx(needActor(actor), purpose ?? `purpose:${task}`),
    accounts,
    actor,
  };
}

/** Runs `fn` with an open runtime and always closes the store. */
export async function withRuntime<T>(opts: GlobalOptions, env: Env, fn: (rt: Runtime) => Promise<T>, open: { bootstrap?: boolean } = {}): Promise<T> {
  const rt = await openRuntime(opts, env, open);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
