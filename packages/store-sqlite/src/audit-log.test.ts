import Database from "better-sqlite3";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkAudit, verifyAudit, type AuditEntry, type AuditRecord } from "@vizier/core";
import { stageAudit } from "./audit-log";
import { SqliteStore } from "./store";

const entry = (q: string, action: AuditEntry["action"] = "search"): AuditEntry => ({ at: "2026-11-23T00:00:00.000Z", actor: "u", agency: "A", purpose: "purpose:test", action, query: q, resultIds: [q], recipients: [] });

async function chainOf(store: SqliteStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const b of store.scanAudit(500)) records.push(...b);
  return records;
}
const verified = async (records: AuditRecord[]) => verifyAudit((async function* () { yield records; })());

describe("the audit chain in its own file", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "vizier-audit-log-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lives in audit.db beside the store; audited reads never commit to the store file", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    const peek = new Database(store.location, { readonly: true });
    try {
      expect(store.audit.location).toBe(join(dir, "audit.db"));
      // data_version changes when another connection commits to the file: the cache-dropping event.
      const before = peek.pragma("data_version", { simple: true });
      await Promise.all([store.appendAudit([entry("a")], linkAudit), store.appendAudit([entry("b")], linkAudit)]);
      await store.appendAudit([entry("c")], linkAudit);
      expect(peek.pragma("data_version", { simple: true })).toBe(before);
      expect((await chainOf(store)).map((r) => r.query)).toEqual(["a", "b", "c"]);
      expect(peek.prepare("SELECT count(*) FROM audit").pluck().get()).toBe(0);
      expect((await store.stats()).auditRecords).toBe(3);
    } finally {
      peek.close();
      await store.close();
    }
  });

  it("moves entries a write staged with its data into the chain after the commit, also after a crash in between", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    await store.appendAudit([entry("first")], linkAudit);
    // A commit whose process died before it settled: data and staged entries are in the store file.
    const other = new Database(store.location);
    other.transaction(() => stageAudit(other, [entry("granted", "access.decide"), entry("noted", "access.decide")]))();
    expect((await chainOf(store)).map((r) => r.query)).toEqual(["first", "granted", "noted"]);
    expect(other.prepare("SELECT count(*) FROM audit_outbox").pluck().get()).toBe(0);
    // Died after appending to the chain but before deleting from the outbox: applied once only.
    const applied = new Database(store.audit.location).prepare("SELECT id FROM audit_applied").pluck().all() as string[];
    expect(applied).toHaveLength(1);
    other.prepare("INSERT INTO audit_outbox (id, entries) VALUES (?, ?)").run(applied[0], JSON.stringify([entry("granted", "access.decide")]));
    other.transaction(() => stageAudit(other, [entry("purged", "retention")]))();
    other.close();
    await store.close();
    await store.init();
    try {
      const chain = await chainOf(store);
      expect(chain.map((r) => r.query)).toEqual(["first", "granted", "noted", "purged"]);
      expect(await verified(chain)).toEqual({ ok: true, records: 4 });
    } finally {
      await store.close();
    }
  });

  it("takes over the chain of a store that kept it in its own file (schema 4), and continues it", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    for (const q of ["one", "two", "three"]) await store.appendAudit([entry(q)], linkAudit);
    await store.close();
    // Turn the store back into a version-4 store: chain in vizier.db, no audit file, no outbox.
    const file = new Database(store.location);
    file.prepare("ATTACH DATABASE ? AS a").run(store.audit.location);
    file.exec("INSERT INTO main.audit SELECT * FROM a.audit; DETACH DATABASE a; DROP TABLE audit_outbox; PRAGMA user_version = 4");
    file.close();
    for (const f of ["", "-wal", "-shm"]) rmSync(store.audit.location + f, { force: true });
    await store.init();
    try {
      await store.appendAudit([entry("four")], linkAudit);
      const chain = await chainOf(store);
      expect(chain.map((r) => [r.seq, r.query])).toEqual([[1, "one"], [2, "two"], [3, "three"], [4, "four"]]);
      expect(await verified(chain)).toEqual({ ok: true, records: 4 });
      const after = new Database(store.location, { readonly: true });
      expect(after.prepare("SELECT count(*) FROM audit").pluck().get()).toBe(0);
      after.close();
    } finally {
      await store.close();
    }
  });

  it("two connections writing and appending at once: one valid chain, each staged entry exactly once", async () => {
    const one = new SqliteStore(dir);
    const two = new SqliteStore(dir);
    await one.init();
    await two.init();
    try {
      const request = (id: string) => ({
        id, requester: "u", requesterAgency: "A", entityIds: ["e1"], dataset: "ds", owner: "B", purpose: "case:X-1",
        justification: "j", status: "pending" as const, createdAt: "2026-11-23T00:00:00.000Z",
      });
      await Promise.all(Array.from({ length: 20 }, (_, i) => [
        (i % 2 ? one : two).accessRequests.createAccessRequest(request(`r${i}`), { entries: [entry(`r${i}`, "access.request")], link: linkAudit }),
        (i % 2 ? two : one).appendAudit([entry(`s${i}`)], linkAudit),
      ]).flat());
      const chain = await chainOf(one);
      expect(await verified(chain)).toEqual({ ok: true, records: 40 });
      expect(chain.map((r) => r.query).sort()).toEqual(Array.from({ length: 20 }, (_, i) => [`r${i}`, `s${i}`]).flat().sort());
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("refuses an audit file that does not continue the store's own chain, moving nothing", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    await store.appendAudit([entry("here")], linkAudit);
    await store.close();
    const file = new Database(store.location);
    file.prepare("INSERT INTO audit SELECT 1, at, actor, agency, purpose, action, 'elsewhere', result_ids, recipients, prev_hash, 'f00' FROM (SELECT ? AS at, 'x' AS actor, 'A' AS agency, 'p' AS purpose, 's' AS action, '[]' AS result_ids, '[]' AS recipients, 'g' AS prev_hash)").run("2026-01-01");
    file.close();
    await expect(store.init()).rejects.toMatchObject({ code: "STORE_UNAVAILABLE", message: expect.stringContaining("does not belong to this store") });
    await store.close();
    const check = new Database(store.location, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM audit").pluck().get()).toBe(1);
    check.close();
    expect(existsSync(store.audit.location)).toBe(true);
  });
});
