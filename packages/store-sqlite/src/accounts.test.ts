import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { runAccountsContract } from "@vizier/core/testing";
import { SqliteStore } from "./store";

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

runAccountsContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vizier-accounts-"));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  await store.init();
  return { store, reopen: async () => { const s = new SqliteStore(dir); await s.init(); return s; } };
});
