import type Database from "better-sqlite3";
import { VizierError } from "@vizier/model";
import {
  toAccessRequest, type AccessDecision, type AccessRequest, type AccessRequestPort, type AccessRequestQuery, type AccessRequestRow,
  type AuditAppend,
} from "@vizier/core";
import { stageAudit } from "./audit-log";
import { guard, mapSqliteError } from "./errors";
import { prepared } from "./prepared";

const DDL = `
CREATE TABLE IF NOT EXISTS access_requests (
  id TEXT PRIMARY KEY, requester TEXT NOT NULL, requester_agency TEXT NOT NULL, entity_ids TEXT NOT NULL,
  dataset TEXT NOT NULL, owner TEXT NOT NULL, purpose TEXT NOT NULL, justification TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')), created_at TEXT NOT NULL,
  decided_by TEXT, decided_at TEXT, reason TEXT, until TEXT);
CREATE INDEX IF NOT EXISTS access_requests_requester ON access_requests (requester, status);
CREATE INDEX IF NOT EXISTS access_requests_owner ON access_requests (owner, status);`;

/**
 * Access requests in the SQLite store, in their own table (created on first use). Each write and
 * its audit records (staged in the outbox) commit in one IMMEDIATE transaction, so neither exists
 * without the other; `settle` then moves the records into the audit chain (audit-log.ts).
 */
export class SqliteAccessRequests implements AccessRequestPort {
  private ready = false;

  constructor(
    private readonly conn: () => Database.Database, private readonly location: () => string, private readonly settle: () => Promise<void>,
  ) {}

  /** The connection with the table in place; for reads on a store without it (e.g. read-only), undefined. */
  private db(): Database.Database;
  private db(read: "read"): Database.Database | undefined;
  private db(read?: "read"): Database.Database | undefined {
    const db = this.conn();
    if (!this.ready) {
      const exists = prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'access_requests'").get();
      if (!exists && read) return undefined;
      if (!exists) guard(this.location(), () => db.exec(DDL));
      this.ready = true;
    }
    return db;
  }

  async createAccessRequest(r: AccessRequest, audit: AuditAppend): Promise<void> {
    const db = this.db();
    try {
      db.transaction(() => {
        db.prepare(`INSERT INTO access_requests (id, requester, requester_agency, entity_ids, dataset, owner, purpose, justification, status, created_at)
          VALUES (?,?,?,?,?,?,?,?,?,?)`).run(r.id, r.requester, r.requesterAgency, JSON.stringify(r.entityIds), r.dataset, r.owner, r.purpose,
          r.justification, r.status, r.createdAt);
        stageAudit(db, audit.entries);
      }).immediate();
    } catch (e) {
      if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") throw new VizierError("ALREADY_EXISTS", `access request ${r.id} already exists`);
      throw mapSqliteError(e, this.location());
    }
    await this.settle();
  }

  async getAccessRequest(id: string): Promise<AccessRequest | undefined> {
    const db = this.db("read");
    const row = db && guard(this.location(), () => db.prepare("SELECT * FROM access_requests WHERE id = ?").get(id)) as AccessRequestRow | undefined;
    return row ? toAccessRequest(row) : undefined;
  }

  async listAccessRequests(q: AccessRequestQuery): Promise<AccessRequest[]> {
    const db = this.db("read");
    if (!db) return [];
    const rows = guard(this.location(), () => prepared(db, `SELECT * FROM access_requests
      WHERE (@requester IS NULL OR requester = @requester) AND (@owner IS NULL OR owner = @owner) AND (@status IS NULL OR status = @status)
      ORDER BY created_at DESC, id`).all({ requester: q.requester ?? null, owner: q.owner ?? null, status: q.status ?? null })) as AccessRequestRow[];
    return rows.map(toAccessRequest);
  }

  async decideAccessRequest(id: string, d: AccessDecision, audit: AuditAppend): Promise<AccessRequest> {
    const db = this.db();
    const decided = guard(this.location(), () => db.transaction(() => {
      const row = db.prepare("SELECT * FROM access_requests WHERE id = ?").get(id) as AccessRequestRow | undefined;
      if (!row) throw new VizierError("NOT_FOUND", `access request ${id} does not exist`);
      if (row.status !== "pending") throw new VizierError("CONFLICT", `access request ${id} was already ${row.status}`);
      db.prepare("UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, reason = ?, until = ? WHERE id = ?")
        .run(d.status, d.decidedBy, d.decidedAt, d.reason, d.until ?? null, id);
      stageAudit(db, audit.entries);
      return toAccessRequest({ ...row, status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, reason: d.reason, until: d.until ?? null });
    }).immediate());
    await this.settle();
    return decided;
  }

  async approvedFor(requester: string): Promise<AccessRequest[]> {
    return this.listAccessRequests({ requester, status: "approved" });
  }
}
