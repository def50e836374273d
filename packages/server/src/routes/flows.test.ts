import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import type { Statement } from "@vizier/model";
import { E, makeFixture, type Fixture } from "../test/fixture";

let f: Fixture;

const TYPES: Record<string, string> = { amount: "number", date: "date" };
const typed = (s: Statement[]) => s.map((x) => ({ ...x, propType: TYPES[x.prop] ?? x.propType }));

/** Three companies paying each other in a circle within a week, and a compartment payment from Jan. */
async function addPayments(fx: Fixture): Promise<void> {
  const police = testDataset("police", "A");
  const secret = testDataset("secret", "A", { compartment: "case:SECRET-1" });
  const run = { id: "r2", dataset: "police", file: "p.csv", mapping: "", actor: "test", startedAt: "2026-02-01T00:00:00.000Z" };
  const w = await fx.svc.store.beginWrite(run);
  const pay = (id: string, from: string, to: string, amount: string, date: string, ds = police, extra: Record<string, string> = {}) =>
    typed(testStatements(ds, id, "Payment", { payer: from, beneficiary: to, amount, currency: "EUR", date, ...extra }));
  await w.writeStatements([
    ...["c1", "c2", "c3"].flatMap((c) => testStatements(police, c, "Company", { name: `Circle ${c}` })),
    ...pay("p-c1", "c1", "c2", "10000", "2026-04-01"),
    ...pay("p-c2", "c2", "c3", "9800", "2026-04-03"),
    ...pay("p-c3", "c3", "c1", "9600", "2026-04-05"),
    ...pay("p-jan", E.jan, "c1", "500", "2026-03-15"),
    ...pay("p-secret", E.jan, E.secret, "7777", "2026-03-20", secret),
  ]);
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

beforeAll(async () => { f = await makeFixture(); await addPayments(f); });
afterAll(async () => { await f.close(); });

const SECRET = ["p-secret", E.secret, "7777", "Geheim"];

interface Trace { start: { id: string }; total: number; paths: Array<{ amount: number; steps: Array<{ payment: string; from: { id: string; label: string }; to: { id: string }; traced: number }> }>; retained: Array<{ id: string; amount: number }> }

describe("GET /api/flows/trace", () => {
  it("follows money forward from an entity through readable payments only, audited", async () => {
    const before = (await f.svc.store.stats()).auditRecords;
    const r = await f.req("ann", `/api/flows/trace?entity=${E.jan}&hops=4`);
    const text = await r.text();
    expect(r.status, text).toBe(200);
    for (const s of SECRET) expect(text).not.toContain(s);
    const t = JSON.parse(text) as Trace;
    expect(t.start.id).toBe(E.jan);
    expect(t.total).toBe(600); // 100 to Mixed Person, 500 into the circle
    const payments = t.paths.flatMap((p) => p.steps.map((s) => s.payment));
    expect(payments).toEqual(expect.arrayContaining([E.pay, "p-jan", "p-c1"]));
    expect(t.paths[0]!.steps[0]!.from).toEqual({ id: E.jan, label: "Jan Jansen" });
    expect((await f.svc.store.stats()).auditRecords).toBe(before + 1);
    const ivo = await (await f.req("ivo", `/api/flows/trace?entity=${E.jan}`)).json() as Trace;
    expect(ivo.total).toBe(600 + 7777);
  });

  it("traces backward and between accounts, and refuses bad input", async () => {
    const back = await (await f.req("ann", "/api/flows/trace?entity=c2&direction=backward&hops=1")).json() as Trace;
    expect(back.paths.flatMap((p) => p.steps.map((s) => s.payment))).toEqual(["p-c1"]);
    expect((await f.req("ann", "/api/flows/trace?account=c1")).status).toBe(200);
    expect((await f.req("ann", `/api/flows/trace?entity=${E.secret}`)).status).toBe(404);
    for (const q of ["", "entity=c1&account=c1", "entity=c1&hops=0", "entity=c1&direction=up", "entity=c1&since=May"]) {
      expect((await f.req("ann", `/api/flows/trace?${q}`)).status, q).toBe(400);
    }
  });
});

describe("GET /api/flows/aggregate", () => {
  interface Agg { links: Array<{ source: { id: string; label: string }; target: { id: string }; period: string; amount: number; count: number }>; truncated: boolean }
  it("sums flows between parties per period for a Sankey", async () => {
    const r = await f.req("ann", "/api/flows/aggregate?period=month");
    const text = await r.text();
    expect(r.status, text).toBe(200);
    for (const s of SECRET) expect(text).not.toContain(s);
    const a = JSON.parse(text) as Agg;
    expect(a.links[0]).toMatchObject({ source: { id: "c1", label: "Circle c1" }, target: { id: "c2" }, period: "2026-04", amount: 10000, count: 1 });
    expect(a.links).toHaveLength(5);
    const only = await (await f.req("ann", `/api/flows/aggregate?ids=${E.jan}`)).json() as Agg;
    expect(only.links.map((l) => l.target.id).sort()).toEqual(["c1", E.mixed].sort());
    const one = await (await f.req("ann", "/api/flows/aggregate?limit=1")).json() as Agg;
    expect(one.truncated).toBe(true);
  });
});

describe("GET /api/flows/alerts", () => {
  interface Alerts { alerts: Array<{ pattern: string; parties: Array<{ id: string }>; payments: string[]; explanation: string }> }
  it("finds the circle with an explanation", async () => {
    const r = await f.req("ann", "/api/flows/alerts?patterns=cycle");
    const text = await r.text();
    expect(r.status, text).toBe(200);
    const a = JSON.parse(text) as Alerts;
    expect(a.alerts).toHaveLength(1);
    expect(a.alerts[0]!.parties.map((p) => p.id).sort()).toEqual(["c1", "c2", "c3"]);
    expect(a.alerts[0]!.payments.sort()).toEqual(["p-c1", "p-c2", "p-c3"]);
    expect(a.alerts[0]!.explanation.length).toBeGreaterThan(10);
    expect(((await (await f.req("ann", `/api/flows/alerts?patterns=cycle&ids=${E.mixed}`)).json()) as Alerts).alerts).toEqual([]);
    expect((await f.req("ann", "/api/flows/alerts?patterns=nope")).status).toBe(400);
  });
});
