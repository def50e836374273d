import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { makeStatementId } from "@vizier/model";
import { testDataset, testStatements } from "@vizier/core/testing";
import { BlockPacker, PROV_COLUMNS, STAGE_COLUMNS, clean, expandBlock, mergeBlocks, type BlockRow } from "./blocks";
import { blockNames } from "./migrate-names";
import { fold } from "./search-sql";

/** Provenances each packer has handed out, by number. */
const provenances = new WeakMap<BlockPacker, Map<string, string[]>>();

/**
 * Reads one COPY text line of a packer back into block columns (\N → null), undoing copyField's
 * escapes and joining the provenance by its number, as the merge does.
 */
function parseLine(line: string, p: BlockPacker): Record<string, string | null> {
  const provs = provenances.get(p) ?? new Map<string, string[]>();
  provenances.set(p, provs);
  for (const [id, ...vals] of p.takeProvenances()) provs.set(id!, vals);
  const fields = line.replace(/\n$/, "").split("\t").map((f) => (f === "\\N" ? null : f.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c)));
  expect(fields).toHaveLength(STAGE_COLUMNS.length);
  const stage = Object.fromEntries(STAGE_COLUMNS.map((c, i) => [c, fields[i] ?? null]));
  const prov = provs.get(stage["prov"]!)!;
  return { ...stage, ...Object.fromEntries(PROV_COLUMNS.map((c, i) => [c, prov[i]!])) };
}

const ds = testDataset("police", "A");

describe("statement blocks", () => {
  it("packs one block per entity and row, across add calls, and reads every statement back", () => {
    const a = testStatements(ds, "e1", "Person", { name: ["Jan Jansen", "J.\tJansen"], birthDate: "1980" }, { row: 2 });
    a[1] = { ...a[1]!, original: "JAN JANSEN" };
    const b = testStatements(ds, "e2", "Person", { idNumber: "X1" }, { row: 2 });
    const p = new BlockPacker();
    const lines = [...a.slice(0, 2).map((s) => p.add(s)), ...a.slice(2).map((s) => p.add(s)), ...b.map((s) => p.add(s)), p.flush()].filter(Boolean);
    expect(lines).toHaveLength(2);
    const rows = lines.map((l) => parseLine(l, p));
    expect(rows.map((r) => [r.entity_id, r.n, r.names, r.idents])).toEqual([["e1", String(a.length), "jan jansen\nj.\tjansen", null], ["e2", "2", null, "x1"]]);
    const back = expandBlock(rows[0] as unknown as BlockRow);
    expect(back.map((s) => ({ ...s }))).toEqual(a.map((s) => ({ ...s, id: makeStatementId(s.entityId, s.prop, s.value, s.dataset) })));
  });

  it("encodes any value, original and name so COPY reads back exactly the cleaned text", () => {
    // Mostly the characters that need escaping (JSON, COPY, cleaning), plus any code point.
    const special = fc.constantFrom("a", "Z", " ", '"', "\\", "\t", "\n", "\r", "\0", "\u001f", "\uD800", "\uDC00", "é", "ﬁ", "🙂", "\u2028");
    const text = fc.oneof(fc.string({ unit: special, maxLength: 8 }), fc.string({ unit: "binary", maxLength: 8 }));
    fc.assert(fc.property(fc.array(fc.tuple(text, text, fc.constantFrom("name", "identifier", "date")), { minLength: 1, maxLength: 4 }), (vals) => {
      const p = new BlockPacker();
      const sts = vals.map(([value, original, propType], i) => ({ ...testStatements(ds, "e1", "Person", { name: "x" })[1]!, prop: `p${i}`, propType, value, original }));
      for (const s of sts) p.add(s);
      const row = parseLine(p.flush(), p);
      expect(expandBlock(row as unknown as BlockRow).map((s) => [s.value, s.original])).toEqual(sts.map((s) => [clean(s.value), s.original === s.value ? clean(s.value) : clean(s.original)]));
      const names = sts.filter((s) => s.propType === "name").map((s) => fold(clean(s.value)));
      expect(row.names).toBe(names.length ? names.join("\n") : null);
      const body = JSON.parse(row.body!) as unknown[];
      expect(body).toHaveLength(sts.length);
    }), { seed: 7, numRuns: 1500 });
  });

  it("hands out the pieces of folded names once per run, for the word dictionary", () => {
    const p = new BlockPacker();
    for (const s of testStatements(ds, "e1", "Person", { name: ["José van\tDijk", "Jan  Dijk"], idNumber: "X 1" })) p.add(s);
    expect(p.takeNameWords().sort()).toEqual(["dijk", "jan", "jose", "van"]);
    expect(p.takeNameWords()).toEqual([]);
    for (const s of testStatements(ds, "e2", "Person", { name: "Jan de Vries" })) p.add(s);
    expect(p.takeNameWords().sort()).toEqual(["de", "vries"]);
  });

  it("searches name parts (FtM strings) as names, in names and the word dictionary, as the embedded store does", () => {
    const p = new BlockPacker();
    const sts = testStatements(ds, "e1", "Person", { firstName: "José", middleName: "Ana", lastName: "van Dijk", fatherName: "Pérez", title: "Dr", idNumber: "X1" });
    for (const s of sts) p.add(s);
    const row = parseLine(p.flush(), p);
    expect([row.names, row.idents]).toEqual(["jose\nana\nvan dijk\nperez", "x1"]);
    expect(p.takeNameWords().sort()).toEqual(["ana", "dijk", "jose", "perez", "van"]);
    // The schema upgrade (migrate-names.ts) rebuilds names from a stored body exactly so.
    expect(blockNames(row.body!)).toBe(row.names);
    expect(blockNames(JSON.stringify([["id", "id", "e1"], ["title", "string", "Dr"]]))).toBeNull();
  });

  it("keeps NUL and lone surrogates out of PostgreSQL text and JSON, and leaves other text alone", () => {
    expect(clean("a\0b")).toBe("a\uFFFDb");
    expect(clean("x\uD800y")).toBe("x\uFFFDy");
    expect(clean("ok 🙂 中文")).toBe("ok 🙂 中文");
  });

  it("merges a statement held by several blocks: latest provenance, earliest first seen", () => {
    const row = (runId: string, seen: string, handling: string) => {
      const p = new BlockPacker();
      const sts = testStatements(ds, "e1", "Person", { name: "Jan" }, { runId }).map((s) => ({ ...s, handling, firstSeen: seen, lastSeen: seen }));
      for (const s of sts) p.add(s);
      return parseLine(p.flush(), p) as unknown as BlockRow;
    };
    const merged = mergeBlocks([row("r2", "2026-02-01", "RED"), row("r1", "2026-01-01", "GREEN")]);
    expect(merged.map((s) => [s.prop, s.runId, s.handling, s.firstSeen, s.lastSeen])).toEqual([
      ["id", "r2", "RED", "2026-01-01", "2026-02-01"], ["name", "r2", "RED", "2026-01-01", "2026-02-01"]]);
  });
});
