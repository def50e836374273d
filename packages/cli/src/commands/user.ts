import type { Command } from "commander";
import { VizierError } from "@vizier/model";
import { accounts as acc, ROLES, type Role } from "@vizier/core";
import { emit, table } from "../output";
import { withRuntime, type Env, type GlobalOptions, type Runtime } from "../runtime";
import { newPassword, oneTimePasswordText } from "./init";

/** Parses `analyst,investigator` into roles (INVALID_ARGUMENT on an unknown role). */
export function parseRoles(s: string | readonly string[]): Role[] {
  const list = (typeof s === "string" ? [s] : s).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length > 0 || list.length === 0) throw new VizierError("INVALID_ARGUMENT", `roles must be some of ${ROLES.join(", ")}; got ${list.join(",") || "none"}`);
  return list as Role[];
}

function describeUser(u: acc.UserView): string {
  return [
    `User ${u.id}${u.disabled ? " (disabled)" : ""}`,
    `  name     ${u.displayName}`,
    `  agency   ${u.agency}`,
    `  roles    ${u.roles.join(", ")}`,
    `  cases    ${u.cases.join(", ") || "-"}`,
    `  password ${u.hasPassword ? "set" : "none"}`,
    `  created  ${u.createdAt}, updated ${u.updatedAt}`,
  ].join("\n");
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Runs `fn` with a runtime and the account deps for the acting user's administration context. */
function withAccounts<T>(cmd: Command, env: Env, fn: (rt: Runtime, deps: acc.AccountDeps, g: GlobalOptions) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  return withRuntime(g, env, (rt) => fn(rt, { accounts: rt.accounts, audit: rt.svc.store }, g));
}

/** `vizier user add|list|show|disable|enable|grant-case|revoke-case|set-roles|set-password` (docs/accounts.md). */
export function registerUser(program: Command, env: Env): void {
  const u = program.command("user").description("local users: agency, roles and case memberships (administrators)");

  u.command("add <name>")
    .description("add a user; prints a one-time password unless --password-file is given or a terminal asks for one")
    .option("--agency <code>", "the user's agency (default: the installation's agency)")
    .option("--roles <roles>", `comma-separated roles: ${ROLES.join(", ")}`, "analyst")
    .option("--case <ref>", "case membership (repeatable), e.g. case:NL-2026-0042", collect, [])
    .option("--display-name <text>", "full name shown in listings")
    .option("--password-file <file>", "read the password from this file")
    .addHelpText("after", "\nExample:\n  vizier user add jdevries --roles analyst,investigator --case case:NL-2026-0042 --display-name \"J. de Vries\"")
    .action((name: string, o: { agency?: string; roles: string; case: string[]; displayName?: string; passwordFile?: string }, cmd: Command) =>
      withAccounts(cmd, env, async (rt, deps, g) => {
        const agency = o.agency ?? rt.agency;
        if (!rt.config.sharing.agencies.some((a) => a.code === agency)) {
          throw new VizierError("INVALID_ARGUMENT", `unknown agency ${agency}; known: ${rt.config.sharing.agencies.map((a) => a.code).join(", ")}`);
        }
        const roles = parseRoles(o.roles);
        const password = await newPassword(o.passwordFile, name);
        const made = await acc.createUser(rt.adminCtx("account-administration"), deps, {
          username: name, agency, roles, cases: o.case, ...(o.displayName ? { displayName: o.displayName } : {}), ...(password === undefined ? {} : { password }),
        });
        emit(g.json, made, () => [describeUser(made.user), ...(made.oneTimePassword ? [oneTimePasswordText(made.user.id, made.oneTimePassword)] : [])].join("\n"));
      }));

  u.command("list").description("all users (administrators and privacy officers)")
    .action((_o: unknown, cmd: Command) => withAccounts(cmd, env, async (rt, deps, g) => {
      const users = await acc.listUsers(rt.adminCtx("account-administration"), deps);
      emit(g.json, users, () => table(["user", "name", "agency", "roles", "cases", "status"],
        users.map((x) => [x.id, x.displayName, x.agency, x.roles.join(","), x.cases.join(",") || "-", x.disabled ? "disabled" : "enabled"])));
    }));

  u.command("show <name>").description("one user (yourself, or anyone for administrators and privacy officers)")
    .action((name: string, _o: unknown, cmd: Command) => withAccounts(cmd, env, async (rt, deps, g) => {
      const user = await acc.showUser(rt.adminCtx("account-administration"), deps, name);
      emit(g.json, user, () => describeUser(user));
    }));

  const change = (verb: string, description: string, args: string, toChange: (...a: string[]) => acc.UserChange) => {
    u.command(`${verb} <name>${args}`).description(description)
      .action((name: string, ...rest: unknown[]) => {
        const cmd = rest[rest.length - 1] as Command;
        const values = (rest.slice(0, -2) as Array<string | string[]>).flat();
        return withAccounts(cmd, env, async (rt, deps, g) => {
          const user = await acc.changeUser(rt.adminCtx("account-administration"), deps, name, toChange(...values));
          emit(g.json, user, () => describeUser(user));
        });
      });
  };
  change("disable", "disable a user: no logins, tokens stop working (the last enabled administrator cannot be disabled)", "", () => ({ kind: "disable" }));
  change("enable", "enable a disabled user", "", () => ({ kind: "enable" }));
  change("grant-case", "make a user a member of a case (compartment)", " <case>", (c) => ({ kind: "grant-case", caseRef: c! }));
  change("revoke-case", "remove a user from a case", " <case>", (c) => ({ kind: "revoke-case", caseRef: c! }));
  change("set-roles", `replace a user's roles (${ROLES.join(", ")})`, " <roles...>", (...r) => ({ kind: "set-roles", roles: parseRoles(r) }));

  u.command("set-password <name>")
    .description("set a password (your own, or anyone's for administrators); prints a one-time password, to be replaced at the next sign-in, without a terminal or --password-file")
    .option("--password-file <file>", "read the new password from this file")
    .action((name: string, o: { passwordFile?: string }, cmd: Command) => withAccounts(cmd, env, async (rt, deps, g) => {
      const given = await newPassword(o.passwordFile, name);
      const password = given ?? acc.generatePassword();
      const user = await acc.changeUser(rt.adminCtx("account-administration"), deps, name, { kind: "set-password", password, temporary: given === undefined });
      emit(g.json, { user, ...(given === undefined ? { oneTimePassword: password } : {}) }, () =>
        [`Password of ${user.id} changed.`, ...(given === undefined ? [oneTimePasswordText(user.id, password)] : [])].join("\n"));
    }));
}
