import type { AccessRequest, AccessRequestStatus } from "../ports/access-requests";

/** An access request as both SQL stores hold it (entity ids as a JSON array or text[]). */
export interface AccessRequestRow {
  id: string;
  requester: string;
  requester_agency: string;
  entity_ids: string | string[];
  dataset: string;
  owner: string;
  purpose: string;
  justification: string;
  status: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  until: string | null;
}

/** Row → AccessRequest, shared by the SQLite and PostgreSQL adapters. */
export function toAccessRequest(r: AccessRequestRow): AccessRequest {
  const out: AccessRequest = {
    id: r.id, requester: r.requester, requesterAgency: r.requester_agency,
    entityIds: typeof r.entity_ids === "string" ? (JSON.parse(r.entity_ids) as string[]) : [...r.entity_ids],
    dataset: r.dataset, owner: r.owner, purpose: r.purpose, justification: r.justification,
    status: r.status as AccessRequestStatus, createdAt: r.created_at,
  };
  if (r.decided_by !== null) out.decidedBy = r.decided_by;
  if (r.decided_at !== null) out.decidedAt = r.decided_at;
  if (r.reason !== null) out.reason = r.reason;
  if (r.until !== null) out.until = r.until;
  return out;
}
