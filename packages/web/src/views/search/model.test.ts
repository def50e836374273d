import { describe, expect, it } from "vitest";
import { applyFacets, captionOf, countFacets, selectionFrom, toggle } from "./model";

const agencyOf = new Map([["kvk", "KVK"], ["fiu", "FIU"], ["douane", "DOUANE"]]);
const hit = (id: string, schema: string, datasets: string[], country?: string) =>
  ({ entity: { id, schema, datasets, properties: { name: [`N ${id}`], ...(country ? { country: [country] } : {}) } }, score: 1 });
const items = [hit("a", "Company", ["kvk"], "nl"), hit("b", "Person", ["fiu"], "ma"), hit("c", "Company", ["douane", "fiu"], "nl")];

describe("search facets", () => {
  it("counts schema, agency (through datasets), dataset and country", () => {
    const c = countFacets(items, agencyOf);
    expect(c.schema).toEqual([["Company", 2], ["Person", 1]]);
    expect(c.agency).toEqual([["FIU", 2], ["DOUANE", 1], ["KVK", 1]]);
    expect(c.country).toEqual([["nl", 2], ["ma", 1]]);
  });
  it("filters with OR inside a facet and AND between facets", () => {
    expect(applyFacets(items, { agency: ["FIU"] }, agencyOf).map((i) => i.entity.id)).toEqual(["b", "c"]);
    expect(applyFacets(items, { agency: ["FIU", "KVK"], schema: ["Company"] }, agencyOf).map((i) => i.entity.id)).toEqual(["a", "c"]);
    expect(applyFacets(items, {}, agencyOf)).toHaveLength(3);
    expect(applyFacets(items, { country: ["be"] }, agencyOf)).toEqual([]);
  });
  it("reads and toggles selections", () => {
    const s = selectionFrom(new URLSearchParams("q=x&agency=FIU,KVK&schema="));
    expect(s).toEqual({ agency: ["FIU", "KVK"] });
    expect(toggle(s, "agency", "FIU")).toEqual({ agency: ["KVK"] });
    expect(toggle(s, "schema", "Person")).toEqual({ agency: ["FIU", "KVK"], schema: ["Person"] });
  });
  it("captions fall back from name to identifiers to the id", () => {
    expect(captionOf({ id: "x", schema: "Phone", properties: { number: ["+31"] } })).toBe("+31");
    expect(captionOf({ id: "x", schema: "Thing", properties: {} })).toBe("x");
  });
});
