import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { runAuditSafeguardsContract } from "@vizier/core/testing";
import { PostgresStore } from "./store";
import { createTestDatabase, pgServer } from "./test-db";

// Tampering as a superuser would: disable the append-only triggers, edit the table, re-enable.
const server = pgServer();
let db: { url: string; drop: () => Promise<void> } | undefined;
let n = 0;
beforeAll(async () => { if (server.url) db = await createTestDatabase(server.url, "vz_auditsafe"); });
afterAll(async () => { await db?.drop(); });

runAuditSafeguardsContract("postgres", async () => {
  if (!db) throw new Error("no test database");
  const schema = `s${++n}`;
  const url = db.url;
  const store = new PostgresStore({ url, schema, maxConnections: 4 });
  await store.init();
  return {
    store,
    tamper: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`SET search_path TO ${schema}`);
      return {
        run: async (sql: string) => {
          await c.query("BEGIN; ALTER TABLE audit DISABLE TRIGGER USER");
          await c.query(sql);
          await c.query("ALTER TABLE audit ENABLE TRIGGER USER; COMMIT");
        },
        array: (ids: readonly string[]) => `ARRAY[${ids.map((i) => `'${i.replace(/'/g, "''")}'`).join(",")}]::text[]`,
        close: () => c.end(),
      };
    },
  };
}, server.url ? {} : { skip: server.reason });
