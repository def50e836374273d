import type { Actor } from "@vizier/core";

/** A live login session as the server needs it. */
export interface SessionInfo {
  actor: Actor;
  /** The purpose chosen at login; reads in the session use it unless X-Vizier-Purpose overrides. */
  purpose: string;
  expiresAt: string;
  /** Signed in with a one-time password: only the session routes and the password change answer. */
  mustChangePassword?: boolean;
}

/**
 * What the HTTP layer needs from accounts (core/accounts): turning credentials into an Actor.
 * Implementations return undefined (or throw UNAUTHENTICATED) for anything that does not prove
 * who the caller is; they record and throttle login attempts themselves.
 */
export interface Authenticator {
  /** An API token (`Authorization: Bearer …`) → its user, or undefined (unknown, revoked, expired). */
  bearer(token: string): Promise<Actor | undefined>;
  /** A session secret from the cookie → the session, or undefined (unknown, revoked, expired). */
  session(secret: string): Promise<SessionInfo | undefined>;
  /** Password login; throws VizierError UNAUTHENTICATED (or FORBIDDEN when throttled). */
  login(input: { user: string; password: string; purpose: string; source?: string }): Promise<SessionInfo & { secret: string }>;
  /** Ends a session; unknown secrets are ignored. */
  logout(secret: string): Promise<void>;
  /**
   * The signed-in user replaces their password (FORBIDDEN if `current` is wrong). Absent when the
   * accounts live elsewhere (an identity provider, a fixed test list).
   */
  changePassword?(actorId: string, input: { current: string; next: string; purpose: string; source?: string }): Promise<void>;
}
