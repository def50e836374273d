import { VizierError } from "@vizier/model";
import { audit, auditEntry } from "../audit/chain";
import { makeCtx, userActor, type Actor } from "../context";
import type { UserRecord } from "../ports/accounts";
import type { AccountDeps } from "./deps";
import { dummyHash, verifyPassword } from "./password";
import { hashSecret, looksLikeSecret, newSecret, SESSION_PREFIX, TOKEN_PREFIX } from "./secrets";
import { changeUser } from "./users";

/** Login throttling: at most this many failures per user name within the window. */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000 } as const;
/** Default session lifetime (8 hours: one working day). */
export const SESSION_TTL_MS = 8 * 3_600_000;

/** The Actor for an enabled user (agency, roles and case memberships as stored). */
export function actorForUser(u: UserRecord): Actor {
  return userActor(u.id, u.agency, u.roles, u.cases);
}

/** One message for every credential failure, so a caller cannot probe which part was wrong. */
function unauthenticated(): VizierError {
  return new VizierError("UNAUTHENTICATED", "invalid credentials");
}

function loginCtx(user: UserRecord | undefined, username: string, now: () => Date) {
  // A failed attempt on an unknown name is logged under that name and no agency.
  const actor = user ? actorForUser(user) : userActor(username || "-", "-", []);
  return makeCtx(actor, "purpose:login", now);
}

export interface LoginInput {
  username: string;
  password: string;
  /** Where the attempt came from (IP address, `cli`). */
  source?: string;
  now?: () => Date;
}

/**
 * Checks a user name and password and returns the user's Actor. Refuses with LOGIN_THROTTLED
 * after THROTTLE.maxFailures failures in THROTTLE.windowMs (checked before the password, so a
 * throttled guesser learns nothing), UNAUTHENTICATED for an unknown or disabled user or a wrong
 * password. Every attempt is recorded and audited (`login` / `login.failed`).
 */
export async function authenticate(deps: AccountDeps, input: LoginInput): Promise<Actor> {
  return actorForUser(await checkCredentials(deps, input));
}

/** True when `userId` has THROTTLE.maxFailures failed attempts in the window ending at `at`. */
async function throttled(deps: Pick<AccountDeps, "accounts">, userId: string, at: Date): Promise<boolean> {
  return (await deps.accounts.countFailedLogins(userId, new Date(at.getTime() - THROTTLE.windowMs).toISOString())) >= THROTTLE.maxFailures;
}

/** authenticate's checks; answers the user record itself (login also needs its must-change flag). */
async function checkCredentials(deps: AccountDeps, input: LoginInput): Promise<UserRecord> {
  const now = input.now ?? (() => new Date());
  const username = input.username.trim().toLowerCase();
  const at = now();
  const user = await deps.accounts.getUser(username);
  const ctx = loginCtx(user, username, now);
  const source = input.source === undefined ? {} : { source: input.source };
  if (await throttled(deps, username, at)) {
    await audit(deps.audit, [auditEntry(ctx, "login.failed", `${username} throttled`, [])]);
    throw new VizierError("LOGIN_THROTTLED", `too many failed logins for ${username}; try again in ${THROTTLE.windowMs / 60_000} minutes`);
  }
  // Compare against a dummy hash when the user is unknown, so response time does not reveal it.
  const ok = await verifyPassword(input.password, user?.passwordHash || (await dummyHash())) && user !== undefined && user.passwordHash !== "";
  const success = ok && !user.disabled;
  await deps.accounts.recordLoginAttempt({ userId: username, at: at.toISOString(), ok: success, ...source });
  await audit(deps.audit, [auditEntry(ctx, success ? "login" : "login.failed", `${username}${input.source ? ` from ${input.source}` : ""}${ok && !success ? " (disabled)" : ""}`, success ? [username] : [])]);
  if (!success) throw unauthenticated();
  return user;
}

/** How stale a token's "last used" time may get before a request records it again. */
export const TOKEN_TOUCH_MS = 60_000;

/** The Actor behind a bearer token; UNAUTHENTICATED if unknown, revoked, expired or its user is disabled. */
export async function actorForToken(deps: Pick<AccountDeps, "accounts">, token: string, now: () => Date = () => new Date()): Promise<Actor> {
  const t = token.trim();
  if (!looksLikeSecret(t, TOKEN_PREFIX)) throw unauthenticated();
  const rec = await deps.accounts.findTokenByHash(hashSecret(t));
  const at = now().toISOString();
  if (!rec || rec.revokedAt !== undefined || (rec.expiresAt !== undefined && rec.expiresAt <= at)) throw unauthenticated();
  const user = await deps.accounts.getUser(rec.userId);
  if (!user || user.disabled) throw unauthenticated();
  // "Last used" to the minute: writing it on every request would make every read also a write.
  if (rec.lastUsedAt === undefined || Date.parse(rec.lastUsedAt) <= Date.parse(at) - TOKEN_TOUCH_MS) await deps.accounts.touchToken(rec.id, at);
  return actorForUser(user);
}

export interface Session {
  secret: string; actor: Actor; purpose: string; expiresAt: string;
  /** The user signed in with a generated password and must set their own before anything else. */
  mustChangePassword: boolean;
}

/**
 * Logs in with a password and opens a session bound to a purpose; the session secret is
 * returned once (for a cookie) and stored only as its sha256.
 */
export async function login(deps: AccountDeps, input: LoginInput & { purpose: string; ttlMs?: number }): Promise<Session> {
  const now = input.now ?? (() => new Date());
  const purpose = input.purpose.trim();
  if (!purpose) throw new VizierError("PURPOSE_REQUIRED", "a session needs a purpose (case:… or purpose:…)");
  const user = await checkCredentials(deps, input);
  const actor = actorForUser(user);
  const { secret, hash } = newSecret(SESSION_PREFIX);
  const created = now();
  const expiresAt = new Date(created.getTime() + (input.ttlMs ?? SESSION_TTL_MS)).toISOString();
  await deps.accounts.createSession({ idHash: hash, userId: actor.id, purpose, createdAt: created.toISOString(), expiresAt });
  return { secret, actor, purpose, expiresAt, mustChangePassword: user.mustChangePassword === true };
}

/** The Actor and purpose of a live session; UNAUTHENTICATED when unknown, revoked, expired or the user is disabled. */
export async function sessionActor(
  deps: Pick<AccountDeps, "accounts">, secret: string, now: () => Date = () => new Date(),
): Promise<{ actor: Actor; purpose: string; expiresAt: string; mustChangePassword: boolean }> {
  if (!looksLikeSecret(secret, SESSION_PREFIX)) throw unauthenticated();
  const s = await deps.accounts.findSession(hashSecret(secret));
  if (!s || s.revokedAt !== undefined || s.expiresAt <= now().toISOString()) throw unauthenticated();
  const user = await deps.accounts.getUser(s.userId);
  if (!user || user.disabled) throw unauthenticated();
  return { actor: actorForUser(user), purpose: s.purpose, expiresAt: s.expiresAt, mustChangePassword: user.mustChangePassword === true };
}

/**
 * A signed-in user replaces their password: the current one must be right (a wrong one counts as
 * a failed login for throttling, and is audited), the new one must meet the policy and differ.
 * Clears the must-change flag of a one-time password; audited as `account.update`.
 */
export async function changeOwnPassword(
  deps: AccountDeps, input: { userId: string; current: string; next: string; purpose: string; source?: string; now?: () => Date },
): Promise<void> {
  const now = input.now ?? (() => new Date());
  const user = await deps.accounts.getUser(input.userId);
  if (!user || user.disabled) throw unauthenticated();
  const ctx = makeCtx(actorForUser(user), input.purpose, now);
  const at = now();
  if (await throttled(deps, user.id, at)) {
    throw new VizierError("LOGIN_THROTTLED", `too many failed attempts for ${user.id}; try again in ${THROTTLE.windowMs / 60_000} minutes`);
  }
  if (!(user.passwordHash !== "" && await verifyPassword(input.current, user.passwordHash))) {
    await deps.accounts.recordLoginAttempt({ userId: user.id, at: at.toISOString(), ok: false, ...(input.source ? { source: input.source } : {}) });
    await audit(deps.audit, [auditEntry(ctx, "login.failed", `${user.id} password change: wrong current password`, [])]);
    throw new VizierError("FORBIDDEN", "the current password is not right");
  }
  if (input.next === input.current) throw new VizierError("INVALID_ARGUMENT", "choose a password other than the current one");
  await changeUser(ctx, deps, user.id, { kind: "set-password", password: input.next, temporary: false });
}

/** Ends a session (idempotent); audited as `logout`. */
export async function logout(deps: AccountDeps, secret: string, now: () => Date = () => new Date()): Promise<void> {
  const { actor, purpose } = await sessionActor(deps, secret, now);
  await deps.accounts.revokeSession(hashSecret(secret), now().toISOString());
  await audit(deps.audit, [auditEntry(makeCtx(actor, purpose, now), "logout", actor.id, [actor.id])]);
}
