/** The store-backed network's edges as table rows (`vizier graph edges --from-store`). */
import type { Network } from "@vizier/analytics";

export const EDGE_COLUMNS = ["source", "target", "type", "directed", "weight", "count", "amount_eur", "duration", "period", "start", "end", "source_label", "target_label", "evidence"] as const;

/** One row per typed edge (per period for aggregated events); evidence ids `;`-separated. */
export function edgeRows(net: Network): (string | number)[][] {
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));
  return net.edges.map((e) => [
    e.source, e.target, e.type, e.directed ? 1 : 0, e.weight, e.count,
    e.amount === undefined ? "" : e.amount.toFixed(2), e.duration ?? "", e.period ?? "", e.start ?? "", e.end ?? "",
    label.get(e.source) ?? e.source, label.get(e.target) ?? e.target, e.evidence.join(";"),
  ]);
}
