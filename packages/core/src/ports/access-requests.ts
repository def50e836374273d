import type { AuditAppend } from "./store";

/** Where an access request stands. An approved request that has not expired is a grant. */
export type AccessRequestStatus = "pending" | "approved" | "refused";

/**
 * A request by a viewer to read statements another agency withholds from them: named entities
 * of one dataset, for one purpose, with a justification. The owning agency decides.
 */
export interface AccessRequest {
  id: string;
  /** Actor id of the requester and their agency. */
  requester: string;
  requesterAgency: string;
  entityIds: string[];
  dataset: string;
  /** The agency owning the dataset: its officers decide. */
  owner: string;
  /** The purpose the data would be read for; the grant is bound to it. */
  purpose: string;
  justification: string;
  status: AccessRequestStatus;
  createdAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  /** Approved until this moment (ISO timestamp); absent: no end date. */
  until?: string;
}

/** The outcome of a decision, written once on a pending request. */
export interface AccessDecision {
  status: "approved" | "refused";
  decidedBy: string;
  decidedAt: string;
  reason: string;
  until?: string;
}

export interface AccessRequestQuery {
  requester?: string;
  owner?: string;
  status?: AccessRequestStatus;
}

/**
 * Storage of access requests. Writes carry their audit entries, appended to the store's hash chain
 * in the same transaction, so a request or decision never exists without its audit record.
 */
export interface AccessRequestPort {
  /** Stores a new pending request (ALREADY_EXISTS when the id is taken). */
  createAccessRequest(r: AccessRequest, audit: AuditAppend): Promise<void>;
  getAccessRequest(id: string): Promise<AccessRequest | undefined>;
  /** Requests, newest first. */
  listAccessRequests(q: AccessRequestQuery): Promise<AccessRequest[]>;
  /**
   * Records a decision on a pending request and returns the updated request; NOT_FOUND for an
   * unknown id, CONFLICT when it was already decided (checked inside the transaction).
   */
  decideAccessRequest(id: string, d: AccessDecision, audit: AuditAppend): Promise<AccessRequest>;
  /** Approved requests of this requester (expiry and purpose are checked by the decision point). */
  approvedFor(requester: string): Promise<AccessRequest[]>;
}
