import { describe, expect, it } from "vitest";
import { captionOf, filterQuery, selectionFrom, sortedCounts, toggle } from "./model";

describe("search facets", () => {
  it("orders a facet's counts, most frequent first, then by value", () => {
    expect(sortedCounts({ KVK: 1, FIU: 2, DOUANE: 1 })).toEqual([["FIU", 2], ["DOUANE", 1], ["KVK", 1]]);
    expect(sortedCounts(undefined)).toEqual([]);
  });
  it("turns the selection into the API's filter parameters", () => {
    expect(filterQuery({ agency: ["FIU", "KVK"], schema: [], country: ["nl"] })).toEqual({ agency: "FIU,KVK", country: "nl" });
    expect(filterQuery({})).toEqual({});
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
