import { createHash, randomBytes } from "node:crypto";

/**
 * API tokens and session ids: a prefix plus 32 random bytes in base64url. Only the sha256 of
 * the whole string is stored (a stolen table gives no usable token); the secret is shown once.
 * sha256 without salt suffices here because the secret has 256 bits of entropy.
 */
export const TOKEN_PREFIX = "vz_";
export const SESSION_PREFIX = "vzs_";
const SECRET_RE = /^[A-Za-z0-9_-]{43}$/;

/** sha256 hex of a secret string. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new secret with `prefix`, and its hash. */
export function newSecret(prefix: string): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

/** True when `s` has the shape of a secret with `prefix` (cheap check before a lookup). */
export function looksLikeSecret(s: string, prefix: string): boolean {
  return s.startsWith(prefix) && SECRET_RE.test(s.slice(prefix.length));
}

/** A public, non-secret id for listings (e.g. `tok_3f9a1c2b7d4e`). */
export function publicId(prefix: string): string {
  return prefix + randomBytes(6).toString("hex");
}
