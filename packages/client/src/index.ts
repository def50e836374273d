/**
 * The typed client of the Vizier HTTP API. Request and response types come from the server's
 * route definitions (hono/client `hc` over the server's app type), so a route change that breaks
 * a caller breaks its type-check. Works wherever `fetch` does (browser, Node 20, Deno).
 */
import { hc, type ClientResponse } from "hono/client";
import type { VizierApp } from "@vizier/server";
import type { Problem } from "@vizier/server";

export interface ClientOptions {
  /** API token (`vz_…`) for scripts; browsers use the session cookie instead. */
  token?: string;
  /** Sent as X-Vizier-Purpose on every request (a session's purpose applies when absent). */
  purpose?: string;
  /** CSRF token from the login answer, sent on unsafe requests of a cookie session. */
  csrfToken?: () => string | undefined;
  /** A fetch to use (tests pass `app.request`). */
  fetch?: typeof fetch;
}

/** The typed client: `client.api.search.$get({ query: { q: "jansen" } })`. */
export function createClient(baseUrl: string, opts: ClientOptions = {}) {
  return hc<VizierApp>(baseUrl, {
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    init: { credentials: "same-origin" },
    headers: () => {
      const h: Record<string, string> = {};
      if (opts.token) h["authorization"] = `Bearer ${opts.token}`;
      if (opts.purpose) h["x-vizier-purpose"] = opts.purpose;
      const csrf = opts.csrfToken?.();
      if (csrf) h["x-csrf-token"] = csrf;
      return h;
    },
  });
}

export type VizierClient = ReturnType<typeof createClient>;
export type { Problem };

/** A problem+json answer, with its code from the closed set (assert on `problem.code`). */
export class VizierApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = "VizierApiError";
  }
}

/** Success body of a response, or a VizierApiError carrying the problem. */
export async function unwrap<T>(res: ClientResponse<T>): Promise<T> {
  if (res.ok) return await res.json() as T;
  let problem: Problem;
  try {
    problem = await res.json() as unknown as Problem;
  } catch {
    problem = { type: "about:blank", title: res.statusText, status: res.status, code: "INTERNAL", detail: `HTTP ${res.status}` };
  }
  throw new VizierApiError(res.status, problem);
}
