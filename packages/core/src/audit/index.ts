export * from "./chain";
export * from "./types";
export { anchorAudit, parseAnchor, type AuditAnchor } from "./anchor";
export { queryAudit, auditMatches, AuditFilterSchema, type AuditFilter } from "./query";
export { auditCsv, auditHtml, csvField, escapeHtml, REPORT_COLUMNS } from "./report";
export { requireAuditRole } from "./roles";
export { AuditBatcher, withAuditBatching } from "./batcher";
