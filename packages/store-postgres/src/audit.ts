import type { AuditEntry, AuditRecord } from "@vizier/core";
import type { PoolClient } from "pg";
import { noNul } from "./copy-text";

/**
 * Appends entries at the head of the hash chain inside the caller's open transaction. Locking the
 * one-row chain head FOR UPDATE serialises appenders across processes (and Citus coordinators,
 * since the head is one row of one table): the next appender waits until this transaction
 * commits or rolls back, then reads the new head.
 */
export async function appendAuditTx(
  client: PoolClient, entries: readonly AuditEntry[], link: (prevHash: string, seq: number, e: AuditEntry) => string,
): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  const head = await client.query<{ seq: string; hash: string }>("SELECT seq, hash FROM audit_head FOR UPDATE");
  const row = head.rows[0];
  if (!row) throw new Error("audit chain head is missing (schema not initialised?)");
  let seq = Number(row.seq);
  let prev = row.hash;
  const records: AuditRecord[] = [];
  for (const raw of entries) {
    // Hash exactly what is stored (PostgreSQL text cannot hold NUL), so verification agrees.
    const e: AuditEntry = {
      at: noNul(raw.at), actor: noNul(raw.actor), agency: noNul(raw.agency), purpose: noNul(raw.purpose), action: raw.action,
      query: noNul(raw.query), resultIds: raw.resultIds.map(noNul), recipients: raw.recipients.map(noNul),
    };
    seq++;
    const hash = link(prev, seq, e);
    records.push({ ...e, resultIds: [...e.resultIds], recipients: [...e.recipients], seq, prevHash: prev, hash });
    prev = hash;
  }
  await client.query(
    `INSERT INTO audit (seq, at, actor, agency, purpose, action, query, result_ids, recipients, prev_hash, hash)
     SELECT r.seq, r.at, r.actor, r.agency, r.purpose, r.action, r.query,
            ARRAY(SELECT jsonb_array_elements_text(r.result_ids)), ARRAY(SELECT jsonb_array_elements_text(r.recipients)),
            r.prev_hash, r.hash
     FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at text, actor text, agency text, purpose text, action text, query text,
            result_ids jsonb, recipients jsonb, prev_hash text, hash text)`,
    [JSON.stringify(records.map((r) => ({
      seq: r.seq, at: r.at, actor: r.actor, agency: r.agency, purpose: r.purpose, action: r.action, query: r.query,
      result_ids: r.resultIds, recipients: r.recipients, prev_hash: r.prevHash, hash: r.hash,
    })))],
  );
  await client.query("UPDATE audit_head SET seq = $1, hash = $2", [seq, prev]);
  return records;
}
