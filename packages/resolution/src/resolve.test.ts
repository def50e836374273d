import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ErRecord, FieldSpec, Judgement } from "./types";
import { explain, resolve, resolveIncremental, reviewQueue } from "./resolve";
import { explainPair } from "./score";
import { recordKey } from "./prepare";

const FIELDS: FieldSpec[] = [
  { name: "first", kind: "first_name" },
  { name: "last", kind: "last_name" },
  { name: "dob", kind: "date" },
  { name: "city", kind: "city" },
];

const FIRST = ["anna", "jan", "pieter", "maria", "sofie", "daan", "emma", "lucas"];
const LAST = ["jansen", "de vries", "wijnaldum", "bakker", "visser", "smit", "meijer", "mulder"];
const CITY = ["utrecht", "amsterdam", "rotterdam", "den haag", "zwolle"];

/** A typo: drop, double or swap one character, so duplicates look like real ones. */
const typo = (s: string, r: number): string => {
  if (s.length < 3) return s;
  const i = 1 + (r % (s.length - 2));
  return r % 3 === 0 ? s.slice(0, i) + s.slice(i + 1) : r % 3 === 1 ? s.slice(0, i) + s[i] + s.slice(i) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
};

/** People with 1-3 noisy copies each, spread over two sources. */
const arbRecords = fc
  .array(
    fc.record({
      f: fc.nat(FIRST.length - 1),
      l: fc.nat(LAST.length - 1),
      c: fc.nat(CITY.length - 1),
      y: fc.integer({ min: 1940, max: 2000 }),
      d: fc.integer({ min: 1, max: 28 }),
      copies: fc.array(fc.record({ noise: fc.nat(20), src: fc.constantFrom("a", "b") }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 2, maxLength: 10 },
  )
  .map((people) => {
    const out: ErRecord[] = [];
    people.forEach((p, pi) => {
      p.copies.forEach((c, ci) => {
        const first = FIRST[p.f] ?? "";
        const last = LAST[p.l] ?? "";
        out.push({
          source: c.src,
          id: `${pi}-${ci}`,
          fields: {
            first: [c.noise % 5 === 1 ? typo(first, c.noise) : first],
            last: [c.noise % 5 === 2 ? typo(last, c.noise) : last],
            dob: [c.noise % 7 === 3 ? "" : `${p.y}-06-${String(p.d).padStart(2, "0")}`],
            city: [CITY[p.c] ?? ""],
          },
        });
      });
    });
    return out;
  });

const byKey = (recs: readonly ErRecord[], clusterOf: readonly string[]): Map<string, string> => new Map(recs.map((r, i) => [recordKey(r), clusterOf[i] ?? ""]));

describe("resolve properties", () => {
  it("results do not depend on input order", () => {
    fc.assert(
      fc.property(arbRecords, fc.nat(), (recs, seed) => {
        const shuffled = [...recs];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as ErRecord, shuffled[i] as ErRecord];
        }
        const a = resolve(recs, { fields: FIELDS });
        const b = resolve(shuffled, { fields: FIELDS });
        expect(byKey(b.prepared.records, b.clusterOf)).toEqual(byKey(a.prepared.records, a.clusterOf));
      }),
      { seed: 20261122, numRuns: 25 },
    );
  });

  it("judgements always win", () => {
    fc.assert(
      fc.property(arbRecords, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("confirm", "reject", "unsure")), { maxLength: 6 }), (recs, js) => {
        const judgements: Judgement[] = js.map(([x, y, d], k) => {
          const l = recs[x % recs.length] as ErRecord;
          const r = recs[y % recs.length] as ErRecord;
          return { left: { source: l.source, id: l.id }, right: { source: r.source, id: r.id }, decision: d as Judgement["decision"], who: "analyst", when: `2026-01-01T00:00:${String(k).padStart(2, "0")}Z`, why: "test" };
        });
        const res = resolve(recs, { fields: FIELDS, judgements });
        const cl = byKey(res.prepared.records, res.clusterOf);
        // The judgement in force per pair is the latest one.
        const latest = new Map<string, Judgement>();
        for (const j of judgements) {
          const [p, q] = [recordKey(j.left), recordKey(j.right)].sort();
          if (p !== q) latest.set(`${p}|${q}`, j);
        }
        // Confirms are transitive; a reject may only lose to a chain of confirms (reported as conflict).
        const confirmed = new Map<string, string>();
        const find = (k: string): string => {
          let r = k;
          while (confirmed.has(r) && confirmed.get(r) !== r) r = confirmed.get(r) as string;
          return r;
        };
        for (const j of latest.values()) {
          if (j.decision !== "confirm") continue;
          const a = find(recordKey(j.left));
          const b = find(recordKey(j.right));
          if (a !== b) confirmed.set(a, b);
        }
        for (const j of latest.values()) {
          const a = cl.get(recordKey(j.left));
          const b = cl.get(recordKey(j.right));
          if (j.decision === "confirm") expect(a).toBe(b);
          if (j.decision === "reject" && find(recordKey(j.left)) !== find(recordKey(j.right))) expect(a).not.toBe(b);
        }
      }),
      { seed: 424242, numRuns: 25 },
    );
  });

  it("with the model fixed, adding an unrelated record changes no other cluster", () => {
    fc.assert(
      fc.property(arbRecords, fc.nat(), (recs, n) => {
        const base = resolve(recs, { fields: FIELDS });
        const stranger: ErRecord = { source: "z", id: `x${n}`, fields: { first: ["qwxyzt"], last: ["kkgrrmph"], dob: ["1801-01-01"], city: ["xochimilco"] } };
        const more = resolve([...recs, stranger], { fields: FIELDS, model: base.model });
        const before = byKey(base.prepared.records, base.clusterOf);
        const after = byKey(more.prepared.records, more.clusterOf);
        for (const [k, c] of before) expect(after.get(k)).toBe(c);
        const own = after.get(recordKey(stranger));
        expect([...after.values()].filter((c) => c === own)).toHaveLength(1);
      }),
      { seed: 99, numRuns: 25 },
    );
  });

  it("explanations' weights sum to the pair's score", () => {
    fc.assert(
      fc.property(arbRecords, (recs) => {
        const res = resolve(recs, { fields: FIELDS });
        for (const p of res.pairs) {
          const e = explainPair(res.prepared, res.model, p.a, p.b);
          const sum = e.priorWeight + e.fields.reduce((s, f) => s + f.total, 0);
          expect(sum).toBeCloseTo(p.matchWeight, 9);
          expect(e.matchWeight).toBeCloseTo(p.matchWeight, 9);
          for (const f of e.fields) expect(f.total).toBeCloseTo(f.weight + f.tfAdjustment, 12);
        }
      }),
      { seed: 5, numRuns: 25 },
    );
  });
});

describe("resolve examples", () => {
  const recs: ErRecord[] = [
    { source: "customs", id: "1", fields: { name: ["J.L. Gomez Arango"], dob: ["1970-03-04"] } },
    { source: "fiod", id: "7", fields: { name: ["José Luis Gómez-Arango"], dob: ["04/03/1970"] } },
    { source: "fiu", id: "x", fields: { name: ["GOMEZ ARANGO JOSE"], dob: ["1970-03-04"] } },
    { source: "fiu", id: "y", fields: { name: ["Pieter Jansen"], dob: ["1980-01-01"] } },
    { source: "fiu", id: "z", fields: { name: ["Maria Wijnaldum"], dob: ["1990-12-31"] } },
  ];
  const fields: FieldSpec[] = [{ name: "name", kind: "full_name" }, { name: "dob", kind: "date" }];

  it("explains any pair with values, levels and weights", () => {
    const res = resolve(recs, { fields });
    const e = explain(res, { source: "customs", id: "1" }, { source: "fiod", id: "7" });
    expect(e?.fields.map((f) => f.field)).toEqual(["name", "dob"]);
    expect(e?.fields[1]?.level).toBe(1);
    expect(e?.fields[0]?.left).toEqual(["J.L. Gomez Arango"]);
    expect(explain(res, { source: "nope", id: "1" }, { source: "fiod", id: "7" })).toBeUndefined();
  });

  it("a rejected pair is split and a later unsure judgement undoes the rejection", () => {
    const confirmAll: Judgement[] = [
      { left: { source: "customs", id: "1" }, right: { source: "fiod", id: "7" }, decision: "confirm", who: "a", when: "2026-01-01T00:00:00Z", why: "passport" },
    ];
    const reject: Judgement = { left: { source: "fiu", id: "x" }, right: { source: "fiod", id: "7" }, decision: "reject", who: "b", when: "2026-01-02T00:00:00Z", why: "different father" };
    const undo: Judgement = { ...reject, decision: "unsure", when: "2026-01-03T00:00:00Z" };
    const r1 = resolve(recs, { fields, judgements: [...confirmAll, reject], threshold: 0.01 });
    const c1 = byKey(r1.prepared.records, r1.clusterOf);
    expect(c1.get(recordKey({ source: "customs", id: "1" }))).toBe(c1.get(recordKey({ source: "fiod", id: "7" })));
    expect(c1.get(recordKey({ source: "fiu", id: "x" }))).not.toBe(c1.get(recordKey({ source: "fiod", id: "7" })));
    const r2 = resolve(recs, { fields, judgements: [...confirmAll, reject, undo], threshold: 0.01 });
    const c2 = byKey(r2.prepared.records, r2.clusterOf);
    expect(c2.get(recordKey({ source: "fiu", id: "x" }))).toBe(c2.get(recordKey({ source: "fiod", id: "7" })));
  });

  it("incremental resolution matches a full run with the same model", () => {
    const first = resolve(recs.slice(0, 3), { fields });
    const inc = resolveIncremental(first, recs.slice(3));
    const full = resolve(recs, { fields, model: first.model });
    expect(byKey(inc.prepared.records, inc.clusterOf)).toEqual(byKey(full.prepared.records, full.clusterOf));
    expect(inc.stats.candidatePairs).toBeLessThanOrEqual(full.stats.candidatePairs);
  });

  it("review queue holds only pairs below the threshold", () => {
    const res = resolve(recs, { fields });
    for (const p of reviewQueue(res, 0.01)) {
      expect(p.probability).toBeLessThan(res.threshold);
      expect(p.probability).toBeGreaterThanOrEqual(0.01);
    }
  });
});
