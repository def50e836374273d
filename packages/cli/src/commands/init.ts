import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { accounts as acc, makeCtx } from "@vizier/core";
import { emit } from "../output";
import { withRuntime, type Env, type GlobalOptions, type Runtime } from "../runtime";

/** Days an API token made by `init` on a PostgreSQL store lives. */
const INIT_TOKEN_DAYS = 90;

/** True when we can ask a person (stdin and stderr are terminals). */
export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    stdin.setRawMode(true); // before the prompt, so an early answer is never echoed
    process.stderr.write(question);
    stdin.resume();
    stdin.setEncoding("utf8");
    let buf = "";
    const done = () => { stdin.off("data", onData); stdin.setRawMode(false); stdin.pause(); process.stderr.write("\n"); };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") { done(); resolve(buf); return; }
        if (ch === "\u0003" || ch === "\u0004") { done(); reject(new VizierError("CANCELLED", "cancelled")); return; }
        if (ch === "\u007f" || ch === "\b") buf = buf.slice(0, -1);
        else buf += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/**
 * A new password for `who`: read from `file` (one line), or asked twice on a terminal; without
 * either, undefined — the caller then generates a one-time password and shows it once.
 */
export async function newPassword(file: string | undefined, who: string): Promise<string | undefined> {
  let pw: string;
  if (file !== undefined) {
    try {
      pw = readFileSync(file, "utf8").replace(/\r?\n$/, "");
    } catch (e) {
      throw new VizierError("INVALID_ARGUMENT", `cannot read the password file ${file}: ${(e as Error).message}`);
    }
  } else if (interactive()) {
    pw = await promptHidden(`New password for ${who} (at least ${acc.MIN_PASSWORD_LENGTH} characters): `);
    acc.checkPasswordPolicy(pw);
    if ((await promptHidden("Repeat the password: ")) !== pw) throw new VizierError("INVALID_ARGUMENT", "the two passwords differ");
  } else {
    return undefined;
  }
  acc.checkPasswordPolicy(pw);
  return pw;
}

/** The lines that show a generated one-time password (never written anywhere else). */
export function oneTimePasswordText(user: string, pw: string): string {
  return `One-time password for ${user} (shown only now; keep it safe, change it with \`vizier user set-password ${user}\`):\n  ${pw}`;
}

interface InitOptions { agency?: string; adminUser?: string; adminPasswordFile?: string }

async function recordAgency(rt: Runtime, opts: InitOptions, hasUsers: boolean): Promise<string> {
  const current = await rt.svc.store.getSetting("agency");
  if (opts.agency) {
    if (!rt.config.sharing.agencies.some((a) => a.code === opts.agency)) {
      throw new VizierError("INVALID_ARGUMENT", `unknown agency ${opts.agency}; known: ${rt.config.sharing.agencies.map((a) => a.code).join(", ")}`);
    }
    if (hasUsers && current && current !== opts.agency) {
      throw new VizierError("CONFLICT", `this installation belongs to ${current} and has users; its agency cannot be changed by init`);
    }
    if (current !== opts.agency) await rt.svc.store.putSetting("agency", opts.agency);
    return opts.agency;
  }
  if (current) return current;
  await rt.svc.store.putSetting("agency", rt.config.agency);
  return rt.config.agency;
}

export interface InitResult {
  store: string;
  kind: string;
  agency: string;
  admin: { user: string | undefined; created: boolean };
  oneTimePassword?: string;
  token?: string;
}

/** Records the agency and creates the first administrator if there is none (the work of `vizier init`). */
export async function initStore(rt: Runtime, opts: InitOptions): Promise<InitResult> {
  const store = rt.svc.store;
  const hasUsers = (await rt.accounts.countUsers()) > 0;
  const agency = await recordAgency(rt, opts, hasUsers);
  const base = { store: store.location, kind: store.kind, agency };
  if (hasUsers) {
    if (opts.adminUser !== undefined || opts.adminPasswordFile !== undefined) {
      throw new VizierError("CONFLICT", "this store already has users: init creates no second administrator and resets no password (use `vizier user add` or `vizier user set-password`)");
    }
    const admin = await acc.firstAdmin({ accounts: rt.accounts });
    return { ...base, admin: { user: admin?.id, created: false } };
  }
  const username = opts.adminUser ?? "admin";
  const password = await newPassword(opts.adminPasswordFile, username);
  const deps = { accounts: rt.accounts, audit: store };
  const made = await acc.createFirstAdmin(deps, { username, agency, ...(password === undefined ? {} : { password }) });
  if (!made) throw new VizierError("CONFLICT", "another process created the first administrator meanwhile; nothing changed");
  let token: string | undefined;
  if (store.kind === "postgres") {
    const ctx = makeCtx(acc.actorForUser((await rt.accounts.getUser(made.user.id))!), "purpose:init");
    token = (await acc.createToken(ctx, deps, { name: "init", lifetimeMs: INIT_TOKEN_DAYS * 86_400_000 })).secret;
  }
  return { ...base, admin: { user: made.user.id, created: true }, ...(made.oneTimePassword ? { oneTimePassword: made.oneTimePassword } : {}), ...(token ? { token } : {}) };
}

/** Human text for an init result (the one-time password and token appear here and nowhere else). */
export function initText(r: InitResult): string {
  const ready = `Vizier store ready: ${r.store} (${r.kind}), agency ${r.agency}`;
  if (!r.admin.created) return `${ready}\nAccounts unchanged (administrator: ${r.admin.user ?? "none enabled"}).`;
  return [
    ready,
    `Created the first administrator ${r.admin.user} (agency ${r.agency}).`,
    ...(r.oneTimePassword ? [oneTimePasswordText(r.admin.user!, r.oneTimePassword)] : []),
    ...(r.token ? [`API token for ${r.admin.user} (shown only now, valid ${INIT_TOKEN_DAYS} days; export VIZIER_TOKEN=…):\n  ${r.token}`] : []),
  ].join("\n");
}

/**
 * For `vizier demo` on a fresh local store: runs init without options if the store has no user
 * yet, printing what it created to stderr (stdout stays the demo's own output).
 */
export async function ensureInitialised(g: GlobalOptions, env: Env): Promise<void> {
  await withRuntime(g, env, async (rt) => {
    if ((await rt.accounts.countUsers()) > 0) return;
    process.stderr.write(`${initText(await initStore(rt, {}))}\n`);
  }, { bootstrap: true });
}

/**
 * `vizier init` — creates (or upgrades) the store, records the installation's agency and creates
 * the first administrator, never with a default password. Run again, it changes nothing about
 * accounts: it never creates a second administrator or resets a password.
 */
export function registerInit(program: Command, env: Env): void {
  program.command("init")
    .description("create or upgrade the store, record which agency this installation belongs to, and create the first administrator")
    .option("--agency <code>", "the installation's agency (one of the codes in the sharing rules)")
    .option("--admin-user <name>", "user name of the first administrator (default: admin)")
    .option("--admin-password-file <file>", "read the first administrator's password from this file instead of asking (or generating a one-time password)")
    .addHelpText("after", [
      "\nWithout a terminal and without --admin-password-file, a one-time password is generated and printed once.",
      "On a PostgreSQL store init also prints an API token for the administrator (VIZIER_TOKEN), valid 90 days.",
      "Examples:\n  vizier init\n  vizier init --agency DOUANE --db /srv/vizier\n  vizier init --db postgres://vizier@localhost/vizier --admin-user beheer --admin-password-file ./pw.txt",
    ].join("\n"))
    .action(async (opts: InitOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withRuntime(g, env, async (rt) => {
        const r = await initStore(rt, opts);
        emit(g.json, r, () => initText(r));
      }, { bootstrap: true });
    });
}
