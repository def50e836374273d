import { createRoute, z } from "@hono/zod-openapi";
import { accounts as acc, audit, auditEntry, ROLES, type Ctx } from "@vizier/core";
import { VizierError } from "@vizier/model";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { accountDeps, UserName } from "./account-deps";
import { DATA_PROBLEMS, jsonBody, jsonResponse as json, problems, PURPOSE_PARAMETER } from "../schemas";

const UserSchema = z.object({
  id: z.string(), displayName: z.string(), agency: z.string(), roles: z.array(z.enum(ROLES)), cases: z.array(z.string()),
  disabled: z.boolean(), hasPassword: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
}).openapi("User");
const WithPassword = z.object({
  user: UserSchema,
  oneTimePassword: z.string().openapi({ description: "shown once; the user signs in with it and sets their own" }),
}).openapi("UserWithPassword");
const CaseRef = z.string().max(105).regex(/^case:[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, "a case reference looks like case:NL-2026-0042");

const AgencySchema = z.object({ code: z.string(), name: z.string(), country: z.string(), public: z.boolean() }).openapi("Agency");
const RuleSchema = z.object({
  from: z.string(), to: z.array(z.string()), legalBases: z.array(z.string()), purposes: z.array(z.string()), note: z.string().optional(),
}).passthrough().openapi("SharingRule");
const HandlingSchema = z.object({
  code: z.string(), label: z.string(), family: z.string(), share: z.string(), onward: z.boolean(), evidence: z.boolean(),
}).passthrough().openapi("HandlingCode");

/** Administrators only, for every admin route (privacy officers use the audit routes). */
function adminCtx(c: Parameters<typeof requestCtx>[0], d: Deps): Ctx {
  const ctx = requestCtx(c, d.now);
  if (!ctx.actor.roles.includes("admin")) throw new VizierError("FORBIDDEN", "administration needs the role admin");
  return ctx;
}

/** Users, agencies, sharing rules and handling codes for administrators (core/accounts, the installation's SharingConfig); audited. */
export function adminRoutes(d: Deps) {
  const P = problems(...DATA_PROBLEMS);
  const nameParam = z.object({ name: UserName });
  const listUsers = createRoute({
    method: "get", path: "/api/admin/users", tags: ["admin"], summary: "All users (administrators; audited)", parameters: PURPOSE_PARAMETER,
    responses: { 200: json(z.object({ items: z.array(UserSchema) }), "users"), ...P },
  });
  const addUser = createRoute({
    method: "post", path: "/api/admin/users", tags: ["admin"], summary: "Add a user; answers a one-time password once (administrators; audited)", parameters: PURPOSE_PARAMETER,
    request: {
      body: jsonBody(z.object({
        username: UserName, displayName: z.string().max(200).optional(),
        agency: z.string().min(1).max(50).optional().openapi({ description: "default: your agency" }),
        roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length), cases: z.array(CaseRef).max(200).default([]),
      }).openapi("NewUser")),
    },
    responses: { 201: json(WithPassword, "the user and its one-time password"), ...P, ...problems(409, 422) },
  });
  const patchUser = createRoute({
    method: "patch", path: "/api/admin/users/{name}", tags: ["admin"], summary: "Change roles, cases or disable/enable a user (administrators; audited)", parameters: PURPOSE_PARAMETER,
    request: {
      params: nameParam,
      body: jsonBody(z.object({
        roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
        cases: z.array(CaseRef).max(200).optional().openapi({ description: "the full new list of case memberships" }),
        disabled: z.boolean().optional(),
      }).openapi("UserChange")),
    },
    responses: { 200: json(UserSchema, "the user after the change"), ...P, ...problems(404, 409, 422) },
  });
  const reset = createRoute({
    method: "post", path: "/api/admin/users/{name}/password-reset", tags: ["admin"], summary: "Set a new one-time password, shown once (administrators; audited)", parameters: PURPOSE_PARAMETER,
    request: { params: nameParam },
    responses: { 200: json(WithPassword, "the user and its new one-time password"), ...P, ...problems(404) },
  });
  const agencies = createRoute({
    method: "get", path: "/api/admin/agencies", tags: ["admin"], summary: "The installation's agencies (administrators; audited)", parameters: PURPOSE_PARAMETER,
    responses: { 200: json(z.object({ items: z.array(AgencySchema) }), "agencies"), ...P },
  });
  const rules = createRoute({
    method: "get", path: "/api/admin/sharing-rules", tags: ["admin"], summary: "The sharing rules in force (edit the configuration file and restart to change them)", parameters: PURPOSE_PARAMETER,
    responses: { 200: json(z.object({ items: z.array(RuleSchema) }), "rules"), ...P },
  });
  const codes = createRoute({
    method: "get", path: "/api/admin/handling-codes", tags: ["admin"], summary: "The handling codes in force (administrators; audited)", parameters: PURPOSE_PARAMETER,
    responses: { 200: json(z.object({ items: z.array(HandlingSchema) }), "handling codes"), ...P },
  });
  const auditRead = (ctx: Ctx, what: string) => audit(d.svc.store, [auditEntry(ctx, "admin", what, [])]);
  return router()
    .openapi(listUsers, async (c) => {
      const ctx = adminCtx(c, d);
      return c.json({ items: await acc.listUsers(ctx, accountDeps(d)) }, 200);
    })
    .openapi(addUser, async (c) => {
      const ctx = adminCtx(c, d);
      const b = c.req.valid("json");
      const agency = b.agency ?? ctx.actor.agency;
      if (!d.svc.sharing.agencies.some((a) => a.code === agency)) throw new VizierError("INVALID_ARGUMENT", `unknown agency ${agency}; known: ${d.svc.sharing.agencies.map((a) => a.code).join(", ")}`);
      const made = await acc.createUser(ctx, accountDeps(d), { username: b.username, agency, roles: b.roles, cases: b.cases, ...(b.displayName ? { displayName: b.displayName } : {}) });
      return c.json({ user: made.user, oneTimePassword: made.oneTimePassword! }, 201);
    })
    .openapi(patchUser, async (c) => {
      const ctx = adminCtx(c, d);
      const { name } = c.req.valid("param");
      const b = c.req.valid("json");
      const deps = accountDeps(d);
      let user = await acc.showUser(ctx, deps, name);
      if (b.roles) user = await acc.changeUser(ctx, deps, name, { kind: "set-roles", roles: b.roles });
      if (b.cases) {
        const want = new Set(b.cases);
        for (const ref of user.cases.filter((x) => !want.has(x))) user = await acc.changeUser(ctx, deps, name, { kind: "revoke-case", caseRef: ref });
        for (const ref of [...want].filter((x) => !user.cases.includes(x))) user = await acc.changeUser(ctx, deps, name, { kind: "grant-case", caseRef: ref });
      }
      if (b.disabled !== undefined && b.disabled !== user.disabled) user = await acc.changeUser(ctx, deps, name, { kind: b.disabled ? "disable" : "enable" });
      return c.json(user, 200);
    })
    .openapi(reset, async (c) => {
      const ctx = adminCtx(c, d);
      const password = acc.generatePassword();
      const user = await acc.changeUser(ctx, accountDeps(d), c.req.valid("param").name, { kind: "set-password", password });
      return c.json({ user, oneTimePassword: password }, 200);
    })
    .openapi(agencies, async (c) => {
      const ctx = adminCtx(c, d);
      await auditRead(ctx, "agencies");
      return c.json({ items: d.svc.sharing.agencies }, 200);
    })
    .openapi(rules, async (c) => {
      const ctx = adminCtx(c, d);
      await auditRead(ctx, "sharing-rules");
      return c.json({ items: d.svc.sharing.rules }, 200);
    })
    .openapi(codes, async (c) => {
      const ctx = adminCtx(c, d);
      await auditRead(ctx, "handling-codes");
      return c.json({ items: d.svc.sharing.handlingCodes }, 200);
    });
}
