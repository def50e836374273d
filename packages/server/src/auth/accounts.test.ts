import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, makeCtx, systemActor } from "@vizier/core";
import { TEST_SHARING } from "@vizier/core/testing";
import { defaultModel } from "@vizier/model";
import { SqliteJobs, SqliteStore } from "@vizier/store-sqlite";
import { createApp } from "../app";
import { JobRunner } from "../jobs/runner";
import { accountsAuthenticator } from "./accounts";

// The HTTP layer over the real accounts of a real SQLite store (core/accounts).
let dir: string;
let store: SqliteStore;
let jobs: SqliteJobs;
let runner: JobRunner;
let app: ReturnType<typeof createApp>;
let token: string;
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vizier-server-acc-"));
  store = new SqliteStore(dir);
  await store.init();
  const deps = { accounts: store.accounts, audit: store };
  const admin = makeCtx(systemActor("test", "A"), "purpose:admin");
  await accounts.createUser(admin, deps, { username: "ann", displayName: "Ann", agency: "A", roles: ["analyst"], password: PASSWORD });
  token = (await accounts.createToken(makeCtx(accounts.actorForUser((await store.accounts.getUser("ann"))!), "purpose:admin"), deps, { name: "script" })).secret;
  const svc = { store, model: defaultModel(), sharing: TEST_SHARING };
  jobs = new SqliteJobs(store.location);
  runner = new JobRunner(svc, jobs, { uploadDir: join(dir, "uploads") });
  await runner.start();
  app = createApp(svc, { auth: accountsAuthenticator(deps), jobs: runner, secureCookies: false, log: () => undefined });
});
afterAll(async () => {
  await runner.stop();
  await jobs.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("accounts authenticator", () => {
  it("accepts the user's API token and refuses others", async () => {
    const me = await app.request("/api/session", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ actor: { id: "ann", agency: "A" }, via: "bearer" });
    expect((await app.request("/api/session", { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await app.request("/api/session", { headers: { authorization: "Bearer vz_nope" } })).status).toBe(401);
  });

  it("logs in with a purpose, reads with the session, logs out; logins are audited", async () => {
    const before = (await store.stats()).auditRecords;
    const r = await app.request("http://localhost/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "ann", password: PASSWORD, purpose: "case:T-1" }) });
    expect(r.status).toBe(200);
    const { csrfToken } = await r.json() as { csrfToken: string };
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith("vizier_session="))!.split(";")[0]!;
    expect((await app.request("http://localhost/api/datasets", { headers: { cookie } })).status).toBe(200);
    expect((await app.request("http://localhost/api/session", { method: "DELETE", headers: { cookie, "x-csrf-token": csrfToken } })).status).toBe(204);
    expect((await app.request("http://localhost/api/datasets", { headers: { cookie } })).status).toBe(401);
    expect((await store.stats()).auditRecords).toBeGreaterThanOrEqual(before + 2);
  });

  it("refuses a wrong password (401) and throttles repeated failures (429)", async () => {
    const attempt = () => app.request("http://localhost/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "ann", password: "wrong password!", purpose: "case:T-1" }) });
    const statuses: number[] = [];
    for (let i = 0; i < accounts.THROTTLE.maxFailures + 1; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, accounts.THROTTLE.maxFailures).every((s) => s === 401)).toBe(true);
    const last = await attempt();
    expect(last.status).toBe(429);
    expect((await last.json() as { code: string }).code).toBe("LOGIN_THROTTLED");
  });
});
