import { createRoute, z } from "@hono/zod-openapi";
import type { Deps } from "../deps";
import { router } from "../deps";
import { jsonResponse, problems } from "../schemas";

const HealthSchema = z.object({
  status: z.enum(["ok"]),
  store: z.enum(["sqlite", "postgres"]),
  version: z.string(),
}).openapi("Health");

const health = createRoute({
  method: "get", path: "/api/health", tags: ["health"], summary: "Liveness and store reachability (no authentication)",
  security: [],
  responses: { 200: jsonResponse(HealthSchema, "the server answers and the store is reachable"), ...problems(503) },
});

/** GET /api/health — answers without authentication; a store it cannot reach gives 503. */
export function healthRoutes(d: Deps) {
  return router().openapi(health, async (c) => {
    await d.svc.store.getSetting("agency");
    return c.json({ status: "ok" as const, store: d.svc.store.kind, version: d.version }, 200);
  });
}
