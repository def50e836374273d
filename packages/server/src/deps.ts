import { OpenAPIHono } from "@hono/zod-openapi";
import type { AccountsPort, Services } from "@vizier/core";
import type { Authenticator } from "./auth/authenticator";
import type { AppEnv } from "./env";
import { validationProblem } from "./errors";
import type { JobRunner } from "./jobs/runner";
import type { Limits } from "./limits";

/** What route modules get from the composition root. */
export interface Deps {
  svc: Services;
  auth: Authenticator;
  jobs: JobRunner;
  limits: Limits;
  now: () => Date;
  /** Set the Secure flag on cookies (off only for plain-HTTP development on localhost). */
  secureCookies: boolean;
  version: string;
  /** Local accounts for the admin routes (undefined: the store keeps none; admin user routes answer 503). */
  accounts?: AccountsPort;
}

/** A router whose request validation failures become problem+json (400/422). */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
      return undefined;
    },
  });
}
