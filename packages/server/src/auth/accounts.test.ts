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

  it("a one-time password opens a session that may only set its own password; then everything else answers", async () => {
    const admin = makeCtx(systemActor("test", "A"), "purpose:admin");
    const { oneTimePassword } = await accounts.createUser(admin, { accounts: store.accounts, audit: store }, { username: "otto", agency: "A", roles: ["analyst"] });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const r = await post("/api/session", { user: "otto", password: oneTimePassword, purpose: "case:T-1" });
    expect(r.status).toBe(200);
    const { csrfToken, mustChangePassword } = await r.json() as { csrfToken: string; mustChangePassword: boolean };
    expect(mustChangePassword).toBe(true);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith("vizier_session="))!.split(";")[0]!;
    const auth = { cookie, "x-csrf-token": csrfToken };
    const blocked = await app.request("http://localhost/api/datasets", { headers: { cookie } });
    expect(blocked.status).toBe(403);
    expect((await blocked.json() as { code: string }).code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await app.request("http://localhost/api/search?q=x", { headers: { cookie } })).status).toBe(403);
    expect(await (await app.request("http://localhost/api/session", { headers: { cookie } })).json()).toMatchObject({ actor: { id: "otto" }, mustChangePassword: true });
    // Without the CSRF token, with a wrong current password, or a too short new one: refused.
    expect((await post("/api/session/password", { currentPassword: oneTimePassword, newPassword: "ottos own password" }, { cookie })).status).toBe(403);
    const wrong = await post("/api/session/password", { currentPassword: "not it at all", newPassword: "ottos own password" }, auth);
    expect([wrong.status, (await wrong.json() as { code: string }).code]).toEqual([403, "FORBIDDEN"]);
    expect((await post("/api/session/password", { currentPassword: oneTimePassword, newPassword: "short" }, auth)).status).toBe(400);
    expect((await post("/api/session/password", { currentPassword: oneTimePassword, newPassword: 42 }, auth)).status).toBe(422);
    expect((await post("/api/session/password", { currentPassword: oneTimePassword, newPassword: "ottos own password" }, auth)).status).toBe(204);
    expect((await app.request("http://localhost/api/datasets", { headers: { cookie } })).status).toBe(200);
    expect(await (await app.request("http://localhost/api/session", { headers: { cookie } })).json()).toMatchObject({ mustChangePassword: false });
    expect((await post("/api/session", { user: "otto", password: oneTimePassword, purpose: "case:T-1" })).status).toBe(401);
    // An API token cannot change a password.
    expect((await post("/api/session/password", { currentPassword: PASSWORD, newPassword: "anns new password" }, { authorization: `Bearer ${token}` })).status).toBe(400);
  });
});
