import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAudit } from "@vizier/core";
import { scopeOf, systemCtx, testDataset, testStatements } from "@vizier/core/testing";
import type { Statement } from "@vizier/model";
import { PostgresStore } from "./store";
import { migrate, SCHEMA_VERSION } from "./schema";
import { fold } from "./search-sql";
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
      await st("p1", "fatherName", "string", "Tomás", "Tomás", "a.csv:2", null);
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
        ["birthDate", "1975-03-04", "4/3/1975", "a.csv:2", "2025-02-01"], ["fatherName", "Tomás", "Tomás", "a.csv:2", "2025-02-01"], ["id", "p1", "p1", "a.csv:2", "2025-02-01"],
        ["idNumber", "X123", "X123", "a.csv:3", "2025-02-01"], ["name", "José Gómez", "José Gómez", "a.csv:2", "2025-02-01"]]);
      expect((await store.search(sys, { text: "gomez", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect((await store.search(sys, { text: "x123", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      // Through version 4 too: a name part (PostgreSQL's JSON spacing in converted bodies) is found by name.
      expect((await store.search(sys, { text: "tomas gomez", limit: 5, offset: 0 })).map((h) => h.entityId)).toEqual(["p1"]);
      expect((await store.references(sys, ["p1"], 5)).references.map((r) => [r.entityId, r.prop])).toEqual([["own1", "owner"]]);
      const s = await store.stats();
      expect([s.statements, s.entities]).toEqual([6, 2]);
    } finally {
      await store.close();
    }
  });

  it("upgrades a version-3 store: name parts of stored blocks become names and dictionary words, identifiers are indexed by their words, as a new ingest writes them", async () => {
    const ds = testDataset("police", "A");
    const people: Statement[][] = [
      testStatements(ds, "f1", "Person", { firstName: "Jan", lastName: "Jansen" }),
      testStatements(ds, "f2", "Person", { name: "Maria Gómez", middleName: "Lúcia", fatherName: "Ñandú", idNumber: "X-9", motherName: "Ruiz" }),
      testStatements(ds, "f3", "Person", { birthDate: "1980" }),
      testStatements(ds, "f4", "Company", { name: "Acme Holding" }),
    ];
    // Version 3 as its writer left it: only name-typed values in `names`, their words in `name_words`.
    const pool = new pg.Pool({ connectionString: db.url, options: "-c search_path=v3,public" });
    const c = await pool.connect();
    try {
      expect(await migrate(c, "v3", 3)).toBe(3);
      await c.query(`INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [ds.name, ds.label, ds.agency, ds.legalBasis, ds.purpose, ds.handling, ds.reliability, ds.retention, ds.compartment, ds.description, ds.createdAt]);
      for (const sts of people) {
        const s0 = sts[0]!;
        const text = (types: string[]) => sts.filter((s) => types.includes(s.propType)).map((s) => fold(s.value)).join("\n") || null;
        await c.query(
          `INSERT INTO blocks (entity_id, dataset, handling, hash, schema, origin, agency, legal_basis, purpose, reliability, first_seen, last_seen,
             retention_until, run_id, n, body, originals, names, idents, refs)
           VALUES ($1, $2, $3, decode(md5($4 || chr(31) || $13), 'hex'), $4, $5, $6, $7, $8, $9, $10, $11, $12, 'r0', $14, $13, NULL, $15, $16, NULL)`,
          [s0.entityId, s0.dataset, s0.handling, s0.schema, s0.origin, s0.agency, s0.legalBasis, s0.purpose, s0.reliability, s0.firstSeen, s0.lastSeen,
            s0.retentionUntil, JSON.stringify(sts.map((s) => [s.prop, s.propType, s.value])), sts.length, text(["name"]), text(["identifier", "phone", "email"])]);
      }
      await c.query(`INSERT INTO name_words (word)
        SELECT DISTINCT w FROM blocks CROSS JOIN unnest(tsvector_to_array(to_tsvector('simple', names))) w WHERE names IS NOT NULL`);
    } finally {
      c.release();
      await pool.end();
    }
    const upgraded = new PostgresStore({ url: db.url, schema: "v3" });
    // The same people ingested by this version's writer into an empty store.
    const fresh = new PostgresStore({ url: db.url, schema: "fresh4" });
    try {
      await upgraded.init();
      await fresh.init();
      await fresh.putDataset(ds);
      const run = { id: "r1", dataset: ds.name, file: "f.csv", mapping: "m.yml", actor: "t", startedAt: "2026-01-01T00:00:00.000Z" };
      const w = await fresh.beginWrite(run);
      await w.writeStatements(people.flat());
      await w.commit(run, { entries: [], link: linkAudit });

      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      const search = async (schema: string) => ({
        version: (await check.query(`SELECT max(version) AS v FROM ${schema}.schema_version`)).rows[0].v as number,
        blocks: (await check.query(`SELECT entity_id, encode(hash, 'hex') AS hash, names, idents FROM ${schema}.blocks ORDER BY entity_id`)).rows,
        words: (await check.query(`SELECT word FROM ${schema}.name_words ORDER BY word`)).rows.map((r: { word: string }) => r.word),
      });
      const [after, written] = [await search("v3"), await search("fresh4")];
      await check.end();
      expect(after.version).toBe(SCHEMA_VERSION);
      expect(after.blocks.map((b: { names: string | null }) => b.names)).toEqual(["jan\njansen", "maria gomez\nlucia\nnandu\nruiz", null, "acme holding"]);
      // Version 5: the identifier as its words and run together, as the writer now stores it.
      expect(after.blocks.map((b: { idents: string | null }) => b.idents)).toEqual([null, "x 9 x9", null, null]);
      expect(after).toEqual(written);
      expect(after.words).toEqual(["acme", "gomez", "holding", "jan", "jansen", "lucia", "maria", "nandu", "ruiz"]);

      const sys = scopeOf(systemCtx(), []);
      const ids = async (text: string) => (await upgraded.search(sys, { text, limit: 5, offset: 0 })).map((h) => h.entityId);
      expect([await ids("jan jansen"), await ids("jansn"), await ids("lucia gomez"), await ids("nandu"), await ids("x-9"), await ids("X9")]).toEqual([["f1"], ["f1"], ["f2"], ["f2"], ["f2"], ["f2"]]);
    } finally {
      await upgraded.close();
      await fresh.close();
    }
  });
});
