/** The flows view's calls to the HTTP API (typed client). */
import { unwrap, type VizierClient } from "@vizier/client";

export type By = "holder" | "account";
export const PERIODS = ["all", "year", "quarter", "month", "week", "day"] as const;
export type FlowPeriod = (typeof PERIODS)[number];

export interface Window { since?: string | undefined; until?: string | undefined }
const win = (w: Window) => ({ ...(w.since ? { since: w.since } : {}), ...(w.until ? { until: w.until } : {}) });
const idsParam = (ids: readonly string[]) => (ids.length > 0 ? { ids: ids.slice(0, 100).join(",") } : {});

export async function aggregate(api: VizierClient, ids: readonly string[], period: FlowPeriod, by: By, w: Window) {
  return await unwrap(await api.api.flows.aggregate.$get({ query: { ...idsParam(ids), period, by, limit: "300", ...win(w) } }));
}

export async function alerts(api: VizierClient, ids: readonly string[], by: By, w: Window) {
  return await unwrap(await api.api.flows.alerts.$get({ query: { ...idsParam(ids), by, limit: "100", ...win(w) } }));
}

export async function traceFrom(api: VizierClient, start: string, by: By, direction: "forward" | "backward", hops: number, w: Window) {
  return await unwrap(await api.api.flows.trace.$get({ query: { ...(by === "account" ? { account: start } : { entity: start }), direction, hops: String(hops), maxPaths: "50", ...win(w) } }));
}
