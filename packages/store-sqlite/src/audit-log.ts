import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import { VizierError } from "@vizier/model";
import { linkAudit, type AuditEntry, type AuditRecord } from "@vizier/core";
import { appendAuditTx, AuditQueue, scanAuditRows, writeWaiting, AUDIT_WAIT_MS } from "./audit";
import { openConnection } from "./connection";
import { sideLocation } from "./side-file";

/** The audit file's tables: the chain, and which outbox rows of the store it has taken in. */
const AUDIT_DDL = `
  -- Append-only, hash-chained (see core/audit/chain.ts).
  CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, agency TEXT NOT NULL, purpose TEXT NOT NULL,
    action TEXT NOT NULL, query TEXT NOT NULL, result_ids TEXT NOT NULL, recipients TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS audit_applied (id TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
`;

/**
 * Stages audit entries in the store file's outbox, inside the caller's write transaction, so they
 * commit or roll back with the data they describe (ingest commit, access request, judgement,
 * purge). `AuditLog.settle` moves them into the chain after the commit.
 */
export function stageAudit(db: Database.Database, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  db.prepare("INSERT INTO audit_outbox (id, entries) VALUES (?, ?)").run(randomUUID(), JSON.stringify(entries));
}

/**
 * The embedded store's audit chain, in a file of its own beside the store (`audit.db`; decision
 * 0006, amendment 3). A commit to a SQLite file makes every other connection to that file drop
 * its page cache at its next read; with the chain in the store file, each server process's audited
 * reads emptied the other processes' caches. Reads now commit only to this file.
 *
 * Writes that must be atomic with their audit record stage it in the store file's outbox
 * (`stageAudit`); `settle` moves outbox rows into the chain, recording each row's id in
 * `audit_applied` in the same transaction, and then deletes them from the outbox: a crash between
 * the two leaves the row to the next settle, which finds it applied and only deletes it. Opening
 * the log settles, and moves the rows of a store whose chain was still in its own file.
 */
export class AuditLog {
  readonly location: string;
  private db: Database.Database | undefined;
  private readonly queue = new AuditQueue(() => this.conn);

  constructor(storeLocation: string, private readonly store: () => Database.Database, private readonly readonly: boolean) {
    this.location = sideLocation(storeLocation, "audit");
  }

  private get conn(): Database.Database {
    if (this.db) return this.db;
    if (this.readonly) throw new VizierError("STORE_UNAVAILABLE", `the store is open read-only; the audit log ${this.location} cannot be written`);
    throw new VizierError("STORE_UNAVAILABLE", "store is not open (call init first)");
  }

  /** Opens (creating) the audit file; moves a chain kept in the store file and settles the outbox. */
  async open(): Promise<void> {
    if (this.readonly) {
      if (existsSync(this.location)) this.db = openConnection(this.location, true);
      return;
    }
    const db = openConnection(this.location, false);
    this.db = db;
    db.exec(AUDIT_DDL);
    moveStoreChain(db, this.store());
    await this.settle();
  }

  append(entries: readonly AuditEntry[], link: (prev: string, seq: number, e: AuditEntry) => string): Promise<AuditRecord[]> {
    return this.queue.append(entries, link);
  }

  /**
   * Moves staged outbox entries into the chain (linked by core's `linkAudit`, the chain's one link
   * function). A failure leaves them staged for the next settle; it is reported to the caller.
   */
  async settle(): Promise<void> {
    const store = this.store();
    const staged = store.prepare("SELECT id, entries FROM audit_outbox ORDER BY rowid").all() as Array<{ id: string; entries: string }>;
    if (staged.length === 0) return;
    const db = this.conn;
    await writeWaiting(db, () => {
      const applied = db.prepare("SELECT 1 FROM audit_applied WHERE id = ?").pluck();
      const mark = db.prepare("INSERT INTO audit_applied (id, seq) VALUES (?, ?)");
      for (const s of staged) {
        if (applied.get(s.id)) continue;
        const records = appendAuditTx(db, JSON.parse(s.entries) as AuditEntry[], linkAudit);
        mark.run(s.id, records[0]?.seq ?? 0);
      }
    }, AUDIT_WAIT_MS);
    const drop = store.prepare("DELETE FROM audit_outbox WHERE id = ?");
    await writeWaiting(store, () => { for (const s of staged) drop.run(s.id); }, AUDIT_WAIT_MS);
  }

  /** Settles, then reads the chain in order. */
  async *scan(batchSize: number): AsyncIterable<AuditRecord[]> {
    if (!this.db) return;
    if (!this.readonly) await this.settle();
    yield* scanAuditRows(this.db, batchSize);
  }

  count(): number {
    return this.db ? (this.db.prepare("SELECT count(*) FROM audit").pluck().get() as number) : 0;
  }

  /** Waits for pending appends, then closes. */
  async close(): Promise<void> {
    await this.queue.drain();
    this.db?.close();
    this.db = undefined;
  }
}

/**
 * Stores before schema version 5 kept the chain in the store file's `audit` table. Copies it into
 * the audit file (a record already there with the same hash is skipped), then deletes from the
 * store file exactly the records the audit file holds; each step commits to one file, so a crash
 * between them is finished by the next open. A record whose position the audit file holds with
 * another hash means the two files do not belong together, and nothing is moved.
 */
function moveStoreChain(db: Database.Database, store: Database.Database): void {
  if (!store.prepare("SELECT 1 FROM audit LIMIT 1").get()) return;
  db.prepare("ATTACH DATABASE ? AS store").run(store.name);
  try {
    const clash = db.prepare("SELECT s.seq FROM store.audit s JOIN main.audit a ON a.seq = s.seq AND a.hash <> s.hash LIMIT 1").pluck().get() as number | undefined;
    if (clash !== undefined) {
      throw new VizierError("STORE_UNAVAILABLE", `audit record ${clash} differs between ${store.name} and ${db.name}: the audit file does not belong to this store`);
    }
    db.exec("INSERT OR IGNORE INTO main.audit SELECT * FROM store.audit ORDER BY seq");
    db.exec("DELETE FROM store.audit WHERE seq IN (SELECT a.seq FROM main.audit a JOIN store.audit s ON s.seq = a.seq AND s.hash = a.hash)");
  } finally {
    db.exec("DETACH DATABASE store");
  }
}
