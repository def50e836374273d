import { useT } from "../app/context";
import type { Statement } from "./types";

const day = (iso: string) => iso.slice(0, 10);

/**
 * A value's provenance one hover (or focus) away: agency, dataset, legal basis, handling code,
 * first/last seen and reliability of each statement behind it.
 */
export function ProvenanceBadge({ statements }: { statements: readonly Statement[] }) {
  const t = useT();
  const first = statements[0];
  if (!first) return null;
  const agencies = [...new Set(statements.map((s) => s.agency))];
  const label = `${agencies.join(", ")} · ${first.handling}${statements.length > 1 ? ` · ${statements.length}×` : ""}`;
  return (
    <span className="tooltip">
      <span className={`badge handling-${first.handling}`} tabIndex={0} data-testid="provenance" aria-label={statements.map((s) => `${s.agency} ${s.dataset} ${s.legalBasis} ${s.handling} ${s.reliability}`).join("; ")}>
        {label}
      </span>
      <span className="tip" role="tooltip">
        {statements.slice(0, 4).map((s) => (
          <dl key={s.id}>
            <dt>{t("prov.agency")}</dt><dd>{s.agency}</dd>
            <dt>{t("prov.dataset")}</dt><dd>{s.dataset}</dd>
            <dt>{t("prov.legalBasis")}</dt><dd>{s.legalBasis}</dd>
            <dt>{t("prov.handling")}</dt><dd>{s.handling}</dd>
            <dt>{t("prov.firstSeen")}</dt><dd>{day(s.firstSeen)}</dd>
            <dt>{t("prov.lastSeen")}</dt><dd>{day(s.lastSeen)}</dd>
            <dt>{t("prov.reliability")}</dt><dd>{s.reliability}</dd>
            {s.original !== s.value && <><dt>{t("prov.original")}</dt><dd>{s.original}</dd></>}
          </dl>
        ))}
        {statements.length > 4 && <span>+{statements.length - 4}</span>}
      </span>
    </span>
  );
}
