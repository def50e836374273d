import type { Entity } from "../../components/types";

export const FACETS = ["schema", "agency", "dataset", "country"] as const;
export type Facet = (typeof FACETS)[number];
export type Selection = Partial<Record<Facet, readonly string[]>>;

/** The facet values of one search hit (agency through the dataset → agency map). */
export function facetValues(e: Entity, agencyOf: ReadonlyMap<string, string>): Record<Facet, string[]> {
  const datasets = e.datasets ?? [];
  return {
    schema: [e.schema],
    dataset: datasets,
    agency: [...new Set(datasets.map((d) => agencyOf.get(d)).filter((a): a is string => a !== undefined))],
    country: [...new Set([...(e.properties["country"] ?? []), ...(e.properties["nationality"] ?? []), ...(e.properties["jurisdiction"] ?? [])])],
  };
}

/** Hits that match every facet with a selection (any of its chosen values). */
export function applyFacets<T extends { entity: Entity }>(items: readonly T[], sel: Selection, agencyOf: ReadonlyMap<string, string>): T[] {
  const active = FACETS.filter((f) => (sel[f]?.length ?? 0) > 0);
  if (active.length === 0) return [...items];
  return items.filter((it) => {
    const v = facetValues(it.entity, agencyOf);
    return active.every((f) => v[f].some((x) => sel[f]!.includes(x)));
  });
}

/** Counts per facet value over the given hits, most frequent first. */
export function countFacets(items: readonly { entity: Entity }[], agencyOf: ReadonlyMap<string, string>): Record<Facet, Array<[string, number]>> {
  const out = {} as Record<Facet, Array<[string, number]>>;
  for (const f of FACETS) {
    const m = new Map<string, number>();
    for (const it of items) for (const v of facetValues(it.entity, agencyOf)[f]) m.set(v, (m.get(v) ?? 0) + 1);
    out[f] = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
  return out;
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
