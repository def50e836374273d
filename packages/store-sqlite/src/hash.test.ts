import { describe, expect, it } from "vitest";
import { Hash53 } from "./hash";

/** Hash53 of ("Person", "id", "abc", "") as the store has always computed it (commit 37cba35). */
const HASH_PERSON_ID_ABC = 2890912287769028;

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

  it("hashes a marked or empty field as add() of the same text would (stored keys must not change)", () => {
    for (const v of ["", "Jan", "Jansen-de Vries", "\u0000", "ı̇ş"]) {
      const a = new Hash53();
      a.add("name");
      a.add("\u0000" + v);
      a.add("");
      const b = new Hash53();
      b.add("name");
      b.addMarked(v);
      b.addEmpty();
      expect(b.value()).toBe(a.value());
    }
    // A fixed value computed by the original cyrb53 lanes: blocks already stored keep their keys.
    expect(of("Person", "id", "abc", "")).toBe(HASH_PERSON_ID_ABC);
  });
});
