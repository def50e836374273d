import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCtx, userActor } from "@vizier/core";
import { resolutionOf, resolveStore } from "@vizier/resolve";
import { E, makeFixture, type Fixture, type UserName } from "../test/fixture";

let f: Fixture;
const PEOPLE = `
query:
  entities:
    person:
      schema: Person
      keys: [id]
      properties:
        name: { column: name }
        birthDate: { column: dob }
        nationality: { column: nat }
`;
beforeAll(async () => {
  f = await makeFixture();
  // Near-duplicates in A's data, then a resolution run in ann's view (a band wide enough for a queue).
  const ctx = makeCtx(userActor("ann", "A", ["analyst"]), "case:TEST-1");
  await f.runner.submitIngest(ctx, {
    dataset: "police", fileName: "dups.csv", mapping: PEOPLE,
    bytes: Buffer.from("id,name,dob,nat\nd1,Pieter de Groot,1975-04-02,nl\nd2,Pieter de Groot,1975-04-02,nl\nd3,Piet de Groot,1975-04-02,nl\nd4,Maria Lopez,1990-01-01,es\n"),
  });
  await f.runner.idle();
  await resolveStore(ctx, f.svc, resolutionOf(f.svc.store), { threshold: 0.99, band: [0.01, 0.99] });
});
afterAll(async () => { await f.close(); });

const post = (u: UserName, path: string, body?: unknown) => f.req(u, path, { method: "POST", ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }) });
interface Item { pair: { id: string; left: string; right: string }; left: { caption: string } }

describe("resolution routes", () => {
  it("lists the review queue and shows a pair with its explanation", async () => {
    const r = await f.req("ann", "/api/review");
    expect(r.status).toBe(200);
    const { items } = await r.json() as { items: Item[] };
    expect(items.length).toBeGreaterThan(0);
    const one = await f.req("ann", `/api/review/${items[0]!.pair.id}`);
    expect(one.status).toBe(200);
    const body = await one.json() as { explanation: Record<string, unknown>; judgements: unknown[] };
    expect(body.explanation).toHaveProperty("fields");
    // Another agency's analyst has another view: the pair is not theirs.
    expect((await f.req("cat", `/api/review/${items[0]!.pair.id}`)).status).toBe(404);
    expect((await f.req("ann", "/api/review/nope")).status).toBe(404);
  });

  it("judges two readable entities, undoes it; refuses entities the judge may not read (404)", async () => {
    const r = await post("ann", "/api/judgements", { left: E.jan, right: E.mixed, verdict: "reject", reason: "different people" });
    expect(r.status).toBe(201);
    const j = await r.json() as { id: string; verdict: string; basis?: string };
    expect(j.verdict).toBe("reject");
    expect(j.basis).toBeUndefined();
    const u = await post("ann", `/api/judgements/${j.id}/undo`);
    expect(u.status).toBe(200);
    expect((await u.json() as { undoneBy: string }).undoneBy).toBe("ann");
    expect((await post("ann", "/api/judgements", { left: E.jan, right: E.secret, verdict: "confirm", reason: "same" })).status).toBe(404);
    expect((await post("ann", "/api/judgements", { left: E.jan, right: E.mixed, verdict: "maybe", reason: "x" })).status).toBe(422);
    expect((await post("cat", `/api/judgements/${j.id}/undo`)).status).toBe(404);
  });

  it("shows a resolved entity by a member's id, readable members only", async () => {
    const hits = await (await f.req("ann", "/api/search?q=groot")).json() as { items: Array<{ entity: { id: string } }> };
    const id = hits.items[0]!.entity.id;
    const r = await f.req("ann", `/api/resolved/${id}`);
    expect(r.status).toBe(200);
    const body = await r.json() as { members: Array<{ id: string }> };
    expect(body.members.map((m) => m.id)).toContain(id);
    expect((await f.req("cat", `/api/resolved/${id}`)).status).toBe(404);
  });
});
