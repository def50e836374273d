import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { makeEntityId } from "@vizier/model";
import { bundleMissing, files, tempDir, vizier } from "../test/harness";

const CSV = "id,name\n1,Jan Jansen\n2,Piet Pieters\n";
const MAPPING = "query:\n  entities:\n    person:\n      schema: Person\n      keys: [id]\n      properties:\n        name: { column: name }\n";

describe.skipIf(Boolean(bundleMissing))("vizier audit query / anchor / verify --anchor", () => {
  let dir: string;
  let db: string;
  const jan = makeEntityId("police", ["1"]);
  const run = (...args: string[]) => vizier([...args, "--db", db]);

  beforeEach(() => {
    dir = tempDir();
    db = join(dir, "store");
    const f = files(dir, { "p.csv": CSV, "m.yml": MAPPING });
    expect(run("init").code).toBe(0);
    expect(run("dataset", "create", "police").code).toBe(0);
    expect(run("ingest", f["p.csv"]!, "--mapping", f["m.yml"]!, "--dataset", "police", "--quiet").code).toBe(0);
    expect(run("search", "jansen", "--purpose", "case:X-1").code).toBe(0);
    expect(run("search", "pieters", "--purpose", "purpose:strategic").code).toBe(0);
  });

  it("answers who consulted an entity, as a table, CSV or a printable HTML page, and audits the question", () => {
    const t = run("audit", "query", "--entity", jan);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/case:X-1\s+search\s+jansen/);
    expect(t.stdout).not.toContain("pieters");
    const csv = run("audit", "query", "--entity", jan, "--format", "csv").stdout.trim().split("\r\n");
    // The search, and the first question about this entity (earlier audit queries are consultations too).
    expect(csv).toHaveLength(3);
    expect(csv[1]).toContain(`,case:X-1,search,jansen,${jan},`);
    expect(csv[2]).toContain(`,purpose:audit-oversight,audit.query,entity=${jan},${jan},`);
    expect(run("audit", "query", "--purpose", "purpose:*", "--format", "csv").stdout).toContain("pieters");
    const out = join(dir, "report.html");
    expect(run("audit", "query", "--entity", jan, "--format", "html", "--out", out).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(jan);
    expect(html).not.toMatch(/<script/i);
    const own = JSON.parse(run("audit", "query", "--action", "audit.query", "--json").stdout) as Array<{ purpose: string; query: string }>;
    expect(own.map((r) => [r.purpose, r.query])).toEqual([
      ["purpose:audit-oversight", `entity=${jan}`], ["purpose:audit-oversight", `entity=${jan}`],
      ["purpose:audit-oversight", "purpose=purpose:*"], ["purpose:audit-oversight", `entity=${jan}`],
    ]);
    expect(run("user", "add", "ana", "--roles", "analyst,investigator,liaison").code).toBe(0);
    expect(run("audit", "query", "--as", "ana").code).toBe(6);
    expect(run("audit", "anchor", "--as", "ana").code).toBe(6);
    expect(run("audit", "query", "--format", "pdf").code).toBe(2);
    expect(run("audit", "query", "--since", "soon").code).toBe(2);
  });

  it("detects a truncated log with an anchor kept outside the store", () => {
    const anchor = join(dir, "anchor.json");
    expect(run("audit", "anchor", "--out", anchor).code).toBe(0);
    expect(run("audit", "anchor", "--out", anchor).code).toBe(5);
    const { seq } = JSON.parse(readFileSync(anchor, "utf8")) as { seq: number };
    expect(run("search", "jansen", "--purpose", "case:X-1").code).toBe(0);
    expect(run("audit", "verify", "--anchor", anchor).code).toBe(0);
    const file = new Database(join(db, "audit.db"));
    file.prepare("DELETE FROM audit WHERE seq >= ?").run(seq - 1);
    file.close();
    expect(run("audit", "verify").code).toBe(0);
    const v = run("audit", "verify", "--anchor", anchor);
    expect([v.code, v.stderr]).toEqual([8, expect.stringContaining("AUDIT_TAMPERED")]);
    expect(run("audit", "verify", "--anchor", join(dir, "missing.json")).code).toBe(4);
  });
});
