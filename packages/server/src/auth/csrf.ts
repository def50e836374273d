import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "vizier_session";
export const CSRF_COOKIE = "vizier_csrf";
export const CSRF_HEADER = "x-csrf-token";

/**
 * The CSRF token of a session: an HMAC of the session secret, so it needs no storage and cannot
 * be planted by someone who can set cookies but does not know the session (signed double submit).
 */
export function csrfToken(sessionSecret: string): string {
  return createHmac("sha256", sessionSecret).update("vizier-csrf-v1").digest("base64url");
}

/** Constant-time check of a submitted CSRF token against the session. */
export function csrfOk(sessionSecret: string, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const want = Buffer.from(csrfToken(sessionSecret));
  const got = Buffer.from(submitted);
  return want.length === got.length && timingSafeEqual(want, got);
}
