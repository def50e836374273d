/** Withheld notices: what other agencies hold on an entity, as counts (never content). */
import { useT } from "../../app/context";

export interface WithheldLike { agency: string; dataset: string; handling: string; count: number }

export function WithheldNotice({ items }: { items: readonly WithheldLike[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className="withheld" role="note" data-testid="withheld">
      {items.map((w, i) => <div key={i}>{t("network.withheldProps", { agency: w.agency, count: w.count, handling: w.handling })}</div>)}
    </div>
  );
}
