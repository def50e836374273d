/** Dates and the time window of the store-backed network. */
import type { FtmEntity, Registry } from "@vizier/model";
import type { NetworkOptions } from "./types";

/** Earliest start and latest end date of an entity, from its schema's temporal extent properties. */
export function extent(model: Registry, e: FtmEntity): { start?: string; end?: string } {
  const te = model.getSchema(e.schema).temporalExtent;
  const pick = (props: readonly string[] | undefined, latest: boolean): string | undefined => {
    let best: string | undefined;
    for (const p of props ?? []) for (const v of e.properties[p] ?? []) if (best === undefined || (latest ? v > best : v < best)) best = v;
    return best;
  };
  const start = pick(te?.start, false);
  const end = pick(te?.end, true);
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/** An event (payment, call, shipment) counts when its date lies in [since, until); undated events only without a window. */
export function eventInWindow(o: NetworkOptions, date: string | undefined): boolean {
  if (o.since === undefined && o.until === undefined) return true;
  if (date === undefined) return false;
  return (o.since === undefined || date >= o.since) && (o.until === undefined || date < o.until);
}

/**
 * A relationship counts when its interval overlaps [since, until). Undated relationships (most
 * family ties and directorships in registers) are kept: nothing says they lie outside.
 */
export function relationInWindow(o: NetworkOptions, start: string | undefined, end: string | undefined): boolean {
  if (o.until !== undefined && start !== undefined && start >= o.until) return false;
  if (o.since !== undefined && end !== undefined && end < o.since) return false;
  return true;
}

/** Epoch seconds of an ISO date (date-only values are midnight UTC). */
export function epochSeconds(date: string): number {
  const t = Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  return Number.isNaN(t) ? Number.NaN : t / 1000;
}
