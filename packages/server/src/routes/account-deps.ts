import { z } from "@hono/zod-openapi";
import type { accounts as acc, AccountsPort } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";

/** A user name in a path or body, as the accounts code accepts it. */
export const UserName = z.string().min(2).max(64).regex(/^[A-Za-z][A-Za-z0-9._-]+$/, "a user name: a letter, then letters, digits, '.', '_' or '-'");

/** The local accounts and the audit log, for the routes that manage users and tokens. */
export function accountDeps(d: Deps): acc.AccountDeps {
  if (!d.accounts) throw new VizierError("STORE_UNAVAILABLE", "this server has no local accounts");
  return { accounts: d.accounts as AccountsPort, audit: d.svc.store };
}
