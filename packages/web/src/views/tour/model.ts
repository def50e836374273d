import type { ViewName } from "../../app/routes";

/** A name planted by the scenario generator (packages/scenario/src/cast.ts), found at run time by search. */
export interface Lookup { q: string; schemas: readonly string[] }

export interface Question {
  key: string;
  /** The view the answer opens, on the entities the lookups find. */
  view: ViewName;
  lookups: readonly Lookup[];
  /** Extra parameters of the view (e.g. the search text). */
  params?: Record<string, string>;
}

const org = ["Company", "Organization", "LegalEntity"] as const;
const person = ["Person"] as const;

/**
 * The analyst's questions of operation NL-2026-0042 (docs/demo.md). The names are the story's;
 * the ids are never written down: the tour searches for them as the signed-in user, so each user
 * sees what their agency may see.
 */
export const QUESTIONS: readonly Question[] = [
  { key: "importer", view: "entity", lookups: [{ q: "Verdi Fresh Import", schemas: org }] },
  { key: "brokers", view: "network", lookups: [{ q: "Mohammed El Amrani", schemas: person }, { q: "Verdi Fresh Import", schemas: org }, { q: "Rachid Al Mansouri", schemas: person }, { q: "Sanne de Groot", schemas: person }] },
  { key: "money", view: "flows", lookups: [{ q: "Dennis van Wijk", schemas: person }, { q: "Yusuf Demir", schemas: person }, { q: "Kade Vastgoed", schemas: org }, { q: "Verdi Fresh Import", schemas: org }] },
  { key: "shipments", view: "timeline", lookups: [{ q: "Frutas del Pacifico", schemas: org }, { q: "Verdi Fresh Import", schemas: org }] },
  { key: "places", view: "map", lookups: [{ q: "Al Noor General Trading", schemas: org }, { q: "Frutas del Pacifico", schemas: org }, { q: "Verdi Fresh Import", schemas: org }] },
  { key: "fiu", view: "search", lookups: [], params: { q: "Verdi Fresh" } },
];

interface Hit { entity: { id: string; schema: string; properties: Record<string, string[]>; datasets?: string[] } }

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * The best hit for a lookup: of the wanted schemas, one whose name contains every word of the
 * query (diacritics folded), preferring the public register (kvk) and then the most names.
 */
export function pick(hits: readonly Hit[], l: Lookup): string | undefined {
  const words = fold(l.q).split(" ");
  const ok = hits.filter((h) => l.schemas.includes(h.entity.schema) && (h.entity.properties["name"] ?? []).some((n) => words.every((w) => fold(n).includes(w))));
  const score = (h: Hit) => ((h.entity.datasets ?? []).includes("kvk") ? 1000 : 0) + (h.entity.schema === l.schemas[0] ? 100 : 0) + (h.entity.properties["name"]?.length ?? 0);
  return [...ok].sort((a, b) => score(b) - score(a))[0]?.entity.id;
}
