import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeOf, systemCtx, testDataset } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { migrate, SCHEMA_VERSION } from "./schema";
import { createTestDatabase, pgServer } from "./test-db";

const server = pgServer();

describe.skipIf(!server.url)("PostgreSQL schema upgrade", () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => { db = await createTestDatabase(server.url!, "vz_schema"); });
  afterAll(async () => { await db?.drop(); });

  it("converts a version-2 store (one row per statement) into blocks without losing a statement", async () => {
    const pool = new pg.Pool({ connectionString: db.url, options: "-c search_path=v2,public" });
    const c = await pool.connect();
    try {
      expect(await migrate(c, "v2", 2)).toBe(2);
      const ds = testDataset("police", "A");
      await c.query(`INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [ds.name, ds.label, ds.agency, ds.legalBasis, ds.purpose, ds.handling, ds.reliability, ds.retention, ds.compartment, ds.description, ds.createdAt]);
      const st = (entity: string, prop: string, type: string, value: string, original: string, origin: string, search: string | null) => c.query(
        `INSERT INTO statements (entity_id, dataset, prop, value_hash, value, id, schema, prop_type, original, agency, legal_basis, purpose, handling,
           reliability, first_seen, last_seen, retention_until, run_id, origin, search_text)
         VALUES ($1, 'police', $2, decode(md5($4), 'hex'), $4, 'x', $6, $3, $5, 'A', 'lb', 'p', 'GREEN', 'B2', '2025-01-01', '2025-02-01', '2031-01-01', 'r1', $7, $8)`,
        [entity, prop, type, value, original, entity === "own1" ? "Ownership" : "Person", origin, search]);
      await st("p1", "id", "id", "p1", "p1", "a.csv:2", null);
      await st("p1", "name", "name", "José Gómez", "José Gómez", "a.csv:2", "jose gomez");
      await st("p1", "birthDate", "date", "1975-03-04", "4/3/1975", "a.csv:2", null);
      await st("p1", "idNumber", "identifier", "X123", "X123", "a.csv:3", "x123");
      await st("own1", "owner", "entity", "p1", "p1", "b.csv:2", null);
    } finally {
      c.release();
      await pool.end();
    }
    const store = new PostgresStore({ url: db.url, schema: "v2" });
    try {
      await store.init();
      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      const v = await check.query("SELECT max(version) AS v FROM v2.schema_version");
      const old = await check.query("SELECT to_regclass('v2.statements') AS t");
      await check.end();
      expect([v.rows[0].v, old.rows[0].t]).toEqual([SCHEMA_VERSION, null]);
      const sys = scopeOf(systemCtx(), []);
      const p1 = await store.readStatements(sys, { entityIds: ["p1"] });
      expect(p1.map((s) => [s.prop, s.value, s.original, s.origin, s.lastSeen])).toEqual([
        ["birthDate", "1975-03-04", "4/3/1975", "a.csv:2", "2025-02-01"], ["id", "p1", "p1", "a.csv:2", "2025-02-01"],
        ["idNumber", "X123", "X123", "a.csv:3", "2025-02-01"], ["name", "José Gómez", "José Gómez", "a.csv:2", "2025-02-01"]]);
      expect((await store.search(sys, { text: "gomez", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect((await store.search(sys, { text: "x123", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect((await store.references(sys, ["p1"], 5)).references.map((r) => [r.entityId, r.prop])).toEqual([["own1", "owner"]]);
      const s = await store.stats();
      expect([s.statements, s.entities]).toEqual([5, 2]);
    } finally {
      await store.close();
    }
  });
});
