import { describe, expect, it } from "vitest";
import type { ErRecord, FieldSpec } from "./types";
import { resolve } from "./resolve";
import { parseModel } from "./model-json";
import { mulberry32 } from "./random";

const FIELDS: FieldSpec[] = [
  { name: "first", kind: "first_name" },
  { name: "last", kind: "last_name" },
  { name: "city", kind: "city" },
  { name: "postcode", kind: "postcode" },
];

/** 600 people in 30 places (city and postcode always go together), a third of them duplicated. */
function population(): ErRecord[] {
  const r = mulberry32(3);
  const syl = ["ka", "lo", "mi", "ra", "sen", "dor", "vi", "ta", "ne", "jo", "bo", "us"];
  const word = (k: number): string => Array.from({ length: k }, () => syl[Math.floor(r() * syl.length)]).join("");
  const out: ErRecord[] = [];
  for (let i = 0; i < 600; i++) {
    const place = Math.floor(r() * 30);
    const rec = { first: [word(2)], last: [word(3)], city: [`city${place}`], postcode: [String(1000 + place)] };
    out.push({ source: "s", id: `p${i}`, fields: rec });
    if (i % 3 === 0) out.push({ source: "t", id: `p${i}`, fields: { ...rec, first: [`${rec.first[0]}x`] } });
  }
  return out;
}

describe("model estimation", () => {
  const res = resolve(population(), { fields: FIELDS });

  it("models dependent fields (city, postcode) jointly and independent ones alone", () => {
    expect(res.model.comparisons.map((c) => c.fields.join("+"))).toEqual(["first", "last", "city+postcode"]);
  });

  it("learns that agreeing names are evidence for a match and disagreeing names against", () => {
    const last = res.model.comparisons[1];
    expect(last?.m[1]).toBeGreaterThan(last?.u[1] ?? 1);
    expect(last?.m[4]).toBeLessThan(last?.u[4] ?? 0);
  });

  it("finds the planted duplicates", () => {
    const byKey = new Map(res.prepared.keys.map((k, i) => [k, res.clusterOf[i]]));
    let found = 0;
    for (let i = 0; i < 600; i += 3) if (byKey.get(`s\u0000p${i}`) === byKey.get(`t\u0000p${i}`)) found++;
    expect(found).toBeGreaterThanOrEqual(190);
  });

  it("round-trips through JSON and rejects malformed models", () => {
    expect(parseModel(JSON.parse(JSON.stringify(res.model)))).toEqual(res.model);
    expect(() => parseModel({ ...res.model, lambda: 2 })).toThrow();
    expect(() => parseModel({ version: 1 })).toThrow();
  });
});
