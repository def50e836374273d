import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isVizierError } from "@vizier/model";
import { OidcConfigSchema, oidcActor, verifyOidcToken, type Jwks } from "./oidc";

const now = new Date("2026-11-22T12:00:00Z");
const t = Math.floor(now.getTime() / 1000);
const config = OidcConfigSchema.parse({ issuer: "https://sso.example.nl/realms/vizier", audience: ["vizier"] });
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwks: Jwks = { keys: [{ ...rsa.publicKey.export({ format: "jwk" }), kid: "r1", alg: "RS256", use: "sig" }, { ...ec.publicKey.export({ format: "jwk" }), kid: "e1" }] };

function token(claims: Record<string, unknown>, opts: { alg?: string; kid?: string; key?: KeyObject } = {}): string {
  const alg = opts.alg ?? "RS256";
  const head = Buffer.from(JSON.stringify({ alg, kid: opts.kid ?? (alg === "ES256" ? "e1" : "r1"), typ: "JWT" })).toString("base64url");
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const key = opts.key ?? (alg === "ES256" ? ec.privateKey : rsa.privateKey);
  const sig = sign("sha256", Buffer.from(`${head}.${body}`), alg === "ES256" ? { key, dsaEncoding: "ieee-p1363" } : key).toString("base64url");
  return `${head}.${body}.${sig}`;
}

const good = {
  iss: config.issuer, aud: ["vizier", "account"], sub: "f3a1", exp: t + 300, iat: t - 10, preferred_username: "jdevries", agency: "POLITIE",
  resource_access: { vizier: { roles: ["analyst", "offline_access"] } }, groups: ["/cases/NL-2026-0042", "/staff", "case:NL-2025-0007"],
};
const refused = (f: () => unknown) => { try { f(); return "accepted"; } catch (e) { return isVizierError(e, "UNAUTHENTICATED") ? "refused" : `other: ${String(e)}`; } };

describe("OIDC tokens", () => {
  it("verifies RS256 and ES256 tokens against the provider's keys and maps claims to an actor", () => {
    for (const alg of ["RS256", "ES256"]) {
      const claims = verifyOidcToken(token(good, { alg }), config, jwks, now);
      const actor = oidcActor(claims, config, ["POLITIE", "FIOD"]);
      expect(actor).toMatchObject({ id: "oidc:jdevries", kind: "user", agency: "POLITIE", roles: ["analyst"], cases: ["case:NL-2025-0007", "case:NL-2026-0042"] });
    }
  });

  it("refuses bad signatures, unknown keys, wrong issuer or audience, expired and future tokens, and 'none'", () => {
    const cases: Array<[string, () => unknown]> = [
      ["signed by another key", () => verifyOidcToken(token(good, { key: other.privateKey }), config, jwks, now)],
      ["unknown kid", () => verifyOidcToken(token(good, { kid: "zz" }), config, jwks, now)],
      ["tampered payload", () => { const [h, , s] = token(good).split("."); return verifyOidcToken(`${h}.${Buffer.from(JSON.stringify({ ...good, agency: "FIOD" })).toString("base64url")}.${s}`, config, jwks, now); }],
      ["alg none", () => verifyOidcToken(`${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(good)).toString("base64url")}.`, config, jwks, now)],
      ["HS256", () => verifyOidcToken(token(good).replace(/^[^.]+/, Buffer.from('{"alg":"HS256","kid":"r1"}').toString("base64url")), config, jwks, now)],
      ["wrong issuer", () => verifyOidcToken(token({ ...good, iss: "https://evil.example/realms/vizier" }), config, jwks, now)],
      ["wrong audience", () => verifyOidcToken(token({ ...good, aud: "other-client" }), config, jwks, now)],
      ["expired", () => verifyOidcToken(token({ ...good, exp: t - 61 }), config, jwks, now)],
      ["no exp", () => verifyOidcToken(token({ ...good, exp: undefined }), config, jwks, now)],
      ["not yet valid", () => verifyOidcToken(token({ ...good, nbf: t + 120 }), config, jwks, now)],
      ["garbage", () => verifyOidcToken("a.b", config, jwks, now)],
    ];
    for (const [label, f] of cases) expect(refused(f), label).toBe("refused");
    // within the clock-skew leeway
    expect(refused(() => verifyOidcToken(token({ ...good, exp: t - 30 }), config, jwks, now))).toBe("accepted");
  });

  it("refuses actors without a known agency or any Vizier role", () => {
    const map = (extra: Record<string, unknown>) => refused(() => oidcActor({ ...good, ...extra }, config, ["POLITIE"]));
    expect(map({})).toBe("accepted");
    expect(map({ agency: "NSA" })).toBe("refused");
    expect(map({ resource_access: { vizier: { roles: ["offline_access"] } } })).toBe("refused");
    expect(map({ preferred_username: undefined, sub: undefined })).toBe("refused");
  });
});
