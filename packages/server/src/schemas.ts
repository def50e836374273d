import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "@vizier/model";

/** Schemas shared by several routes; each is registered once as an OpenAPI component. */

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(ERROR_CODES),
  detail: z.string(),
  errors: z.array(z.object({ in: z.string(), path: z.string(), message: z.string() })).optional(),
  reference: z.string().optional(),
}).openapi("Problem");

/** Error responses every data route may give (the statuses of errors.ts#statusFor). */
export function problems(...statuses: number[]) {
  const out: Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> = {};
  const describe: Record<number, string> = {
    400: "invalid request, or no purpose (PURPOSE_REQUIRED)", 401: "not authenticated", 403: "forbidden (or CSRF check failed)",
    404: "not found", 409: "conflict", 413: "request too large", 422: "body does not fit the schema", 503: "store or audit log unavailable",
  };
  for (const s of statuses) out[s] = { description: describe[s] ?? "error", content: { "application/problem+json": { schema: ProblemSchema } } };
  return out;
}

export const DATA_PROBLEMS = [400, 401, 403, 503] as const;

/**
 * The purpose header, documented on every data route. It is read and checked by
 * auth/middleware.ts#requestCtx (not declared as a zod header schema, so the typed client does not
 * demand a `header` argument on every call; the client sends it from its options).
 */
export const PURPOSE_PARAMETER = [{
  name: "X-Vizier-Purpose",
  in: "header" as const,
  required: false,
  description: "Why you are reading: `case:NL-2026-0042` or `purpose:strategic-analysis`. Required unless the session carries a purpose; at most 200 printable characters.",
  schema: { type: "string" as const, maxLength: 200 },
  example: "case:NL-2026-0042",
}];

export const StatementSchema = z.object({
  id: z.string(), entityId: z.string(), schema: z.string(), prop: z.string(), propType: z.string(), value: z.string(), original: z.string(),
  dataset: z.string(), agency: z.string(), legalBasis: z.string(), purpose: z.string(), handling: z.string(), reliability: z.string(),
  firstSeen: z.string(), lastSeen: z.string(), retentionUntil: z.string(), runId: z.string(), origin: z.string(),
}).openapi("Statement");

export const EntitySchema = z.object({
  id: z.string(),
  schema: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  datasets: z.array(z.string()).optional(),
  referents: z.array(z.string()).optional(),
  first_seen: z.string().optional(),
  last_seen: z.string().optional(),
  caption: z.string().optional(),
}).openapi("Entity");

export const WithheldSchema = z.object({
  entityId: z.string(), agency: z.string(), dataset: z.string(), handling: z.string(), count: z.number().int(), props: z.array(z.string()),
}).openapi("Withheld");

export const DatasetSchema = z.object({
  name: z.string(), label: z.string(), agency: z.string(), legalBasis: z.string(), purpose: z.string(), handling: z.string(),
  reliability: z.string(), retention: z.string(), compartment: z.string(), description: z.string(), createdAt: z.string(),
}).openapi("Dataset");

export const ActorSchema = z.object({
  id: z.string(), kind: z.enum(["user", "system"]), agency: z.string(), roles: z.array(z.string()), cases: z.array(z.string()),
}).openapi("Actor");

/** Names a path segment may take: ids, dataset names (no slashes, no control characters). */
/** A JSON request body of an OpenAPI route, validated by `schema`; required unless `required` is false. */
export const jsonBody = <T extends z.ZodType, R extends boolean = true>(schema: T, required: R = true as R) => ({ required, content: { "application/json": { schema } } });

/** A JSON response of an OpenAPI route. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const IdParam = z.string().min(1).max(200).regex(/^[A-Za-z0-9._:@-]+$/, "only letters, digits and . _ : @ -");

/** limit/offset query parameters bounded by the installation's limits. */
export function pageQuery(maxPageSize: number, maxOffset: number, defaultLimit = 20) {
  return {
    limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultLimit).openapi({ description: `page size, 1–${maxPageSize}` }),
    offset: z.coerce.number().int().min(0).max(maxOffset).default(0).openapi({ description: `items to skip, 0–${maxOffset}` }),
  };
}
