import { VizierError } from "@vizier/model";
import { audit, auditEntry } from "../audit/chain";
import type { Ctx } from "../context";
import type { TokenRecord } from "../ports/accounts";
import { isAdmin, requireRole, tokenView, type AccountDeps, type TokenView } from "./deps";
import { newSecret, publicId, TOKEN_PREFIX } from "./secrets";
import { UsernameSchema } from "./users";

export interface NewToken {
  name: string;
  /** Whose token (default: the acting user; another user needs the admin role). */
  userId?: string;
  /** Lifetime in milliseconds; absent: never expires. */
  lifetimeMs?: number;
}

/**
 * Creates an API token. The returned `secret` (`vz_…`) is shown once; only its sha256 is
 * stored. Audited as `token.create`.
 */
export async function createToken(ctx: Ctx, deps: AccountDeps, input: NewToken): Promise<{ secret: string; token: TokenView }> {
  const userId = input.userId === undefined ? ctx.actor.id : UsernameSchema.parse(input.userId);
  if (userId !== ctx.actor.id) requireRole(ctx, ["admin"], "creating a token for another user");
  const name = input.name.trim();
  if (!name || name.length > 100) throw new VizierError("INVALID_ARGUMENT", "a token needs a name of 1–100 characters");
  const user = await deps.accounts.getUser(userId);
  if (!user) throw new VizierError("NOT_FOUND", `no user ${userId}`);
  if (user.disabled) throw new VizierError("CONFLICT", `user ${userId} is disabled`);
  const { secret, hash } = newSecret(TOKEN_PREFIX);
  const now = ctx.now();
  const rec: TokenRecord = {
    id: publicId("tok_"), userId, name, secretHash: hash, createdAt: now.toISOString(),
    ...(input.lifetimeMs === undefined ? {} : { expiresAt: new Date(now.getTime() + input.lifetimeMs).toISOString() }),
  };
  await deps.accounts.createToken(rec);
  await audit(deps.audit, [auditEntry(ctx, "token.create", `token ${rec.id} "${name}" for ${userId}${rec.expiresAt ? ` until ${rec.expiresAt}` : ""}`, [rec.id])]);
  return { secret, token: tokenView(rec) };
}

/** Tokens of the acting user; administrators may list another user's or everyone's (`all`). */
export async function listTokens(ctx: Ctx, deps: AccountDeps, userId?: string | "all"): Promise<TokenView[]> {
  const who = userId ?? ctx.actor.id;
  if (who !== ctx.actor.id) requireRole(ctx, ["admin"], "listing other users' tokens");
  return (await deps.accounts.listTokens(who === "all" ? undefined : who)).map(tokenView);
}

/** Revokes a token (its owner or an administrator); audited as `token.revoke`. */
export async function revokeToken(ctx: Ctx, deps: AccountDeps, id: string): Promise<TokenView> {
  const t = await deps.accounts.getToken(id);
  if (!t) throw new VizierError("NOT_FOUND", `no token ${id}`);
  if (t.userId !== ctx.actor.id && !isAdmin(ctx)) throw new VizierError("FORBIDDEN", `token ${id} belongs to another user`);
  const at = ctx.now().toISOString();
  await deps.accounts.revokeToken(id, at);
  await audit(deps.audit, [auditEntry(ctx, "token.revoke", `token ${id} of ${t.userId}`, [id])]);
  return tokenView({ ...t, revokedAt: t.revokedAt ?? at });
}
