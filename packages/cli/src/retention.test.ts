import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleMissing, files, PERSON_CSV, PERSON_MAPPING, stats, tempDir, vizier } from "./test/harness";

describe.skipIf(Boolean(bundleMissing))(`vizier retention${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  it("lists what falls due within the window and runs without removing live data, audited", () => {
    const dir = tempDir();
    const db = join(dir, "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "police", "--retention", "P1Y", "--db", db]).code).toBe(0);
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    expect(vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    const soon = JSON.parse(vizier(["retention", "due", "--within", "30", "--json", "--db", db]).stdout) as { due: unknown[] };
    expect(soon.due).toEqual([]);
    const year = vizier(["retention", "due", "--within", "400", "--json", "--db", db]);
    expect(year.code, year.stderr).toBe(0);
    const due = (JSON.parse(year.stdout) as { due: Array<{ dataset: string; entities: number }> }).due;
    expect(due.map((d) => d.dataset)).toEqual(["police"]);
    expect(due[0]!.entities).toBe(stats(db).entities);
    const before = stats(db);
    const run = vizier(["retention", "run", "--json", "--db", db]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { statements: number; accounts: { sessions: number; loginAttempts: number } };
    expect(out.statements).toBe(0);
    expect(out.accounts).toEqual({ sessions: 0, loginAttempts: 0 });
    const after = stats(db);
    expect(after.statements).toBe(before.statements);
    expect(after.auditRecords).toBe(before.auditRecords + 1);
    expect(vizier(["retention", "due", "--within", "-1", "--db", db]).code).toBe(2);
  });
});
