import { VizierError } from "@vizier/model";
import type { audit } from "../audit/chain";
import type { Ctx, Role } from "../context";
import type { AccountsPort, TokenRecord, UserRecord } from "../ports/accounts";

/** What account use cases need: the accounts port and the audit sink (the store). */
export interface AccountDeps {
  readonly accounts: AccountsPort;
  readonly audit: Parameters<typeof audit>[0];
}

/** A user as shown to people: never the password hash. */
export type UserView = Omit<UserRecord, "passwordHash"> & { hasPassword: boolean };
/** A token as shown in listings: never the secret's hash. */
export type TokenView = Omit<TokenRecord, "secretHash">;

export function userView(u: UserRecord): UserView {
  const { passwordHash, ...rest } = u;
  return { ...rest, hasPassword: passwordHash !== "" };
}

export function tokenView(t: TokenRecord): TokenView {
  const { secretHash: _hash, ...rest } = t;
  return rest;
}

/** Refuses unless the acting user holds one of `roles` (FORBIDDEN). */
export function requireRole(ctx: Ctx, roles: readonly Role[], what: string): void {
  if (!ctx.actor.roles.some((r) => roles.includes(r))) {
    throw new VizierError("FORBIDDEN", `${what} needs the role ${roles.join(" or ")}; ${ctx.actor.id} has ${ctx.actor.roles.join(", ") || "none"}`);
  }
}

/** True when the actor is an administrator. */
export function isAdmin(ctx: Ctx): boolean {
  return ctx.actor.roles.includes("admin");
}
