import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts as acc, type AccountsPort } from "@vizier/core";
import { makeFixture, USERS, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });
const store = () => (f.svc.store as unknown as { accounts: AccountsPort }).accounts;

const send = (u: UserName, method: string, path: string, body?: unknown) =>
  f.req(u, path, { method, ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });

interface User { id: string; agency: string; roles: string[]; cases: string[]; disabled: boolean; hasPassword: boolean }

describe("admin: users", () => {
  it("adds a user with a one-time password that works, lists, changes and resets it; audited", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await send("ada", "POST", "/api/admin/users", { username: "newbie", roles: ["analyst"], cases: ["case:SECRET-1"], displayName: "New Bie" });
    const text = await r.text();
    expect(r.status, text).toBe(201);
    const made = JSON.parse(text) as { user: User; oneTimePassword: string };
    expect(made.user).toMatchObject({ id: "newbie", agency: "A", roles: ["analyst"], cases: ["case:SECRET-1"], disabled: false, hasPassword: true });
    expect(text).not.toContain("passwordHash");
    const stored = await store().getUser("newbie");
    expect(await acc.verifyPassword(made.oneTimePassword, stored!.passwordHash)).toBe(true);
    expect((await send("ada", "POST", "/api/admin/users", { username: "newbie", roles: ["analyst"] })).status).toBe(409);

    const list = await (await send("ada", "GET", "/api/admin/users")).json() as { items: User[] };
    expect(list.items.map((u) => u.id)).toContain("newbie");

    const changed = await (await send("ada", "PATCH", "/api/admin/users/newbie", { roles: ["analyst", "investigator"], cases: ["case:OTHER-2"], disabled: true })).json() as User;
    expect(changed).toMatchObject({ roles: ["analyst", "investigator"], cases: ["case:OTHER-2"], disabled: true });
    expect(await store().getUser("newbie")).toMatchObject({ disabled: true, cases: ["case:OTHER-2"] });

    const reset = await (await send("ada", "POST", "/api/admin/users/newbie/password-reset")).json() as { oneTimePassword: string };
    expect(reset.oneTimePassword).not.toBe(made.oneTimePassword);
    expect(await acc.verifyPassword(reset.oneTimePassword, (await store().getUser("newbie"))!.passwordHash)).toBe(true);
    expect((await f.svc.store.stats()).auditRecords).toBeGreaterThan(before + 5);
  });

  it("refuses bad input and unknown users", async () => {
    expect((await send("ada", "POST", "/api/admin/users", { username: "x", roles: ["analyst"] })).status).toBe(422);
    expect((await send("ada", "POST", "/api/admin/users", { username: "someone", roles: ["king"] })).status).toBe(422);
    expect((await send("ada", "POST", "/api/admin/users", { username: "someone", roles: ["analyst"], agency: "ZZ" })).status).toBe(400);
    expect((await send("ada", "PATCH", "/api/admin/users/nobody", { disabled: true })).status).toBe(404);
    expect((await send("ada", "POST", "/api/admin/users/nobody/password-reset")).status).toBe(404);
    expect((await send("ada", "PATCH", "/api/admin/users/..%2f..", { disabled: true })).status).toBe(400);
  });
});

describe("admin: installation configuration", () => {
  it("shows agencies, sharing rules and handling codes from the SharingConfig", async () => {
    const ag = await (await send("ada", "GET", "/api/admin/agencies")).json() as { items: Array<{ code: string }> };
    expect(ag.items.map((a) => a.code)).toEqual(f.svc.sharing.agencies.map((a) => a.code));
    const rules = await (await send("ada", "GET", "/api/admin/sharing-rules")).json() as { items: unknown[] };
    expect(rules.items).toEqual(f.svc.sharing.rules);
    const codes = await (await send("ada", "GET", "/api/admin/handling-codes")).json() as { items: Array<{ code: string }> };
    expect(codes.items.map((h) => h.code)).toEqual(f.svc.sharing.handlingCodes.map((h) => h.code));
  });
});

describe("admin: only administrators", () => {
  const others = (Object.keys(USERS) as UserName[]).filter((u) => u !== "ada");
  it.each(others)("%s gets 403 on every admin route and changes nothing", async (u) => {
    const count = (await store().listUsers()).length;
    for (const [method, path, body] of [
      ["GET", "/api/admin/users"], ["POST", "/api/admin/users", { username: `by-${u}`, roles: ["admin"] }],
      ["PATCH", "/api/admin/users/newbie", { roles: ["admin"] }], ["POST", "/api/admin/users/newbie/password-reset"],
      ["GET", "/api/admin/agencies"], ["GET", "/api/admin/sharing-rules"], ["GET", "/api/admin/handling-codes"],
    ] as Array<[string, string, unknown?]>) {
      const r = await send(u, method, path, body);
      expect(r.status, `${u} ${method} ${path}`).toBe(403);
      expect(await r.text()).not.toContain("oneTimePassword");
    }
    expect((await store().listUsers()).length).toBe(count);
  });
});

describe("admin: cookie sessions", () => {
  it("needs the CSRF token for a change", async () => {
    const r = await f.app.request("http://localhost/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "ada", password: "pw-ada", purpose: "purpose:account-administration" }) });
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith("vizier_session="))!.split(";")[0]!;
    const { csrfToken } = await r.json() as { csrfToken: string };
    const patch = (headers: Record<string, string>) => f.app.request("http://localhost/api/admin/users/newbie", { method: "PATCH", headers: { cookie, "content-type": "application/json", ...headers }, body: JSON.stringify({ disabled: false }) });
    expect((await patch({})).status).toBe(403);
    expect((await patch({ "x-csrf-token": csrfToken })).status).toBe(200);
  });
});
