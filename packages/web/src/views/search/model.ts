import type { Entity } from "../../components/types";

export const FACETS = ["schema", "agency", "dataset", "country"] as const;
export type Facet = (typeof FACETS)[number];
export type Selection = Partial<Record<Facet, readonly string[]>>;

/** A facet's counts (as the API answers them), most frequent first. */
export function sortedCounts(counts: Readonly<Record<string, number>> | undefined): Array<[string, number]> {
  return Object.entries(counts ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The selection as the search API's filter parameters (comma-separated; facets absent when none chosen). */
export function filterQuery(sel: Selection): Partial<Record<Facet, string>> {
  const q: Partial<Record<Facet, string>> = {};
  for (const f of FACETS) if (sel[f]?.length) q[f] = sel[f].join(",");
  return q;
}

/** Selection ⇄ URL parameters (`agency=FIU,DOUANE`). */
export function selectionFrom(params: URLSearchParams): Selection {
  const s: Selection = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) s[f] = v.split(",").filter((x) => x !== "");
  }
  return s;
}

export function toggle(sel: Selection, f: Facet, value: string): Selection {
  const cur = sel[f] ?? [];
  return { ...sel, [f]: cur.includes(value) ? cur.filter((x) => x !== value) : [...cur, value] };
}

/** The name shown for a hit: caption, first name, else the id. */
export function captionOf(e: Entity): string {
  return e.caption ?? e.properties["name"]?.[0] ?? e.properties["number"]?.[0] ?? e.properties["iban"]?.[0] ?? e.id;
}
