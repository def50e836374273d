import type pg from "pg";
import { VizierError } from "@vizier/model";
import {
  toAccessRequest, type AccessDecision, type AccessRequest, type AccessRequestPort, type AccessRequestQuery, type AccessRequestRow,
  type AuditAppend,
} from "@vizier/core";
import { appendAuditTx } from "./audit";
import { noNul } from "./copy-text";
import { inTransaction } from "./tx";
import { guarded } from "./errors";

const DDL = `
CREATE TABLE IF NOT EXISTS access_requests (
  id text PRIMARY KEY, requester text NOT NULL, requester_agency text NOT NULL, entity_ids text[] NOT NULL,
  dataset text NOT NULL, owner text NOT NULL, purpose text NOT NULL, justification text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')), created_at text NOT NULL,
  decided_by text, decided_at text, reason text, until text);
CREATE INDEX IF NOT EXISTS access_requests_requester ON access_requests (requester, status);
CREATE INDEX IF NOT EXISTS access_requests_owner ON access_requests (owner, status);`;

/**
 * Access requests in the PostgreSQL store, in their own table (created on first use, in the
 * store's schema via its search_path). Each write and its audit records commit in one transaction.
 */
export class PgAccessRequests implements AccessRequestPort {
  private ready = false;

  constructor(private readonly pool: () => pg.Pool) {}

  /**
   * Whether the table exists, creating it for writes. Reads on a store without it (a role that may
   * not create tables, a store no one has filed a request on) see no requests instead of failing.
   */
  private async ensure(write: boolean): Promise<boolean> {
    if (this.ready) return true;
    return guarded("preparing the access-request table", async () => {
      const r = await this.pool().query<{ ok: boolean }>("SELECT to_regclass('access_requests') IS NOT NULL AS ok");
      if (!r.rows[0]?.ok) {
        if (!write) return false;
        try {
          await this.pool().query(DDL);
        } catch (e) {
          // Another process created it at the same moment (duplicate type or relation): fine.
          const code = (e as { code?: string }).code;
          if (code !== "23505" && code !== "42P07") throw e;
        }
      }
      this.ready = true;
      return true;
    });
  }

  private async tx<T>(what: string, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.ensure(true);
    return inTransaction(this.pool(), what, f);
  }

  async createAccessRequest(r: AccessRequest, audit: AuditAppend): Promise<void> {
    await this.tx("filing an access request", async (c) => {
      const ins = await c.query(`INSERT INTO access_requests (id, requester, requester_agency, entity_ids, dataset, owner, purpose, justification, status, created_at)
        VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (id) DO NOTHING`,
      [r.id, r.requester, r.requesterAgency, r.entityIds.map(noNul), r.dataset, r.owner, r.purpose, r.justification, r.status, r.createdAt]
        .map((v) => (typeof v === "string" ? noNul(v) : v)));
      if (ins.rowCount === 0) throw new VizierError("ALREADY_EXISTS", `access request ${r.id} already exists`);
      await appendAuditTx(c, audit.entries, audit.link);
    });
  }

  async getAccessRequest(id: string): Promise<AccessRequest | undefined> {
    if (!(await this.ensure(false))) return undefined;
    const rows = await guarded("reading an access request", async () => (await this.pool().query<AccessRequestRow>("SELECT * FROM access_requests WHERE id = $1", [noNul(id)])).rows);
    return rows[0] ? toAccessRequest(rows[0]) : undefined;
  }

  async listAccessRequests(q: AccessRequestQuery): Promise<AccessRequest[]> {
    if (!(await this.ensure(false))) return [];
    const rows = await guarded("listing access requests", async () => (await this.pool().query<AccessRequestRow>(`SELECT * FROM access_requests
      WHERE ($1::text IS NULL OR requester = $1) AND ($2::text IS NULL OR owner = $2) AND ($3::text IS NULL OR status = $3)
      ORDER BY created_at DESC, id`, [q.requester ?? null, q.owner ?? null, q.status ?? null])).rows);
    return rows.map(toAccessRequest);
  }

  async decideAccessRequest(id: string, d: AccessDecision, audit: AuditAppend): Promise<AccessRequest> {
    return this.tx("deciding an access request", async (c) => {
      const row = (await c.query<AccessRequestRow>("SELECT * FROM access_requests WHERE id = $1 FOR UPDATE", [noNul(id)])).rows[0];
      if (!row) throw new VizierError("NOT_FOUND", `access request ${id} does not exist`);
      if (row.status !== "pending") throw new VizierError("CONFLICT", `access request ${id} was already ${row.status}`);
      await c.query("UPDATE access_requests SET status = $1, decided_by = $2, decided_at = $3, reason = $4, until = $5 WHERE id = $6",
        [d.status, noNul(d.decidedBy), d.decidedAt, noNul(d.reason), d.until ?? null, id]);
      await appendAuditTx(c, audit.entries, audit.link);
      return toAccessRequest({ ...row, status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, reason: d.reason, until: d.until ?? null });
    });
  }

  async approvedFor(requester: string): Promise<AccessRequest[]> {
    return this.listAccessRequests({ requester, status: "approved" });
  }
}
