/**
 * Serves the built web UI (packages/web/dist) next to the API, on the same origin: `/api/*` goes
 * to the API untouched; everything else is a file of the UI. Hashed assets (`/assets/*`) are
 * cached for a year (immutable), index.html is revalidated and carries a strict CSP. A path with
 * no file extension that names no file gets index.html (the UI routes by hash, so this only
 * catches reloads and typed URLs); a missing asset is 404. Paths are resolved inside the UI folder
 * only (no traversal, no dot-files, no symlinks out).
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { VizierApp } from "./app";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json", ".wasm": "application/wasm",
};

/** No inline script or style, nothing from elsewhere; workers from blob: (graph layout). */
export const UI_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join("; ");

const COMMON = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY" };

/** The UI folder: VIZIER_UI_DIR, else the first `packages/web/dist` (or `web` beside a bundle) with an index.html above `from`. */
export function locateUi(from: string, env: Record<string, string | undefined> = process.env): string | undefined {
  const given = env["VIZIER_UI_DIR"];
  if (given) return existsSync(join(given, "index.html")) ? resolve(given) : undefined;
  let dir = from;
  for (let i = 0; i < 6; i++) {
    for (const c of [join(dir, "packages", "web", "dist"), join(dir, "web")]) if (existsSync(join(c, "index.html"))) return c;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The folder of a module URL (`import.meta.url`). */
export const dirOf = (url: string): string => dirname(fileURLToPath(url));

/** The file a request path names inside root, or undefined (outside root, hidden, malformed, not a file). */
export function fileFor(root: string, pathname: string): string | undefined {
  let p: string;
  try { p = decodeURIComponent(pathname); } catch { return undefined; }
  if (p.includes("\0") || p.includes("\\")) return undefined;
  const parts = p.split("/").filter((s) => s !== "");
  if (parts.some((s) => s === ".." || s.startsWith("."))) return undefined;
  const file = resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    const real = realpathSync(file);
    const realRoot = realpathSync(root);
    return real.startsWith(realRoot + sep) ? real : undefined;
  } catch { return undefined; }
}

function respond(method: string, file: string, status: number, headers: Record<string, string>): Response {
  const body = method === "HEAD" ? null : readFileSync(file);
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  return new Response(body, { status, headers: { ...COMMON, "Content-Type": type, ...headers } });
}

/** A fetch handler for the UI files in root (GET and HEAD; others 405). */
export function uiHandler(root: string): (req: Request) => Response {
  const dir = resolve(root);
  const index = join(dir, "index.html");
  const html = { "Content-Security-Policy": UI_CSP, "Cache-Control": "no-cache" };
  return (req) => {
    if (req.method !== "GET" && req.method !== "HEAD") return new Response("method not allowed", { status: 405, headers: { ...COMMON, Allow: "GET, HEAD" } });
    const { pathname } = new URL(req.url);
    if (/(^|\/)(\.|%2e)/i.test(pathname) || /%(00|2f|5c)/i.test(pathname)) return notFound();
    const file = pathname === "/" ? index : fileFor(dir, pathname);
    if (file === index) return respond(req.method, index, 200, html);
    if (file) {
      const immutable = pathname.startsWith("/assets/");
      return respond(req.method, file, 200, immutable ? { "Cache-Control": "public, max-age=31536000, immutable" } : { "Cache-Control": "no-cache" });
    }
    // A route of the app (no extension, not under /assets/): the app itself.
    if (!pathname.startsWith("/assets/") && extname(pathname) === "") return respond(req.method, index, 200, html);
    return notFound();
  };
}

const notFound = () => new Response("not found", { status: 404, headers: { ...COMMON, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The API with the UI beside it: `/api` and `/api/*` go to the app unchanged (its own 404s included). */
export function withUi(app: VizierApp, root: string | undefined): Pick<VizierApp, "fetch"> {
  if (root === undefined) return app;
  const ui = uiHandler(root);
  const isApi = (path: string) => path === "/api" || path.startsWith("/api/");
  const fetch: VizierApp["fetch"] = (req, env, ctx) => (isApi(new URL(req.url).pathname) ? app.fetch(req, env, ctx) : ui(req));
  return { fetch };
}
