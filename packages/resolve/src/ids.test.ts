import { describe, expect, it } from "vitest";
import { assignIds } from "./ids";

const clusters = (o: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(o));

describe("assignIds", () => {
  it("gives each new cluster the old id most of its members had, each old id at most once", () => {
    const prev = new Map([["a", "R1"], ["b", "R1"], ["c", "R1"], ["d", "R2"]]);
    // R1 splits into {a,b} and {c}; {c} joins d.
    const ids = assignIds(clusters({ x: ["a", "b"], y: ["c", "d"] }), prev, "v");
    expect(ids.get("x")).toBe("R1");
    expect(ids.get("y")).toBe("R2");
  });

  it("never reuses a previous id for a different entity and is deterministic", () => {
    const prev = new Map([["a", "R1"], ["b", "R1"]]);
    const one = assignIds(clusters({ x: ["a"], y: ["b"], z: ["n"] }), prev, "v");
    expect(one.get("x")).toBe("R1");
    expect(one.get("y")).not.toBe("R1");
    expect(one.get("z")).not.toBe("R1");
    expect(new Set(one.values()).size).toBe(3);
    expect(assignIds(clusters({ z: ["n"], y: ["b"], x: ["a"] }), prev, "v")).toEqual(one);
    // Fresh ids depend on the view, so two views never share an id by accident.
    expect(assignIds(clusters({ z: ["n"] }), new Map(), "w").get("z")).not.toBe(one.get("z"));
  });
});
