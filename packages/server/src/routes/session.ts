import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { CSRF_COOKIE, csrfToken, SESSION_COOKIE } from "../auth/csrf";
import { principalOf } from "../auth/middleware";
import { ActorSchema, jsonBody, jsonResponse, problems } from "../schemas";

const LoginSchema = z.object({
  user: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
  purpose: z.string().trim().min(1).max(200).regex(/^[^\x00-\x1f\x7f]*$/, "no control characters")
    .openapi({ description: "purpose bound to the session (used when a request sends no X-Vizier-Purpose)", example: "case:NL-2026-0042" }),
}).openapi("Login");

const SessionSchema = z.object({
  actor: ActorSchema,
  via: z.enum(["bearer", "session"]),
  purpose: z.string().nullable(),
  expiresAt: z.string().nullable(),
  csrfToken: z.string().nullable().openapi({ description: "send as X-CSRF-Token on unsafe cookie-authenticated requests" }),
  mustChangePassword: z.boolean().openapi({
    description: "signed in with a one-time password: every other request answers 403 PASSWORD_CHANGE_REQUIRED until POST /api/session/password",
  }),
}).openapi("Session");

const PasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000).openapi({ description: "at least 12 characters, other than the current one" }),
}).openapi("PasswordChange");

const login = createRoute({
  method: "post", path: "/api/session", tags: ["session"], summary: "Sign in with a password; sets an HttpOnly SameSite=Strict session cookie",
  security: [],
  request: { body: jsonBody(LoginSchema) },
  responses: { 200: jsonResponse(SessionSchema, "signed in"), ...problems(400, 401, 403, 422) },
});

const me = createRoute({
  method: "get", path: "/api/session", tags: ["session"], summary: "The current actor and purpose",
  responses: { 200: jsonResponse(SessionSchema, "who you are"), ...problems(401) },
});

const setPassword = createRoute({
  method: "post", path: "/api/session/password", tags: ["session"], summary: "Set your own password (required after signing in with a one-time password; audited)",
  request: { body: jsonBody(PasswordChangeSchema) },
  responses: { 204: { description: "password changed; the session may now do everything its user may" }, ...problems(400, 401, 403, 422) },
});

const logout = createRoute({
  method: "delete", path: "/api/session", tags: ["session"], summary: "Sign out (ends the session, clears the cookies)",
  responses: { 204: { description: "signed out" }, ...problems(401, 403) },
});

/** Session login, current actor, own password change, logout. */
export function sessionRoutes(d: Deps) {
  return router()
    .openapi(login, async (c) => {
      const body = c.req.valid("json");
      const source = peerAddress(c);
      const s = await d.auth.login({ user: body.user, password: body.password, purpose: body.purpose, ...(source ? { source } : {}) });
      const expires = new Date(s.expiresAt);
      setCookie(c, SESSION_COOKIE, s.secret, { httpOnly: true, sameSite: "Strict", secure: d.secureCookies, path: "/api", expires });
      const csrf = csrfToken(s.secret);
      setCookie(c, CSRF_COOKIE, csrf, { httpOnly: false, sameSite: "Strict", secure: d.secureCookies, path: "/", expires });
      return c.json({
        actor: actorJson(s.actor), via: "session" as const, purpose: s.purpose || null, expiresAt: s.expiresAt, csrfToken: csrf,
        mustChangePassword: s.mustChangePassword === true,
      }, 200);
    })
    .openapi(me, async (c) => {
      const p = principalOf(c);
      const purpose = c.req.header("x-vizier-purpose") ?? p.sessionPurpose;
      return c.json({
        actor: actorJson(p.actor), via: p.via, purpose: purpose?.trim() ? purpose : null, expiresAt: p.sessionExpiresAt ?? null,
        csrfToken: p.sessionSecret ? csrfToken(p.sessionSecret) : null, mustChangePassword: p.mustChangePassword === true,
      }, 200);
    })
    .openapi(setPassword, async (c) => {
      const p = principalOf(c);
      if (p.via !== "session" || !d.auth.changePassword) {
        throw new VizierError("INVALID_ARGUMENT", p.via !== "session" ? "sign in with a password to change it (API tokens cannot)" : "this server's accounts are managed elsewhere");
      }
      const body = c.req.valid("json");
      const source = peerAddress(c);
      await d.auth.changePassword(p.actor.id, {
        current: body.currentPassword, next: body.newPassword, purpose: p.sessionPurpose ?? "purpose:account", ...(source ? { source } : {}),
      });
      return c.body(null, 204);
    })
    .openapi(logout, async (c) => {
      const p = principalOf(c);
      if (p.sessionSecret) await d.auth.logout(p.sessionSecret);
      deleteCookie(c, SESSION_COOKIE, { path: "/api", secure: d.secureCookies });
      deleteCookie(c, CSRF_COOKIE, { path: "/", secure: d.secureCookies });
      return c.body(null, 204);
    });
}

/** The peer address as the socket reports it (X-Forwarded-For is not trusted: anyone can send it). */
function peerAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

function actorJson(a: { id: string; kind: "user" | "system"; agency: string; roles: readonly string[]; cases: readonly string[] }) {
  return { id: a.id, kind: a.kind, agency: a.agency, roles: [...a.roles], cases: [...a.cases] };
}
