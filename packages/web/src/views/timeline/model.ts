/** Timeline items → lanes by kind, points on a time axis, counts per kind (pure). */

export const KINDS = ["event", "payment", "shipment", "call", "border", "seizure", "other"] as const;
export type Kind = (typeof KINDS)[number];

export interface TimelineItem {
  id: string; schema: string; caption: string; start: string; end?: string | undefined; datasets: string[]; involves: string[];
}

const BY_SCHEMA: Record<string, Kind> = {
  Event: "event", Meeting: "event", Trip: "event", CourtCase: "event", Sanction: "event",
  Payment: "payment", Transfer: "payment",
  Shipment: "shipment",
  Communication: "call", Call: "call", Message: "call", Email: "call",
  BorderCrossing: "border",
  Seizure: "seizure",
};

export function kindOf(schema: string): Kind {
  return BY_SCHEMA[schema] ?? "other";
}

/** ISO date or date-time → epoch milliseconds (dates at midnight UTC); NaN when unreadable. */
export function timeOf(iso: string): number {
  const s = iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
  return Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
}

export interface TimelinePoint { id: string; kind: Kind; t: number; end: number | null; caption: string; schema: string; datasets: string[] }

export function timelineModel(items: readonly TimelineItem[], kinds: ReadonlySet<Kind> | null): { lanes: Kind[]; points: TimelinePoint[]; counts: Record<Kind, number> } {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const points: TimelinePoint[] = [];
  for (const i of items) {
    const kind = kindOf(i.schema);
    counts[kind]++;
    if (kinds && !kinds.has(kind)) continue;
    const t = timeOf(i.start);
    if (!Number.isFinite(t)) continue;
    const e = i.end !== undefined ? timeOf(i.end) : NaN;
    points.push({ id: i.id, kind, t, end: Number.isFinite(e) && e > t ? e : null, caption: i.caption, schema: i.schema, datasets: i.datasets });
  }
  points.sort((a, b) => a.t - b.t || a.id.localeCompare(b.id));
  const lanes = KINDS.filter((k) => points.some((p) => p.kind === k));
  return { lanes, points, counts };
}
