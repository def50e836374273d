import { describe, expect, it } from "vitest";
import { explanationRows, pct, shortcut } from "./model";

const f = (field: string, total: number, left: string[] = ["a"], right: string[] = ["b"]) => ({ field, level: 1, label: "l", left, right, weight: total, tfAdjustment: 0, total });

describe("review model", () => {
  it("orders fields by strength of evidence, either way, and says which way", () => {
    const rows = explanationRows([f("name", -0.6), f("address", 6.7), f("date", 1.7), f("country", 0), f("id", -3, [], [])]);
    expect(rows.map((r) => r.field)).toEqual(["address", "id", "date", "name", "country"]);
    expect(rows.map((r) => r.direction)).toEqual(["for", "against", "for", "against", "neutral"]);
    expect(rows[1]).toMatchObject({ left: "—", right: "—" });
  });
  it("maps c/r/u/j/k to verdicts and moves, but not while typing", () => {
    expect(["c", "r", "u", "j", "k", "x"].map((k) => shortcut(k, false))).toEqual(["confirm", "reject", "unsure", "next", "prev", undefined]);
    expect(shortcut("c", true)).toBeUndefined();
  });
  it("formats probabilities", () => {
    expect(pct(0.52447)).toBe("52.4%");
  });
});
