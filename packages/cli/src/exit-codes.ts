import type { ErrorCode } from "@vizier/model";

/** The one place where error codes become process exit codes (documented in docs/cli.md). */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case "INVALID_ARGUMENT": return 2;
    case "INVALID_MAPPING":
    case "INVALID_INPUT":
    case "UNKNOWN_SCHEMA":
    case "UNKNOWN_PROPERTY": return 3;
    case "NOT_FOUND": return 4;
    case "ALREADY_EXISTS":
    case "CONFLICT": return 5;
    case "UNAUTHENTICATED":
    case "LOGIN_THROTTLED":
    case "PASSWORD_CHANGE_REQUIRED":
    case "FORBIDDEN":
    case "PURPOSE_REQUIRED": return 6;
    case "STORE_UNAVAILABLE": return 7;
    case "AUDIT_FAILED":
    case "AUDIT_TAMPERED": return 8;
    case "CANCELLED": return 130;
    case "INTERNAL": return 1;
  }
}
