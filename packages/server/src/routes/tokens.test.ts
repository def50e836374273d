import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts as acc, type AccountsPort } from "@vizier/core";
import { makeFixture, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => {
  f = await makeFixture();
  // ann also gets a user record in the store's accounts, which tokens belong to.
  expect((await send("ada", "POST", "/api/admin/users", { username: "ann", roles: ["analyst"] })).status).toBe(201);
});
afterAll(async () => { await f.close(); });
const store = () => (f.svc.store as unknown as { accounts: AccountsPort }).accounts;

function send(u: UserName, method: string, path: string, body?: unknown) {
  return f.req(u, path, { method, ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }) });
}

interface Token { id: string; userId: string; name: string; createdAt: string; expiresAt?: string; revokedAt?: string }

describe("API tokens: self-service", () => {
  it("creates a token whose secret is answered once and works as a bearer token, lists and revokes it; audited", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await send("ann", "POST", "/api/tokens", { name: "nightly export", expires: "30d" });
    const text = await r.text();
    expect(r.status, text).toBe(201);
    expect(text).not.toMatch(/secretHash/i);
    const made = JSON.parse(text) as { token: Token; secret: string };
    expect(made.token).toMatchObject({ userId: "ann", name: "nightly export" });
    expect(made.secret).toMatch(/^vz_/);
    const days = (Date.parse(made.token.expiresAt!) - Date.parse(made.token.createdAt)) / 86_400_000;
    expect(days).toBe(30);
    // The secret proves who the caller is, as the server's accounts authenticator checks it.
    expect((await acc.actorForToken({ accounts: store() }, made.secret)).id).toBe("ann");

    const mine = await (await send("ann", "GET", "/api/tokens")).json() as { items: Token[] };
    expect(mine.items.map((t) => t.id)).toContain(made.token.id);
    expect(JSON.stringify(mine)).not.toContain(made.secret);

    expect((await send("bob", "DELETE", `/api/tokens/${made.token.id}`)).status).toBe(403);
    const revoked = await send("ann", "DELETE", `/api/tokens/${made.token.id}`);
    expect(revoked.status).toBe(200);
    expect((await revoked.json() as Token).revokedAt).toBeDefined();
    await expect(acc.actorForToken({ accounts: store() }, made.secret)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await f.svc.store.stats()).auditRecords).toBeGreaterThanOrEqual(before + 2);
  });

  it("lets only administrators see or make other users' tokens", async () => {
    expect((await send("ann", "GET", "/api/tokens?user=all")).status).toBe(403);
    expect((await send("bob", "GET", "/api/tokens?user=ann")).status).toBe(403);
    expect((await send("ann", "POST", "/api/tokens", { name: "for ada", user: "ada" })).status).toBe(403);
    const forAnn = await send("ada", "POST", "/api/tokens", { name: "made by the admin", user: "ann", expires: "never" });
    expect(forAnn.status).toBe(201);
    expect((await forAnn.json() as { token: Token }).token).toMatchObject({ userId: "ann", name: "made by the admin" });
    const all = await (await send("ada", "GET", "/api/tokens?user=all")).json() as { items: Token[] };
    expect(all.items.some((t) => t.name === "made by the admin" && t.expiresAt === undefined)).toBe(true);
  });

  it("refuses bad input with 4xx, never 500", async () => {
    expect((await send("ann", "POST", "/api/tokens", { name: "" })).status).toBe(422);
    expect((await send("ann", "POST", "/api/tokens", { name: "x", expires: "forever" })).status).toBe(400);
    expect((await send("ann", "POST", "/api/tokens", { name: "x", user: "../etc" })).status).toBe(422);
    expect((await send("ann", "DELETE", "/api/tokens/nope")).status).toBe(400);
    expect((await send("ann", "DELETE", "/api/tokens/tok_000000000000")).status).toBe(404);
    expect((await send("ada", "POST", "/api/tokens", { name: "ghost", user: "nobody" })).status).toBe(404);
  });
});
