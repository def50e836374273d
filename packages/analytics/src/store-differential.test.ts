/**
 * Differential check of the access-filtered load on both stores: random people, companies,
 * relationships and payments spread over three agencies' datasets (one entity's statements often
 * split across datasets). For each viewer, the store-backed network must equal the network derived
 * from exactly the statements of the datasets that viewer may read — computed here from the
 * dataset list and the sharing rule (A shares with B), not through the policy code.
 */
import { describe, expect, it } from "vitest";
import { assembleEntities, defaultModel, mulberry32, type Statement } from "@vizier/model";
import { linkAudit, type Services } from "@vizier/core";
import { ctxFor, TEST_SHARING, testDataset, testStatements } from "@vizier/core/testing";
import { deriveNetwork, loadNetwork } from "./graph/network";
import { loadPayments } from "./flows/load-payments";
import { paymentsTable } from "./flows/payments";
import { storeCases } from "./testing/stores";

const model = defaultModel();
const datasets = [testDataset("a-data", "A"), testDataset("b-data", "B"), testDataset("c-data", "C")];
/** Who may read which dataset under TEST_SHARING (A → B; C isolated). */
const READABLE: Record<string, string[]> = { A: ["a-data"], B: ["a-data", "b-data"], C: ["c-data"] };

function randomStatements(seed: number): Statement[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Statement[] = [];
  const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const companies = Array.from({ length: 5 }, (_, i) => `c${i}`);
  const streets = ["Kerkstraat 1", "Dorpsweg 2", "Haven 3"];
  for (const p of people) {
    // each person is known to one or two datasets, with different facts in each
    for (const ds of new Set([pick(datasets), pick(datasets)])) {
      out.push(...testStatements(ds, p, "Person", { name: `Name ${p}`, ...(rnd() < 0.4 ? { address: pick(streets) } : {}), ...(rnd() < 0.3 ? { idNumber: `ID${Math.floor(rnd() * 4)}` } : {}) }));
    }
  }
  for (const c of companies) out.push(...testStatements(pick(datasets), c, "Company", { name: `Company ${c}` }));
  const kinds = [["Directorship", "director", "organization"], ["Family", "person", "relative"], ["Associate", "person", "associate"], ["Ownership", "owner", "asset"]] as const;
  for (let r = 0; r < 30; r++) {
    const [schema, s, t] = pick(kinds);
    const target = schema === "Directorship" || schema === "Ownership" ? pick(companies) : pick(people);
    out.push(...testStatements(pick(datasets), `rel${r}`, schema, { [s]: pick(people), [t]: target, startDate: `202${Math.floor(rnd() * 5)}-01-01` }));
  }
  for (let k = 0; k < 25; k++) {
    out.push(...testStatements(pick(datasets), `pay${k}`, "Payment", { payer: pick([...people, ...companies]), beneficiary: pick([...people, ...companies]), amount: String(100 + Math.floor(rnd() * 20000)), currency: pick(["EUR", "USD"]), date: `2024-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` }));
  }
  return out;
}

for (const c of storeCases("vz_analytics_diff")) {
  describe.skipIf(Boolean(c.skip))(`store-backed network equals the network of the readable datasets: ${c.label}${c.skip ? ` (skipped: ${c.skip})` : ""}`, () => {
    for (const seed of [1, 2, 3]) {
      it(`seed ${seed}`, async () => {
        const store = await c.make();
        try {
          const statements = randomStatements(seed);
          for (const ds of datasets) {
            await store.putDataset(ds);
            const run = { id: `run-${ds.name}`, dataset: ds.name, file: "t.csv", mapping: "m.yml", actor: "tester", startedAt: "2026-01-01T00:00:00.000Z" };
            const w = await store.beginWrite(run);
            await w.writeStatements(statements.filter((s) => s.dataset === ds.name).map((s) => ({ ...s, runId: run.id })));
            await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
          }
          const svc: Services = { store, model, sharing: TEST_SHARING };
          let differs = 0;
          for (const agency of ["A", "B", "C"]) {
            const visible = assembleEntities(model, statements.filter((s) => READABLE[agency]!.includes(s.dataset)));
            const expected = deriveNetwork(model, visible);
            const got = await loadNetwork(ctxFor(agency), svc);
            expect(got).toEqual(expected);
            const everything = deriveNetwork(model, assembleEntities(model, statements));
            if (JSON.stringify(everything) !== JSON.stringify(got)) differs++;
            const pay = await loadPayments(ctxFor(agency), svc);
            const want = paymentsTable(model, visible);
            expect(pay.table).toEqual(want.table);
          }
          // the scenario is not trivial: some viewer really sees less than everything
          expect(differs).toBeGreaterThan(0);
        } finally {
          await store.close();
        }
      });
    }
  });
}
