import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateUi, UI_CSP, uiHandler, withUi } from "./static";
import { makeFixture, token, PURPOSE, type Fixture } from "./test/fixture";

let base: string;
let root: string;
let f: Fixture;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), "vizier-static-"));
  root = join(base, "packages", "web", "dist");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>ui</title>");
  writeFileSync(join(root, "assets", "index-abc123.js"), "console.log(1)");
  writeFileSync(join(root, "assets", "index-abc123.css"), "body{}");
  writeFileSync(join(root, ".env"), "SECRET=1");
  writeFileSync(join(base, "secret.txt"), "outside");
  symlinkSync(join(base, "secret.txt"), join(root, "assets", "link.js"));
  f = await makeFixture();
});
afterAll(async () => { await f.close(); });

const get = (path: string, method = "GET") => uiHandler(root)(new Request(`http://localhost${path}`, { method }));

describe("UI static serving", () => {
  it("serves index.html at / with a strict CSP and revalidation", async () => {
    const r = get("/");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.headers.get("content-security-policy")).toBe(UI_CSP);
    expect(UI_CSP).toContain("script-src 'self'");
    expect(UI_CSP).not.toContain("unsafe-inline");
    expect(r.headers.get("cache-control")).toBe("no-cache");
    expect(await r.text()).toContain("<title>ui</title>");
  });
  it("serves hashed assets with their content type, immutable", async () => {
    const js = get("/assets/index-abc123.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(js.headers.get("x-content-type-options")).toBe("nosniff");
    expect(get("/assets/index-abc123.css").headers.get("content-type")).toBe("text/css; charset=utf-8");
  });
  it("answers HEAD without a body and refuses other methods", async () => {
    const h = get("/assets/index-abc123.js", "HEAD");
    expect(h.status).toBe(200);
    expect(await h.text()).toBe("");
    expect(get("/", "POST").status).toBe(405);
  });
  it("404s missing assets and files with an extension; app routes get index.html", async () => {
    expect(get("/assets/nope-123.js").status).toBe(404);
    expect(get("/favicon.ico").status).toBe(404);
    const app = get("/entity/abc");
    expect(app.status).toBe(200);
    expect(app.headers.get("content-security-policy")).toBe(UI_CSP);
  });
  it("never leaves the UI folder: traversal, encoded traversal, dot-files, symlinks out", async () => {
    for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/.env", "/assets/link.js", "/%00index.html", "/assets/..%5c..%5csecret.txt"]) {
      const r = get(p);
      const body = await r.text();
      expect(body, p).not.toContain("outside");
      expect(body, p).not.toContain("SECRET");
    }
    for (const p of ["/.env", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%00index.html"]) expect(get(p).status, p).toBe(404);
    expect(get("/assets/link.js").status).toBe(404);
  });
  it("finds the UI folder above a bundle, or from VIZIER_UI_DIR", () => {
    expect(locateUi(join(base, "dist", "chunks"), {})).toBe(root);
    expect(locateUi(join(base, "dist"), { VIZIER_UI_DIR: root })).toBe(root);
    expect(locateUi(join(base, "dist"), { VIZIER_UI_DIR: join(base, "nowhere") })).toBeUndefined();
    expect(locateUi(tmpdir(), {})).toBeUndefined();
  });
});

describe("the API beside the UI", () => {
  it("leaves /api untouched: API answers, API 404s, no UI fallback", async () => {
    const both = withUi(f.app, root);
    const health = await both.fetch(new Request("http://localhost/api/health"));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const missing = await both.fetch(new Request("http://localhost/api/no-such-route", { headers: { authorization: `Bearer ${token("ann")}`, "x-vizier-purpose": PURPOSE } }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect((await both.fetch(new Request("http://localhost/api"))).headers.get("content-type")).not.toContain("text/html");
    const ui = await both.fetch(new Request("http://localhost/search"));
    expect(ui.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });
  it("without a built UI the API is served alone", () => {
    expect(withUi(f.app, undefined)).toBe(f.app);
  });
});
