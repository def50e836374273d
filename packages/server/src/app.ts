import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AccountsPort, Services } from "@vizier/core";
import type { Authenticator } from "./auth/authenticator";
import { authenticate, isPublic, requestCtx } from "./auth/middleware";
import { router, type Deps } from "./deps";
import type { AppEnv } from "./env";
import { notFound, onError, problem, type FaultLogger } from "./errors";
import type { JobRunner } from "./jobs/runner";
import { DEFAULT_LIMITS, type Limits } from "./limits";
import { accessRoutes } from "./routes/access";
import { adminRoutes } from "./routes/admin";
import { auditRoutes } from "./routes/audit";
import { datasetRoutes } from "./routes/datasets";
import { entityRoutes } from "./routes/entities";
import { exportRoutes } from "./routes/export";
import { flowRoutes } from "./routes/flows";
import { graphRoutes } from "./routes/graph";
import { graphAnalyticsRoutes } from "./routes/graph-analytics";
import { healthRoutes } from "./routes/health";
import { jobRoutes } from "./routes/jobs";
import { jobRunRoutes } from "./routes/jobs-run";
import { quarantineRoutes } from "./routes/quarantine";
import { resolutionRoutes } from "./routes/resolution";
import { searchRoutes } from "./routes/search";
import { sessionRoutes } from "./routes/session";
import { tokenRoutes } from "./routes/tokens";

export interface AppOptions {
  auth: Authenticator;
  jobs: JobRunner;
  limits?: Partial<Limits>;
  /** Secure flag on cookies (default true; false only for plain-HTTP development). */
  secureCookies?: boolean;
  now?: () => Date;
  /** Where internal faults are logged with the reference the client sees (default: stderr). */
  log?: FaultLogger;
  version?: string;
  /** Local accounts for /api/admin/users (default: the store's own accounts, when it keeps them). */
  accounts?: AccountsPort;
}

const defaultLog: FaultLogger = (reference, err) => {
  process.stderr.write(`vizier serve: internal error ${reference}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
};

/** Limits the body before anything reads it: uploads get the upload limit, everything else the JSON limit. */
function limitBodies(limits: Limits): MiddlewareHandler<AppEnv> {
  const tooLarge = (max: number) => bodyLimit({ maxSize: max, onError: (c) => problem(c, "INVALID_ARGUMENT", `request body larger than ${max} bytes`, { status: 413 }) });
  const upload = tooLarge(limits.maxUploadBytes);
  const json = tooLarge(limits.maxJsonBytes);
  return (c, next) => {
    // A GET or HEAD without a body (HTTP/1.1 announces one by either header) has nothing to limit.
    // Checked on the headers: asking for the body makes @hono/node-server build a full fetch
    // Request for every read.
    const headers = c.req.raw.headers;
    if ((c.req.method === "GET" || c.req.method === "HEAD") && !headers.has("content-length") && !headers.has("transfer-encoding")) return next();
    return c.req.method === "POST" && c.req.path === "/api/jobs" ? upload(c, next) : json(c, next);
  };
}

/** Headers every API response carries. */
const SECURITY_HEADERS = [["X-Content-Type-Options", "nosniff"], ["Cache-Control", "no-store"], ["Referrer-Policy", "no-referrer"]] as const;

/**
 * The HTTP API as a Hono app over core's services (a composition root: no domain logic here).
 * Test it in-process with `app.request()`; serve it with serve.ts. The OpenAPI 3.1 document at
 * /api/openapi.json is generated from the zod schemas that validate the requests.
 */
export function createApp(svc: Services, options: AppOptions) {
  const d: Deps = {
    svc, auth: options.auth, jobs: options.jobs, limits: { ...DEFAULT_LIMITS, ...options.limits },
    now: options.now ?? (() => new Date()), secureCookies: options.secureCookies ?? true, version: options.version ?? "0.1.0",
  };
  const accounts = options.accounts ?? (svc.store as { accounts?: AccountsPort }).accounts;
  if (accounts) d.accounts = accounts;
  const app = router();
  app.onError(onError(options.log ?? defaultLog));
  app.notFound(notFound);
  app.use("*", async (c, next) => {
    // Set before the handler, so the responses the context builds carry them: set afterwards, Hono
    // rebuilds the finished response as a full fetch Response, a tenth of a search's CPU.
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    await next();
    // A response the handler built itself (a stream) gets them here, unless it set its own.
    const headers = c.res.headers;
    for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
  });
  app.use("/api/*", limitBodies(d.limits));
  app.use("/api/*", authenticate(d.auth));
  // No purpose, no data: checked before any body is parsed, so every data route answers
  // PURPOSE_REQUIRED the same way (the handlers build their context with requestCtx again).
  // Unknown routes stay 404: only paths of documented operations are checked.
  let known: RegExp[] | undefined;
  app.use("/api/*", async (c, next) => {
    known ??= documentedPaths(app);
    const path = c.req.path;
    if (!isPublic(c.req.method, path) && path !== "/api/session" && known.some((re) => re.test(path))) requestCtx(c, d.now);
    await next();
  });
  const routes = app
    .route("/", healthRoutes(d))
    .route("/", sessionRoutes(d))
    .route("/", datasetRoutes(d))
    .route("/", searchRoutes(d))
    .route("/", entityRoutes(d))
    .route("/", exportRoutes(d))
    .route("/", quarantineRoutes(d))
    .route("/", jobRunRoutes(d))
    .route("/", jobRoutes(d))
    .route("/", accessRoutes(d))
    .route("/", auditRoutes(d))
    .route("/", graphRoutes(d))
    .route("/", graphAnalyticsRoutes(d))
    .route("/", flowRoutes(d))
    .route("/", adminRoutes(d))
    .route("/", tokenRoutes(d))
    .route("/", resolutionRoutes(d));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "API token (vz_…)" });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "vizier_session", description: "session cookie from POST /api/session; unsafe methods also need X-CSRF-Token" });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Vizier API", version: d.version, description: "Every data request needs an actor and a purpose; every read goes through the policy decision point and the audit log. See docs/api.md." },
    security: [{ bearer: [] }, { session: [] }],
  });
  return routes;
}

/** Path patterns of the operations in the OpenAPI registry (`/api/jobs/{id}` → /^\/api\/jobs\/[^/]+$/). */
function documentedPaths(app: ReturnType<typeof router>): RegExp[] {
  const out: RegExp[] = [];
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    const src = def.route.path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("[^/]+");
    out.push(new RegExp(`^${src}$`));
  }
  return out;
}

/** The app's type: routes, inputs and outputs (for hono/client's `hc` in @vizier/client). */
export type VizierApp = ReturnType<typeof createApp>;
