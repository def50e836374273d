/**
 * Hash routes of the UI (pure; tested in routes.test.ts). `#/entity/<id>`, `#/network?ids=a,b`,
 * `#/flows?ids=…`, `#/timeline?ids=…`, `#/map?ids=…`, `#/search?q=…`. Hash routing keeps every
 * URL on the one index.html the server hands out, and a reload lands on the same view.
 */
export const VIEWS = ["search", "entity", "review", "datasets", "access", "audit", "tour", "network", "flows", "timeline", "map"] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The path segment after the view (`#/entity/<id>`), decoded. */
  id?: string;
  params: URLSearchParams;
}

const isView = (s: string): s is ViewName => (VIEWS as readonly string[]).includes(s);

/** `#/entity/abc?x=1` → { view: "entity", id: "abc", params }; anything unknown → search. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  const [view = "", ...rest] = path.split("/");
  if (!isView(view)) return { view: "search", params };
  let id: string | undefined;
  if (rest.length > 0 && rest.join("/") !== "") {
    try { id = decodeURIComponent(rest.join("/")); } catch { id = undefined; }
  }
  return id === undefined ? { view, params } : { view, id, params };
}

/** The hash of a view: href("entity", { id }) → "#/entity/<id>"; href("network", { ids: [a, b] }) → "#/network?ids=a,b". */
export function href(view: ViewName, opts: { id?: string; ids?: readonly string[]; params?: Record<string, string | undefined> } = {}): string {
  let out = `#/${view}`;
  if (opts.id !== undefined) out += `/${encodeURIComponent(opts.id)}`;
  const p = new URLSearchParams();
  if (opts.ids && opts.ids.length > 0) p.set("ids", opts.ids.join(","));
  for (const [k, v] of Object.entries(opts.params ?? {})) if (v !== undefined && v !== "") p.set(k, v);
  const qs = p.toString().replace(/%2C/g, ",");
  return qs ? `${out}?${qs}` : out;
}

/** The `ids` parameter as a list (empty entries dropped). */
export function idsOf(route: Route): string[] {
  return (route.params.get("ids") ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
}
