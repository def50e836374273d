import { describe, expect, it } from "vitest";
import type { EntityView, Statement } from "../../components/types";
import { buildProfile } from "./model";

let n = 0;
const st = (entityId: string, prop: string, value: string, dataset: string, agency: string): Statement => ({
  id: `s${++n}`, entityId, schema: "Person", prop, propType: "string", value, original: value, dataset, agency, legalBasis: "lb",
  purpose: "p", handling: "AMBER", reliability: "B2", firstSeen: "2026-01-01T00:00:00Z", lastSeen: "2026-02-01T00:00:00Z",
  retentionUntil: "2030-01-01", runId: "r", origin: "f:1",
});
const view = (id: string, schema: string, statements: Statement[], withheld: EntityView["withheld"] = []): EntityView =>
  ({ entity: { id, schema, properties: {} }, statements, withheld });

describe("merged profile", () => {
  const views = [
    view("a", "LegalEntity", [st("a", "name", "Mohammed El Amrani", "fiu", "FIU"), st("a", "country", "nl", "fiu", "FIU")]),
    view("b", "Person", [st("b", "name", "Mohammed El Amrani", "kvk", "KVK"), st("b", "name", "Mohamed El Amrani", "kvk", "KVK"), st("b", "birthDate", "1984-03-02", "kvk", "KVK")],
      [{ entityId: "b", agency: "FIOD", dataset: "fiod", handling: "H2", count: 3, props: ["name", "taxFlag"] }]),
    view("c", "Person", [], [{ entityId: "c", agency: "FIOD", dataset: "fiod", handling: "H2", count: 1, props: ["address"] }]),
  ];
  const p = buildProfile(views)!;
  it("groups equal values across members, with every statement behind them", () => {
    const name = p.props.find((r) => r.prop === "name")!;
    expect(name.values[0]).toMatchObject({ value: "Mohammed El Amrani" });
    expect(name.values[0]!.statements.map((s) => s.agency).sort()).toEqual(["FIU", "KVK"]);
    expect(name.values).toHaveLength(2);
    expect(p.caption).toBe("Mohammed El Amrani");
  });
  it("orders names first and picks the most specific schema", () => {
    expect(p.props.map((r) => r.prop)).toEqual(["name", "birthDate", "country"]);
    expect(p.schema).toBe("Person");
    expect(p.ids).toEqual(["a", "b", "c"]);
  });
  it("sums withheld counts per agency, dataset and handling code, keeping the entities to ask about", () => {
    expect(p.withheld).toEqual([{ agency: "FIOD", dataset: "fiod", handling: "H2", count: 4, props: ["address", "name", "taxFlag"], entityIds: ["b", "c"] }]);
  });
  it("counts statements per source", () => {
    expect(p.sources).toEqual([{ dataset: "kvk", agency: "KVK", statements: 3 }, { dataset: "fiu", agency: "FIU", statements: 2 }]);
  });
  it("no views, no profile", () => {
    expect(buildProfile([])).toBeUndefined();
  });
});
