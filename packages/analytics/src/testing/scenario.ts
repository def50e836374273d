/**
 * Test support: two agencies' datasets in one store. Agency A ("police") shares with B; agency C
 * ("foreign") shares with nobody. C's dataset holds an Associate edge to a person only C knows,
 * a Family edge and a shared address between two persons A also knows, and payments — all of
 * which a B viewer must never see, while C (the owner) sees them.
 */
import { linkAudit, type StorePort } from "@vizier/core";
import { testDataset, testStatements } from "@vizier/core/testing";
import type { Dataset, Statement } from "@vizier/model";

/** Agency codes of the two datasets (the CLI tests use real agencies from config/sharing-rules.yml). */
export interface Agencies { a: string; c: string; legalBasisC?: string }

/** Entity ids of what only the denied dataset (C) knows. */
export const ONLY_C = { person: "p9", associate: "assoc-c", family: "fam-c", payments: ["pay-c1", "pay-c2", "pay-c3", "pay-c4"] };

function a(dsA: Dataset): Statement[] {
  return [
    ...testStatements(dsA, "p1", "Person", { name: "Anna Alfa" }),
    ...testStatements(dsA, "p2", "Person", { name: "Bart Bravo" }),
    ...testStatements(dsA, "c1", "Company", { name: "Alpha Trading BV" }),
    ...testStatements(dsA, "dir-a", "Directorship", { director: "p1", organization: "c1", startDate: "2023-01-01" }),
    ...testStatements(dsA, "acc1", "BankAccount", { iban: "NL91ABNA0417164300" }),
    ...testStatements(dsA, "own-a", "Ownership", { owner: "p2", asset: "acc1" }),
    ...testStatements(dsA, "pay-a1", "Payment", { payer: "c1", beneficiaryAccount: "acc1", amount: "12000", currency: "EUR", date: "2024-03-01" }),
  ];
}

function c(dsC: Dataset): Statement[] {
  return [
    ...testStatements(dsC, "p9", "Person", { name: "Xavier Xray" }),
    ...testStatements(dsC, "p1", "Person", { address: "Geheimstraat 1, Antwerpen" }),
    ...testStatements(dsC, "p2", "Person", { address: "Geheimstraat 1, Antwerpen" }),
    ...testStatements(dsC, ONLY_C.associate, "Associate", { person: "p1", associate: "p9" }),
    ...testStatements(dsC, ONLY_C.family, "Family", { person: "p1", relative: "p2" }),
    // p2 splits money to p9 just under the €10,000 threshold (structuring), and once to p1
    ...testStatements(dsC, "pay-c1", "Payment", { payerAccount: "acc1", beneficiary: "p9", amount: "9500", currency: "EUR", date: "2024-03-02" }),
    ...testStatements(dsC, "pay-c2", "Payment", { payerAccount: "acc1", beneficiary: "p9", amount: "9600", currency: "EUR", date: "2024-03-03" }),
    ...testStatements(dsC, "pay-c3", "Payment", { payerAccount: "acc1", beneficiary: "p9", amount: "9700", currency: "EUR", date: "2024-03-04" }),
    ...testStatements(dsC, "pay-c4", "Payment", { payer: "p2", beneficiary: "p1", amount: "5000", currency: "USD", date: "2024-03-05" }),
  ];
}

/** Registers both datasets and writes their statements (one committed run each). */
export async function seed(store: StorePort, ag: Agencies = { a: "A", c: "C" }): Promise<void> {
  const dsA = testDataset("police", ag.a);
  const dsC = testDataset("foreign", ag.c, ag.legalBasisC ? { legalBasis: ag.legalBasisC } : {});
  for (const [ds, statements] of [[dsA, a(dsA)], [dsC, c(dsC)]] as const) {
    await store.putDataset(ds);
    const run = { id: `run-${ds.name}`, dataset: ds.name, file: "test.csv", mapping: "m.yml", actor: "tester", startedAt: "2026-01-01T00:00:00.000Z" };
    const w = await store.beginWrite(run);
    await w.writeStatements(statements.map((s) => ({ ...s, runId: run.id })));
    await w.commit({ ...run, status: "committed" }, { entries: [], link: linkAudit });
  }
}
