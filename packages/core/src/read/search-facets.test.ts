import { describe, expect, it } from "vitest";
import { defaultModel, type FtmEntity } from "@vizier/model";
import { countFacets, countFacetsUnder, describeFilters, facetValues, filterJudge, hasFilters, normaliseFilters } from "./search-facets";

const model = defaultModel();
const agencyOf = new Map([["kvk", "KVK"], ["fiu", "FIU"], ["douane", "DOUANE"]]);
const e = (id: string, schema: string, datasets: string[], properties: Record<string, string[]> = {}): FtmEntity =>
  ({ id, schema, datasets, properties: { name: [`N ${id}`], ...properties } });
const a = e("a", "Company", ["kvk"], { jurisdiction: ["nl"] });
const b = e("b", "Person", ["fiu"], { nationality: ["ma", "nl"], country: ["ma"] });
const c = e("c", "Company", ["douane", "fiu", "unregistered"], { country: ["nl"], name: ["nl"] });

describe("search facet values", () => {
  it("takes countries from country-typed properties only, each once; agencies through the registry", () => {
    expect(facetValues(model, agencyOf, b)).toEqual({ schema: ["Person"], dataset: ["fiu"], agency: ["FIU"], country: ["ma", "nl"] });
    // "nl" as a name is not a country; a dataset missing from the registry has no agency.
    expect(facetValues(model, agencyOf, c)).toEqual({ schema: ["Company"], dataset: ["douane", "fiu", "unregistered"], agency: ["DOUANE", "FIU"], country: ["nl"] });
  });

  it("counts an entity once per value", () => {
    expect(countFacets(model, agencyOf, [a, b, c])).toEqual({
      schema: { Company: 2, Person: 1 },
      dataset: { kvk: 1, fiu: 2, douane: 1, unregistered: 1 },
      agency: { KVK: 1, FIU: 2, DOUANE: 1 },
      country: { nl: 3, ma: 1 },
    });
    expect(countFacets(model, agencyOf, [])).toEqual({ schema: {}, dataset: {}, agency: {}, country: {} });
  });
});

describe("search filters", () => {
  const ids = (f: Parameters<typeof filterJudge>[2]) => [a, b, c].filter((x) => filterJudge(model, agencyOf, f)(x) === "match").map((x) => x.id);
  it("OR within a facet, AND between facets; no filter keeps all", () => {
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ agency: ["FIU"] })).toEqual(["b", "c"]);
    expect(ids({ agency: ["FIU", "KVK"], schema: ["Company"] })).toEqual(["a", "c"]);
    expect(ids({ country: ["ma"], schema: ["Company"] })).toEqual([]);
    expect(ids({ dataset: ["nope"] })).toEqual([]);
    expect(ids({ schema: [] })).toEqual(["a", "b", "c"]);
    expect(hasFilters({ schema: [] })).toBe(false);
    expect(hasFilters({ country: ["nl"] })).toBe(true);
  });

  it("tells, when asked, the one filter an entity is outside of", () => {
    const judge = filterJudge(model, agencyOf, { agency: ["KVK"], schema: ["Company"] }, true);
    expect([a, b, c].map(judge)).toEqual(["match", undefined, "agency"]);
    // Without `near`, outside one filter is outside.
    expect([a, b, c].map(filterJudge(model, agencyOf, { agency: ["KVK"], schema: ["Company"] }))).toEqual(["match", undefined, undefined]);
  });

  it("counts each facet over the entities inside every other filter", () => {
    // Filters agency=KVK, schema=Company: a matches, c is outside the agency filter only.
    const counts = countFacetsUnder(model, agencyOf, [a], [{ entity: c, missed: "agency" }]);
    expect(counts.agency).toEqual({ KVK: 1, DOUANE: 1, FIU: 1 });
    expect(counts.schema).toEqual({ Company: 1 });
    expect(counts.country).toEqual({ nl: 1 });
  });

  it("normalises countries and checks schema names with INVALID_ARGUMENT", () => {
    expect(normaliseFilters(model, { country: ["NL", "Netherlands", "nld"], schema: ["Person", "Person"], agency: ["FIU"] }))
      .toEqual({ country: ["nl"], schema: ["Person"], agency: ["FIU"] });
    expect(() => normaliseFilters(model, { schema: ["Persoon"] })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => normaliseFilters(model, { country: ["Atlantis"] })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => normaliseFilters(model, { dataset: [" "] })).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    // Unknown datasets and agencies are not errors: they narrow to nothing.
    expect(normaliseFilters(model, { dataset: ["nope"] })).toEqual({ dataset: ["nope"] });
  });

  it("describes filters for the audit entry", () => {
    expect(describeFilters({ country: ["nl"], schema: ["Person", "Company"] })).toBe("schema=Person,Company; country=nl");
    expect(describeFilters({})).toBe("");
  });
});
