import { createRoute, z } from "@hono/zod-openapi";
import { accounts as acc } from "@vizier/core";
import type { Deps } from "../deps";
import { router } from "../deps";
import { requestCtx } from "../auth/middleware";
import { accountDeps, UserName } from "./account-deps";
import { DATA_PROBLEMS, jsonBody, jsonResponse as json, problems, PURPOSE_PARAMETER } from "../schemas";

const TokenSchema = z.object({
  id: z.string().openapi({ description: "public id, used to revoke; not secret" }),
  userId: z.string(), name: z.string(), createdAt: z.string(),
  expiresAt: z.string().optional(), lastUsedAt: z.string().optional(), revokedAt: z.string().optional(),
}).openapi("ApiToken");


/**
 * API tokens, self-service (core/accounts/tokens.ts): your own tokens; administrators also other
 * users'. A new token's secret is answered once and stored only as a hash. Audited.
 */
export function tokenRoutes(d: Deps) {
  const P = problems(...DATA_PROBLEMS);
  const list = createRoute({
    method: "get", path: "/api/tokens", tags: ["accounts"], summary: "Your API tokens (administrators: another user's, or all)", parameters: PURPOSE_PARAMETER,
    request: { query: z.object({ user: z.union([UserName, z.literal("all")]).optional().openapi({ description: "whose tokens (administrators); default: yours" }) }) },
    responses: { 200: json(z.object({ items: z.array(TokenSchema) }), "tokens, newest last"), ...P },
  });
  const create = createRoute({
    method: "post", path: "/api/tokens", tags: ["accounts"], summary: "Create an API token; its secret is answered once (audited)", parameters: PURPOSE_PARAMETER,
    request: {
      body: jsonBody(z.object({
        name: z.string().trim().min(1).max(100),
        expires: z.string().max(20).default("90d").openapi({ description: "lifetime: 90d, 12h, 30m or never (default 90d)" }),
        user: UserName.optional().openapi({ description: "another user's token (administrators)" }),
      }).openapi("NewApiToken")),
    },
    responses: {
      201: json(z.object({ token: TokenSchema, secret: z.string().openapi({ description: "vz_…, shown only now: send it as Authorization: Bearer" }) }).openapi("NewApiTokenSecret"), "the token and its secret"),
      ...P, ...problems(404, 409, 422),
    },
  });
  const revoke = createRoute({
    method: "delete", path: "/api/tokens/{id}", tags: ["accounts"], summary: "Revoke an API token (its owner or an administrator; audited)", parameters: PURPOSE_PARAMETER,
    request: { params: z.object({ id: z.string().regex(/^tok_[A-Za-z0-9_-]{1,64}$/, "a token id looks like tok_…") }) },
    responses: { 200: json(TokenSchema, "the token, revoked"), ...P, ...problems(404) },
  });
  return router()
    .openapi(list, async (c) => {
      const ctx = requestCtx(c, d.now);
      return c.json({ items: await acc.listTokens(ctx, accountDeps(d), c.req.valid("query").user) }, 200);
    })
    .openapi(create, async (c) => {
      const ctx = requestCtx(c, d.now);
      const b = c.req.valid("json");
      const lifetimeMs = acc.parseLifetime(b.expires);
      const made = await acc.createToken(ctx, accountDeps(d), { name: b.name, ...(b.user ? { userId: b.user } : {}), ...(lifetimeMs === undefined ? {} : { lifetimeMs }) });
      return c.json({ token: made.token, secret: made.secret }, 201);
    })
    .openapi(revoke, async (c) => {
      const ctx = requestCtx(c, d.now);
      return c.json(await acc.revokeToken(ctx, accountDeps(d), c.req.valid("param").id), 200);
    });
}
