import { readFile } from "node:fs/promises";
import { accounts as acc } from "@vizier/core";
import { isVizierError, VizierError } from "@vizier/model";
import type { Authenticator } from "./authenticator";

/** Where the identity provider's signing keys come from: a file, or the provider's jwks_uri (cached). */
export type JwksSource = { file: string } | { uri: string; ttlSeconds?: number } | { keys: acc.Jwks };

/**
 * OpenID Connect next to local accounts: a bearer token that is a JWT (not a `vz_` API token) is
 * verified against the provider's keys and mapped to an actor (core/accounts/oidc.ts). Everything
 * else — API tokens, sessions, password logins — goes to `base`.
 */
export function withOidc(base: Authenticator, oidc: { config: acc.OidcConfig; jwks: JwksSource; agencies: readonly string[] }, now: () => Date = () => new Date()): Authenticator {
  let cached: { keys: acc.Jwks; until: number } | undefined;
  const keys = async (): Promise<acc.Jwks> => {
    const src = oidc.jwks;
    if ("keys" in src) return src.keys;
    if (cached && cached.until > Date.now()) return cached.keys;
    let text: string;
    try {
      text = "file" in src ? await readFile(src.file, "utf8") : await (await fetch(src.uri, { signal: AbortSignal.timeout(5000) })).text();
    } catch (e) {
      throw new VizierError("STORE_UNAVAILABLE", `cannot read the identity provider's keys: ${(e as Error).message}`, { cause: e });
    }
    const parsed = JSON.parse(text) as acc.Jwks;
    if (!Array.isArray(parsed.keys)) throw new VizierError("INVALID_ARGUMENT", "the identity provider's key set has no keys");
    cached = { keys: parsed, until: Date.now() + 1000 * ("uri" in src ? (src.ttlSeconds ?? 600) : 60) };
    return parsed;
  };
  return {
    ...base,
    bearer: async (token) => {
      if (token.startsWith("vz_") || token.split(".").length !== 3) return base.bearer(token);
      try {
        return acc.oidcActor(acc.verifyOidcToken(token, oidc.config, await keys(), now()), oidc.config, oidc.agencies);
      } catch (e) {
        if (isVizierError(e, "UNAUTHENTICATED")) return undefined;
        throw e;
      }
    },
  };
}
