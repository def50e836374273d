/**
 * Typed errors with a closed set of codes. Front ends map codes to HTTP statuses and CLI exit
 * codes in exactly one place each; tests assert on codes, never on messages.
 */
export const ERROR_CODES = [
  "INVALID_ARGUMENT", // a caller passed something malformed (CLI flag, HTTP body, option)
  "INVALID_MAPPING", // a mapping file is malformed or names unknown columns/schemata/properties
  "INVALID_INPUT", // an input file cannot be read at all (binary, truncated, empty, bad encoding)
  "UNKNOWN_SCHEMA",
  "UNKNOWN_PROPERTY",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "CONFLICT",
  "UNAUTHENTICATED", // no valid credentials: unknown user, wrong password, expired/revoked token or session
  "LOGIN_THROTTLED", // too many failed logins for this user in the throttling window
  "PASSWORD_CHANGE_REQUIRED", // signed in with a one-time password: set your own before anything else
  "FORBIDDEN", // the policy decision point denied the request
  "PURPOSE_REQUIRED", // a read was attempted without a purpose
  "AUDIT_FAILED", // the audit write failed, so the read fails too
  "AUDIT_TAMPERED",
  "STORE_UNAVAILABLE", // the store cannot be reached or is read-only/full
  "CANCELLED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where in an input a problem sits; every ingest error names as much of this as it knows. */
export interface ErrorLocation {
  file?: string;
  row?: number;
  column?: string;
}

export class VizierError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { location?: ErrorLocation; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "VizierError";
    this.code = code;
    this.location = opts.location;
    this.details = opts.details;
  }
}

/** True when `e` is a VizierError, optionally with the given code. */
export function isVizierError(e: unknown, code?: ErrorCode): e is VizierError {
  return e instanceof VizierError && (code === undefined || e.code === code);
}

/** Formats a location as `file:row (column)` for messages. */
export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return "";
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column) parts.push(`column "${loc.column}"`);
  return parts.join(", ");
}
