import { describe, expect, it } from "vitest";
import { defaultModel, type FtmEntity } from "@vizier/model";
import { degree } from "@vizier/graph";
import { deriveNetwork, networkGraph } from "./network";

const model = defaultModel();
const ent = (id: string, schema: string, properties: Record<string, string[]>): FtmEntity => ({ id, schema, properties });

const people = [
  ent("p1", "Person", { name: ["Anna"], address: ["Kerkstraat 1, Utrecht"], phone: ["+31612345678"], idNumber: ["NL-123"] }),
  ent("p2", "Person", { name: ["Bart"], address: ["kerkstraat 1 utrecht"] }),
  ent("p3", "Person", { name: ["Cees"], phone: ["+31612345678"] }),
  ent("p4", "Person", { name: ["Dirk"], idNumber: ["nl123"] }),
  ent("c1", "Company", { name: ["Alpha BV"] }),
  ent("c2", "Company", { name: ["Beta BV"] }),
  ent("a1", "BankAccount", { iban: ["NL01BANK0123456789"] }),
  ent("a2", "BankAccount", { iban: ["NL01BANK0123456789"] }),
];
const relations = [
  ent("d1", "Directorship", { director: ["p1"], organization: ["c1"], startDate: ["2020-01-01"], endDate: ["2021-12-31"] }),
  ent("f1", "Family", { person: ["p2"], relative: ["p1"] }),
  ent("o1", "Ownership", { owner: ["p3"], asset: ["a1"] }),
  ent("o2", "Ownership", { owner: ["p4"], asset: ["a2"] }),
  ent("u1", "UnknownLink", { subject: ["p1"], object: ["x-unreadable"] }),
  ent("sz1", "Seizure", { suspect: ["p3"], shipment: ["s1"], date: ["2024-02-10"] }),
];
const events = [
  ent("pay1", "Payment", { payer: ["c1"], beneficiary: ["c2"], amount: ["100"], currency: ["EUR"], date: ["2024-03-02"] }),
  ent("pay2", "Payment", { payer: ["c1"], beneficiary: ["c2"], amount: ["1082.4"], currency: ["USD"], date: ["2024-03-20"] }),
  ent("pay3", "Payment", { payer: ["c1"], beneficiary: ["c2"], amount: ["50"], date: ["2024-04-01"], payerAccount: ["a1"] }),
  ent("ph1", "Phone", { number: ["+31611111111"], owner: ["p1"] }),
  ent("call1", "Communication", { callerNumber: ["+31611111111"], receiverNumber: ["+31622222222"], date: ["2024-03-01"], duration: ["60"] }),
  ent("call2", "Communication", { callerNumber: ["+31611111111"], receiverNumber: ["+31622222222"], date: ["2024-03-05"], duration: ["30"] }),
  ent("v1", "Vessel", { name: ["MSC Example"] }),
  ent("s1", "Shipment", { consignor: ["c1"], consignee: ["c2"], vessel: ["v1"], departureDate: ["2024-02-01"] }),
];
const all = [...people, ...relations, ...events];
const find = (net: ReturnType<typeof deriveNetwork>, type: string, s: string, t: string) => net.edges.filter((e) => e.type === type && e.source === s && e.target === t);

describe("deriveNetwork", () => {
  it("makes one typed edge per relationship, direction from the schema's edge declaration", () => {
    const net = deriveNetwork(model, all);
    expect(find(net, "Directorship", "p1", "c1")).toMatchObject([{ directed: true, weight: 1, evidence: ["d1"], start: "2020-01-01", end: "2021-12-31" }]);
    // Family is undirected: stored lowest id first
    expect(find(net, "Family", "p1", "p2")).toMatchObject([{ directed: false, weight: 1 }]);
    expect(find(net, "Ownership", "p3", "a1")).toHaveLength(1);
  });

  it("links the entities an interval entity without an edge declaration references (UnknownLink)", () => {
    const net = deriveNetwork(model, all);
    expect(find(net, "UnknownLink", "p3", "s1")).toMatchObject([{ directed: false, evidence: ["sz1"], start: "2024-02-10" }]);
    expect(find(net, "UnknownLink", "p1", "x-unreadable")).toMatchObject([{ evidence: ["u1"] }]);
  });

  it("aggregates payments per pair and month with count and EUR sum", () => {
    const net = deriveNetwork(model, all);
    const [march] = find(net, "Payment", "c1", "c2").filter((e) => e.period === "2024-03");
    expect(march).toMatchObject({ count: 2, weight: 2, evidence: ["pay1", "pay2"] });
    expect(march!.amount).toBeCloseTo(100 + 1082.4 / 1.0824, 9);
    expect(find(net, "Payment", "c1", "c2").find((e) => e.period === "2024-04")).toMatchObject({ count: 1, amount: 50 });
    expect(find(net, "AccountHolder", "c1", "a1")).toHaveLength(1);
    const all2 = deriveNetwork(model, all, { period: "all" });
    expect(find(all2, "Payment", "c1", "c2")).toMatchObject([{ count: 3, period: "all" }]);
  });

  it("aggregates communications per phone pair, using Phone entities where they exist", () => {
    const net = deriveNetwork(model, all);
    expect(find(net, "Communication", "ph1", "phone:+31622222222")).toMatchObject([{ count: 2, duration: 90 }]);
    expect(find(net, "PhoneOwner", "p1", "ph1")).toHaveLength(1);
    expect(net.nodes.find((n) => n.id === "phone:+31622222222")).toMatchObject({ schema: "Phone", label: "+31622222222" });
  });

  it("links shipment parties to each other and to the vessel", () => {
    const net = deriveNetwork(model, all);
    expect(find(net, "Shipment", "c1", "c2")).toHaveLength(1);
    expect(find(net, "ShipmentVessel", "c1", "v1")).toHaveLength(1);
    expect(find(net, "ShipmentVessel", "v1", "c2")).toHaveLength(1);
  });

  it("derives shared address, phone, account (by IBAN) and identifier links", () => {
    const net = deriveNetwork(model, all);
    expect(find(net, "SharedAddress", "p1", "p2")).toHaveLength(1);
    expect(find(net, "SharedPhone", "p1", "p3")).toHaveLength(1);
    expect(find(net, "SharedIdentifier", "p1", "p4")).toHaveLength(1);
    expect(find(net, "SharedAccount", "p3", "p4")).toHaveLength(1);
    // a value shared by more than maxShared entities links none
    expect(deriveNetwork(model, all, { maxShared: 1 }).edges.filter((e) => e.type.startsWith("Shared"))).toEqual([]);
  });

  it("keeps a referenced but unreadable endpoint as a bare node, and drops what is not referenced", () => {
    const net = deriveNetwork(model, all);
    expect(net.nodes.find((n) => n.id === "x-unreadable")).toEqual({ id: "x-unreadable", schema: "Thing", label: "x-unreadable" });
    expect(net.nodes.find((n) => n.id === "p1")).toMatchObject({ schema: "Person", label: "Anna" });
    expect(net.nodes.some((n) => n.id === "d1" || n.id === "pay1")).toBe(false);
  });

  it("filters by edge type and time window", () => {
    const onlyPay = deriveNetwork(model, all, { types: ["Payment"] });
    expect(new Set(onlyPay.edges.map((e) => e.type))).toEqual(new Set(["Payment"]));
    expect(onlyPay.nodes.map((n) => n.id)).toEqual(["c1", "c2"]);
    const march = deriveNetwork(model, all, { since: "2024-03-01", until: "2024-04-01" });
    expect(march.edges.filter((e) => e.type === "Payment").map((e) => e.period)).toEqual(["2024-03"]);
    expect(march.edges.some((e) => e.type === "Shipment")).toBe(false);
    // a directorship that ended in 2021 is outside; an undated family tie stays
    expect(march.edges.some((e) => e.type === "Directorship")).toBe(false);
    expect(march.edges.some((e) => e.type === "Family")).toBe(true);
  });

  it("does not depend on the order of the input entities", () => {
    const reversed = deriveNetwork(model, [...all].reverse());
    expect(reversed).toEqual(deriveNetwork(model, all));
  });

  it("feeds @vizier/graph, summing parallel edges of a pair", () => {
    const net = deriveNetwork(model, all, { types: ["Payment", "Shipment"] });
    const g = networkGraph(net);
    expect(g.n).toBe(2);
    expect(g.m).toBe(1);
    expect(g.outWeights[0]).toBe(4); // three payments + one shipment
    expect(Array.from(degree(g))).toEqual([1, 1]);
  });

  it("turns undirected relations into two arcs in a directed graph", () => {
    const net = deriveNetwork(model, all, { types: ["Family", "Directorship"] });
    const g = networkGraph(net, { directed: true });
    const at = (id: string) => g.ids.indexOf(id);
    expect(degree(g, "out")[at("p2")]).toBe(1); // p2 → p1 (Family, stored p1–p2)
    expect(degree(g, "out")[at("p1")]).toBe(2); // p1 → p2 and p1 → c1
    expect(degree(g, "out")[at("c1")]).toBe(0); // Directorship stays one arc
  });
});
