/**
 * OpenID Connect as an option next to local accounts (docs/accounts.md, "OIDC"): an ID or access
 * token issued by the organisation's identity provider (Keycloak, Entra ID…) is verified here —
 * signature against the provider's published keys (JWKS), issuer, audience, expiry — and its claims
 * are mapped to the same actor a local user gets: agency, roles, case memberships. No network here:
 * the caller hands in the key set (fetched from the provider's jwks_uri, or read from a file).
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { VizierError } from "@vizier/model";
import { ROLES, userActor, type Actor, type Role } from "../context";

export const OidcConfigSchema = z.object({
  /** The provider's issuer URL, exactly as in the tokens' `iss` (Keycloak: https://sso…/realms/<realm>). */
  issuer: z.string().url(),
  /** Accepted audiences (`aud` must contain one; Keycloak: the client id). */
  audience: z.array(z.string().min(1)).min(1),
  /** Dotted claim paths. */
  claims: z.object({
    username: z.string().default("preferred_username"),
    agency: z.string().default("agency"),
    roles: z.string().default("resource_access.vizier.roles"),
    cases: z.string().default("groups"),
  }).default({ username: "preferred_username", agency: "agency", roles: "resource_access.vizier.roles", cases: "groups" }),
  /** Clock skew tolerated on exp/nbf/iat, seconds. */
  leewaySeconds: z.number().int().min(0).max(300).default(60),
}).strict();
export type OidcConfig = z.infer<typeof OidcConfigSchema>;

/** A JSON Web Key Set as the provider publishes it. */
export interface Jwks { keys: Array<JsonWebKey & { kid?: string; alg?: string; use?: string }> }

const ALGS: Record<string, { hash: string; kty: string; dsa?: "ieee-p1363" }> = {
  RS256: { hash: "sha256", kty: "RSA" }, RS384: { hash: "sha384", kty: "RSA" }, RS512: { hash: "sha512", kty: "RSA" },
  ES256: { hash: "sha256", kty: "EC", dsa: "ieee-p1363" }, ES384: { hash: "sha384", kty: "EC", dsa: "ieee-p1363" },
};

function unauthenticated(why: string): VizierError {
  return new VizierError("UNAUTHENTICATED", `OIDC token refused: ${why}`);
}

function b64json(part: string, what: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw unauthenticated(`malformed ${what}`);
}

/** Verifies a compact JWS token and returns its claims (signature, issuer, audience, times). */
export function verifyOidcToken(token: string, config: OidcConfig, jwks: Jwks, now: Date): Record<string, unknown> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) throw unauthenticated("not a signed JWT");
  const [h, p, sig] = parts as [string, string, string];
  const header = b64json(h, "header");
  const alg = typeof header["alg"] === "string" ? header["alg"] : "";
  const spec = ALGS[alg];
  if (!spec) throw unauthenticated(`algorithm ${JSON.stringify(alg)} not accepted`);
  const kid = typeof header["kid"] === "string" ? header["kid"] : undefined;
  const candidates = jwks.keys.filter((k) => k.kty === spec.kty && (kid === undefined || k.kid === kid) && (k.alg === undefined || k.alg === alg) && (k.use === undefined || k.use === "sig"));
  if (candidates.length === 0) throw unauthenticated(`no key ${kid ?? ""} for ${alg} in the provider's key set`);
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(sig, "base64url");
  const ok = candidates.some((k) => {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: k, format: "jwk" });
    } catch {
      return false;
    }
    return verify(spec.hash, data, spec.dsa ? { key, dsaEncoding: spec.dsa } : key, signature);
  });
  if (!ok) throw unauthenticated("bad signature");
  const claims = b64json(p, "payload");
  if (claims["iss"] !== config.issuer) throw unauthenticated(`issuer ${JSON.stringify(claims["iss"])} is not ${config.issuer}`);
  const aud = Array.isArray(claims["aud"]) ? claims["aud"] : [claims["aud"]];
  if (!aud.some((a) => typeof a === "string" && config.audience.includes(a))) throw unauthenticated("audience does not match");
  const t = Math.floor(now.getTime() / 1000);
  const num = (k: string) => (typeof claims[k] === "number" ? (claims[k] as number) : undefined);
  const exp = num("exp");
  if (exp === undefined || t > exp + config.leewaySeconds) throw unauthenticated("expired");
  const nbf = num("nbf");
  if (nbf !== undefined && t + config.leewaySeconds < nbf) throw unauthenticated("not valid yet");
  const iat = num("iat");
  if (iat !== undefined && t + config.leewaySeconds < iat) throw unauthenticated("issued in the future");
  return claims;
}

/** The value at a dotted path ("resource_access.vizier.roles"). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const k of path.split(".")) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/**
 * Maps verified claims to an actor: the user name (actor id `oidc:<name>`), the agency (must be one
 * of `agencies`), the roles Vizier knows (others ignored) and case memberships from groups
 * (`/cases/NL-2026-0042` or `case:NL-2026-0042` → `case:NL-2026-0042`).
 */
export function oidcActor(claims: Record<string, unknown>, config: OidcConfig, agencies: readonly string[]): Actor {
  const name = strings(claimAt(claims, config.claims.username))[0] ?? (typeof claims["sub"] === "string" ? claims["sub"] : "");
  if (!name) throw unauthenticated("no user name or subject");
  const agency = strings(claimAt(claims, config.claims.agency))[0] ?? "";
  if (!agencies.includes(agency)) throw unauthenticated(`agency ${JSON.stringify(agency)} is not in the sharing rules`);
  const roles = strings(claimAt(claims, config.claims.roles)).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) throw unauthenticated("no Vizier role in the token");
  const cases = strings(claimAt(claims, config.claims.cases)).flatMap((g) => {
    const m = /^(?:\/cases\/|case:)([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(g);
    return m ? [`case:${m[1]}`] : [];
  });
  return userActor(`oidc:${name}`, agency, roles, [...new Set(cases)].sort());
}
