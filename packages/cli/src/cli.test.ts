import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { bundleMissing, files, PERSON_CSV, PERSON_MAPPING, stats, tempDir, vizier, vizierAsync } from "./test/harness";

describe.skipIf(Boolean(bundleMissing))(`vizier CLI on the embedded store${bundleMissing ? ` (skipped: ${bundleMissing})` : ""}`, () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = tempDir();
    db = join(dir, "store");
    expect(vizier(["init", "--db", db]).code).toBe(0);
    expect(vizier(["dataset", "create", "police", "--db", db]).code).toBe(0);
  });

  it("ingests through a mapping, idempotently, and exports FtM JSON lines", () => {
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    const first = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { rowsRead: number; rowsOk: number; entities: number; statements: number };
    expect(report).toMatchObject({ rowsRead: 2, rowsOk: 2, entities: 6 });
    const before = stats(db);
    expect(vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    const after = stats(db);
    expect([after.entities, after.statements, after.quarantined]).toEqual([before.entities, before.statements, before.quarantined]);
    const out = vizier(["export", "--format", "ftm", "--db", db, "--purpose", "case:T-1"]);
    expect(out.code, out.stderr).toBe(0);
    const entities = out.stdout.trim().split("\n").map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(entities).toHaveLength(6);
    const jan = entities.find((e) => e.properties["name"]?.[0] === "Jan Jansen");
    expect(jan?.properties["birthDate"]).toEqual(["1980-03-12"]);
  });

  it("refuses reads without a purpose and audits the ones with", () => {
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    const denied = vizier(["export", "--db", db]);
    expect(denied.code).toBe(6);
    expect(denied.stderr).toContain("PURPOSE_REQUIRED");
    const auditBefore = stats(db).auditRecords;
    const found = vizier(["search", "gomez", "--db", db, "--purpose", "case:T-1", "--json"]);
    expect(found.code).toBe(0);
    expect((JSON.parse(found.stdout) as unknown[]).length).toBe(1);
    expect(stats(db).auditRecords).toBe(auditBefore + 1);
    expect(vizier(["audit", "verify", "--db", db]).code).toBe(0);
  });

  it("names the missing column of a mapping and stores nothing", () => {
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING.replace("column: dob", "column: birth_date") });
    const r = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("birth_date");
    expect(stats(db).statements).toBe(0);
  });

  it("rejects an unknown schema or property with a typed error", () => {
    const f = files(dir, { "p.csv": PERSON_CSV, "a.yml": PERSON_MAPPING.replace("schema: Person", "schema: Persn"), "b.yml": PERSON_MAPPING.replace("birthDate:", "birthDay:") });
    const a = vizier(["ingest", f["p.csv"]!, "--mapping", f["a.yml"]!, "--dataset", "police", "--db", db]);
    expect([a.code, a.stderr.includes("Persn")]).toEqual([3, true]);
    const b = vizier(["ingest", f["p.csv"]!, "--mapping", f["b.yml"]!, "--dataset", "police", "--db", db]);
    expect([b.code, b.stderr.includes("birthDay")]).toEqual([3, true]);
    expect(stats(db).statements).toBe(0);
  });

  it("fails clearly on an empty file and on a binary file", () => {
    const f = files(dir, { "empty.csv": "", "bin.csv": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0xff, 0xfe]), "m.yml": PERSON_MAPPING });
    for (const name of ["empty.csv", "bin.csv"]) {
      const r = vizier(["ingest", f[name]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
      expect(r.code, name).toBe(3);
      expect(r.stderr, name).toContain(name);
    }
    expect(stats(db).statements).toBe(0);
  });

  it("quarantines bad rows with file, row, column and reason, and keeps the good ones", () => {
    const csv = "id,name,dob,iban\n1,Jan Jansen,12-03-1980,NL91ABNA0417164300\n2,Bad Date,1980-13-45,NL91ABNA0417164300\n3,Bad Iban,1980-01-01,NL00XXXX\n4,Ragged,1980-01-01\n5,Too,many,1980-01-01,NL91ABNA0417164300,extra\n";
    const f = files(dir, { "p.csv": csv, "m.yml": PERSON_MAPPING });
    const r = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 5, rowsOk: 1, rowsQuarantined: 4 });
    const q = JSON.parse(vizier(["quarantine", "list", "--db", db, "--json", "--purpose", "purpose:quality-check"]).stdout) as Array<{ row: number; column: string; reason: string; file: string }>;
    expect(q.map((x) => x.row)).toEqual([3, 4, 5, 6]);
    expect(q[0]!.column).toBe("dob");
    expect(q[1]!.column).toBe("iban");
    expect(q.every((x) => x.file.endsWith("p.csv") && x.reason.length > 0)).toBe(true);
    // Raw rows are data: no listing without a purpose, and each listing is audited.
    expect(vizier(["quarantine", "list", "--db", db]).code).toBe(6);
    const audited = stats(db).auditRecords;
    const fix = vizier(["quarantine", "list", "--csv", "--db", db, "--purpose", "purpose:quality-check"]);
    expect(fix.code, fix.stderr).toBe(0);
    expect(stats(db).auditRecords).toBe(audited + 1);
    // The refused rows as CSV to fix and ingest again: the source's columns first, surplus fields kept.
    const fixLines = fix.stdout.trim().split("\n");
    expect(fixLines[0]).toBe("id,name,dob,iban,#5,#6,_file,_row,_column,_reason");
    expect(fixLines[1]).toMatch(/^2,Bad Date,1980-13-45,NL91ABNA0417164300,,,.*p\.csv,3,dob,/);
    expect(fixLines).toHaveLength(5);
  });

  it("keeps conflicting values for the same key and flags them", () => {
    const csv = "id,name,dob,iban\n1,Jan Jansen,1980-03-12,NL91ABNA0417164300\n1,Jan Jansen,1981-04-13,NL91ABNA0417164300\n";
    const f = files(dir, { "p.csv": csv, "m.yml": PERSON_MAPPING });
    const r = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db, "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsOk: 2, conflicts: 1 });
    const out = vizier(["export", "--db", db, "--purpose", "case:T-1"]).stdout;
    const person = out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> }).find((e) => e.schema === "Person");
    expect(person?.properties["birthDate"]).toEqual(["1980-03-12", "1981-04-13"]);
    const q = JSON.parse(vizier(["quarantine", "list", "--kind", "conflict", "--db", db, "--json", "--purpose", "purpose:quality-check"]).stdout) as Array<{ column: string }>;
    expect(q.map((x) => x.column)).toEqual(["birthDate"]);
  });

  it("stores the same run whether the file is mapped in a worker thread or in the writer's own", () => {
    // Good rows, refused rows, a conflict and a duplicate row, across several worker batches.
    const lines = ["id,name,dob,iban"];
    for (let i = 0; i < 4500; i++) {
      const dob = i % 97 === 0 ? "1980-13-45" : `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
      lines.push(`${i % 4000},Person ${i % 4000},${dob},NL91ABNA0417164300`);
    }
    const f = files(dir, { "p.csv": lines.join("\n") + "\n", "m.yml": PERSON_MAPPING });
    const runs = ["1", "2"].map((threads) => {
      const store = join(dir, `store-${threads}`);
      expect(vizier(["init", "--db", store]).code).toBe(0);
      expect(vizier(["dataset", "create", "police", "--db", store]).code).toBe(0);
      const r = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", store, "--json", "--threads", threads]);
      expect(r.code, r.stderr).toBe(0);
      const { id: _id, seconds: _s, peakRssMiB: _m, ...report } = JSON.parse(r.stdout) as Record<string, unknown>;
      const exported = vizier(["export", "--db", store, "--purpose", "case:T-1"]);
      expect(exported.code, exported.stderr).toBe(0);
      const entities = exported.stdout.replace(/"(first|last)_seen":"[^"]*"/g, "");
      const quarantine = (JSON.parse(vizier(["quarantine", "list", "--db", store, "--json", "--limit", "1000", "--purpose", "purpose:quality-check"]).stdout) as Array<Record<string, unknown>>)
        .map(({ row, column, reason, kind }) => ({ row, column, reason, kind }));
      return { report, entities, quarantine };
    });
    expect(runs[0]!.report).toMatchObject({ rowsRead: 4500, rowsQuarantined: 47 });
    expect((runs[0]!.report["conflicts"] as number)).toBeGreaterThan(0);
    expect(runs[1]).toEqual(runs[0]);
  });

  it("writes a large CSV whole to a pipe whose reader is slow (partial and refused writes are continued)", async () => {
    const gen = vizier(["flows", "generate", "--seed", "3", "--transactions", "20000", "--out", dir]);
    expect(gen.code, gen.stderr).toBe(0);
    const args = ["flows", "aggregate", join(dir, "transactions.csv"), "--from", "from_account", "--to", "to_account", "--amount", "amount", "--time", "timestamp", "--period", "day"];
    const file = join(dir, "flows.csv");
    expect(vizier([...args, "--out", file]).code).toBe(0);
    // Read nothing for a second, so the pipe fills and the writer meets a full, non-blocking pipe.
    const child = vizierAsync(args);
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    await new Promise((r) => setTimeout(r, 1000));
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code).toBe(0);
    const piped = Buffer.concat(chunks).toString("utf8");
    expect(piped.length).toBeGreaterThan(1 << 17);
    expect(piped).toBe(readFileSync(file, "utf8"));
  });

  it("round-trips FtM entity JSON", () => {
    const lines: Array<{ id: string; schema: string; properties: Record<string, string[]> }> = [
      { id: "ftm-p1", schema: "Person", properties: { name: ["José Luis Gómez-Arango"], birthDate: ["1971-05"], nationality: ["co"], phone: ["+573001234567"] } },
      { id: "ftm-c1", schema: "Company", properties: { name: ["Frutas del Pacífico S.A."], jurisdiction: ["ec"], registrationNumber: ["0991234567001"] } },
      { id: "ftm-d1", schema: "Directorship", properties: { director: ["ftm-p1"], organization: ["ftm-c1"], role: ["gerente"] } },
    ];
    const f = files(dir, { "e.ftm.json": lines.map((l) => JSON.stringify(l)).join("\n") + "\n" });
    expect(vizier(["ingest", f["e.ftm.json"]!, "--dataset", "police", "--db", db]).code).toBe(0);
    const out = vizier(["export", "--format", "ftm", "--db", db, "--purpose", "case:T-1"]).stdout.trim().split("\n")
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> })
      .map(({ id, schema, properties }) => ({ id, schema, properties }));
    const sorted = (xs: typeof out) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(out)).toEqual(sorted(lines));
  });

  it("exports statements as CSV with provenance", () => {
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--db", db]);
    const out = join(dir, "out.csv");
    expect(vizier(["export", "--format", "csv", "--out", out, "--db", db, "--purpose", "case:T-1"]).code).toBe(0);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\n");
    expect(header).toContain("legal_basis");
    expect(rows.some((r) => r.includes("12-03-1980") && r.includes("1980-03-12") && r.includes("POLITIE"))).toBe(true);
  });

  it("gives usage errors exit code 2 and unknown datasets exit code 4", () => {
    expect(vizier(["ingest", "x.csv", "--db", db]).code).toBe(2);
    const f = files(dir, { "p.csv": PERSON_CSV, "m.yml": PERSON_MAPPING });
    const r = vizier(["ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "nope", "--db", db]);
    expect(r.code).toBe(4);
    expect(vizier(["dataset", "create", "police", "--db", db]).code).toBe(5);
    expect(vizier(["dataset", "create", "Bad Name", "--db", db]).code).toBe(2);
  });
});
