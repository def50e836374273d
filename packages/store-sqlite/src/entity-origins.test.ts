import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EntityOrigins } from "./entity-origins";

/** The plain reference: a Map from entity to its first origin. */
function reference(pairs: ReadonlyArray<[string, string]>): { size: number; multi: string[] } {
  const first = new Map<string, string>();
  const multi = new Set<string>();
  for (const [e, o] of pairs) {
    const f = first.get(e);
    if (f === undefined) first.set(e, o);
    else if (f !== o) multi.add(e);
  }
  return { size: first.size, multi: [...multi] };
}

describe("EntityOrigins", () => {
  it("counts entities and finds those seen from two origins, like a Map would (through several resizes)", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3 })), { maxLength: 5000 }),
      (raw) => {
        const pairs = raw.map(([e, o]): [string, string] => [`ent-${e}`, `file.csv:${o}`]);
        const t = new EntityOrigins(16);
        for (const [e, o] of pairs) t.add(e, o);
        const want = reference(pairs);
        expect(t.size).toBe(want.size);
        expect(t.multiOrigin()).toEqual(want.multi);
      },
    ), { seed: 20261122, numRuns: 60 });
  });

  it("keeps ids that differ only slightly apart", () => {
    const t = new EntityOrigins();
    for (let i = 0; i < 100_000; i++) t.add(`e${i}`, "a:1");
    t.add("e5", "a:2");
    expect(t.size).toBe(100_000);
    expect(t.multiOrigin()).toEqual(["e5"]);
  });
});
