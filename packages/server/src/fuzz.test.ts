import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "./test/fixture";

// Throws malformed and hostile input at every route as an authenticated analyst who is NOT in
// the compartment: no 500, only JSON/problem+json (or the export's JSON lines), and never a
// withheld value, a SQL fragment or a stack trace in the answer.
let f: Fixture;
let ops: Array<{ method: string; path: string }>;
beforeAll(async () => {
  f = await makeFixture({ limits: { maxUploadBytes: 256 * 1024 } });
  const doc = await (await f.app.request("/api/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => ({ method: m.toUpperCase(), path: p })));
});
afterAll(async () => { await f.close(); });

const WITHHELD = ["Geheim", "SECRET-ID-42", "Hidden Alias"];
const LEAKS = /SQLITE_|SELECT |INSERT |sqlite_master|\bstmts\b|at [A-Za-z]+ \(|node:internal|\/tmp\/vizier-server/;

const HOSTILE = [
  "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e", "' OR 1=1 --", "\"; DROP TABLE stmts; --", "ent-secret", "ent-secret' --",
  "*", "%", "_", "\\", "\u0000", "%00", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "NEAR(a b)", "\"unterminated", "a OR b", "-",
  "🦊", "\ud800", "x".repeat(5000), "1e309", "-1", "NaN", "null", "[]", "{}", "true",
];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), fc.integer().map(String));
const jsonish = fc.oneof(
  fc.constantFrom("{", "{\"user\":", "[1,2", "\"\\u12\"", "{\"a\":1}}", "", "null", "1e99999", "{\"__proto__\":{\"x\":1}}"),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.record({ user: hostile, password: hostile, purpose: hostile }).map((v) => JSON.stringify(v)),
  fc.record({ user: fc.anything(), password: fc.anything() }).map((v) => { try { return JSON.stringify(v) ?? "{}"; } catch { return "{}"; } }),
);
const enc = (s: string) => { try { return encodeURIComponent(s); } catch { return "x"; } };

describe("fuzz: every route, hostile input", () => {
  it("never answers 500 and never leaks", async () => {
    await fc.assert(fc.asyncProperty(
      fc.nat(), hostile, fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "limit", "offset", "ids", "dataset", "run", "kind", "status", "recipients", "metric", "hops", "top", "from", "to", "k", "maxLength", "algorithm", "account", "entity", "direction", "period", "since", "until"), hostile), hostile), { maxLength: 4 }),
      jsonish, fc.option(hostile), fc.constantFrom("json", "form", "text", "none"), fc.boolean(),
      async (i, seg, query, body, purpose, kind, rawSeg) => {
        const op = ops[i % ops.length]!;
        const path = op.path.replace(/\{[^}]+\}/g, () => (rawSeg ? seg.replace(/[?#]/g, "") : enc(seg)));
        const qs = query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
        const headers: Record<string, string> = {};
        const init: RequestInit = { method: op.method, headers };
        if (op.method !== "GET") {
          if (kind === "json") { headers["content-type"] = "application/json"; init.body = body; }
          if (kind === "text") { headers["content-type"] = "text/plain"; init.body = body; }
          if (kind === "form") {
            const form = new FormData();
            form.set("dataset", seg);
            form.set("file", new File([body], seg.slice(0, 300) || "f.csv"));
            form.set("mapping", body);
            init.body = form;
          }
        }
        let url: string;
        try { url = `${path}${qs ? `?${qs}` : ""}`; new URL(url, "http://localhost"); } catch { return; }
        const purposeHeader = purpose === null ? "case:TEST-1" : purpose.replace(/[^\x20-\x7e]/g, "");
        // Mostly the analyst; every other pass over the routes as the administrator (admin routes' bodies).
        const r = await f.req(Math.floor(i / ops.length) % 2 ? "ada" : "ann", url, { ...init, purpose: purposeHeader });
        const text = await r.text();
        expect(r.status, `${op.method} ${url} → ${r.status} ${text.slice(0, 200)}`).toBeLessThan(500);
        expect(r.headers.get("content-type") ?? "application/json", url).toMatch(/^application\/(json|problem\+json|x-ndjson)/);
        for (const w of WITHHELD) expect(text, `${op.method} ${url}`).not.toContain(w);
        // GET /api/session echoes the caller's own purpose: that is not a leak.
        const own = JSON.stringify(purposeHeader).slice(1, -1);
        expect(own ? text.split(own).join("") : text, `${op.method} ${url}`).not.toMatch(LEAKS);
      },
    ), { seed: 20261122, numRuns: 600 });
    await f.runner.idle();
  }, 120_000);

  it("rejects a huge JSON body with 413, not 500", async () => {
    const r = await f.app.request("http://localhost/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: "a", password: "x".repeat(2 * 1024 * 1024), purpose: "case:T" }) });
    expect(r.status).toBe(413);
  });
});
