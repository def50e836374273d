import { describe, expect, it } from "vitest";
import { defaultModel, type FtmEntity } from "@vizier/model";
import { RatesTable } from "@vizier/flows";
import { paymentsTable } from "./payments";

const model = defaultModel();
const ent = (id: string, schema: string, properties: Record<string, string[]>): FtmEntity => ({ id, schema, properties });
const entities = [
  ent("p1", "Person", { name: ["Anna"] }),
  ent("p2", "Person", { name: ["Bart"] }),
  ent("c1", "Company", { name: ["Alpha BV"] }),
  ent("a1", "BankAccount", { iban: ["NL01"] }),
  ent("a2", "BankAccount", { iban: ["NL02"] }),
  ent("a3", "BankAccount", { iban: ["NL03"] }),
  ent("o1", "Ownership", { owner: ["p1"], asset: ["a1"] }),
  ent("o2", "Ownership", { owner: ["p1"], asset: ["a2"] }),
  ent("x1", "Payment", { payerAccount: ["a1"], beneficiaryAccount: ["a3"], amount: ["100"], currency: ["GBP"], date: ["2024-06-01"] }),
  ent("x2", "Payment", { payerAccount: ["a2"], beneficiary: ["c1"], beneficiaryAccount: ["a3"], amount: ["200"], date: ["2024-07-01"] }),
  ent("x3", "Payment", { payer: ["p2"], beneficiaryAccount: ["a3"], amount: ["50"], date: ["2024-08-01"] }),
  ent("x4", "Payment", { payer: ["p2"], beneficiary: ["c1"], amount: ["50"] }),
  ent("x5", "Payment", { payer: ["p2"], beneficiary: ["c1"], amount: ["50"], currency: ["XYZ"], date: ["2024-08-01"] }),
  ent("x6", "Payment", { payer: ["p2"], amount: ["50"], date: ["2024-08-01"] }),
];
const rates = new RatesTable([{ currency: "GBP", date: Date.UTC(2024, 0, 1) / 1000, rate: 0.8 }, { currency: "GBP", date: Date.UTC(2024, 5, 1) / 1000, rate: 0.5 }]);
const rows = (r: ReturnType<typeof paymentsTable>) =>
  Array.from({ length: r.table.size }, (_, i) => [r.table.ids![i], r.table.accounts[r.table.from[i]!], r.table.accounts[r.table.to[i]!], r.table.amount[i]]);

describe("paymentsTable", () => {
  it("follows money between holders: accounts replaced by their owner (Ownership) or the party named with them", () => {
    const r = paymentsTable(model, entities, { rates });
    expect(rows(r)).toEqual([["x1", "p1", "c1", 200], ["x2", "p1", "c1", 200], ["x3", "p2", "c1", 50]]);
    expect(r.holderOf.get("a3")).toBe("c1");
    expect(r.labels.get("p1")).toBe("Anna");
    expect(r.skipped).toEqual({ undated: 1, noAmount: 0, noParty: 1, unknownCurrency: 1, outsideWindow: 0 });
  });

  it("keeps account-to-account flows with by: account, converting at the dated rate", () => {
    const r = paymentsTable(model, entities, { rates, by: "account" });
    expect(rows(r)).toEqual([["x1", "a1", "a3", 200], ["x2", "a2", "a3", 200], ["x3", "p2", "a3", 50]]);
  });

  it("keeps only payments dated inside the window", () => {
    const r = paymentsTable(model, entities, { rates, since: "2024-07-01", until: "2024-08-01" });
    expect(r.table.ids).toEqual(["x2"]);
    expect(r.skipped.outsideWindow).toBe(4); // x1 in June; x3, x5, x6 in August (x4 is undated)
  });
});
