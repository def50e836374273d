import type Database from "better-sqlite3";
import { GENESIS, sqlRows, type AuditEntry, type AuditRecord } from "@vizier/core";
import { prepared } from "./prepared";

/** Appends at the chain head of the audit file (audit-log.ts); the caller holds a write transaction, which serialises writers. */
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

const isBusy = (e: unknown) => String((e as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");

/** How long an audit append waits for another writer (another server process). */
export const AUDIT_WAIT_MS = 10_000;

/**
 * Runs `write` in an IMMEDIATE transaction; while another connection holds the write lock, waits
 * without blocking the event loop. SQLite's own busy timeout sleeps inside the call, which would
 * stall every other request of this process for as long as the lock is held (with several API
 * processes that is often; during an ingest commit, seconds). So each attempt runs with
 * `busy_timeout = 0` (the connection's own value restored after): it fails at once and is retried
 * after a yield, and the process goes on serving reads meanwhile. Gives up after `waitMs`.
 */
export async function writeWaiting<T>(db: Database.Database, write: () => T, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const timeout = db.pragma("busy_timeout", { simple: true }) as number;
      db.pragma("busy_timeout = 0");
      try {
        return db.transaction(write).immediate();
      } finally {
        db.pragma(`busy_timeout = ${timeout}`);
      }
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e;
    }
    await new Promise((r) => (attempt < 3 ? setImmediate(r) : setTimeout(r, Math.min(attempt - 2, 10))));
  }
}

interface PendingAppend {
  entries: readonly AuditEntry[];
  link: (prev: string, seq: number, e: AuditEntry) => string;
  resolve: (records: AuditRecord[]) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit of a connection's audit appends. The appends requested in one turn of the event
 * loop (under load: every request whose read finished in it) are committed in one transaction at
 * the end of the turn, each caller's entries together and in call order; every caller's promise
 * settles only once its records are committed, so a response still waits for its audit record.
 * One commit per turn instead of one per request: fewer writes, fewer lock hand-overs between
 * server processes. One batch at a time; appends arriving meanwhile form the next. A batch that
 * fails otherwise than by waiting too long is retried append by append, so an append that cannot
 * be written fails alone.
 */
export class AuditQueue {
  private pending: PendingAppend[] = [];
  private running: Promise<void> | undefined;
  /** Appends committed, and the transactions that committed them. */
  readonly counts = { appends: 0, commits: 0 };

  constructor(private readonly db: () => Database.Database, private readonly waitMs = AUDIT_WAIT_MS) {}

  append(entries: readonly AuditEntry[], link: (prev: string, seq: number, e: AuditEntry) => string): Promise<AuditRecord[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entries, link, resolve, reject });
      this.running ??= this.nextTurn();
    });
  }

  /** Resolves once every append requested so far is committed or has failed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.commit(batch);
    } catch (e) {
      if (batch.length === 1 || isBusy(e)) for (const b of batch) b.reject(e);
      else for (const b of batch) await this.commit([b]).catch(b.reject);
    }
    this.running = this.pending.length > 0 ? this.nextTurn() : undefined;
  }

  /** A flush at the end of this turn of the event loop. */
  private nextTurn(): Promise<void> {
    return new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
  }

  private async commit(batch: readonly PendingAppend[]): Promise<void> {
    const db = this.db();
    const out = await writeWaiting(db, () => batch.map((b) => appendAuditTx(db, b.entries, b.link)), this.waitMs);
    this.counts.commits++;
    this.counts.appends += batch.length;
    batch.forEach((b, i) => b.resolve(out[i]!));
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
