import { beforeEach, describe, expect, it } from "vitest";
import { bundleMissing, files, initStore, stats, vizier } from "./test/harness";

// A phone-call edge list as intercept tools export it: tab-separated, no header row.
const CALLS = "14\t101\t2\n18\t19\t5\n19\t18\t6\n";
const MAPPING = `
query:
  entities:
    caller:
      schema: Person
      keys: [from]
      properties:
        name: { column: from }
    callee:
      schema: Person
      keys: [to]
      properties:
        name: { column: to }
`;

describe.skipIf(Boolean(bundleMissing))(`vizier ingest --columns${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  let dir: string;
  let db: string;
  beforeEach(() => { ({ dir, db } = initStore("calls")); });

  it("without a header row, says how to name the columns and stores nothing", () => {
    const f = files(dir, { "calls.tsv": CALLS, "m.yml": MAPPING });
    const r = vizier(["ingest", f["calls.tsv"]!, "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`column "from" is not in the input; it has: "14", "101", "2"`);
    expect(r.stderr).toContain("--columns");
    expect(stats(db).statements).toBe(0);
  });

  it("reads every line as data with the names given", () => {
    const f = files(dir, { "calls.tsv": CALLS, "m.yml": MAPPING });
    const r = vizier(["ingest", f["calls.tsv"]!, "--columns", "from,to,calls", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    // Three lines, four distinct people: 14, 101, 18 and 19 (the third line calls back).
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 3, rowsOk: 3, entities: 4 });
  });

  it("takes a declared delimiter (--delimiter tab) and refuses one that is not a single character", () => {
    // Commas inside the values would make detection pick the comma; the declared TAB wins.
    const f = files(dir, { "calls.txt": "14,a\t101\t2\n18,b\t19\t5\n", "m.yml": MAPPING });
    const r = vizier(["ingest", f["calls.txt"]!, "--delimiter", "tab", "--columns", "from,to,calls", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 2, rowsOk: 2, rowsQuarantined: 0 });
    const out = vizier(["export", "--format", "ftm", "--db", db, "--purpose", "case:T-1"]);
    expect(out.code, out.stderr).toBe(0);
    const names = out.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { properties: { name: string[] } }).properties.name[0]).sort();
    expect(names).toEqual(["101", "14,a", "18,b", "19"]);
    const bad = vizier(["ingest", f["calls.txt"]!, "--delimiter", ";;", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--delimiter must be one character");
  });

  it("skips a title above the header (--skip-rows) and refuses a count that is not a number", () => {
    const f = files(dir, { "calls.csv": "Intercept export 2026-11-23\n\nfrom,to,calls\n14,101,2\n", "m.yml": MAPPING });
    const r = vizier(["ingest", f["calls.csv"]!, "--skip-rows", "2", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 1, rowsOk: 1, entities: 2 });
    const bad = vizier(["ingest", f["calls.csv"]!, "--skip-rows", "two", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--skip-rows needs a whole number");
  });

  it("refuses an empty name in the list", () => {
    const f = files(dir, { "calls.tsv": CALLS, "m.yml": MAPPING });
    const r = vizier(["ingest", f["calls.tsv"]!, "--columns", "from,,calls", "--mapping", f["m.yml"]!, "--dataset", "calls", "--db", db]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("--columns needs a comma-separated list");
  });
});
