import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "@vizier/core";
import { TEST_SHARING } from "@vizier/core/testing";
import { defaultModel } from "@vizier/model";
import { SqliteJobs, SqliteStore } from "@vizier/store-sqlite";
import { createApp } from "../app";
import { JobRunner } from "../jobs/runner";
import { memoryAuthenticator, memoryUser } from "./memory";
import { withOidc } from "./oidc";

// A bearer JWT from the identity provider (signed with a key published in its JWKS) is accepted
// next to the installation's own API tokens; anything else is 401.
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const config = accounts.OidcConfigSchema.parse({ issuer: "https://sso.example.nl/realms/vizier", audience: ["vizier"] });
const jwt = (claims: Record<string, unknown>) => {
  const h = Buffer.from(JSON.stringify({ alg: "RS256", kid: "k1" })).toString("base64url");
  const b = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${h}.${b}.${sign("sha256", Buffer.from(`${h}.${b}`), privateKey).toString("base64url")}`;
};
const exp = Math.floor(Date.now() / 1000) + 300;
const claims = { iss: config.issuer, aud: "vizier", exp, preferred_username: "jdevries", agency: "A", resource_access: { vizier: { roles: ["analyst"] } } };

let dir: string;
let store: SqliteStore;
let app: ReturnType<typeof createApp>;
let jobs: SqliteJobs;
let runner: JobRunner;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vizier-oidc-"));
  store = new SqliteStore(dir);
  await store.init();
  const jwksFile = join(dir, "jwks.json");
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", use: "sig" }] }));
  const base = memoryAuthenticator([{ ...memoryUser("ann", "A", ["analyst"]), tokens: ["vz_ann"] }]);
  const svc = { store, model: defaultModel(), sharing: TEST_SHARING };
  jobs = new SqliteJobs(store.location);
  runner = new JobRunner(svc, jobs, { uploadDir: join(dir, "uploads") });
  await runner.start();
  app = createApp(svc, { auth: withOidc(base, { config, jwks: { file: jwksFile }, agencies: ["A", "B", "C"] }), jobs: runner, secureCookies: false, log: () => undefined });
});
afterAll(async () => {
  await runner.stop();
  await jobs.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("OIDC bearer tokens", () => {
  it("accepts the provider's token as an actor of its agency and roles, and still the installation's own tokens", async () => {
    const me = await app.request("/api/session", { headers: { authorization: `Bearer ${jwt(claims)}` } });
    expect(me.status, await me.clone().text()).toBe(200);
    expect(await me.json()).toMatchObject({ actor: { id: "oidc:jdevries", agency: "A", roles: ["analyst"] } });
    const read = await app.request("/api/datasets", { headers: { authorization: `Bearer ${jwt(claims)}`, "x-vizier-purpose": "case:T-1" } });
    expect(read.status).toBe(200);
    expect((await app.request("/api/session", { headers: { authorization: "Bearer vz_ann" } })).status).toBe(200);
  });

  it("refuses expired, foreign, tampered and unknown-agency tokens with 401", async () => {
    for (const bad of [
      jwt({ ...claims, exp: exp - 3600 }),
      jwt({ ...claims, iss: "https://evil.example" }),
      jwt({ ...claims, agency: "NSA" }),
      jwt(claims).replace(/\.[^.]+\./, `.${Buffer.from(JSON.stringify({ ...claims, agency: "B" })).toString("base64url")}.`),
      "a.b.c",
    ]) {
      expect((await app.request("/api/session", { headers: { authorization: `Bearer ${bad}` } })).status).toBe(401);
    }
  });
});
