import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
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

describe("accounts tables made before must_change_password", () => {
  it("gain the column on the next init; existing users need no change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vizier-accounts-old-"));
    dirs.push(dir);
    const store = new SqliteStore(dir);
    await store.init();
    await store.close();
    const db = new Database(join(dir, "vizier.db"));
    db.exec(`ALTER TABLE account_users DROP COLUMN must_change_password;
      INSERT INTO account_users VALUES ('old', 'Old', 'A', '["analyst"]', '[]', 'scrypt$x', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    db.close();
    const again = new SqliteStore(dir);
    await again.init();
    expect(await again.accounts.getUser("old")).toMatchObject({ id: "old", passwordHash: "scrypt$x" });
    expect((await again.accounts.getUser("old"))!.mustChangePassword).toBeUndefined();
    await again.accounts.updateUser("old", { mustChangePassword: true, updatedAt: "2026-01-02T00:00:00Z" });
    expect((await again.accounts.getUser("old"))!.mustChangePassword).toBe(true);
    await again.close();
  });
});
