import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkAudit, verifyAudit, type AuditEntry, type AuditRecord } from "@vizier/core";
import { AuditQueue } from "./audit";
import { openConnection } from "./connection";
import { SqliteStore } from "./store";

const entry = (q: string): AuditEntry => ({ at: "2026-11-23T00:00:00.000Z", actor: "u", agency: "A", purpose: "purpose:test", action: "search", query: q, resultIds: [q], recipients: [] });

async function chainOf(store: SqliteStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const b of store.scanAudit(500)) records.push(...b);
  return records;
}

describe("audit group commit", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "vizier-audit-queue-")); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("commits the appends of one turn together, in call order, each caller getting its own records", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    const db = openConnection(store.audit.location, false);
    const queue = new AuditQueue(() => db);
    try {
      const asked = Array.from({ length: 50 }, (_, i) => [entry(`q${i}a`), entry(`q${i}b`)]);
      const got = await Promise.all(asked.map((entries) => queue.append(entries, linkAudit)));
      expect(queue.counts).toEqual({ appends: 50, commits: 1 });
      got.forEach((records, i) => expect(records.map((r) => [r.seq, r.query])).toEqual([[2 * i + 1, `q${i}a`], [2 * i + 2, `q${i}b`]]));
      // A later turn is a new commit, continuing the chain.
      const [next] = await queue.append([entry("later")], linkAudit);
      expect(next).toMatchObject({ seq: 101, prevHash: got[49]![1]!.hash });
      expect(queue.counts).toEqual({ appends: 51, commits: 2 });
      const chain = await chainOf(store);
      expect(await verifyAudit((async function* () { yield chain; })())).toEqual({ ok: true, records: 101 });
    } finally {
      db.close();
      await store.close();
    }
  });

  it("fails only the append that cannot be written; the others of its turn are committed", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    try {
      const broken = () => { throw new Error("no hash"); };
      const results = await Promise.allSettled([
        store.appendAudit([entry("one")], linkAudit),
        store.appendAudit([entry("bad")], broken),
        store.appendAudit([entry("three")], linkAudit),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      const chain = await chainOf(store);
      expect(chain.map((r) => r.query)).toEqual(["one", "three"]);
      expect(await verifyAudit((async function* () { yield chain; })())).toEqual({ ok: true, records: 2 });
    } finally {
      await store.close();
    }
  });

  it("close waits for appends not yet committed", async () => {
    const store = new SqliteStore(dir);
    await store.init();
    const pending = store.appendAudit([entry("at close")], linkAudit);
    await store.close();
    await expect(pending).resolves.toMatchObject([{ seq: 1, query: "at close" }]);
    await store.init();
    try {
      expect((await chainOf(store)).map((r) => r.query)).toEqual(["at close"]);
    } finally {
      await store.close();
    }
  });
});
