import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isVizierError } from "@vizier/model";
import { runLink } from "./run";

const dir = mkdtempSync(join(tmpdir(), "vizier-link-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const customs = join(dir, "customs.csv");
writeFileSync(customs, "ref,name,born,country\nc1,J.L. Gomez Arango,1970-03-04,Colombia\nc2,Pieter Jansen,1980-01-01,NL\nc3,Anna de Vries,1975-05-05,Netherlands\n");
const fiu = join(dir, "fiu.csv");
// Semicolons: the delimiter is detected.
writeFileSync(fiu, "ref;name;born;country\nf1;GOMEZ ARANGO JOSE LUIS;04/03/1970;CO\nf2;Maria Wijnaldum;1990-12-31;NL\nf3;Anna de Vries;1975-05-05;NL\n");

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isVizierError(e) ? e.code : "not a VizierError";
  }
  return undefined;
};

const readCsv = (p: string): string[][] => readFileSync(p, "utf8").trim().split("\n").map((l) => l.split(","));

describe("vizier link (file contract)", () => {
  const fields = ["name=full_name", "born=date", "country=country"];

  it("writes one clusters row per record, singletons included, with source = file base name", () => {
    const out = join(dir, "clusters.csv");
    const pairs = join(dir, "pairs.csv");
    runLink({ files: [customs, fiu], id: "ref", fields, out, pairs, threshold: 0.5 });
    const rows = readCsv(out);
    expect(rows[0]).toEqual(["source", "id", "cluster_id"]);
    expect(rows).toHaveLength(7);
    const cl = new Map(rows.slice(1).map((r) => [`${r[0]}/${r[1]}`, r[2]]));
    expect([...cl.keys()].sort()).toEqual(["customs/c1", "customs/c2", "customs/c3", "fiu/f1", "fiu/f2", "fiu/f3"]);
    expect(cl.get("customs/c3")).toBe(cl.get("fiu/f3"));
    expect(cl.get("customs/c2")).not.toBe(cl.get("fiu/f2"));
    const p = readCsv(pairs);
    expect(p[0]).toEqual(["source_l", "id_l", "source_r", "id_r", "probability", "match_weight"]);
    for (const r of p.slice(1)) expect(Number(r[4])).toBeGreaterThanOrEqual(0.5);
  });

  it("saves a model and reuses it with the same result", () => {
    const out1 = join(dir, "c1.csv");
    const out2 = join(dir, "c2.csv");
    const model = join(dir, "model.json");
    runLink({ files: [customs, fiu], id: "ref", fields, out: out1, modelOut: model });
    runLink({ files: [customs, fiu], id: "ref", fields, out: out2, modelIn: model });
    expect(readFileSync(out2, "utf8")).toBe(readFileSync(out1, "utf8"));
    expect(codeOf(() => runLink({ files: [customs], id: "ref", fields: ["name=full_name"], out: out2, modelIn: model }))).toBe("INVALID_ARGUMENT");
  });

  it("applies judgements from a CSV", () => {
    const j = join(dir, "judgements.csv");
    writeFileSync(j, "source_l,id_l,source_r,id_r,decision,who,when,why\ncustoms,c3,fiu,f3,reject,analyst1,2026-11-22T10:00:00Z,different mothers\n");
    const out = join(dir, "cj.csv");
    runLink({ files: [customs, fiu], id: "ref", fields, out, judgements: j, threshold: 0.5 });
    const cl = new Map(readCsv(out).slice(1).map((r) => [`${r[0]}/${r[1]}`, r[2]]));
    expect(cl.get("customs/c3")).not.toBe(cl.get("fiu/f3"));
  });

  it("takes the source from a column when asked", () => {
    const both = join(dir, "both.csv");
    writeFileSync(both, "agency,ref,name\nA,1,Anna de Vries\nB,1,Anna de Vries\n");
    const out = join(dir, "cs.csv");
    runLink({ files: [both], id: "ref", fields: ["name=full_name"], source: "agency", out });
    expect(readCsv(out).slice(1).map((r) => r[0])).toEqual(["A", "B"]);
  });

  it("rejects bad arguments and inputs with typed errors", () => {
    const out = join(dir, "x.csv");
    expect(codeOf(() => runLink({ files: [customs], id: "ref", fields: ["name=nickname"], out }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => runLink({ files: [customs], id: "ref", fields: [], out }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => runLink({ files: [customs], id: "nope", fields, out }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => runLink({ files: [customs], id: "ref", fields, out, threshold: 1.5 }))).toBe("INVALID_ARGUMENT");
    expect(codeOf(() => runLink({ files: [join(dir, "missing.csv")], id: "ref", fields, out }))).toBe("INVALID_INPUT");
    const dup = join(dir, "dup.csv");
    writeFileSync(dup, "ref,name\n1,a\n1,b\n");
    expect(codeOf(() => runLink({ files: [dup], id: "ref", fields: ["name=full_name"], out }))).toBe("INVALID_INPUT");
  });
});
