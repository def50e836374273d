import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });

async function login(purpose = "case:TEST-1") {
  const r = await f.app.request("http://localhost/api/session", json({ user: "ann", password: "pw-ann", purpose }));
  expect(r.status).toBe(200);
  const cookies = r.headers.getSetCookie();
  const session = cookies.find((c) => c.startsWith("vizier_session="))!;
  const body = await r.json() as { csrfToken: string; purpose: string | null; actor: { id: string } };
  return { cookie: session.split(";")[0]!, setCookie: session, csrf: body.csrfToken, body, all: cookies };
}

describe("session login, me, logout", () => {
  it("sets an HttpOnly SameSite=Strict cookie and returns the actor, purpose and CSRF token", async () => {
    const s = await login("case:TEST-1");
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Strict/i);
    expect(s.setCookie).toMatch(/Path=\/api/);
    expect(s.all.find((c) => c.startsWith("vizier_csrf="))).not.toMatch(/HttpOnly/i);
    expect(s.body).toMatchObject({ actor: { id: "ann" }, purpose: "case:TEST-1" });
    const me = await f.app.request("http://localhost/api/session", { headers: { cookie: s.cookie } });
    const meBody = await me.json() as { expiresAt: string };
    expect(meBody).toMatchObject({ actor: { id: "ann", agency: "A" }, via: "session", purpose: "case:TEST-1", csrfToken: s.csrf });
    expect(new Date(meBody.expiresAt).getTime()).toBeGreaterThan(Date.now());
    // The session's purpose serves data routes; a header overrides it.
    expect((await f.app.request("http://localhost/api/datasets", { headers: { cookie: s.cookie } })).status).toBe(200);
  });

  it("a session needs a purpose; the header overrides it per request", async () => {
    for (const purpose of [undefined, "", "   "]) {
      const r = await f.app.request("http://localhost/api/session", json({ user: "ann", password: "pw-ann", ...(purpose === undefined ? {} : { purpose }) }));
      expect(r.status).toBe(422);
    }
    const s = await login("case:TEST-1");
    const me = await f.app.request("http://localhost/api/session", { headers: { cookie: s.cookie, "x-vizier-purpose": "case:OTHER" } });
    expect((await me.json() as { purpose: string }).purpose).toBe("case:OTHER");
  });

  it("refuses wrong passwords and unknown users alike (401)", async () => {
    for (const body of [{ user: "ann", password: "nope", purpose: "case:T" }, { user: "nobody", password: "pw-ann", purpose: "case:T" }]) {
      const r = await f.app.request("http://localhost/api/session", json(body));
      expect(r.status).toBe(401);
      expect(r.headers.getSetCookie()).toEqual([]);
    }
  });

  it("protects cookie-authenticated unsafe requests against CSRF", async () => {
    const s = await login("case:TEST-1");
    const logout = (headers: Record<string, string>) => f.app.request("http://localhost/api/session", { method: "DELETE", headers: { cookie: s.cookie, ...headers } });
    expect((await logout({})).status).toBe(403);
    expect((await logout({ "x-csrf-token": "forged" })).status).toBe(403);
    expect((await logout({ "x-csrf-token": s.csrf, origin: "https://evil.example" })).status).toBe(403);
    // A login from another origin is refused too (login CSRF).
    expect((await f.app.request("http://localhost/api/session", json({ user: "ann", password: "pw-ann", purpose: "case:T" }, { origin: "https://evil.example" }))).status).toBe(403);
    const ok = await logout({ "x-csrf-token": s.csrf, origin: "http://localhost" });
    expect(ok.status).toBe(204);
    expect(ok.headers.getSetCookie().join(";")).toMatch(/vizier_session=;/);
    // The session is gone.
    expect((await f.app.request("http://localhost/api/session", { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("bearer requests need no CSRF token", async () => {
    const r = await f.req("ann", "/api/session", { method: "DELETE" });
    expect(r.status).toBe(204);
  });

  it("validates the login body: malformed JSON 400, wrong shape 422", async () => {
    const bad = await f.app.request("http://localhost/api/session", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    const shape = await f.app.request("http://localhost/api/session", json({ user: 5, password: [] }));
    expect(shape.status).toBe(422);
    const p = await shape.json() as { code: string; errors: Array<{ path: string }> };
    expect(p.code).toBe("INVALID_ARGUMENT");
    expect([...new Set(p.errors.map((e) => e.path))].sort()).toEqual(["password", "purpose", "user"]);
  });
});
