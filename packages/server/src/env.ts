import type { Actor } from "@vizier/core";

/** Who made a request and how they proved it (set by auth/middleware.ts). */
export interface Principal {
  actor: Actor;
  via: "bearer" | "session";
  /** The purpose bound to the session (cookie logins); bearer callers send X-Vizier-Purpose. */
  sessionPurpose?: string;
  /** When the session ends (cookie logins). */
  sessionExpiresAt?: string;
  /** The session secret from the cookie (for logout and the CSRF token). */
  sessionSecret?: string;
  /** The session's user signed in with a one-time password and must set their own first. */
  mustChangePassword?: boolean;
}

/** Hono's per-request variables for this app. */
export interface AppEnv {
  Variables: {
    principal: Principal | undefined;
  };
}
