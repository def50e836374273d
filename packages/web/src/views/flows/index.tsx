/**
 * Money flows (issue #7 item 5): a Sankey and a table of money between the entities in the
 * route (#/flows?ids=a,b) from GET /api/flows/aggregate, a trace from one of them
 * (GET /api/flows/trace) and explained typology alerts (GET /api/flows/alerts).
 */
import { useMemo, useState } from "react";
import { useApi, useApp, useRoute, useT } from "../../app/context";
import { isMissingRoute, messageOf, useLoad, type Loaded } from "../../app/async";
import { href, idsOf } from "../../app/routes";
import { Chart } from "./Chart";
import { aggregate, alerts, PERIODS, type By, type FlowPeriod } from "./api";
import { euro, sankeyModel } from "./model";
import { TracePanel } from "./TracePanel";
import "./flows.css";

function Problem({ loaded }: { loaded: Loaded<unknown> }) {
  const t = useT();
  if (loaded.state === "loading") return <p className="muted" role="status" aria-live="polite">{t("common.loading")}</p>;
  if (loaded.state === "error") return <p className={isMissingRoute(loaded.error) ? "muted" : "error"} role="alert">{isMissingRoute(loaded.error) ? t("flows.unavailable") : t("common.error", { detail: messageOf(loaded.error) })}</p>;
  return null;
}

export default function FlowsView() {
  const t = useT();
  const api = useApi();
  const { lang } = useApp();
  const route = useRoute();
  const ids = useMemo(() => idsOf(route), [route]);
  const idKey = ids.join(",");
  const [period, setPeriod] = useState<FlowPeriod>("all");
  const [by, setBy] = useState<By>("holder");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const w = useMemo(() => ({ since: since || undefined, until: until || undefined }), [since, until]);
  const [agg] = useLoad(() => aggregate(api, ids, period, by, w), [api, idKey, period, by, w]);
  const [al] = useLoad(() => alerts(api, ids, by, w), [api, idKey, by, w]);
  const [traceStart, setTraceStart] = useState(ids[0] ?? "");

  const links = agg.state === "ok" ? agg.value.links : [];
  const model = useMemo(() => sankeyModel(links), [links]);
  const cyclicPairs = useMemo(() => new Set(model.cyclic.map((c) => `${c.source}\u0000${c.target}`)), [model]);
  const labels = useMemo(() => new Map(model.nodes.map((n) => [n.name, n.label])), [model]);
  const option = useMemo(() => ({
    animation: false,
    tooltip: {
      trigger: "item",
      formatter: (p: { dataType?: string; data?: { source?: string; target?: string; value?: number; count?: number; label?: string; name?: string } }) =>
        p.dataType === "edge"
          ? `${labels.get(p.data?.source ?? "") ?? ""} → ${labels.get(p.data?.target ?? "") ?? ""}: ${euro(p.data?.value ?? 0, lang)} (${p.data?.count ?? 0})`
          : `${p.data?.label ?? p.data?.name ?? ""}`,
    },
    series: [{
      type: "sankey", left: 8, right: 210, top: 8, bottom: 8, nodeGap: 10, draggable: false, emphasis: { focus: "adjacency" },
      label: { formatter: (p: { data?: { label?: string } }) => (p.data?.label ?? "").slice(0, 30) },
      lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.45 },
      data: model.nodes, links: model.links,
    }],
  }), [model, labels, lang]);

  return (
    <section className="flows" aria-labelledby="flows-title">
      <h1 id="flows-title">{t("flows.title")}</h1>
      <p className="muted">{ids.length > 0 ? t("flows.scope", { count: ids.length }) : t("flows.scopeAll")}</p>
      {ids.length > 0 && (
        <nav className="row" aria-label={t("network.openIn")}>
          <a href={href("network", { ids: ids.slice(0, 20) })}>{t("flows.openNetwork")}</a>
          <a href={href("timeline", { ids: ids.slice(0, 20) })}>{t("flows.openTimeline")}</a>
        </nav>
      )}
      <form className="row flows-controls" onSubmit={(e) => e.preventDefault()}>
        <label>{t("flows.period")} <select value={period} onChange={(e) => setPeriod(e.target.value as FlowPeriod)}>{PERIODS.map((p) => <option key={p} value={p}>{p}</option>)}</select></label>
        <label>{t("flows.by")} <select value={by} onChange={(e) => setBy(e.target.value as By)}>
          <option value="holder">{t("flows.by.holder")}</option><option value="account">{t("flows.by.account")}</option>
        </select></label>
        <label>{t("flows.since")} <input type="date" value={since} onChange={(e) => setSince(e.target.value)} /></label>
        <label>{t("flows.until")} <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} /></label>
      </form>
      <Problem loaded={agg} />
      {agg.state === "ok" && (links.length === 0 ? <p data-testid="flows-empty">{t("flows.none")}</p> : (
        <>
          {agg.value.truncated && <p className="withheld" role="note">{t("flows.truncated", { limit: links.length })}</p>}
          <Chart option={option} label={t("flows.sankey")} height={Math.min(640, 200 + model.nodes.length * 14)} testId="flows-sankey"
            onClick={(p) => { if (p.dataType === "node" && p.name) setTraceStart(p.name); }} />
          {model.cyclic.length > 0 && <p className="muted">{t("flows.cyclic", { count: model.cyclic.length })}</p>}
          <h2>{t("flows.table")}</h2>
          <table data-testid="flows-table">
            <thead><tr><th>{t("flows.col.from")}</th><th>{t("flows.col.to")}</th><th>{t("flows.col.period")}</th><th className="num">{t("flows.col.amount")}</th><th className="num">{t("flows.col.count")}</th><th /></tr></thead>
            <tbody>
              {links.map((l, i) => (
                <tr key={i}>
                  <td><a href={href("entity", { id: l.source.id })}>{l.source.label}</a></td>
                  <td><a href={href("entity", { id: l.target.id })}>{l.target.label}</a>{cyclicPairs.has(`${l.source.id}\u0000${l.target.id}`) && <span title={t("flows.cyclic", { count: 1 })}> ↺</span>}</td>
                  <td>{l.period}</td>
                  <td className="num">{euro(l.amount, lang)}</td>
                  <td className="num">{l.count}</td>
                  <td><button type="button" className="secondary" onClick={() => setTraceStart(l.source.id)}>{t("flows.traceHere")}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ))}
      <TracePanel start={traceStart} setStart={setTraceStart} choices={[...new Map([...ids.map((id) => [id, labels.get(id) ?? id] as const), ...model.nodes.map((n) => [n.name, n.label] as const)])]} by={by} window={w} />
      <section aria-labelledby="flows-alerts" data-testid="flows-alerts">
        <h2 id="flows-alerts">{t("flows.alerts")}</h2>
        <Problem loaded={al} />
        {al.state === "ok" && (al.value.alerts.length === 0 ? <p>{t("flows.alertsNone")}</p> : (
          <ul className="alerts">
            {al.value.alerts.map((a) => (
              <li key={a.id}>
                <strong>{a.pattern}</strong> <span className="badge">{t("flows.alert.score", { score: a.score.toFixed(2) })}</span> {euro(a.amount, lang)} · {a.start.slice(0, 10)} – {a.end.slice(0, 10)} · {t("flows.alert.payments", { count: a.payments.length })}
                <p>{a.explanation}</p>
                <p className="row">{a.parties.slice(0, 12).map((p) => <a key={p.id} href={href("entity", { id: p.id })}>{p.label}</a>)}</p>
              </li>
            ))}
          </ul>
        ))}
      </section>
    </section>
  );
}
