/**
 * Resolved entities in the store-backed network and payments, on both stores: the B viewer's
 * resolution run merges the police and customs records of the same people; the network and the
 * flows then follow persons, not records. The A viewer (no run for its view) keeps records.
 */
import { describe, expect, it } from "vitest";
import { defaultModel, type Dataset, type Statement } from "@vizier/model";
import { linkAudit, type Services, type StorePort } from "@vizier/core";
import { ctxFor, TEST_SHARING, testDataset, testStatements } from "@vizier/core/testing";
import { resolutionOf, resolveStore } from "@vizier/resolve";
import { aggregateFlows } from "@vizier/flows";
import { loadNetwork } from "./graph/network";
import { loadPayments } from "./flows/load-payments";
import { storeCases } from "./testing/stores";

const police = testDataset("police", "A");
const customs = testDataset("customs", "B");
const FIRST = ["anna", "jan", "pieter", "maria", "sofie", "daan", "emma", "lucas", "noah", "julia", "sem", "tess"];
const LAST = ["jansen", "de vries", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vos", "peters", "hendriks", "dekker"];
const person = (i: number) => ({ name: `${FIRST[i % 12]} ${LAST[(i * 7 + 3) % 12]}`, birthDate: `${1950 + ((i * 13) % 50)}-0${1 + (i % 9)}-1${i % 9}`, idNumber: `NP${100000 + i * 7919}X` });

async function ingest(store: StorePort, ds: Dataset, statements: Statement[]): Promise<void> {
  const run = { id: `run-${ds.name}`, dataset: ds.name, file: "t.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
  const w = await store.beginWrite(run);
  await w.writeStatements(statements.map((s) => ({ ...s, runId: run.id })));
  await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
}

async function populate(store: StorePort): Promise<void> {
  for (const d of [police, customs]) await store.putDataset(d);
  const p: Statement[] = [...testStatements(police, "co1", "Company", { name: "Gomez Arango Trading BV" })];
  const c: Statement[] = [];
  for (let i = 0; i < 20; i++) {
    const x = person(i);
    p.push(...testStatements(police, `a${i}`, "Person", { name: x.name, birthDate: x.birthDate, idNumber: x.idNumber }));
    if (i < 12) c.push(...testStatements(customs, `b${i}`, "Person", { name: x.name, birthDate: x.birthDate, idNumber: x.idNumber }));
  }
  // the same person (a0 / b0) pays the company once in each agency's data
  p.push(...testStatements(police, "pay-p", "Payment", { payer: "a0", beneficiary: "co1", amount: "1000", date: "2024-05-01" }));
  c.push(...testStatements(customs, "pay-c", "Payment", { payer: "b0", beneficiary: "co1", amount: "2000", date: "2024-05-02" }));
  await ingest(store, police, p);
  await ingest(store, customs, c);
}

for (const c of storeCases("vz_analytics_resolved")) {
  describe.skipIf(Boolean(c.skip))(`resolved entities in store-backed analytics: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    it("merges a person's records across datasets for the viewer whose view was resolved", async () => {
      const store = await c.make();
      try {
        await populate(store);
        const svc: Services = { store, model: defaultModel(), sharing: TEST_SHARING };
        await resolveStore(ctxFor("B"), svc, resolutionOf(store));

        const plain = await loadNetwork(ctxFor("B"), svc, { types: ["Payment"] });
        expect(plain.edges.map((e) => e.source).sort()).toEqual(["a0", "b0"]);
        const net = await loadNetwork(ctxFor("B"), svc, { types: ["Payment"], resolved: true, period: "all" });
        expect(net.resolution?.merged).toBeGreaterThan(0);
        expect(net.edges).toHaveLength(1);
        const rid = net.edges[0]!.source;
        expect(net.resolution?.resolvedOf.get("a0")).toBe(rid);
        expect(net.resolution?.resolvedOf.get("b0")).toBe(rid);
        expect(net.edges[0]).toMatchObject({ count: 2, amount: 3000 });

        const flows = await loadPayments(ctxFor("B"), svc, { resolved: true });
        expect(aggregateFlows(flows.table, { period: "all" }).map((l) => [l.source, l.amount, l.count])).toEqual([[rid, 3000, 2]]);

        // A's view has no run: records stay records (and A reads only its own payment)
        const asA = await loadNetwork(ctxFor("A"), svc, { types: ["Payment"], resolved: true });
        expect(asA.resolution?.merged).toBe(0);
        expect(asA.edges.map((e) => e.source)).toEqual(["a0"]);
      } finally {
        await store.close();
      }
    });
  });
}
