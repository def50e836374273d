import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { runAuditSafeguardsContract } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

// Tampering goes straight at the database file with better-sqlite3, as anyone with the file could.
runAuditSafeguardsContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-audit-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return {
    store,
    tamper: async () => {
      const db = new Database(store.audit.location);
      return {
        run: async (sql: string) => { db.exec(sql); },
        array: (ids: readonly string[]) => `'${JSON.stringify(ids).replace(/'/g, "''")}'`,
        close: async () => { db.close(); },
      };
    },
  };
});
