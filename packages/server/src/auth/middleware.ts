import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { makeCtx, type Ctx } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { AppEnv, Principal } from "../env";
import type { Authenticator } from "./authenticator";
import { CSRF_HEADER, csrfOk, SESSION_COOKIE } from "./csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes that answer without an actor (everything else under /api needs one). */
export function isPublic(method: string, path: string): boolean {
  return path === "/api/health" || path === "/api/openapi.json" || (path === "/api/session" && method === "POST");
}

/** What a session with a one-time password may do: see itself, sign out, set its own password. */
export function allowedBeforePasswordChange(method: string, path: string): boolean {
  return isPublic(method, path) || (path === "/api/session" && (method === "GET" || method === "DELETE")) ||
    (path === "/api/session/password" && method === "POST");
}

/**
 * Resolves the caller: a bearer token (scripts) or the session cookie (browser). Cookie-borne
 * unsafe requests must also pass the CSRF checks: an Origin, when sent, must be this server's,
 * and the X-CSRF-Token header must carry the session's token.
 */
export function authenticate(auth: Authenticator): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    let principal: Principal | undefined;
    if (header !== undefined) {
      // API tokens are short; identity-provider JWTs (OIDC) run to a few kilobytes.
      const m = /^Bearer ([\x21-\x7e]{1,8192})$/.exec(header);
      const actor = m ? await auth.bearer(m[1]!) : undefined;
      if (!actor) throw new VizierError("UNAUTHENTICATED", "the bearer token is unknown, revoked or expired");
      principal = { actor, via: "bearer" };
    } else {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret !== undefined && secret.length <= 512) {
        const s = await auth.session(secret);
        if (s) {
          principal = { actor: s.actor, via: "session", sessionPurpose: s.purpose, sessionExpiresAt: s.expiresAt, sessionSecret: secret };
          if (s.mustChangePassword) principal.mustChangePassword = true;
        }
      }
      if (!SAFE_METHODS.has(c.req.method)) {
        checkOrigin(c);
        if (principal && !isPublic(c.req.method, c.req.path)) checkCsrfToken(c, principal.sessionSecret!);
      }
    }
    c.set("principal", principal);
    if (!principal && !isPublic(c.req.method, c.req.path)) {
      throw new VizierError("UNAUTHENTICATED", "sign in (POST /api/session) or send Authorization: Bearer <token>");
    }
    if (principal?.mustChangePassword && !allowedBeforePasswordChange(c.req.method, c.req.path)) {
      throw new VizierError("PASSWORD_CHANGE_REQUIRED", "you signed in with a one-time password: set your own first (POST /api/session/password)");
    }
    await next();
  };
}

function checkOrigin(c: Context): void {
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new VizierError("FORBIDDEN", "cross-origin request refused (Origin does not match this server)");
  }
}

function checkCsrfToken(c: Context, secret: string): void {
  if (!csrfOk(secret, c.req.header(CSRF_HEADER))) {
    throw new VizierError("FORBIDDEN", `missing or wrong ${CSRF_HEADER} header (send the csrfToken from POST /api/session or GET /api/session)`);
  }
}

/** The authenticated principal; UNAUTHENTICATED when the route was reached without one. */
export function principalOf(c: Context<AppEnv>): Principal {
  const p = c.get("principal");
  if (!p) throw new VizierError("UNAUTHENTICATED", "authentication required");
  return p;
}

/**
 * The domain context of a request: the actor and the purpose from X-Vizier-Purpose or else the
 * session's. core's makeCtx refuses an empty purpose (PURPOSE_REQUIRED).
 */
export function requestCtx(c: Context<AppEnv>, now: () => Date): Ctx {
  const p = principalOf(c);
  const header = c.req.header("x-vizier-purpose");
  if (header !== undefined && (header.length > 200 || /[\x00-\x1f\x7f]/.test(header))) {
    throw new VizierError("INVALID_ARGUMENT", "X-Vizier-Purpose must be at most 200 printable characters");
  }
  const purpose = header?.trim() ? header : p.sessionPurpose;
  if (!purpose?.trim()) throw new VizierError("PURPOSE_REQUIRED", "every data request needs a purpose: send X-Vizier-Purpose (e.g. case:NL-2026-0042) or sign in with one");
  return makeCtx(p.actor, purpose, now);
}
