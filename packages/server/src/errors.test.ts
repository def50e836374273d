import { describe, expect, it } from "vitest";
import { ERROR_CODES, VizierError } from "@vizier/model";
import { Hono } from "hono";
import { onError, statusFor } from "./errors";

describe("error mapping", () => {
  it("gives every code a 4xx/5xx status, and only internal faults a 500", () => {
    for (const code of ERROR_CODES) {
      const s = statusFor(code);
      expect(s).toBeGreaterThanOrEqual(400);
      expect(s < 500 || ["INTERNAL", "AUDIT_TAMPERED", "STORE_UNAVAILABLE", "AUDIT_FAILED"].includes(code), code).toBe(true);
    }
    expect(statusFor("PURPOSE_REQUIRED")).toBe(400);
    expect(statusFor("UNAUTHENTICATED")).toBe(401);
    expect(statusFor("FORBIDDEN")).toBe(403);
    expect(statusFor("NOT_FOUND")).toBe(404);
    expect(statusFor("INVALID_MAPPING")).toBe(422);
  });

  it("answers problem+json; unknown errors are logged with a reference and never echoed", async () => {
    const logged: string[] = [];
    const app = new Hono();
    app.onError(onError((ref) => logged.push(ref)));
    app.get("/typed", () => { throw new VizierError("CONFLICT", "already running"); });
    app.get("/bug", () => { throw new Error("SELECT secret FROM stmts at /srv/vizier.db"); });
    app.get("/store", () => { throw new VizierError("STORE_UNAVAILABLE", "cannot open /srv/data/vizier.db: EACCES"); });
    const typed = await app.request("/typed");
    expect(typed.status).toBe(409);
    expect(typed.headers.get("content-type")).toBe("application/problem+json");
    expect(await typed.json()).toMatchObject({ status: 409, code: "CONFLICT", detail: "already running" });
    const bug = await app.request("/bug");
    expect(bug.status).toBe(500);
    const body = await bug.text();
    expect(body).not.toMatch(/SELECT|stmts|vizier\.db|at /);
    expect(JSON.parse(body)).toMatchObject({ code: "INTERNAL", reference: logged[0] });
    const store = await app.request("/store");
    expect(store.status).toBe(503);
    expect(await store.text()).not.toContain("/srv");
    expect(logged).toHaveLength(2);
  });
});
