import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E, makeFixture, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
beforeAll(async () => { f = await makeFixture(); });
afterAll(async () => { await f.close(); });

const post = (u: UserName, path: string, body: unknown) => f.req(u, path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
interface AR { id: string; status: string; owner: string; requester: string }

describe("access requests", () => {
  it("files a request for withheld statements, the owner's privacy officer approves, the requester then reads them", async () => {
    const before = await (await f.req("ann", `/api/entities/${E.mixed}`)).text();
    expect(before).not.toContain("Hidden Alias");
    const r = await post("ann", "/api/access-requests", { entityIds: [E.mixed], dataset: "secret", justification: "the alias links two suspects in case TEST-1" });
    expect(r.status).toBe(201);
    const ar = await r.json() as AR;
    expect(ar).toMatchObject({ status: "pending", owner: "A", requester: "ann" });
    // The requester cannot decide their own request, and an analyst of another agency cannot either.
    expect((await post("ann", `/api/access-requests/${ar.id}/decision`, { approve: true, reason: "ok by me" })).status).toBe(403);
    expect((await post("bob", `/api/access-requests/${ar.id}/decision`, { approve: true, reason: "ok by me" })).status).toBe(403);
    const pending = await (await f.req("pia", "/api/access-requests?pending=true")).json() as { items: AR[] };
    expect(pending.items.map((x) => x.id)).toContain(ar.id);
    const decided = await post("pia", `/api/access-requests/${ar.id}/decision`, { approve: true, reason: "needed for the case" });
    expect(decided.status).toBe(200);
    expect((await decided.json() as AR).status).toBe("approved");
    expect((await post("pia", `/api/access-requests/${ar.id}/decision`, { approve: false, reason: "changed mind" })).status).toBe(409);
    const after = await (await f.req("ann", `/api/entities/${E.mixed}`)).text();
    expect(after).toContain("Hidden Alias");
    // The grant is bound to the purpose it was asked for.
    expect(await (await f.req("ann", `/api/entities/${E.mixed}`, { purpose: "case:OTHER" })).text()).not.toContain("Hidden Alias");
  });

  it("refuses requests for what is not withheld (400), unknown datasets (404) and short justifications (422)", async () => {
    expect((await post("ann", "/api/access-requests", { entityIds: [E.jan], dataset: "police", justification: "long enough justification" })).status).toBe(400);
    expect((await post("ann", "/api/access-requests", { entityIds: [E.jan], dataset: "nope", justification: "long enough justification" })).status).toBe(404);
    expect((await post("ann", "/api/access-requests", { entityIds: [E.jan], dataset: "police", justification: "short" })).status).toBe(422);
    expect((await post("pia", "/api/access-requests/ar-nope/decision", { approve: true, reason: "fine" })).status).toBe(404);
  });
});

describe("audit queries", () => {
  it("lets the privacy officer see who viewed an entity, and refuses analysts", async () => {
    await f.req("bob", `/api/entities/${E.jan}`);
    const r = await f.req("pia", `/api/audit?entity=${E.jan}&action=view`);
    expect(r.status).toBe(200);
    const { items } = await r.json() as { items: Array<{ actor: string; action: string; purpose: string }> };
    expect(items.some((i) => i.actor === "bob" && i.action === "view" && i.purpose === "case:TEST-1")).toBe(true);
    expect((await f.req("ann", "/api/audit")).status).toBe(403);
    expect((await f.req("pia", "/api/audit?since=not-a-date")).status).toBe(400);
  });

  it("pages the records", async () => {
    const all = await (await f.req("pia", "/api/audit?limit=200")).json() as { items: Array<{ seq: number }> };
    const p2 = await (await f.req("pia", "/api/audit?limit=2&offset=1")).json() as { items: Array<{ seq: number }>; nextOffset: number | null };
    expect(p2.items.map((i) => i.seq)).toEqual(all.items.slice(1, 3).map((i) => i.seq));
    expect(p2.nextOffset).toBe(3);
  });
});
