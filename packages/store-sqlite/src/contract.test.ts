import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { runStoreContract } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

runStoreContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-sqlite-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return {
    store,
    reopen: async () => { const s = new SqliteStore(dir); await s.init(); return s; },
  };
});
