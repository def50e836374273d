import { z } from "zod";
import { VizierError } from "@vizier/model";
import { audit, auditEntry } from "../audit/chain";
import { makeCtx, ROLES, systemActor, type Ctx, type Role } from "../context";
import type { UserRecord } from "../ports/accounts";
import { requireRole, userView, type AccountDeps, type UserView } from "./deps";
import { generatePassword, hashPassword } from "./password";

/** Login names: lower-case, start with a letter, letters/digits/`.`/`_`/`-`, at most 64. */
export const UsernameSchema = z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9._-]{1,63}$/, "a user name is 2–64 characters: a letter, then letters, digits, '.', '_' or '-'");
export const CaseRefSchema = z.string().trim().regex(/^case:[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, "a case reference looks like case:NL-2026-0042");
const RoleSchema = z.enum(ROLES);

export const NewUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().max(200).optional(),
  agency: z.string().trim().min(1),
  roles: z.array(RoleSchema).min(1),
  cases: z.array(CaseRefSchema).default([]),
  /** Absent: a one-time password is generated and returned once. */
  password: z.string().optional(),
});
export type NewUser = z.input<typeof NewUserSchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}

async function newRecord(input: NewUser, at: string): Promise<{ user: UserRecord; oneTimePassword?: string }> {
  const u = parse(NewUserSchema, input);
  const oneTimePassword = u.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(u.password ?? oneTimePassword!);
  const user: UserRecord = {
    id: u.username, displayName: u.displayName || u.username, agency: u.agency, roles: [...new Set(u.roles)], cases: [...new Set(u.cases)],
    passwordHash, mustChangePassword: oneTimePassword !== undefined, disabled: false, createdAt: at, updatedAt: at,
  };
  return oneTimePassword === undefined ? { user } : { user, oneTimePassword };
}

export interface CreatedUser { user: UserView; oneTimePassword?: string }

/** Creates a user (administrators only); audited as `account.create`. */
export async function createUser(ctx: Ctx, deps: AccountDeps, input: NewUser): Promise<CreatedUser> {
  requireRole(ctx, ["admin"], "adding a user");
  const { user, oneTimePassword } = await newRecord(input, ctx.now().toISOString());
  await deps.accounts.createUser(user);
  await audit(deps.audit, [auditEntry(ctx, "account.create", `user ${user.id} agency ${user.agency} roles ${user.roles.join(",")}`, [user.id])]);
  return oneTimePassword === undefined ? { user: userView(user) } : { user: userView(user), oneTimePassword };
}

/**
 * Creates the installation's first administrator if the store has no user yet (`vizier init`).
 * Returns undefined when a user already exists: init never creates a second one or resets a
 * password. Audited as `account.create` by the system actor `system:init`.
 */
export async function createFirstAdmin(
  deps: AccountDeps, input: { username: string; agency: string; password?: string; now?: () => Date },
): Promise<CreatedUser | undefined> {
  const now = input.now ?? (() => new Date());
  if ((await deps.accounts.countUsers()) > 0) return undefined;
  const { user, oneTimePassword } = await newRecord({
    username: input.username, displayName: "Administrator", agency: input.agency, roles: ["admin", "analyst"],
    ...(input.password === undefined ? {} : { password: input.password }),
  }, now().toISOString());
  if (!(await deps.accounts.createFirstUser(user))) return undefined;
  const ctx = makeCtx(systemActor("init", input.agency), "purpose:init", now);
  await audit(deps.audit, [auditEntry(ctx, "account.create", `first administrator ${user.id}`, [user.id])]);
  return oneTimePassword === undefined ? { user: userView(user) } : { user: userView(user), oneTimePassword };
}

/** The first administrator (oldest enabled admin), or undefined before `vizier init`. */
export async function firstAdmin(deps: Pick<AccountDeps, "accounts">): Promise<UserRecord | undefined> {
  const admins = (await deps.accounts.listUsers()).filter((u) => u.roles.includes("admin") && !u.disabled);
  return admins.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
}

/** All users (administrators and privacy officers); audited as `admin`. */
export async function listUsers(ctx: Ctx, deps: AccountDeps): Promise<UserView[]> {
  requireRole(ctx, ["admin", "privacy_officer"], "listing users");
  const users = await deps.accounts.listUsers();
  await audit(deps.audit, [auditEntry(ctx, "admin", "user list", users.map((u) => u.id))]);
  return users.map(userView);
}

/** One user: yourself, or anyone for administrators and privacy officers. */
export async function showUser(ctx: Ctx, deps: AccountDeps, username: string): Promise<UserView> {
  const id = parse(UsernameSchema, username);
  if (id !== ctx.actor.id) requireRole(ctx, ["admin", "privacy_officer"], "viewing another user");
  const u = await deps.accounts.getUser(id);
  if (!u) throw new VizierError("NOT_FOUND", `no user ${id}`);
  await audit(deps.audit, [auditEntry(ctx, "admin", `user show ${id}`, [id])]);
  return userView(u);
}

/** A change to an existing user; each is one audited `account.update`. */
export type UserChange =
  | { kind: "disable" } | { kind: "enable" }
  | { kind: "grant-case"; caseRef: string } | { kind: "revoke-case"; caseRef: string }
  | { kind: "set-roles"; roles: readonly Role[] }
  /** `temporary`: the user must change it at the next sign-in (default: when set for someone else). */
  | { kind: "set-password"; password: string; temporary?: boolean };

function describe(c: UserChange): string {
  switch (c.kind) {
    case "disable": case "enable": case "set-password": return c.kind;
    case "grant-case": case "revoke-case": return `${c.kind} ${c.caseRef}`;
    case "set-roles": return `set-roles ${c.roles.join(",")}`;
  }
}

/** Applies a change (administrators only; anyone may set their own password). */
export async function changeUser(ctx: Ctx, deps: AccountDeps, username: string, change: UserChange): Promise<UserView> {
  const id = parse(UsernameSchema, username);
  if (!(change.kind === "set-password" && id === ctx.actor.id)) requireRole(ctx, ["admin"], `${change.kind} on a user`);
  const user = await deps.accounts.getUser(id);
  if (!user) throw new VizierError("NOT_FOUND", `no user ${id}`);
  const updatedAt = ctx.now().toISOString();
  let patch: Parameters<AccountDeps["accounts"]["updateUser"]>[1];
  switch (change.kind) {
    case "disable": patch = { disabled: true, updatedAt }; break;
    case "enable": patch = { disabled: false, updatedAt }; break;
    case "grant-case": patch = { cases: [...new Set([...user.cases, parse(CaseRefSchema, change.caseRef)])], updatedAt }; break;
    case "revoke-case": {
      const ref = parse(CaseRefSchema, change.caseRef);
      if (!user.cases.includes(ref)) throw new VizierError("NOT_FOUND", `${id} is not a member of ${ref}`);
      patch = { cases: user.cases.filter((c) => c !== ref), updatedAt };
      break;
    }
    case "set-roles": patch = { roles: [...new Set(parse(z.array(RoleSchema).min(1), change.roles))], updatedAt }; break;
    case "set-password": {
      patch = { passwordHash: await hashPassword(change.password), mustChangePassword: change.temporary ?? id !== ctx.actor.id, updatedAt };
      break;
    }
  }
  const losesAdmin = user.roles.includes("admin") && !user.disabled && (patch.disabled === true || (patch.roles !== undefined && !patch.roles.includes("admin")));
  if (losesAdmin && !(await otherEnabledAdmin(deps, id))) {
    throw new VizierError("CONFLICT", `${id} is the last enabled administrator; add another administrator first`);
  }
  const updated = await deps.accounts.updateUser(id, patch);
  await audit(deps.audit, [auditEntry(ctx, "account.update", `user ${id} ${describe(change)}`, [id])]);
  return userView(updated);
}

async function otherEnabledAdmin(deps: AccountDeps, id: string): Promise<boolean> {
  return (await deps.accounts.listUsers()).some((u) => u.id !== id && !u.disabled && u.roles.includes("admin"));
}
