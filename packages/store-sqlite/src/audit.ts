import type Database from "better-sqlite3";
import { GENESIS, sqlRows, type AuditEntry, type AuditRecord } from "@vizier/core";
import { prepared } from "./prepared";

/** Appends at the chain head; the caller holds a write transaction, which serialises writers. */
export function appendAuditTx(
  db: Database.Database, entries: readonly AuditEntry[], link: (prev: string, seq: number, e: AuditEntry) => string,
): AuditRecord[] {
  const head = prepared(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined;
  let prev = head?.hash ?? GENESIS;
  let seq = head?.seq ?? 0;
  const insert = prepared(db, "INSERT INTO audit (seq, at, actor, agency, purpose, action, query, result_ids, recipients, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  const out: AuditRecord[] = [];
  for (const e of entries) {
    seq++;
    const hash = link(prev, seq, e);
    insert.run(seq, e.at, e.actor, e.agency, e.purpose, e.action, e.query, JSON.stringify(e.resultIds), JSON.stringify(e.recipients), prev, hash);
    out.push({ ...e, seq, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

/** How long an audit append waits for another writer (another server process, an ingest commit). */
export const AUDIT_WAIT_MS = 10_000;

/**
 * Appends in an IMMEDIATE transaction; while another connection holds the write lock, waits
 * without blocking the event loop. SQLite's own busy timeout sleeps inside the call, which would
 * stall every other request of this process for as long as the lock is held (with several API
 * processes that is often; during an ingest commit, seconds). `db` must therefore have
 * `busy_timeout = 0` (the store keeps a connection for this): the attempt fails at once and is
 * retried after a yield, so the process goes on serving reads meanwhile.
 */
export async function appendAuditWaiting(
  db: Database.Database, entries: readonly AuditEntry[], link: (prev: string, seq: number, e: AuditEntry) => string, waitMs = AUDIT_WAIT_MS,
): Promise<AuditRecord[]> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return db.transaction(() => appendAuditTx(db, entries, link)).immediate();
    } catch (e) {
      if (!String((e as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY") || Date.now() >= deadline) throw e;
    }
    await new Promise((r) => (attempt < 3 ? setImmediate(r) : setTimeout(r, Math.min(attempt - 2, 10))));
  }
}

export function* scanAuditRows(db: Database.Database, batchSize: number): Generator<AuditRecord[]> {
  let after = 0;
  const page = db.prepare("SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?");
  for (;;) {
    const rows = page.all(after, batchSize) as sqlRows.AuditRow[];
    if (rows.length === 0) return;
    yield rows.map(sqlRows.toAudit);
    after = rows[rows.length - 1]!.seq;
  }
}
