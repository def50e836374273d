/** The side panel: the selected entity's properties (with provenance), its relationships in view, actions. */
import { unwrap } from "@vizier/client";
import { useApi, useT } from "../../app/context";
import { useLoad } from "../../app/async";
import { Status } from "../../components/Status";
import { href } from "../../app/routes";
import type { ApiNode, Expansion, GraphEdge } from "./graph-model";
import { edgeLabel } from "./draw";
import { WithheldNotice } from "./Provenance";
import { TypeIcon } from "../../components/TypeIcon";
import { ProvenanceBadge } from "../../components/Provenance";
import type { Statement } from "../../components/types";

/** Statements grouped per (property, value): one line per value with every source behind it. */
function groupValues(statements: readonly Statement[]): { key: string; prop: string; value: string; statements: Statement[] }[] {
  const m = new Map<string, { key: string; prop: string; value: string; statements: Statement[] }>();
  for (const s of statements) {
    const key = `${s.prop}\u0000${s.value}`;
    const g = m.get(key);
    if (g) g.statements.push(s); else m.set(key, { key, prop: s.prop, value: s.value, statements: [s] });
  }
  return [...m.values()];
}

export function NodeDetails({ node, edges, names, degree, score, metric, community, expansion, onExpand, onPathEnd }: {
  node: ApiNode;
  edges: readonly GraphEdge[];
  names: ReadonlyMap<string, string>;
  degree: number;
  score: number | undefined;
  metric: string;
  community: number | undefined;
  expansion: Expansion | undefined;
  onExpand: () => void;
  onPathEnd: (end: "from" | "to") => void;
}) {
  const t = useT();
  const api = useApi();
  const [view] = useLoad(async () => unwrap(await api.api.entities[":id"].$get({ param: { id: node.id } })), [api, node.id]);
  return (
    <section className="panel" aria-labelledby="network-selected" data-testid="network-selected">
      <h2 id="network-selected">{t("network.selected")}</h2>
      <p><TypeIcon schema={node.schema} /> <strong>{node.label}</strong> <span className="muted">{node.schema}</span></p>
      <div className="row">
        <a href={href("entity", { id: node.id })}>{t("network.openProfile")}</a>
        <button type="button" onClick={onExpand} data-testid="network-expand">{t("network.expand")}</button>
        <button type="button" className="secondary" onClick={() => onPathEnd("from")}>{t("network.setFrom")}</button>
        <button type="button" className="secondary" onClick={() => onPathEnd("to")}>{t("network.setTo")}</button>
      </div>
      <dl className="facts">
        <dt>{t("network.degree")}</dt><dd>{degree}</dd>
        {score !== undefined && <><dt>{t("network.score", { metric })}</dt><dd>{Math.round(score * 1000) / 1000}</dd></>}
        {community !== undefined && <><dt>{t("network.community")}</dt><dd>{community}</dd></>}
      </dl>
      {expansion && <p className="muted">{t("network.expanded", { hidden: expansion.hidden, truncated: expansion.truncated ? t("network.expandedTruncated") : "" })}</p>}
      <h3>{t("network.props")}</h3>
      <Status loaded={view}>
        {(v) => (
          <>
            <WithheldNotice items={v.withheld} />
            <ul className="props">
              {groupValues(v.statements).slice(0, 24).map((g) => <li key={g.key}><span className="muted">{g.prop}:</span> {g.value} <ProvenanceBadge statements={g.statements} /></li>)}
            </ul>
          </>
        )}
      </Status>
      <h3>{t("network.relationships")}</h3>
      <ul className="props">
        {edges.slice(0, 50).map((e) => {
          const other = e.source === node.id ? e.target : e.source;
          return (
            <li key={e.key}>
              {edgeLabel(e)} {e.source === node.id ? "→" : "←"} <a href={href("entity", { id: other })}>{names.get(other) ?? other}</a>
              {!e.type.startsWith("Shared") && e.evidence.slice(0, 3).map((ev, i) => <a key={ev} className="badge" href={href("entity", { id: ev })} title={t("network.evidence")}>{t("network.evidence")} {i + 1}</a>)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
