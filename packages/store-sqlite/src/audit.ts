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
