import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { userActor, type Actor } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Authenticator, SessionInfo } from "./authenticator";

export interface MemoryUser {
  actor: Actor;
  password: string;
  /** API tokens of this user (full token strings). */
  tokens?: string[];
}

const sha = (s: string) => createHash("sha256").update(s).digest();

/**
 * An Authenticator over a fixed list of users held in memory: for tests and for a server started
 * before accounts exist in the store. Secrets are compared as sha256 digests in constant time.
 * Production servers use accountsAuthenticator (core/accounts) instead.
 */
export function memoryAuthenticator(users: readonly MemoryUser[], opts: { sessionHours?: number; now?: () => Date } = {}): Authenticator {
  const now = opts.now ?? (() => new Date());
  const tokens = new Map<string, Actor>();
  for (const u of users) for (const t of u.tokens ?? []) tokens.set(sha(t).toString("hex"), u.actor);
  const sessions = new Map<string, SessionInfo>();
  return {
    async bearer(token) { return tokens.get(sha(token).toString("hex")); },
    async session(secret) {
      const s = sessions.get(sha(secret).toString("hex"));
      return s && s.expiresAt > now().toISOString() ? s : undefined;
    },
    async login({ user, password, purpose }) {
      const u = users.find((x) => x.actor.id === user);
      const ok = u !== undefined && timingSafeEqual(sha(u.password), sha(password));
      if (!u || !ok) throw new VizierError("UNAUTHENTICATED", "unknown user or wrong password");
      const secret = randomBytes(32).toString("base64url");
      const info: SessionInfo = { actor: u.actor, purpose, expiresAt: new Date(now().getTime() + (opts.sessionHours ?? 8) * 3600_000).toISOString() };
      sessions.set(sha(secret).toString("hex"), info);
      return { ...info, secret };
    },
    async logout(secret) { sessions.delete(sha(secret).toString("hex")); },
  };
}

/** Convenience for tests and demos: a user with one token. */
export function memoryUser(id: string, agency: string, roles: Actor["roles"], cases: string[] = [], secret = `pw-${id}`): MemoryUser {
  return { actor: userActor(id, agency, roles, cases), password: secret, tokens: [`vz_test_${id}`] };
}
