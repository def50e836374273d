import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, files, PERSON_CSV, PERSON_MAPPING, tempDir, vizier } from "./test/harness";

interface Ftm { id: string; schema: string; properties: Record<string, string[]> }
const lines = (out: string): Ftm[] => out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Ftm);

describe.skipIf(Boolean(bundleMissing))(`vizier map${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  it("prints the entities an ingest into the same dataset stores, and stores nothing", () => {
    const dir = tempDir();
    const db = join(dir, "store");
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    const preview = vizier(["map", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain("2 rows: 2 mapped to 6 entities, 0 would be quarantined");
    // No store was made: map reads the file only.
    expect(vizier(["stats", "--db", db]).code).not.toBe(0);

    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "police", "--db", db]).code).toBe(0);
    expect(vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    const exported = lines(vizier(["export", "--format", "ftm", "--db", db, "--purpose", "case:T-1"]).stdout);
    const byId = (es: Ftm[]) => Object.fromEntries(es.map((e) => [e.id, { schema: e.schema, properties: e.properties }]));
    expect(byId(lines(preview.stdout))).toEqual(byId(exported));
  });

  it("lists the rows ingest would quarantine with row, column and reason; exit 3 when none maps; --limit stops early", () => {
    const dir = tempDir();
    const f = files(dir, { "bad.csv": "id,name,dob,iban\n1,Jan,31-02-1980,NL91ABNA0417164300\n2,Piet,1980-01-01,NL00INGB0000000000\n", "m.yml": PERSON_MAPPING, "p.csv": PERSON_CSV });
    const r = vizier(["map", f["bad.csv"]!, "--mapping", f["m.yml"]!]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^row 2: column dob: .*\nrow 3: column iban: .*checksum/m);
    expect(r.stderr).toContain("2 rows: 0 mapped to 0 entities, 2 would be quarantined");
    const one = vizier(["map", f["p.csv"]!, "--mapping", f["m.yml"]!, "--limit", "1", "--quiet"]);
    expect(one.code, one.stderr).toBe(0);
    expect(lines(one.stdout).map((e) => e.schema).sort()).toEqual(["BankAccount", "Person", "Ownership"].sort());
    expect(one.stderr).toBe("");
  });
});
