import { createHash } from "node:crypto";
import { VizierError } from "@vizier/model";
import type { Ctx } from "../context";
import type { AuditAction, AuditEntry, AuditRecord } from "./types";

/** Hash of the chain's start. */
export const GENESIS = "0".repeat(64);

/** Canonical serialisation: fixed field order, so the hash does not depend on object layout. */
function canonical(seq: number, e: AuditEntry): string {
  return JSON.stringify([seq, e.at, e.actor, e.agency, e.purpose, e.action, e.query, [...e.resultIds], [...e.recipients]]);
}

/** sha256(prevHash ‖ canonical(record)): any change, deletion, insertion or reordering breaks it. */
export function linkAudit(prevHash: string, seq: number, e: AuditEntry): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonical(seq, e)).digest("hex");
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  /** First record where the chain breaks, with the reason. */
  firstBad?: { seq: number; reason: string };
}

/** A chain head recorded outside the store (see anchor.ts): the record `seq` must still have `hash`. */
export interface AuditAnchorRef {
  seq: number;
  hash: string;
}

/**
 * Walks the whole chain; reports the first altered, missing, inserted or reordered record. With an
 * anchor, the chain must also still contain the anchored record with the anchored hash, which
 * catches removal of the newest records (truncation) and wholesale rewriting up to the anchor.
 */
export async function verifyAudit(records: AsyncIterable<AuditRecord[]>, anchor?: AuditAnchorRef): Promise<AuditVerification> {
  let prev = GENESIS;
  let expectSeq = 1;
  let n = 0;
  for await (const batch of records) {
    for (const r of batch) {
      n++;
      if (r.seq !== expectSeq) return { ok: false, records: n, firstBad: { seq: r.seq, reason: `expected sequence ${expectSeq}, found ${r.seq} (record deleted, inserted or reordered)` } };
      if (r.prevHash !== prev) return { ok: false, records: n, firstBad: { seq: r.seq, reason: "previous-hash link broken" } };
      if (linkAudit(prev, r.seq, r) !== r.hash) return { ok: false, records: n, firstBad: { seq: r.seq, reason: "record content does not match its hash (altered)" } };
      if (anchor && r.seq === anchor.seq && r.hash !== anchor.hash) {
        return { ok: false, records: n, firstBad: { seq: r.seq, reason: "record differs from the anchor kept outside the store (log rewritten)" } };
      }
      prev = r.hash;
      expectSeq++;
    }
  }
  if (anchor && n < anchor.seq) {
    return { ok: false, records: n, firstBad: { seq: anchor.seq, reason: `the anchored record ${anchor.seq} is missing: the log ends at ${n} (newest records removed)` } };
  }
  return { ok: true, records: n };
}

/** Appends entries for a context and returns the chained records; a failed write fails the operation that caused it. */
export async function audit(
  store: { appendAudit(e: readonly AuditEntry[], link: typeof linkAudit): Promise<AuditRecord[]> },
  entries: readonly AuditEntry[],
): Promise<AuditRecord[]> {
  try {
    return await store.appendAudit(entries, linkAudit);
  } catch (e) {
    throw new VizierError("AUDIT_FAILED", `audit write failed, so the operation was refused: ${(e as Error).message}`, { cause: e });
  }
}

/** The audit entry for something a context did: who, agency, purpose and time come from `ctx`. */
export function auditEntry(
  ctx: Ctx, action: AuditAction, query: string, resultIds: readonly string[], recipients: readonly string[] = [],
): AuditEntry {
  return { at: ctx.now().toISOString(), actor: ctx.actor.id, agency: ctx.actor.agency, purpose: ctx.purpose, action, query, resultIds, recipients };
}
