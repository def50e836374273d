/** A value with its provenance one hover (or focus) away, and withheld notices — shared by the B2 views. */
import type { ReactNode } from "react";
import { useT } from "../../app/context";

export interface StatementLike {
  prop: string; value: string; dataset: string; agency: string; legalBasis: string; handling: string; reliability: string; firstSeen: string; lastSeen: string;
}

export function Provenance({ s, children }: { s: StatementLike; children?: ReactNode }) {
  return (
    <span className="tooltip" tabIndex={0}>
      {children ?? s.value} <span className={`badge handling-${s.handling}`}>{s.agency}</span>
      <span className="tip" role="tooltip">
        <dl>
          <dt>agency</dt><dd>{s.agency}</dd>
          <dt>dataset</dt><dd>{s.dataset}</dd>
          <dt>legal basis</dt><dd>{s.legalBasis}</dd>
          <dt>handling</dt><dd>{s.handling}</dd>
          <dt>reliability</dt><dd>{s.reliability}</dd>
          <dt>first/last seen</dt><dd>{s.firstSeen.slice(0, 10)} – {s.lastSeen.slice(0, 10)}</dd>
        </dl>
      </span>
    </span>
  );
}

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
