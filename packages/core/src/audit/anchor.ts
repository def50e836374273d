import { z } from "zod";
import { VizierError } from "@vizier/model";
import type { Ctx } from "../context";
import type { Services } from "../services";
import { audit, auditEntry, verifyAudit, type AuditAnchorRef } from "./chain";
import { requireAuditRole } from "./roles";

/**
 * An anchor: the chain head at one moment, kept by the privacy officer outside the store (another
 * machine, paper, a signed e-mail). Whoever can edit the store can rewrite or shorten the chain
 * consistently; they cannot change what the officer holds.
 */
export interface AuditAnchor extends AuditAnchorRef {
  /** When the anchor was taken. */
  at: string;
  /** Which store it belongs to (location, password redacted). */
  store: string;
}

const AnchorSchema = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  store: z.string(),
});

/** Parses an anchor file (the JSON `vizier audit anchor` writes). */
export function parseAnchor(text: string, file: string): AuditAnchor {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new VizierError("INVALID_ARGUMENT", `${file} is not an audit anchor (not JSON)`, { location: { file } });
  }
  const r = AnchorSchema.safeParse(raw);
  if (!r.success) throw new VizierError("INVALID_ARGUMENT", `${file} is not an audit anchor: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, { location: { file } });
  return r.data;
}

/**
 * Takes an anchor: verifies the chain, appends an `audit.anchor` record and returns that record's
 * (seq, hash) — so the anchor itself is in the log. Admins and privacy officers only.
 */
export async function anchorAudit(ctx: Ctx, svc: Services): Promise<AuditAnchor> {
  requireAuditRole(ctx, "take an audit anchor");
  const v = await verifyAudit(svc.store.scanAudit(10_000));
  if (!v.ok) throw new VizierError("AUDIT_TAMPERED", `audit log tampered with at record ${v.firstBad?.seq}: ${v.firstBad?.reason}; no anchor taken`);
  const [head] = await audit(svc.store, [auditEntry(ctx, "audit.anchor", `after ${v.records} records`, [])]);
  if (!head) throw new VizierError("INTERNAL", "the store appended no anchor record");
  return { seq: head.seq, hash: head.hash, at: head.at, store: svc.store.location };
}
