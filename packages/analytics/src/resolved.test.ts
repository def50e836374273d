import { describe, expect, it } from "vitest";
import { defaultModel, type FtmEntity } from "@vizier/model";
import { mergeResolved } from "./resolved";
import { deriveNetwork } from "./graph/network";

const model = defaultModel();
const ent = (id: string, schema: string, properties: Record<string, string[]>, datasets: string[] = ["d"]): FtmEntity => ({ id, schema, properties, datasets });

describe("mergeResolved", () => {
  const entities = [
    ent("a1", "Person", { name: ["Jan Jansen"], birthDate: ["1970-01-01"] }, ["police"]),
    ent("b1", "LegalEntity", { name: ["JANSEN J"], phone: ["+31611111111"] }, ["customs"]),
    ent("c1", "Company", { name: ["Alpha BV"] }),
    ent("d1", "Directorship", { director: ["a1"], organization: ["c1"] }),
    ent("pay1", "Payment", { payer: ["b1"], beneficiary: ["c1"], amount: ["10"], date: ["2024-01-01"] }),
  ];
  const map = new Map([["a1", "R1"], ["b1", "R1"], ["c1", "R2"]]);

  it("merges the members of a resolved entity and renames references to them", () => {
    const { entities: out, merged } = mergeResolved(model, entities, map);
    expect(merged).toBe(1);
    expect(out.find((e) => e.id === "R1")).toEqual({
      id: "R1", schema: "Person", datasets: ["customs", "police"],
      properties: { birthDate: ["1970-01-01"], name: ["JANSEN J", "Jan Jansen"], phone: ["+31611111111"] },
    });
    expect(out.find((e) => e.id === "d1")?.properties).toEqual({ director: ["R1"], organization: ["R2"] });
    // the network now has one node for the person, who both directs and pays the company
    const net = deriveNetwork(model, out);
    expect(net.edges.map((e) => [e.type, e.source, e.target])).toEqual([["Directorship", "R1", "R2"], ["Payment", "R1", "R2"]]);
  });

  it("changes nothing without memberships", () => {
    const { entities: out, merged } = mergeResolved(model, entities, new Map());
    expect(merged).toBe(0);
    expect(out.map((e) => e.id).sort()).toEqual(["a1", "b1", "c1", "d1", "pay1"]);
  });
});
