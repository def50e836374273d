import { describe, expect, it } from "vitest";
import { Hash53 } from "./hash";

const of = (...fields: string[]) => {
  const h = new Hash53();
  for (const f of fields) h.add(f);
  return h.value();
};

describe("Hash53", () => {
  it("is deterministic, a safe integer, and resets", () => {
    const h = new Hash53();
    h.add("x");
    h.reset();
    h.add("Person");
    expect(h.value()).toBe(of("Person"));
    expect(Number.isSafeInteger(of("Person", "name", "Jan"))).toBe(true);
  });

  it("separates fields and tells near-identical contents apart", () => {
    expect(of("ab", "c")).not.toBe(of("a", "bc"));
    expect(of("name", "Jan", "")).not.toBe(of("name", "Jan", "\u0000Jan "));
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) seen.add(of("Person", "name", `N${i}`));
    expect(seen.size).toBe(20_000);
  });
});
