import { describe, expect, it } from "vitest";
import { href, idsOf, parseHash } from "./routes";

describe("hash routes", () => {
  it("parses a view with an id and parameters", () => {
    const r = parseHash("#/entity/abc-1?tab=members");
    expect(r.view).toBe("entity");
    expect(r.id).toBe("abc-1");
    expect(r.params.get("tab")).toBe("members");
  });
  it("falls back to search for unknown or empty hashes", () => {
    expect(parseHash("").view).toBe("search");
    expect(parseHash("#/nope/1").view).toBe("search");
    expect(parseHash("#/nope/1").id).toBeUndefined();
  });
  it("round-trips ids with reserved characters", () => {
    const id = "kvk:12/34 ä";
    const r = parseHash(href("entity", { id }));
    expect(r).toMatchObject({ view: "entity", id });
  });
  it("writes id lists readable and reads them back", () => {
    const h = href("network", { ids: ["a", "b"] });
    expect(h).toBe("#/network?ids=a,b");
    expect(idsOf(parseHash(h))).toEqual(["a", "b"]);
    expect(idsOf(parseHash("#/map?ids=a,,b,"))).toEqual(["a", "b"]);
  });
  it("drops empty parameters", () => {
    expect(href("search", { params: { q: "x", agency: "" } })).toBe("#/search?q=x");
  });
  it("a malformed escape does not throw", () => {
    expect(parseHash("#/entity/%E0%A4%A").id).toBeUndefined();
  });
});
