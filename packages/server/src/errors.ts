import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { isVizierError, type ErrorCode } from "@vizier/model";

/** The body of every error response (RFC 9457 problem details plus Vizier's error code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  /** Validation problems: where in the request, and what is wrong (never the offending value). */
  errors?: Array<{ in: string; path: string; message: string }>;
  /** For internal faults: the reference under which the server logged the details. */
  reference?: string;
}

/** The one place where error codes become HTTP statuses (docs/api.md lists them). */
export function statusFor(code: ErrorCode): ContentfulStatusCode {
  switch (code) {
    case "INVALID_ARGUMENT": return 400;
    case "PURPOSE_REQUIRED": return 400;
    case "INVALID_MAPPING":
    case "INVALID_INPUT":
    case "UNKNOWN_SCHEMA":
    case "UNKNOWN_PROPERTY": return 422;
    case "UNAUTHENTICATED": return 401;
    case "LOGIN_THROTTLED": return 429; // too many failed logins (core/accounts THROTTLE)
    case "FORBIDDEN":
    case "PASSWORD_CHANGE_REQUIRED": return 403;
    case "NOT_FOUND": return 404;
    case "ALREADY_EXISTS":
    case "CONFLICT":
    case "CANCELLED": return 409;
    case "STORE_UNAVAILABLE":
    case "AUDIT_FAILED": return 503;
    case "AUDIT_TAMPERED":
    case "INTERNAL": return 500;
  }
}

const TITLES: Record<number, string> = {
  400: "Bad request", 401: "Not authenticated", 403: "Forbidden", 404: "Not found", 405: "Method not allowed", 409: "Conflict",
  413: "Request too large", 415: "Unsupported media type", 422: "Unprocessable content", 429: "Too many requests", 500: "Internal error", 503: "Service unavailable",
};

/** Codes whose messages may carry store paths or driver text: the client gets a generic detail. */
const OPAQUE: ReadonlySet<ErrorCode> = new Set(["INTERNAL", "AUDIT_TAMPERED", "STORE_UNAVAILABLE", "AUDIT_FAILED"]);
const OPAQUE_DETAIL: Partial<Record<ErrorCode, string>> = {
  STORE_UNAVAILABLE: "the store is unavailable or busy; try again later",
  AUDIT_FAILED: "the audit log could not be written, so the request was refused",
  AUDIT_TAMPERED: "the audit log failed verification",
};

/** Builds a problem+json response. `status` defaults to the code's status. */
export function problem(c: Context, code: ErrorCode, detail: string, extra: { status?: ContentfulStatusCode; errors?: Problem["errors"]; reference?: string } = {}): Response {
  const status = extra.status ?? statusFor(code);
  const body: Problem = { type: `urn:vizier:problem:${code.toLowerCase().replace(/_/g, "-")}`, title: TITLES[status] ?? "Error", status, code, detail };
  if (extra.errors) body.errors = extra.errors;
  if (extra.reference) body.reference = extra.reference;
  if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="vizier"');
  return c.body(JSON.stringify(body), status, { "Content-Type": "application/problem+json" });
}

/** A zod validation failure as a problem: 422 for a body that parsed but does not fit, 400 otherwise. */
export function validationProblem(c: Context, target: string, error: ZodError): Response {
  const errors = error.issues.slice(0, 20).map((i) => ({ in: target, path: i.path.map(String).join("."), message: i.message }));
  const status = target === "json" || target === "form" ? 422 : 400;
  return problem(c, "INVALID_ARGUMENT", `invalid request ${target === "json" ? "body" : target}: ${errors.map((e) => `${e.path || "(root)"}: ${e.message}`).join("; ")}`, { status, errors });
}

export type FaultLogger = (reference: string, err: unknown) => void;

/** Hono's onError: typed errors map by code; anything else is an internal fault, logged, never echoed. */
export function onError(log: FaultLogger) {
  return (err: Error, c: Context): Response => {
    if (isVizierError(err)) {
      if (OPAQUE.has(err.code)) {
        const reference = randomUUID();
        log(reference, err);
        return problem(c, err.code, OPAQUE_DETAIL[err.code] ?? `internal error (reference ${reference})`, { reference });
      }
      return problem(c, err.code, err.message);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      if (status === 401) return problem(c, "UNAUTHENTICATED", "authentication required");
      if (status === 404) return problem(c, "NOT_FOUND", "no such resource");
      if (status >= 400 && status < 500) return problem(c, "INVALID_ARGUMENT", err.message || TITLES[status] || "bad request", { status });
    }
    const reference = randomUUID();
    log(reference, err);
    return problem(c, "INTERNAL", `internal error (reference ${reference})`, { reference });
  };
}

/** Unknown routes. */
export function notFound(c: Context): Response {
  return problem(c, "NOT_FOUND", `no route for ${c.req.method.slice(0, 10)} on this path`);
}
