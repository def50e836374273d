import { describe, expect, it } from "vitest";
import { Memo } from "./memo";

describe("Memo", () => {
  it("returns computed values and reuses them for repeated keys", () => {
    const m = new Memo<string>(10, 100, 0.25);
    let calls = 0;
    const f = (k: string) => { calls++; return k.toUpperCase(); };
    for (let i = 0; i < 100; i++) expect(m.get(i % 2 ? "nl" : "be", f)).toBe(i % 2 ? "NL" : "BE");
    expect(calls).toBe(2);
  });
  it("stays bounded and switches off for values that do not repeat", () => {
    const m = new Memo<number>(10, 100, 0.25);
    let calls = 0;
    const f = (k: string) => { calls++; return Number(k); };
    for (let i = 0; i < 300; i++) expect(m.get(String(i), f)).toBe(i);
    expect(calls).toBe(300);
    // Now disabled: repeats are recomputed, still correct.
    expect(m.get("5", f)).toBe(5);
    expect(calls).toBe(301);
    expect((m as unknown as { map: Map<string, number> }).map.size).toBe(0);
  });
});
