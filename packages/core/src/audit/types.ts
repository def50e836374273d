/** What happened, as the Law Enforcement Directive (2016/680) art. 25 asks a log to show. */
export const AUDIT_ACTIONS = [
  "search", "view", "export", "graph", "graph.load", "flows", "flows.load", "ingest", "dataset.create", "disclosure", "merge", "judgement",
  "access.request", "access.decide", "access.list", "audit.query", "audit.anchor", "retention", "login", "admin",
  "login.failed", "logout", "account.create", "account.update", "token.create", "token.revoke",
  "resolve.run", "judgement.create", "judgement.undo", "review.view", "resolved.view",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** An audit entry before it is chained. */
export interface AuditEntry {
  at: string;
  actor: string;
  agency: string;
  purpose: string;
  action: AuditAction;
  /** The query or target as given (search text, entity ids asked for, file ingested). */
  query: string;
  /** Ids of what was returned or changed. */
  resultIds: readonly string[];
  /** Recipients of a disclosure (agencies), when any. */
  recipients: readonly string[];
}

/** A chained audit record as stored. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}
